"""A local SMTP server that accepts every mail and counts it per recipient (aiosmtpd).

``python -m bench.smtp_sink PORT OUTPUT.json [SECONDS]``: runs until SIGTERM or SIGINT, then
writes {"messages": n, "recipients": {"address": count, ...}} to OUTPUT.json; SECONDS (0 by
default) is how long it takes to accept each mail, as a remote server would.
``bench.run.smtp_sink`` runs it for the benchmark and the load test with faults.
"""

import asyncio
import json
import signal
import sys
import threading
from collections import Counter

from aiosmtpd.controller import Controller


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


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], *map(float, sys.argv[3:4]))
