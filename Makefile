# The portal's commands. `make run` and `make test` work on a fresh machine with python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench

.PHONY: run test serve worker messages translations install install-dev bench chaos backup restore \
	clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Message catalogues are compiled with Babel, so no system gettext is needed to run the site.
messages: $(VENV)/.installed
	@for dir in locale */locale; do \
		[ -d "$$dir" ] && $(BIN)/pybabel compile --domain django --directory "$$dir" --statistics 2>&1 | grep -v '^$$' || true; \
	done

run: messages
	DEBUG=1 $(MANAGE) migrate --no-input
	DEBUG=1 $(MANAGE) load_demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

# The browser and HTML-checker tests use axe-core and vnu-jar from npm, when npm is there.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility and HTML-checker tests will be skipped"; fi

test: $(VENV)/.installed-dev messages
	-@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/ruff check .
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

serve: messages
	DEBUG=0 $(MANAGE) collectstatic --no-input --verbosity 0
	DEBUG=0 $(MANAGE) migrate --no-input
	DEBUG=0 $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

worker: messages
	$(MANAGE) db_worker

clean:
	rm -rf $(VENV) node_modules staticfiles

# After changing UI strings: refresh the catalogues (needs gettext's xgettext), then translate
# the new entries in */locale/en/LC_MESSAGES/django.po. Each app keeps its own catalogue.
APPS := relations visits newsroom internships events
translations: $(VENV)/.installed
	DEBUG=1 $(MANAGE) makemessages -l en --no-obsolete --ignore node_modules --ignore staticfiles \
		$(foreach app,$(APPS),--ignore $(app))
	for app in $(APPS); do (cd $$app && ../$(BIN)/django-admin makemessages -l en --no-obsolete); done

# The benchmark (README, "Benchmark"): a database of its own (BENCH_DATABASE_URL, dropped and
# refilled at each scale), gunicorn in production mode driven by wrk, Redis as the cache when
# it answers. BENCH_DURATION=seconds per page, BENCH_SCALES=small,large.
# It installs what it needs, like `make test`: the dev extras (aiosmtpd for the SMTP sink) and,
# where apt-get can, wrk.
bench: $(VENV)/.installed-dev messages
	@command -v wrk >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
		{ apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1; } || true
	@BENCH_DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python -m bench.run

# The load test with faults (README, "Load test with faults"): its own PostgreSQL cluster, Redis
# and SMTP sink on free ports, never the shared ones; the forms under 32 clients while the
# services fail. Needs PostgreSQL 15's binaries (CHAOS_POSTGRES_BIN) and redis-server.
# CHAOS_SECONDS=seconds of load (default 180), CHAOS_MAX_SUBMISSIONS (default 6000).
chaos: $(VENV)/.installed-dev messages
	@$(BIN)/python -m bench.chaos

# Backups need PostgreSQL (DATABASE_URL). `make restore BACKUP=backups/<folder>` wants an
# empty database: createdb a new one and point DATABASE_URL at it.
backup: $(VENV)/.installed
	$(MANAGE) backup

restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/<folder>"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"
