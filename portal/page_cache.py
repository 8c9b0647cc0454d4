"""Whole public pages from the cache, for visitors who are not logged in.

The cache is Django's (``CACHE_URL``: Redis in production, shared by every web machine;
local memory by default). What is cached, and for how long:

- only pages an app names in its ``caching.CACHEABLE_URL_NAMES`` (public lists, details,
  feeds, calendars, sitemaps), only GET, only for a visitor with no session or message
  cookie, only a 200 that sets no cookie, used no CSRF token and does not forbid caching
  (``never_cache``). So a form page (CSRF token), a receipt or a staff page is never
  stored, and a page never carries one visitor's data to another;
- at most ``PAGE_CACHE_SECONDS`` (300; 0 turns the cache off, the default when DEBUG is on),
  and never past the next scheduled change, which each app's ``caching.next_change(now)``
  names: the next publication of a news item, the next call opening or closing, the next
  public visit ending. A scheduled item appears on time.

Invalidation: every page key contains a generation number kept in the cache. It moves on
when public content is saved or deleted (model signals, any process, any machine sharing
the cache): a row of any app with a caching module, unless the app lists its model in
``caching.PRIVATE_MODELS``. It also moves on after any successful POST by a logged-in staff
member (the admin, including actions that write with ``QuerySet.update()`` and send no
signal). Old entries are then never read again and expire by themselves.

The cache is an optimisation, never a condition: when it does not answer (a Redis stopped
or hung; ``CACHE_TIMEOUT_SECONDS`` bounds the wait), pages are rendered uncached and
``remember`` computes. An invalidation lost meanwhile leaves a stored page at most
``PAGE_CACHE_SECONDS`` old.
"""

import functools
import hashlib
import logging
import re

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import Resolver404, resolve
from django.utils import timezone
from redis.exceptions import RedisError

from config.registry import app_modules

logger = logging.getLogger("portal")

GENERATION_KEY = "pagecache:generation"

# What a cache that does not answer raises; the local-memory cache never does.
CACHE_ERRORS = (RedisError, OSError)

# Query parameters whose pages are rendered every time: a free-text search makes a new
# page per visitor, which would only crowd out the pages that are read again.
UNCACHED_PARAMETERS = {"q"}


# What the apps declare ---------------------------------------------------------------------


@functools.cache
def caching_modules():
    """Each app's ``caching`` module (see config/registry.py), found once per process."""
    return tuple(app_modules("caching"))


@functools.cache
def cacheable_url_names():
    """Public pages by URL name ("namespace:name"); a namespace alone ("relations:") means
    all of its pages. A new page is not cached until its app names it."""
    return frozenset().union(*(module.CACHEABLE_URL_NAMES for module in caching_modules()))


@functools.cache
def content_apps():
    """Labels of the apps whose rows may show on a cached page: those with a caching module."""
    return frozenset(
        apps.get_containing_app_config(module.__name__).label for module in caching_modules()
    )


@functools.cache
def private_models():
    """Models whose rows never show on a public page: saving them leaves the cache alone."""
    return frozenset().union(
        *(getattr(module, "PRIVATE_MODELS", ()) for module in caching_modules())
    )


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# Generation and invalidation --------------------------------------------------------------


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A fresh cache (or one that dropped the key): start from the time, so that a new
        # number never meets pages stored under an old one.
        value = int(timezone.now().timestamp() * 1000)
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate():
    """Every cached page is out of date from now on."""
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            generation()
            cache.incr(GENERATION_KEY)
    except CACHE_ERRORS:
        logger.warning("Page cache: the cache does not answer; pages not invalidated")


def _content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in content_apps() and meta.label_lower not in private_models():
        invalidate()


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _content_changed(kwargs["model"] if sender._meta.auto_created else sender)


def connect_signals():
    """Called from PortalConfig.ready(): every process, web or worker, invalidates."""
    post_save.connect(_content_changed, dispatch_uid="pagecache.save")
    post_delete.connect(_content_changed, dispatch_uid="pagecache.delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache.m2m")


# When the next scheduled change happens ---------------------------------------------------


def next_scheduled_change(now=None):
    """The next moment a public page changes by the clock alone, or None."""
    now = now or timezone.now()
    moments = [
        module.next_change(now) for module in caching_modules() if hasattr(module, "next_change")
    ]
    return min((moment for moment in moments if moment is not None), default=None)


def page_timeout(current_generation, now=None):
    """Seconds a page stored now may live: until PAGE_CACHE_SECONDS or the next change."""
    now = now or timezone.now()
    key = f"pagecache:{current_generation}:next-change"
    upcoming = cache.get(key)
    if upcoming is None:
        moment = next_scheduled_change(now)
        upcoming = moment.timestamp() if moment else float("inf")
        until = page_cache_seconds() if moment is None else (moment - now).total_seconds()
        cache.set(key, upcoming, timeout=max(1, min(page_cache_seconds(), int(until))))
    return int(min(page_cache_seconds(), upcoming - now.timestamp()))


def remember(name, compute):
    """``compute()``, kept as long as a cached page would be: dropped when content is saved,
    never kept past the next scheduled change. For the parts of a page that is rendered
    every time (a search, a form) but that read the whole archive, such as a filter's
    choices. Computed afresh every time when the page cache is off."""
    if page_cache_seconds() <= 0:
        return compute()
    try:
        current_generation = generation()
        key = f"pagecache:{current_generation}:value:{name}"
        value = cache.get(key)
        if value is None:
            value = compute()
            timeout = page_timeout(current_generation)
            if timeout > 0:
                cache.set(key, value, timeout=timeout)
    except CACHE_ERRORS:
        logger.warning("Page cache: the cache does not answer; %s computed afresh", name)
        return compute()
    return value


# The middleware ---------------------------------------------------------------------------


def is_cacheable_name(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    name = match.view_name
    namespace = name.split(":", 1)[0] + ":" if ":" in name else None
    return name in cacheable_url_names() or namespace in cacheable_url_names()


ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_key(request, current_generation):
    # GZipMiddleware (below this one) compresses for clients that accept it: one entry each.
    encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else ""
    url = f"{encoding}:{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pagecache:{current_generation}:{digest}"


def has_own_page(request):
    """Whether the visitor is logged in or has a message waiting to be shown: a page of
    their own, never one kept for everyone."""
    cookies = request.COOKIES
    message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
    return settings.SESSION_COOKIE_NAME in cookies or message_cookie in cookies


def request_may_use_cache(request):
    if request.method not in ("GET", "HEAD") or page_cache_seconds() <= 0:
        return False
    if has_own_page(request):
        return False
    if UNCACHED_PARAMETERS & request.GET.keys():
        return False
    return is_cacheable_name(request.path_info)


def response_may_be_stored(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a CSRF token or another cookie: this visitor's own page
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """Serve and store whole public pages (see the module's docstring).

    Placed right after SecurityMiddleware and WhiteNoise: the HTTPS redirect still comes
    first, and a page served from the cache skips the rest of the stack. The stored response
    carries every header the inner middleware gave it (CSP, Permissions-Policy, Vary …).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_may_use_cache(request):
            response = self.get_response(request)
            if request.method == "POST" and response.status_code < 400:
                user = getattr(request, "user", None)
                if user is not None and user.is_authenticated and user.is_staff:
                    invalidate()
            return response
        try:
            current_generation = generation()
            key = page_key(request, current_generation)
            cached = cache.get(key)
        except CACHE_ERRORS:
            logger.warning("Page cache: the cache does not answer; page rendered uncached")
            return self.get_response(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if response_may_be_stored(request, response):
            try:
                self.store(key, response, current_generation)
            except CACHE_ERRORS:
                logger.warning("Page cache: the cache does not answer; page not stored")
            else:
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def store(key, response, current_generation):
        timeout = page_timeout(current_generation)
        if timeout > 0:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, timeout=timeout)
