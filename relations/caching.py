"""Relations' pages in the page cache (portal/page_cache.py): all of them are public.

Forum members and agreements' contact persons show only in the admin, so saving them leaves
the cached pages alone; every other row shows somewhere on the pages."""

CACHEABLE_URL_NAMES = {"relations:"}

PRIVATE_MODELS = {"relations.forummember", "relations.agreementcontact"}
