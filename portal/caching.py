"""The site's own pages in the page cache (portal/page_cache.py)."""

CACHEABLE_URL_NAMES = {
    "home", "page", "robots", "security-txt", "sitemap", "sitemap-section",
}
# Form tokens are written by every form sent: they never show on a page.
# Redirects are read only for pages that do not exist, which are never cached.
PRIVATE_MODELS = {"portal.formsubmission", "portal.redirect"}
