"""Relations' pages in the page cache (portal/page_cache.py): all of them are public, and
each of their rows shows somewhere on them."""

CACHEABLE_URL_NAMES = {"relations:"}
