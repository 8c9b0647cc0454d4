"""``make bench``: every public page against the framework's own ceiling, at two data sizes.

For each scale (small, then large): a fresh bench database (BENCH_DATABASE_URL, never
DATABASE_URL), migrate, seed_scale, then gunicorn in production mode (DEBUG=0, TLS proxy
header, Redis as the cache when it answers) driven by wrk from its own process: 16
connections, a fixed duration per page. Then a query count per page (Django test client,
page cache off), the workers' peak memory, Lighthouse on three pages and the newsletter's
throughput through a local SMTP sink. Prints Markdown tables and writes bench/results.json.

Run with the project's virtualenv: ``.venv/bin/python -m bench.run [--scales small,large]``.
"""

import argparse
import contextlib
import datetime
import importlib.util
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/1"

# The targets of issues 9 and 16.
TARGET_RATIO = 0.5  # of the baseline's throughput
TARGET_P95_MS = 100
TARGET_FORM_P95_MS = 100  # issue 16: search and form pages as fast as a cached page
# Issue 16: every page's uncached render at the large scale at most this many times the small.
TARGET_RENDER_SCALING = 1.5
TARGET_NEWSLETTER_SHARE = 0.5  # of the bare sender's rate, with one worker
TARGET_NEWSLETTER_SCALING = 1.6  # two workers against one
TARGET_WORKER_MB = 150
LIGHTHOUSE_PAGES = ("home", "news item", "open call")


class BenchError(Exception):
    """Stops the benchmark with a one-line explanation."""


def say(text=""):
    print(text, flush=True)


# Preconditions ----------------------------------------------------------------------------


def database_parts(url):
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql") or not parts.path.strip("/"):
        raise BenchError(f"BENCH_DATABASE_URL must be a postgres:// URL with a database: {url}")
    return parts, parts.path.strip("/")


def maintenance_url(url):
    parts, _name = database_parts(url)
    return urlunsplit(parts._replace(path="/postgres"))


def check_postgres(url):
    import psycopg

    parts, name = database_parts(url)
    development = os.environ.get("DATABASE_URL", "")
    if development and urlsplit(development).path.strip("/") == name and (
        urlsplit(development).hostname == parts.hostname
    ):
        raise BenchError(f"BENCH_DATABASE_URL names the development database {name!r}; "
                         "the benchmark needs a database of its own.")
    try:
        psycopg.connect(maintenance_url(url), connect_timeout=3).close()
    except psycopg.Error as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        raise BenchError(
            f"PostgreSQL is not reachable at {parts.hostname}:{parts.port or 5432} "
            f"(BENCH_DATABASE_URL): {first_line}"
        ) from None


def recreate_database(url):
    import psycopg

    _parts, name = database_parts(url)
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise BenchError(f"Unusual database name {name!r}; use letters, digits and _.")
    with psycopg.connect(maintenance_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def cache_url(wanted):
    """Redis when it answers (and the client library is installed), else local memory."""
    if not wanted.startswith("redis://"):
        return wanted, ""
    parts = urlsplit(wanted)
    try:
        import redis
    except ImportError:
        return "locmemcache://bench", "the redis package is not installed (pip install redis)"
    try:
        client = redis.Redis.from_url(wanted, socket_connect_timeout=2)
        client.ping()
        client.flushdb()  # this database is the benchmark's own: no page from another run
    except redis.RedisError as error:
        return "locmemcache://bench", f"Redis at {parts.netloc} does not answer ({error})"
    return wanted, ""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Processes --------------------------------------------------------------------------------


def django_env(database_url, cache, extra=None):
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "CACHE_URL": cache,
        "BENCH_BASELINE": "1",
        "TASKS_IMMEDIATE": "0",
        "EMAIL_URL": "dummymail://",
        "PYTHONPATH": str(ROOT),
    })
    env.pop("SECURE_SSL_REDIRECT", None)  # stays on, as in production
    env.update(extra or {})
    return env


def run(command, env, quiet=True, stdin=None):
    result = subprocess.run(
        command, cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}")
    if not quiet:
        say(result.stdout.rstrip())
    return result.stdout


def manage(*arguments, env, quiet=True):
    return run([PYTHON, "manage.py", *arguments], env, quiet=quiet)


class Gunicorn:
    def __init__(self, env, workers, threads, port, log=None):
        self.env, self.workers, self.threads, self.port = env, workers, threads, port
        self.log = log  # an open file for gunicorn's and Django's output; else this terminal
        self.process = None

    def __enter__(self):
        command = [
            str(Path(PYTHON).parent / "gunicorn"), "config.wsgi",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--log-level", "warning", "--backlog", "256",
        ]
        if self.threads > 1:
            command += ["--worker-class", "gthread", "--threads", str(self.threads)]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log,
                                        stderr=self.log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                fetch(self.url("/healthz"))
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise BenchError("gunicorn stopped during start-up") from None
                time.sleep(0.2)
        raise BenchError("gunicorn did not answer within 30 s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def peak_rss_mb(self):
        """The highest peak resident memory (VmHWM) of any worker so far."""
        peaks = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return round(max(peaks), 1) if peaks else None


def fetch(url):
    request = urllib.request.Request(  # noqa: S310 - our own server, http only
        url, headers={"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server
        response.read()
        return response.status


def wrk(url, duration, connections, threads, paths_file=None):
    """wrk against ``url``, or against the paths listed in ``paths_file``, at random."""
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
        "-s", str(BENCH / "wrk.lua"), url,
    ]
    if paths_file:
        command += ["--", str(paths_file)]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH-JSON ")), None)
    if line is None:
        raise BenchError(f"wrk gave no summary for {url}:\n{output}")
    data = json.loads(line.removeprefix("BENCH-JSON "))
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1),
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "max_ms": round(data["max_us"] / 1000, 1),
        "requests": data["requests"],
        "errors": data["connect_errors"] + data["read_errors"] + data["write_errors"]
        + data["timeouts"],
        "non_2xx": data["status_errors"],
    }


# One scale --------------------------------------------------------------------------------


def bench_scale(scale, options, cache):
    say(f"\n## Scale: {scale}")
    env = django_env(options.database_url, cache)
    if options.reuse_database:
        seed_seconds, seed_output = None, f"the database as it was ({scale} expected)"
        manage("migrate", "--no-input", "--verbosity", "0", env=env)
    else:
        recreate_database(options.database_url)
        manage("migrate", "--no-input", "--verbosity", "0", env=env)
        started = time.monotonic()
        seed_output = manage("seed_scale", "--scale", scale, env=env)
        seed_seconds = round(time.monotonic() - started, 1)
    say(f"Seeded in {seed_seconds} s: "
        + next((line for line in seed_output.splitlines() if line.startswith("Seeded")), ""))
    page_list = json.loads(run([PYTHON, "-m", "bench.pages", "list"], env))
    if options.pages:
        wanted = options.pages.split(",")
        page_list = [
            page for page in page_list
            if page["kind"] == "baseline" or page["key"].startswith(tuple(wanted))
        ]

    say("Counting queries (test client, page cache off) …")
    uncached_env = django_env(options.database_url, cache, {"PAGE_CACHE_SECONDS": "0"})
    queries = json.loads(run([PYTHON, "-m", "bench.pages", "queries"], uncached_env,
                             stdin=json.dumps(page_list)))

    results = []
    lighthouse = {}
    with Gunicorn(env, options.workers, options.threads, free_port()) as server:
        for page in page_list:
            url = server.url(page["path"])
            status = fetch(url)
            for _ in range(3):  # as a visitor after the first: templates loaded, cache filled
                fetch(url)
            paths = page.pop("paths", None)
            paths_file = None
            if paths:
                paths_file = BENCH / f".paths-{page['key']}.txt"
                paths_file.write_text("\n".join(paths) + "\n")
            try:
                measured = wrk(url, options.duration, options.connections, options.wrk_threads,
                               paths_file)
            finally:
                if paths_file:
                    paths_file.unlink()
            if paths:
                measured["different_queries"] = len(paths)
            measured.update(page)
            measured["status"] = status
            # Peak memory so far: which page makes a worker grow shows where it jumps.
            measured["worker_peak_rss_mb"] = server.peak_rss_mb()
            measured.update(queries.get(page["path"], {"queries": None, "render_ms": None}))
            if page["kind"] in ("baseline", "static"):
                measured["queries"] = 0 if page["kind"] == "static" else measured["queries"]
            results.append(measured)
            say(f"  {page['name']:<36} {measured['rps']:>8} req/s  p95 {measured['p95_ms']} ms")
        peak = server.peak_rss_mb()
    if scale == options.lighthouse_scale and not options.no_lighthouse:
        # Chromium fetches robots.txt without the proxy's header, and the HTTPS redirect
        # would send it to a port that speaks no TLS: Lighthouse gets its own server,
        # the same in every other respect.
        plain_env = {**env, "SECURE_SSL_REDIRECT": "0"}
        with Gunicorn(plain_env, 1, options.threads, free_port()) as plain_server:
            lighthouse = run_lighthouse(plain_server, page_list)
    baseline = next(result["rps"] for result in results if result["kind"] == "baseline")
    for result in results:
        result["ratio"] = round(result["rps"] / baseline, 2) if baseline else None
    return {
        # Other work on the machine shows here: the figures are only as quiet as the machine.
        "load_average_after": [round(value, 2) for value in os.getloadavg()],
        "seed_seconds": seed_seconds,
        "seed": seed_output.strip().splitlines()[-1],
        "pages": results,
        "worker_peak_rss_mb": peak,
        "lighthouse": lighthouse,
    }


# Lighthouse -------------------------------------------------------------------------------


def lighthouse_binary():
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        return None
    say("Installing Lighthouse 12.2.3 into bench/node_modules …")
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BENCH,
                   check=False)
    return binary if binary.exists() else None


def run_lighthouse(server, page_list):
    binary = lighthouse_binary()
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if binary is None or chromium is None:
        say("Lighthouse skipped: needs npm (bench/package.json) and Chromium (CHROME_PATH).")
        return {}
    scores = {}
    for page in page_list:
        if page["name"] not in LIGHTHOUSE_PAGES:
            continue
        command = [
            str(binary), server.url(page["path"]), "--quiet", "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            '--extra-headers={"X-Forwarded-Proto": "https"}',
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                env={**os.environ, "CHROME_PATH": chromium}, timeout=180)
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError:
            scores[page["name"]] = {"error": (result.stderr.strip().splitlines() or ["?"])[-1]}
            continue
        scores[page["name"]] = {
            key: round(category["score"] * 100) if category["score"] is not None else None
            for key, category in report["categories"].items()
        }
        failing = [
            audit_id for audit_id, audit in report["audits"].items()
            if audit.get("score") is not None and audit["score"] < 0.9
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        ]
        scores[page["name"]]["below_0.9"] = failing[:12]
        scores[page["name"]]["errors"] = {
            audit_id: audit.get("errorMessage", "")[:200]
            for audit_id, audit in report["audits"].items()
            if audit.get("scoreDisplayMode") == "error"
        }
        say(f"  Lighthouse {page['name']}: {scores[page['name']]}")
    return scores


# Newsletter -------------------------------------------------------------------------------


@contextlib.contextmanager
def smtp_sink(delay=0.0):
    """A local counting SMTP sink (bench/smtp_sink.py) that takes ``delay`` seconds to accept
    a mail: yields its port and a function that stops it and returns the file it wrote."""
    port = free_port()
    sink_file = BENCH / f".smtp_sink-{port}.json"
    sink = subprocess.Popen([PYTHON, "-m", "bench.smtp_sink", str(port), str(sink_file),
                             str(delay)],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, text=True)

    def stop():
        if sink.poll() is None:
            sink.send_signal(signal.SIGTERM)
            sink.wait(timeout=60)
        return sink_file

    try:
        sink.stdout.readline()  # listening
        yield port, stop
    finally:
        stop()
        sink_file.unlink(missing_ok=True)


def send_newsletter(options, cache, workers):
    """Queue one issue per language to the audience, send it with ``workers`` db_workers into
    a sink, and check that every confirmed subscriber got exactly one mail."""
    base = django_env(options.database_url, cache)
    prepared = json.loads(run(
        [PYTHON, "-m", "bench.newsletter", "prepare", str(options.newsletter_audience)], base
    ))
    with smtp_sink() as (port, stop):
        env = {**base, "EMAIL_URL": f"smtp://127.0.0.1:{port}",
               "NEWSLETTER_BATCH_SIZE": str(options.newsletter_batch)}
        started = time.monotonic()
        processes = [
            subprocess.Popen([PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay",
                              "--no-reload", "--verbosity", "0"], cwd=ROOT, env=env)
            for _ in range(workers)
        ]
        for process in processes:
            process.wait()
        seconds = time.monotonic() - started
        proof = json.loads(run([PYTHON, "-m", "bench.newsletter", "verify", str(stop())], env))
    mails = proof["messages_received"]
    return {
        "workers": workers,
        "mails": mails,
        "seconds": round(seconds, 1),
        "mails_per_second": round(mails / seconds, 1) if seconds else None,
        "deliveries_created_seconds": prepared["seconds"],
        "exactly_once": proof["every_confirmed_subscriber_exactly_once"],
        "proof": proof,
    }


def bare_senders(options, cache, mails, senders):
    """The rate of ``senders`` bare loops (bench.newsletter ceiling) sending ``mails`` in all
    into one sink at once."""
    with smtp_sink() as (port, _stop):
        env = django_env(options.database_url, cache, {"EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        processes = [
            subprocess.Popen([PYTHON, "-m", "bench.newsletter", "ceiling", str(mails // senders)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(senders)
        ]
        results = [json.loads(process.communicate()[0]) for process in processes]
    sent = sum(result["mails"] for result in results)
    # The loops' own time (they start together), without the start-up of Python and Django.
    seconds = max(result["seconds"] for result in results)
    return {"mails": sent, "seconds": round(seconds, 2),
            "mails_per_second": round(sent / seconds, 1) if seconds else None}


def bench_newsletter(options, cache):
    say(f"\n## Newsletter throughput ({options.newsletter_audience} confirmed subscribers of "
        "the large scale, local SMTP sink)")
    runs = [send_newsletter(options, cache, workers=1)]
    ceiling = bare_senders(options, cache, runs[0]["mails"], senders=1)
    say(f"  ceiling (one issue mail rendered once, a bare loop, one connection): "
        f"{ceiling['mails_per_second']} mails/s")
    runs.append(send_newsletter(options, cache, workers=2))
    # Whether the machine (two cores shared by the sink, the senders and PostgreSQL) could
    # take more with two connections at all: the reason when two workers gain little.
    ceiling["two_connections"] = bare_senders(options, cache, runs[0]["mails"], senders=2)
    say(f"  two bare senders side by side: {ceiling['two_connections']['mails_per_second']} "
        "mails/s")
    for result in runs:
        share = result["mails_per_second"] / ceiling["mails_per_second"]
        result["share_of_ceiling"] = round(share, 2)
        say(f"  {result['workers']} worker(s): {result['mails']} mails in {result['seconds']} s, "
            f"{result['mails_per_second']} mails/s ({share:.0%} of the ceiling); "
            f"exactly once to every confirmed subscriber: {result['exactly_once']}")
    one, two = runs
    speedup = round(two["mails_per_second"] / one["mails_per_second"], 2)
    say(f"  two workers / one worker: {speedup} (target ≥ {TARGET_NEWSLETTER_SCALING}); "
        f"one worker / ceiling: {one['share_of_ceiling']} (target ≥ {TARGET_NEWSLETTER_SHARE})")
    return {"ceiling": ceiling, "runs": runs, "two_workers_speedup": speedup}


def newsletter_exists(options, cache):
    env = django_env(options.database_url, cache)
    probe = "from django.apps import apps; apps.get_model('newsroom', 'Delivery'); print('yes')"
    try:
        return "yes" in manage("shell", "-c", probe, env=env)
    except BenchError:
        return False


# Report -----------------------------------------------------------------------------------


def judge(result, scale):
    """Which targets this page misses at this scale ("" when it meets them)."""
    kind = result["kind"]
    if kind == "baseline":
        return ""
    misses = []
    if result["status"] != 200 or result["non_2xx"] or result["errors"]:
        misses.append(f"status {result['status']}, {result['non_2xx']} non-2xx, "
                      f"{result['errors']} socket errors")
    if kind in ("search", "form"):
        if scale == "large" and result["p95_ms"] >= TARGET_FORM_P95_MS:
            misses.append(f"p95 {result['p95_ms']} ≥ {TARGET_FORM_P95_MS} ms")
    else:
        if result["ratio"] is not None and result["ratio"] < TARGET_RATIO:
            misses.append(f"ratio {result['ratio']} < {TARGET_RATIO}")
        if result["p95_ms"] >= TARGET_P95_MS:
            misses.append(f"p95 {result['p95_ms']} ≥ {TARGET_P95_MS} ms")
    return "; ".join(misses)


def table(scale, data):
    lines = [
        f"#### {scale} ({data['seed']}; worker peak RSS {data['worker_peak_rss_mb']} MB, "
        f"target < {TARGET_WORKER_MB}: "
        f"{'met' if data['worker_peak_rss_mb'] < TARGET_WORKER_MB else 'missed'}; "
        f"load average after: {', '.join(map(str, data['load_average_after']))})",
        "",
        "| page | req/s | p50 ms | p95 ms | p99 ms | × baseline | SQL/request | "
        "uncached render ms | worker peak MB so far | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in data["pages"]:
        verdict = judge(result, scale)
        if result["kind"] == "baseline":
            mark = "baseline"
        elif verdict:
            mark = "missed: " + verdict
        elif result["kind"] in ("search", "form") and scale != "large":
            mark = "(target at the large scale)"
        else:
            mark = "met"
        lines.append(
            f"| {result['name']} | {result['rps']:.0f} | {result['p50_ms']} | "
            f"{result['p95_ms']} | {result['p99_ms']} | {result['ratio']} | "
            f"{result['queries'] if result['queries'] is not None else '–'} | "
            f"{result['render_ms'] if result.get('render_ms') is not None else '–'} | "
            f"{result.get('worker_peak_rss_mb')} | {mark} |"
        )
    return "\n".join(lines)


def scaling_table(results):
    small, large = results["scales"].get("small"), results["scales"].get("large")
    if not (small and large):
        return "", {}
    # The deep page's number differs between the scales; its place in the list does not.
    by_name = {page["key"]: page for page in small["pages"]}
    lines = [
        "#### Large vs small (how many times slower the large scale is)",
        "",
        "| page | req/s small | req/s large | slower (throughput) | p95 small | p95 large | "
        f"uncached render small → large ms | render ratio, target ≤ {TARGET_RENDER_SCALING} |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    scaling = {}
    for page in large["pages"]:
        other = by_name.get(page["key"])
        if not other or not page["rps"]:
            continue
        slower = round(other["rps"] / page["rps"], 2)
        scaling[page["key"]] = {
            "throughput_slowdown": slower,
            "p95_ratio": round(page["p95_ms"] / other["p95_ms"], 2) if other["p95_ms"] else None,
            "uncached_render_ratio": round(page["render_ms"] / other["render_ms"], 2)
            if other.get("render_ms") and page.get("render_ms") else None,
        }
        lines.append(
            f"| {page['name']} | {other['rps']:.0f} | {page['rps']:.0f} | {slower} | "
            f"{other['p95_ms']} | {page['p95_ms']} | "
            f"{other.get('render_ms')} → {page.get('render_ms')} | "
            f"{render_verdict(scaling[page['key']]['uncached_render_ratio'])} |"
        )
    return "\n".join(lines), scaling


def render_verdict(ratio):
    if ratio is None:
        return "–"
    return f"{ratio}: {'met' if ratio <= TARGET_RENDER_SCALING else 'missed'}"


def machine():
    cpu = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, AttributeError):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "memory": memory,
            "system": platform.platform(), "python": platform.python_version()}


# Main -------------------------------------------------------------------------------------


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=os.environ.get("BENCH_SCALES", "small,large"))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)),
                        help="seconds of load per page (default 10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 2)))
    # Two processes for two cores; four threads each (gthread) keep connections alive, as a
    # proxy in front does, and overlap the waits on PostgreSQL and Redis. Measured against
    # 2, 3 and 4 sync workers and 3×2 threads on this machine: the best baseline throughput.
    parser.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", 4)),
                        help="threads per gunicorn worker (gthread when above 1)")
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--cache-url", default=os.environ.get("BENCH_CACHE_URL",
                                                              DEFAULT_CACHE_URL))
    parser.add_argument("--lighthouse-scale", default="large")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-newsletter", action="store_true")
    parser.add_argument("--newsletter-batch", type=int, default=500)
    parser.add_argument("--newsletter-audience", type=int, default=20_000,
                        help="confirmed subscribers who get each issue (default 20,000)")
    parser.add_argument("--output", default=str(BENCH / "results.json"))
    # For working on a few pages: only the pages whose keys start so (and the baseline),
    # and the bench database as the last run left it (one scale only, no seeding).
    parser.add_argument("--pages", default=os.environ.get("BENCH_PAGES", ""),
                        help="comma-separated page key prefixes, e.g. site-search,news-list")
    parser.add_argument("--reuse-database", action="store_true")
    options = parser.parse_args(argv)
    options.database_url = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    return options


def main(argv=None):
    options = parse(argv)
    try:
        if not shutil.which("wrk"):
            raise BenchError("wrk is not installed: sudo apt-get install wrk (Debian/Ubuntu)")
        check_postgres(options.database_url)
        cache, cache_note = cache_url(options.cache_url)
        results = {
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "settings": {
                "duration_s": options.duration, "connections": options.connections,
                "gunicorn_workers": options.workers, "threads": options.threads,
                "wrk_threads": options.wrk_threads, "cache": cache.split("@")[-1],
                "cache_note": cache_note,
            },
            "scales": {},
        }
        say(f"# make bench, {results['date']}, {results['machine']['cores']} cores, "
            f"cache {results['settings']['cache']}" + (f" ({cache_note})" if cache_note else ""))
        run([PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
            django_env(options.database_url, cache))
        for scale in options.scales.split(","):
            if scale != options.scales.split(",")[0]:
                cache, _note = cache_url(options.cache_url)  # empty again for the next scale
            results["scales"][scale] = bench_scale(scale, options, cache)
            say("\n" + table(scale, results["scales"][scale]))
        scaling_text, results["scaling"] = scaling_table(results)
        if scaling_text:
            say("\n" + scaling_text)
        if not options.no_newsletter:
            if importlib.util.find_spec("aiosmtpd") is None:
                say("\nNewsletter throughput skipped: pip install aiosmtpd (the SMTP sink).")
            elif newsletter_exists(options, cache):
                results["newsletter"] = bench_newsletter(options, cache)
            else:
                say("\nNewsletter throughput skipped: newsroom has no newsletter (Delivery).")
        Path(options.output).write_text(json.dumps(results, indent=2, ensure_ascii=False))
        say(f"\nWritten: {os.path.relpath(options.output, ROOT)}")
    except BenchError as error:
        say(f"make bench: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
