import pytest

from newsroom.factories import NewsItemFactory
from newsroom.newsletter.factories import NewsletterIssueFactory


@pytest.fixture
def issue():
    """A draft issue with two published news items, in this order."""
    items = [NewsItemFactory(title="CPMR:s generalförsamling i Bryssel"),
             NewsItemFactory(title="Praktik på Brysselkontoret våren 2027")]
    return NewsletterIssueFactory(subject="Nyhetsbrev oktober", news=items)
