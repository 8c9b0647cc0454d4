"""The site's own pages in the page cache (portal/page_cache.py)."""

CACHEABLE_URL_NAMES = {
    "home", "about", "accessibility", "personal-data", "contact", "robots", "security-txt",
    "sitemap", "sitemap-section",
}
# Form tokens are written by every form sent: they never show on a page.
PRIVATE_MODELS = {"portal.formsubmission"}
