"""Where the apps meet: pages that show another app's content."""

import pytest
from django.template import Context, Template
from django.utils import translation

from internships.factories import InternshipCallFactory
from newsroom.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_a_news_item_and_the_call_it_names_show_each_other(client):
    call = InternshipCallFactory(title="Praktik i Bryssel våren 2027")
    item = NewsItemFactory(title="Nu söker vi praktikanter")
    item.internship_calls.add(call)
    with translation.override("sv"):
        news_page = client.get(item.get_absolute_url()).content.decode()
        call_page = client.get(call.get_absolute_url()).content.decode()
    assert "Praktik i Bryssel våren 2027" in news_page
    assert "Nu söker vi praktikanter" in call_page


def test_a_page_in_one_other_language_is_its_own_x_default():
    template = Template("{% load portal %}{% hreflang_links %}")
    html = template.render(Context({"alternates": {"en": "https://example.se/en/news/x/"}}))
    assert 'hreflang="x-default" href="https://example.se/en/news/x/"' in html
    assert "x-default" not in template.render(Context({"alternates": {}}))
