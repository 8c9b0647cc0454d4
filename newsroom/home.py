"""The latest news on the home page, in the page's language."""

from newsroom.models import NewsItem

HOME_COUNT = 3


def home_section(request):
    items = list(NewsItem.objects.published().in_language().for_listing()[:HOME_COUNT])
    if not items:
        return None
    return {"template": "newsroom/home_section.html", "items": items}
