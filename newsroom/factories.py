"""Test factories for the newsroom (factory-boy is a test dependency only)."""

import datetime

import factory
from django.utils import timezone

from newsroom.models import NewsItem


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nyhet nummer {n} från Brysselkontoret")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    language = NewsItem.Language.SWEDISH
    lead = "Regionen deltog i ett möte om sammanhållningspolitiken."
    body = "## Bakgrund\n\nBrysselkontoret **bevakar** EU:s politik.\n\n- en punkt\n- en till"
    status = NewsItem.Status.PUBLISHED
    publish_at = factory.Sequence(
        lambda n: timezone.now() - datetime.timedelta(days=1, minutes=n)
    )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class DraftFactory(NewsItemFactory):
    status = NewsItem.Status.DRAFT


class EnglishNewsItemFactory(NewsItemFactory):
    title = factory.Sequence(lambda n: f"News item {n} from the Brussels office")
    slug = factory.Sequence(lambda n: f"news-{n}")
    language = NewsItem.Language.ENGLISH
    lead = "The region took part in a meeting on cohesion policy."
    body = "## Background\n\nThe Brussels office follows EU policy."
