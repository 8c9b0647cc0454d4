"""System checks of settings that are valid Python but wrong for the way the site is run."""

from django.conf import settings
from django.core.checks import Warning


def check_trusted_proxy_count(app_configs, **kwargs):
    """In production the site runs behind a proxy; without the count every client looks alike."""
    if settings.DEBUG or settings.TRUSTED_PROXY_COUNT is not None:
        return []
    return [
        Warning(
            "TRUSTED_PROXY_COUNT is not set, so the proxy's own address counts as every "
            "client's: rate limits and login lockouts would hit everyone behind it at once.",
            hint="Set TRUSTED_PROXY_COUNT to the number of proxies in front (0 for none).",
            id="portal.W001",
        )
    ]
