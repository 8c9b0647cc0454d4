"""Test factories for the newsletter (factory-boy is a test dependency only)."""

import factory
from django.utils import timezone

from newsroom.newsletter.models import IssueItem, NewsletterIssue, NewsletterList, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"prenumerant{n}@example.se")
    language = "sv"
    status = Subscriber.Status.CONFIRMED
    consent_text = "Jag vill få nyhetsbrevet."
    consent_version = "2026-1"
    source = "newsroom:subscribe"
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        """``lists=[...]`` chooses those lists instead of the general newsletter."""
        if create:
            self.choose_lists(extracted if extracted is not None else [NewsletterList.GENERAL])


class PendingSubscriberFactory(SubscriberFactory):
    status = Subscriber.Status.PENDING
    confirmed_at = None


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterIssue
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Nyhetsbrev {n}: EU-arbetet i höst")
    intro = "Hösten har varit intensiv för Brysselkontoret."
    language = "sv"

    @factory.post_generation
    def news(self, create, extracted, **kwargs):
        """``news=[item, ...]`` puts those items in the issue, in that order."""
        if create and extracted:
            for position, item in enumerate(extracted):
                IssueItem.objects.create(issue=self, news_item=item, position=position)
