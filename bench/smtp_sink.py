"""A local SMTP server that accepts every mail and counts it per recipient (aiosmtpd).

``python -m bench.smtp_sink PORT OUTPUT.json [SECONDS]``: runs until SIGTERM or SIGINT, then
writes {"messages": n, "recipients": {"address": count, ...}} to OUTPUT.json; SECONDS (0 by
default) is how long it takes to accept each mail, as a remote server would. ``SmtpSink``
runs it as a process of its own for the benchmark and the load test with faults.
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class CountingHandler:
    def __init__(self, delay):
        self.delay = delay
        self.recipients = Counter()
        self.messages = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        await asyncio.sleep(self.delay)
        with self.lock:
            self.messages += 1
            self.recipients.update(address.lower() for address in envelope.rcpt_tos)
        return "250 Message accepted"


def main(port, output, delay=0.0):
    from aiosmtpd.controller import Controller  # here: importing SmtpSink needs no aiosmtpd

    handler = CountingHandler(delay)
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    controller.start()
    print(f"SMTP sink listening on 127.0.0.1:{port}", flush=True)
    stopped.wait()
    controller.stop()
    with open(output, "w") as file:
        json.dump({"messages": handler.messages, "recipients": handler.recipients}, file)


class SmtpSink:
    """The sink in its own process while the block runs; it writes its counts on leaving."""

    def __init__(self, port, output, delay=0.0):
        self.port, self.output, self.delay = port, Path(output), delay
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.smtp_sink", str(self.port), str(self.output),
             str(self.delay)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
            text=True,
        )
        self.process.stdout.readline()  # listening
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], *map(float, sys.argv[3:4]))
