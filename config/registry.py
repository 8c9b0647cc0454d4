"""Discovery of what each app of the portal contributes to the whole site.

An app plugs into the site by defining modules of agreed names; the site-wide code in
``portal/`` finds them here, in the order of PORTAL_APPS, so that no central list grows with
every app and ``portal/`` never imports an app. The portal is an app in this list too: its
module of a hook's name holds its own contribution, and often the code that gathers the
others' (``portal/sitemaps.py``, ``portal/roles.py``, ``portal/scale.py``). The hooks:

``demo``
    ``load()``: the app's demo content, idempotent (``manage.py load_demo``).
``periodic``
    ``JOBS``: functions ``manage.py run_periodic`` calls each time it runs; each returns a
    short account of what it did (or None).
``sitemaps``
    ``SITEMAPS``: section name to sitemap class, for ``/sitemap.xml`` (portal/sitemaps.py).
``home``
    ``home_section(request)``: the app's section of the home page, a dict with a
    ``template`` key and that template's context, or None when there is nothing to show.
``related``
    ``sections(obj)``: sections on another app's page about ``obj`` (a topic's news, an
    organisation's visits …), a list of such dicts.
``personal_data``
    ``find(email)``: the ``PersonalRecord``s the app holds about an address, for register
    extracts and erasure (portal/personal_data_requests.py).
``caching``
    ``CACHEABLE_URL_NAMES``: the app's public pages the page cache may store, by URL name
    ("namespace:" for all of a namespace); optionally ``PRIVATE_MODELS``, labels of the
    app's models that never show on a public page, so saving them drops no cached page;
    optionally ``next_change(now)``, the next moment a public page of the app changes by the
    clock alone, or None (portal/page_cache.py).
``scale``
    ``seed(scale)``: the app's generated rows for the benchmark (``manage.py seed_scale``,
    portal/scale.py); relations seeds first, and the others point at its rows.
``search``
    ``SEARCHABLE``: the app's ``portal.search.Searchable`` types for the site search at
    ``/sok/``; their models take ``portal.search_index.SearchIndexed`` and a
    ``SearchTrigger`` in a migration (portal/search.py).
``roles``
    ``GROUPS``: the app's staff groups, each with the apps it manages, the models of other
    apps it may look up, and its demo login (portal/roles.py).
"""

from importlib import import_module
from importlib.util import find_spec

PORTAL_APPS = ["portal", "relations", "visits", "newsroom", "internships", "events"]


def app_modules(name):
    """Yield each portal app's module called ``name``, in the order of PORTAL_APPS."""
    for app in PORTAL_APPS:
        dotted = f"{app}.{name}"
        if find_spec(dotted) is not None:
            yield import_module(dotted)
