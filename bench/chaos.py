"""``make chaos``: the public forms under load while the services under them fail.

Everything runs on loopback and is the run's own: a PostgreSQL cluster in a temporary folder
on a free port, a redis-server, the counting SMTP sink, gunicorn as ``make serve`` runs it
(DEBUG off, two sync workers) and a task worker as ``make worker`` runs it, kept running as
systemd would. 32 clients fill in the four public forms (internship application with a PDF,
newsletter sign-up, visit request, event registration) for CHAOS_SECONDS (default 180), at
most CHAOS_MAX_SUBMISSIONS submissions. Meanwhile, on a schedule: a gunicorn worker gets
SIGKILL, PostgreSQL restarts, Redis stops for 30 s, the task worker gets SIGKILL and a new
one starts (twice), another gunicorn worker gets SIGKILL.

A client behaves as a person: it loads the form, sends it, and sends it once more with the
same one-time token when no answer or a 503 came back. Each submission has an e-mail
address and a client address of its own (X-Forwarded-For behind one trusted proxy, as in
production), so that the forms' rate limits count people, not the test.

Afterwards the queue is left to empty, ``run_periodic`` recovering the tasks a killed worker
left running, and the books are checked: every submission whose receipt a client saw is
stored exactly once, with its file; every stored one got its mail exactly once (or is
counted as uncertain); no answer was a 500. Exits 1 when any of it fails.

Run with the project's virtualenv: ``.venv/bin/python -m bench.chaos``.
"""

import contextlib
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

from bench.run import (
    PYTHON,
    ROOT,
    BenchError,
    Gunicorn,
    django_env,
    free_port,
    machine,
    manage,
    run,
    say,
    smtp_sink,
)
from internships.samples import minimal_pdf

POSTGRES_BIN = Path(os.environ.get("CHAOS_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
CLIENTS = 32
FORMS = ("application", "newsletter", "visit", "event")
# The address the visit requests' notices go to: one mail per stored request.
COORDINATORS = "besokssamordnare@kaos.example.se"
# Short, so that the run need not wait the production 15 minutes for run_periodic to treat a
# killed worker's task as abandoned; still far above any task's running time.
ABANDONED_AFTER_SECONDS = 20
REDIS_OUTAGE_SECONDS = 30
# How long the sink takes to accept a mail, as a remote server does: the task worker then
# spends most of a mail's task in the SMTP exchange, where a SIGKILL leaves it uncertain.
SMTP_SECONDS = 0.03
REQUEST_TIMEOUT = 30
# After the load the worker may have mails to catch up on; it is given time while it makes
# progress, and this long at most once it makes none.
SETTLE_STALL_SECONDS = 90


# The run's own services -------------------------------------------------------------------


def as_postgres(command):
    """PostgreSQL refuses to run as root: as root, run its tools as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class OwnPostgres:
    """A PostgreSQL cluster of the run's own, in ``folder``, listening on 127.0.0.1:port."""

    def __init__(self, folder, port, log):
        self.folder, self.port, self.log = Path(folder), port, Path(log)
        self.data = self.folder / "data"

    def pg_ctl(self, *arguments):
        run(as_postgres([str(POSTGRES_BIN / "pg_ctl"), "--pgdata", str(self.data),
                         "--log", str(self.log), "--wait", *arguments]), os.environ)

    def __enter__(self):
        if not (POSTGRES_BIN / "initdb").exists():
            raise BenchError(f"PostgreSQL's initdb is not in {POSTGRES_BIN} (CHAOS_POSTGRES_BIN)")
        self.folder.mkdir()
        self.log.touch()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(self.log, "postgres", "postgres")
        run(as_postgres([str(POSTGRES_BIN / "initdb"), "--pgdata", str(self.data),
                         "--username", "postgres", "--auth", "trust", "--encoding", "UTF8",
                         "--locale", "C.UTF-8", "--no-sync"]), os.environ)
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={self.folder}")
        self.pg_ctl("start", "--options", options)
        try:
            run(as_postgres([str(POSTGRES_BIN / "createdb"), "--host", "127.0.0.1",
                             "--port", str(self.port), "--username", "postgres", "chaos"]),
                os.environ)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        with contextlib.suppress(BenchError):
            self.pg_ctl("stop", "--mode", "immediate")

    def restart(self):
        self.pg_ctl("restart", "--mode", "fast")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/chaos"


class OwnRedis:
    """A redis-server of the run's own, without persistence; it can be stopped and started."""

    def __init__(self, port, log):
        self.port, self.log = port, log
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=self.log, stderr=self.log,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.port), timeout=1
            ):
                return
            time.sleep(0.1)
        raise BenchError("redis-server did not start within 10 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    def __enter__(self):
        if not shutil.which("redis-server"):
            raise BenchError("redis-server is not installed (apt-get install redis-server)")
        self.start()
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.stop()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/1"


class TaskWorker:
    """``make worker``'s db_worker, started again whenever it ends, as systemd would."""

    def __init__(self, env, log_path):
        self.env, self.log_path = env, Path(log_path)
        self.log = None
        self.process = None
        self.killed, self.exited = 0, 0  # by the run; by itself (its database went away)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.supervisor = threading.Thread(target=self.supervise, daemon=True)

    def supervise(self):
        while not self.stopping.is_set():
            with self.lock:
                if self.stopping.is_set():
                    return
                self.process = subprocess.Popen(
                    [PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=self.env,
                    stdout=self.log, stderr=self.log,
                )
            code = self.process.wait()
            if self.stopping.is_set():
                return
            if code == -signal.SIGKILL:
                time.sleep(3)  # the run killed it; a new one comes a little later
            else:
                self.exited += 1
                time.sleep(1)

    def busy(self):
        """Whether the worker's last word is a task starting (it logs each start and end)."""
        with self.log_path.open("rb") as log:
            log.seek(max(self.log_path.stat().st_size - 300, 0))
            last_lines = log.read().decode("utf-8", "replace").strip().splitlines()
        return bool(last_lines) and last_lines[-1].endswith("state=RUNNING")

    def kill(self):
        """SIGKILL, in the middle of a task when one comes within 10 s: the case that matters."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (self.process.poll() is not None
                                               or not self.busy()):
            time.sleep(0.005)
        with self.lock:
            self.process.kill()
            self.killed += 1
            return self.process.pid

    def __enter__(self):
        self.log = self.log_path.open("a")
        self.supervisor.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        with self.lock:
            if self.process and self.process.poll() is None:
                self.process.terminate()  # the worker finishes its task, then stops
        self.supervisor.join(timeout=60)
        if self.process and self.process.poll() is None:
            self.process.kill()
        self.log.close()


# The clients ------------------------------------------------------------------------------


def encode_multipart(fields, files):
    """A multipart/form-data body, as a browser sends a form with a file."""
    boundary = uuid.uuid4().hex
    body = bytearray()
    for name, value in fields:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                 f"{value}\r\n").encode()
    for name, (filename, content, content_type) in files.items():
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                 f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n').encode()
        body += content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


def form_fields(form, email):
    """What a person types into each form (its own e-mail address each time)."""
    today = datetime.date.today()
    if form == "application":
        return [
            ("first_name", "Elin"), ("last_name", "Kaos"), ("email", email),
            ("phone", "070-123 45 67"), ("university", "Göteborgs universitet"),
            ("programme", "Statsvetenskap"), ("level", "master"),
            ("expected_graduation", "juni 2027"), ("languages", "svenska, engelska"),
            ("cover_letter", "Jag vill lära mig hur en region arbetar med EU-frågor."),
            ("information_confirmed", "on"),
        ], {"cv": ("cv.pdf", minimal_pdf(["Curriculum vitae", email]), "application/pdf")}
    if form == "newsletter":
        return [("email", email), ("newsletter_lists", "general"), ("consent", "on")], {}
    if form == "visit":
        return [
            ("organisation_name", "Region Kaos"), ("country", "FI"),
            ("contact_name", "Kim Kontakt"), ("email", email), ("phone", "+358 40 000 0000"),
            ("starts_on", (today + datetime.timedelta(days=30)).isoformat()),
            ("ends_on", (today + datetime.timedelta(days=31)).isoformat()),
            ("delegation_size", "12"), ("purpose", "Vi vill lära oss om Östersjösamarbetet."),
            ("has_read_privacy_notice", "on"),
        ], {}
    return [
        ("name", "Karin Kaos"), ("email", email), ("organisation", "Borås stad"),
        ("organisation_type", "municipality"), ("role", "kommunikatör"),
        ("dietary_needs", ""), ("accessibility_needs", ""),
    ], {}


# Where each form's receipt lives (the redirect after an accepted submission).
RECEIPTS = {
    "application": re.compile(r"/kvitto/[^/]+/$"),
    "newsletter": re.compile(r"/nyhetsbrev/tack/$"),
    "visit": re.compile(r"/begar-besok/tack/$"),
    "event": re.compile(r"/anmalan/kvitto/[^/]+/$"),
}
HIDDEN_VALUE = r'name="{}" value="([^"]+)"'


class NoAnswer(Exception):
    """The connection failed or closed without a response (a worker died, say)."""


class Browser:
    """One person's browser: keeps its cookies, comes from its own address through the proxy."""

    def __init__(self, port, address, statuses, server_errors):
        self.port, self.address, self.statuses = port, address, statuses
        self.server_errors = server_errors  # (method, path) of each 500, to say where
        self.cookies = {}

    def request(self, method, path, body=None, content_type=None):
        origin = f"https://127.0.0.1:{self.port}"
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers.update({"Origin": origin, "Referer": origin + path,
                            "Content-Type": content_type})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.statuses["no answer"] += 1
            raise NoAnswer(str(error)) from None
        finally:
            connection.close()
        self.statuses[response.status] += 1
        if response.status == 500:
            self.server_errors.append(f"{method} {path}")
        for header in response.headers.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers.get("Location", ""), text


class Load:
    """The 32 clients and what they saw."""

    def __init__(self, port, paths, seconds, max_submissions):
        self.port, self.paths = port, paths
        self.deadline = time.monotonic() + seconds
        self.max_submissions = max_submissions
        self.submissions = []  # one dict per submission tried
        self.statuses = Counter()
        self.server_errors = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def next_number(self):
        with self.lock:
            if len(self.submissions) >= self.max_submissions:
                return None
            number = len(self.submissions)
            self.submissions.append(None)
            return number

    def running(self):
        return not self.stopping.is_set() and time.monotonic() < self.deadline

    def client(self, index):
        statuses = Counter()
        try:
            while self.running() and (number := self.next_number()) is not None:
                self.submissions[number] = self.submit(FORMS[number % len(FORMS)], number,
                                                       statuses)
        finally:
            with self.lock:
                self.statuses.update(statuses)

    def submit(self, form, number, statuses):
        email = f"kaos.{form}.{number}@kaos.example.se"
        browser = Browser(self.port, f"10.{number >> 16 & 255}.{number >> 8 & 255}."
                          f"{number & 255}", statuses, self.server_errors)
        submission = {"form": form, "email": email, "receipt": False, "posts": 0}
        path = self.paths[form]
        page = self.load_form(browser, path)
        if page is None:
            return submission
        fields, files = form_fields(form, email)
        fields += [("csrfmiddlewaretoken", page[0]), ("form_token", page[1]), ("website", "")]
        body, content_type = encode_multipart(fields, files)
        for attempt in (1, 2):  # a second time with the same token, as a person would
            submission["posts"] = attempt
            try:
                status, location, _text = browser.request("POST", path, body, content_type)
            except NoAnswer:
                submission["outcome"] = "no answer"
                time.sleep(1)
                continue
            submission["outcome"] = status
            if status == 302 and RECEIPTS[form].search(location):
                submission["receipt"] = True
                with contextlib.suppress(NoAnswer):
                    submission["receipt_page"] = browser.request("GET", location)[0]
                break
            if status != 503:
                break  # 500, a refusal (200 with errors, 429): a second send changes nothing
            time.sleep(2)
        return submission

    def load_form(self, browser, path):
        """The CSRF and one-time tokens of a fresh form; None when none came before the end."""
        while self.running():
            try:
                status, _location, text = browser.request("GET", path)
            except NoAnswer:
                status, text = None, ""
            if status == 200:
                csrf = re.search(HIDDEN_VALUE.format("csrfmiddlewaretoken"), text)
                token = re.search(HIDDEN_VALUE.format("form_token"), text)
                if csrf and token:
                    return csrf.group(1), token.group(1)
            time.sleep(1)
        return None

    def run(self):
        threads = [threading.Thread(target=self.client, args=(index,), daemon=True)
                   for index in range(CLIENTS)]
        for thread in threads:
            thread.start()
        try:
            for thread in threads:
                thread.join()
        finally:
            self.stopping.set()
        # A client stopped by the end while it waited for a form sent nothing.
        self.submissions = [item for item in self.submissions if item and item["posts"]]


# The faults -------------------------------------------------------------------------------


class Faults(threading.Thread):
    """The faults, one after the other at their times (fractions of the run)."""

    def __init__(self, seconds, server, postgres, redis, worker, load):
        super().__init__(daemon=True)
        self.started = time.monotonic()
        self.server, self.postgres, self.redis, self.worker = server, postgres, redis, worker
        self.load = load
        self.schedule = [
            (0.10, self.kill_web_worker),
            (0.20, self.restart_postgres),
            (0.33, self.stop_redis),
            (0.58, self.kill_task_worker),
            (0.72, self.kill_web_worker),
            (0.85, self.kill_task_worker),
        ]
        self.seconds = seconds
        self.caused = 0
        self.errors = []

    def note(self, text):
        say(f"  {time.monotonic() - self.started:6.1f} s  {text}")

    def run(self):
        for fraction, fault in self.schedule:
            delay = self.started + fraction * self.seconds - time.monotonic()
            if self.load.stopping.wait(max(delay, 0)):
                return
            try:
                fault()
                self.caused += 1
            except Exception as error:  # noqa: BLE001 - reported; the run goes on
                self.errors.append(f"{fault.__name__}: {error}")
                self.note(f"{fault.__name__} failed: {error}")

    def kill_web_worker(self):
        pid = random.choice(self.server.worker_pids())  # noqa: S311 - not for security
        os.kill(pid, signal.SIGKILL)
        self.note(f"SIGKILL to gunicorn worker {pid} (the master starts another)")

    def restart_postgres(self):
        started = time.monotonic()
        self.postgres.restart()
        self.note(f"PostgreSQL restarted (pg_ctl restart -m fast, "
                  f"{time.monotonic() - started:.1f} s)")

    def stop_redis(self):
        self.redis.stop()
        self.note(f"Redis stopped for {REDIS_OUTAGE_SECONDS} s")
        time.sleep(REDIS_OUTAGE_SECONDS)
        self.redis.start()
        self.note("Redis started again (empty)")

    def kill_task_worker(self):
        pid = self.worker.kill()
        self.note(f"SIGKILL to the task worker {pid} (a new one starts 3 s later)")


# After the load ---------------------------------------------------------------------------


RECOVERED = re.compile(r"recover_abandoned_tasks: (\d+) tasks .* (\d+) mails of unknown fate")


def settle(env):
    """Wait for the queue to empty, running ``run_periodic`` as its timer would: while a task
    a killed worker left behind is still "running", and once at the end. Returns the queue's
    state and the tasks run_periodic found abandoned: (queued again, mails made uncertain)."""
    recovered = Counter()

    def run_periodic():
        match = RECOVERED.search(manage("run_periodic", env=env))
        recovered.update(requeued=int(match.group(1)), uncertain=int(match.group(2)),
                         runs=1)

    deadline = time.monotonic() + SETTLE_STALL_SECONDS
    fewest_due = None
    while time.monotonic() < deadline:
        state = json.loads(run([PYTHON, "-m", "bench.chaos_data", "queue"], env))
        if not state["due"] and not state["running"]:
            break
        if fewest_due is None or state["due"] < fewest_due:
            fewest_due = state["due"]
            deadline = time.monotonic() + SETTLE_STALL_SECONDS
        if state["running"] and state["oldest_running_seconds"] > ABANDONED_AFTER_SECONDS:
            run_periodic()
        time.sleep(2)
    run_periodic()
    return state, recovered


def judge(figures, load, faults):
    """The reasons the run failed; empty when it passed."""
    failures = []
    for form, counts in figures["forms"].items():
        if counts["lost"]:
            failures.append(f"{form}: {len(counts['lost'])} receipts without a stored "
                            f"submission, e.g. {counts['lost'][0]}")
        if counts["duplicated"]:
            failures.append(f"{form}: {len(counts['duplicated'])} submissions stored twice, "
                            f"e.g. {counts['duplicated'][0]}")
    if figures["applications_without_file"]:
        failures.append(f"{len(figures['applications_without_file'])} applications without "
                        "their file")
    mails = figures["mails"]
    for key in ("missing", "duplicated", "unexpected"):
        if mails[key]:
            failures.append(f"mails {key}: {mails[key]} (e.g. {', '.join(mails['examples'])})")
    if load.statuses[500]:
        where = Counter(load.server_errors).most_common(3)
        failures.append(f"{load.statuses[500]} responses were 500: "
                        + ", ".join(f"{request} ({count}×)" for request, count in where))
    refused = Counter(item["outcome"] for item in load.submissions
                      if not item["receipt"] and item["outcome"] not in (503, "no answer"))
    if refused:
        failures.append(f"submissions neither accepted nor failed for an outage: "
                        f"{dict(refused)}")
    if faults.errors:
        failures.append("faults that could not be caused: " + "; ".join(faults.errors))
    elif faults.caused < len(faults.schedule):
        failures.append(f"only {faults.caused} of {len(faults.schedule)} faults before the "
                        "load ended (CHAOS_MAX_SUBMISSIONS reached?)")
    return failures


def report(started_at, seconds, figures, load, worker, queue_state, recovered):
    host = machine()
    say(f"\n## make chaos, {started_at}: {seconds} s, {CLIENTS} clients; {host['cores']} cores, "
        f"{host['memory']} ({host['cpu']})\n")
    say("| form | submissions | receipts seen | stored | stored, no receipt seen | "
        "lost | duplicated |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    totals = Counter()
    for form, counts in figures["forms"].items():
        row = {key: len(value) if isinstance(value, list) else value
               for key, value in counts.items()}
        totals.update(row)
        say(f"| {form} | {row['submissions']} | {row['receipts']} | {row['stored']} | "
            f"{row['stored_without_receipt']} | {row['lost']} | {row['duplicated']} |")
    say(f"| **all** | {totals['submissions']} | {totals['receipts']} | {totals['stored']} | "
        f"{totals['stored_without_receipt']} | {totals['lost']} | {totals['duplicated']} |")
    retried = sum(1 for item in load.submissions if item["posts"] > 1)
    say(f"\nSent a second time with the same token (after no answer or a 503): {retried}; "
        f"applications without their file: {len(figures['applications_without_file'])}")
    statuses = ", ".join(f"{status}: {count}" for status, count in
                         sorted(load.statuses.items(), key=lambda item: str(item[0])))
    say(f"Responses: {statuses}")
    mails = figures["mails"]
    say(f"Mails: {mails['owed']} owed, {mails['received']} received, {mails['uncertain']} "
        f"uncertain (of which the sink got {mails['uncertain_received']}), {mails['missing']} "
        f"missing, {mails['duplicated']} duplicated, {mails['unexpected']} unexpected")
    say(f"Task worker: killed {worker.killed}×, ended by itself {worker.exited}× (restarted "
        f"each time). run_periodic, run {recovered['runs']}×, found tasks left running: "
        f"{recovered['requeued']} queued again, {recovered['uncertain']} mails made uncertain. "
        f"Queue at the end: {queue_state['due']} due, {queue_state['later']} waiting for a "
        f"retry, {queue_state['running']} running")


def chaos(seconds, max_submissions, logs):
    """The run; returns what report and judge need."""
    with contextlib.ExitStack() as services:
        folder = Path(services.enter_context(tempfile.TemporaryDirectory(prefix="chaos-")))
        folder.chmod(0o755)  # the postgres user reaches its cluster inside
        log = services.enter_context(open(logs / "services.log", "w"))  # noqa: SIM115
        postgres = services.enter_context(
            OwnPostgres(folder / "postgres", free_port(), logs / "postgres.log"))
        redis = services.enter_context(OwnRedis(free_port(), log))
        sink_port, stop_sink = services.enter_context(smtp_sink(delay=SMTP_SECONDS))
        env = django_env(postgres.url, redis.url, {
            "EMAIL_URL": f"smtp://127.0.0.1:{sink_port}",
            "TRUSTED_PROXY_COUNT": "1",
            "VISIT_COORDINATORS_EMAIL": COORDINATORS,
            "TASK_ABANDONED_AFTER_SECONDS": str(ABANDONED_AFTER_SECONDS),
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private_media"),
            "BENCH_BASELINE": "0",
        })
        say("PostgreSQL, Redis and the SMTP sink of the run's own are up; migrating …")
        manage("collectstatic", "--no-input", "--verbosity", "0", env=env)
        manage("migrate", "--no-input", "--verbosity", "0", env=env)
        paths = json.loads(run([PYTHON, "-m", "bench.chaos_data", "seed"], env))
        with Gunicorn(env, 2, 1, free_port(), log=log) as server, \
                TaskWorker(env, logs / "worker.log") as worker:
            load = Load(server.port, paths, seconds, max_submissions)
            faults = Faults(seconds, server, postgres, redis, worker, load)
            say(f"Load on 127.0.0.1:{server.port} for {seconds} s; the faults:")
            faults.start()
            load.run()
            faults.join(timeout=REDIS_OUTAGE_SECONDS + 10)
            say(f"Load done: {len(load.submissions)} submissions. Waiting for the queue …")
            queue_state, recovered = settle(env)
        submissions_file = folder / "submissions.json"
        submissions_file.write_text(json.dumps(load.submissions))
        # Stopped, the sink writes what it received.
        figures = json.loads(run([PYTHON, "-m", "bench.chaos_data", "verify",
                                  str(submissions_file), str(stop_sink())], env))
    return figures, load, faults, worker, queue_state, recovered


def main():
    seconds = int(os.environ.get("CHAOS_SECONDS", 180))
    max_submissions = int(os.environ.get("CHAOS_MAX_SUBMISSIONS", 6000))
    if seconds < 90:
        raise SystemExit("CHAOS_SECONDS must be at least 90: the faults need the time")
    started_at = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    logs = Path(tempfile.mkdtemp(prefix="chaos-logs-"))
    logs.chmod(0o755)  # PostgreSQL writes its log here as the postgres user
    say(f"# make chaos: {seconds} s, {CLIENTS} clients; logs in {logs}")
    try:
        figures, load, faults, worker, queue_state, recovered = chaos(
            seconds, max_submissions, logs
        )
    except BenchError as error:
        say(f"make chaos: {error}")
        return 1
    except KeyboardInterrupt:
        say("make chaos: interrupted; its services are stopped and removed")
        return 130
    report(started_at, seconds, figures, load, worker, queue_state, recovered)
    failures = judge(figures, load, faults)
    if failures:
        say("\nFAILED:\n" + "\n".join(f"- {failure}" for failure in failures))
        return 1
    say("\nPassed: nothing lost, nothing stored or mailed twice, no 500.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
