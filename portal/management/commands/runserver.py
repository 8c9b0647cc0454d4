"""``runserver`` whose links in mails and feeds point at the port it serves.

``PORT=8001 make run`` must not send confirmation links to port 8000: unless ``SITE_URL``
is set, the development server makes it the address it listens on. (Whitenoise's command,
which this extends, serves the static files the way production does.)
"""

from django.conf import settings
from whitenoise.runserver_nostatic.management.commands.runserver import (
    Command as RunserverCommand,
)


class Command(RunserverCommand):
    def inner_run(self, *args, **options):
        if not settings.SITE_URL_IS_SET:
            settings.SITE_URL = self.served_url()
        super().inner_run(*args, **options)

    def served_url(self):
        host = f"[{self.addr}]" if self._raw_ipv6 else self.addr
        if host in ("0", "0.0.0.0"):  # noqa: S104 - listening everywhere: link to this machine
            host = "127.0.0.1"
        return f"{self.protocol}://{host}:{self.port}"
