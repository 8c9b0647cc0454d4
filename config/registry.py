"""Discovery of what each app of the portal contributes to the whole site.

An app adds its demo content, periodic jobs, sitemaps, home-page section or sections on
other apps' pages by defining a module of an agreed name (``demo``, ``periodic``,
``sitemaps``, ``home``, ``related``); the site-wide code finds them here, so no central
list grows with every app.
"""

from importlib import import_module
from importlib.util import find_spec

PORTAL_APPS = ["portal", "relations", "visits", "newsroom", "internships"]


def app_modules(name):
    """Yield each portal app's module called ``name``, in the order of PORTAL_APPS."""
    for app in PORTAL_APPS:
        dotted = f"{app}.{name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
