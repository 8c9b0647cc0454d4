"""The newsroom's pages in the page cache (portal/page_cache.py)."""

from newsroom.models import NewsItem

CACHEABLE_URL_NAMES = {
    "newsroom:list", "newsroom:topic", "newsroom:year", "newsroom:detail",
    "newsroom:feed-rss", "newsroom:feed-atom", "newsroom:topic-feed-rss",
    "newsroom:topic-feed-atom", "newsroom:newsletter-archive", "newsroom:newsletter-issue",
}
PRIVATE_MODELS = {"newsroom.subscriber", "newsroom.suppressedaddress", "newsroom.delivery"}


def next_change(now):
    """The next scheduled publication."""
    return (
        NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED, publish_at__gt=now)
        .order_by("publish_at").values_list("publish_at", flat=True).first()
    )
