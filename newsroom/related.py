"""Related news on other apps' pages: a topic, an organisation, a visit, an internship call or
an agreement's follow-up.

Each section is one query (plus the prefetch of topics), in the page's language.
"""

from django.urls import reverse

from internships.models import InternshipCall
from newsroom.models import NewsItem
from relations.models import AgreementFollowUp, Organisation, Topic
from visits.models import Visit

RELATED_COUNT = 5

# How each kind of object is linked to its news.
_RELATION = {
    Topic: "topics",
    Organisation: "related_organisations",
    Visit: "related_visits",
    InternshipCall: "internship_calls",
    AgreementFollowUp: "follow_up",
}


def sections(obj):
    relation = _RELATION.get(type(obj))
    if relation is None or obj.pk is None:
        return []
    items = list(
        NewsItem.objects.published()
        .in_language()
        .filter(**{relation: obj})
        .for_listing()[:RELATED_COUNT]
    )
    if not items:
        return []
    section = {"template": "newsroom/related_news.html", "items": items}
    if isinstance(obj, Topic):
        # A topic has a news page of its own, with all of them and a feed.
        section["more_url"] = reverse("newsroom:topic", kwargs={"slug": obj.slug})
    return [section]
