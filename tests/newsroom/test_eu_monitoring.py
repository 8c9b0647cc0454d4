"""EU monitoring: the Brussels office's early warnings, with a deadline, what they mean for
the region and whom to ask, on a page of their own and in the admin."""

import datetime

import pytest
from django.utils import timezone

from newsroom.factories import NewsItemFactory
from newsroom.models import NewsItem
from newsroom.roles import PUBLISHERS
from relations.factories import ContactFactory
from tests.newsroom.test_admin import ADD_URL, form_data

pytestmark = pytest.mark.django_db

MONITORING = "/nyheter/eu-bevakning/"


def monitoring_item(**kwargs):
    return NewsItemFactory(
        kind=NewsItem.Kind.EU_MONITORING,
        deadline=datetime.date(2027, 2, 15),
        regional_impact="Kommuner och lärosäten i Västra Götaland kan söka.",
        monitoring_contact=ContactFactory(name="Maria Lind", email="maria.lind@example.se"),
        **kwargs,
    )


def test_the_monitoring_page_lists_early_warnings_with_their_deadline(client):
    warning = monitoring_item(title="Kommande utlysning i Horisont Europa")
    news = NewsItemFactory(title="Regionen i Bryssel")
    html = client.get(MONITORING).content.decode()
    assert warning.title in html and news.title not in html
    assert '<time datetime="2027-02-15">15 februari 2027</time>' in html
    assert 'href="/nyheter/nyhetsbrev/arkiv/eu-bevakning/"' in html
    # In the news list too, marked as what it is.
    listed = client.get("/nyheter/").content.decode()
    assert warning.title in listed and "· EU-bevakning" in listed
    assert client.get("/en/news/eu-monitoring/").status_code == 200


def test_an_early_warning_shows_what_it_means_and_whom_to_ask(client):
    warning = monitoring_item()
    html = client.get(warning.get_absolute_url()).content.decode()
    assert "Vad det betyder för regionen" in html
    assert "Kommuner och lärosäten i Västra Götaland kan söka." in html
    assert 'href="mailto:maria.lind@example.se"' in html
    plain = client.get(NewsItemFactory().get_absolute_url()).content.decode()
    assert "monitoring-facts" not in plain


def test_an_early_warning_without_its_facts_is_refused_at_each_field(staff_client):
    publisher = staff_client(PUBLISHERS)
    moment = timezone.localtime() - datetime.timedelta(hours=1)
    response = publisher.post(f"{ADD_URL}add/", form_data(
        kind="eu-monitoring", status="published",
        publish_at_0=moment.strftime("%Y-%m-%d"), publish_at_1=moment.strftime("%H:%M:%S"),
    ))
    errors = response.context["adminform"].form.errors
    assert errors["deadline"] == ["Ange sista dag för utlysningen, samrådet eller beslutet."]
    assert errors["regional_impact"] == ["Skriv vad det betyder för regionen."]
    assert errors["monitoring_contact"] == ["Välj vem läsarna kan kontakta om bevakningen."]
    assert 'value="Vi söker praktikanter"' in response.content.decode()
    assert not NewsItem.objects.exists()

    contact = ContactFactory()
    saved = publisher.post(f"{ADD_URL}add/", form_data(
        kind="eu-monitoring", deadline="2027-03-01", regional_impact="Berör kommunerna.",
        monitoring_contact=contact.pk,
    ))
    assert saved.status_code == 302
    assert NewsItem.objects.get().kind == "eu-monitoring"


def test_the_monitoring_page_is_in_the_sitemap(client):
    monitoring_item()
    sitemap = client.get("/sitemap-news.xml").content.decode()
    assert "http://testserver/nyheter/eu-bevakning/" in sitemap
    assert "http://testserver/en/news/eu-monitoring/" in sitemap
