"""Links that work away from the site: in mails, feeds, calendars and structured data.

They are built from SITE_URL rather than from the request, since a mail or a feed reader
has no request, and behind the proxy the request's own host may be an internal one.
"""

from django.conf import settings


def absolute_url(path):
    """``path`` (as ``reverse`` or ``get_absolute_url`` gives it) on the public site."""
    return settings.SITE_URL + path
