"""The news list's search: the site search's machinery (portal/search.py) on news items."""

import pytest
from django.utils import translation

from newsroom.factories import EnglishNewsItemFactory, NewsItemFactory
from newsroom.models import NewsItem
from portal.search import Search

pytestmark = pytest.mark.django_db


def found(text, language="sv"):
    with translation.override(language):
        queryset = NewsItem.objects.published().in_language(language)
        words = Search(text, language)
        return [item.title for item in (words.ranked_alone(queryset) if words else queryset)]


def test_blank_query_returns_everything():
    NewsItemFactory.create_batch(2)
    assert len(found("   ")) == 2


def test_matches_title_lead_or_body_and_nothing_else():
    NewsItemFactory(title="Informationsmöte med ESF-rådet", lead="x", body="y")
    NewsItemFactory(title="Annat", lead="Om ESF-rådets utlysningar", body="y")
    NewsItemFactory(title="Tredje", lead="x", body="Läs mer hos ESF-rådet.")
    NewsItemFactory(title="Utan träff", lead="Bredband", body="Transport")
    assert sorted(found("ESF-rådet")) == sorted(
        ["Informationsmöte med ESF-rådet", "Annat", "Tredje"]
    )


def test_search_stays_in_the_language_of_the_site():
    NewsItemFactory(title="Brussels office in Swedish text", lead="Brysselkontoret")
    EnglishNewsItemFactory(title="The Brussels office", lead="Brussels")
    assert found("Brussels", "en") == ["The Brussels office"]


def test_very_long_and_odd_queries_do_not_fail():
    NewsItemFactory(title="Praktik")
    for text in ["praktik " * 500, '"', "'", "!!&|:*", "-", "OR", "\\", "%", "_"]:
        found(text)


def test_swedish_stemming_finds_other_forms_of_the_word(require_postgres):
    NewsItemFactory(title="Vi söker en praktikant till Bryssel", lead="Ansök senast i mars.",
                    body="Arbetet passar en student.")
    NewsItemFactory(title="Regionkommitténs plenarsession", lead="Om sammanhållning.",
                    body="Inget om praktik.")
    assert found("praktikanter") == ["Vi söker en praktikant till Bryssel"]
    assert found("praktikanten") == ["Vi söker en praktikant till Bryssel"]


def test_english_stemming_on_the_english_site(require_postgres):
    EnglishNewsItemFactory(title="We are looking for an intern", lead="Apply now.", body="x")
    assert found("interns", "en") == ["We are looking for an intern"]


def test_results_are_ranked_title_before_body(require_postgres):
    NewsItemFactory(title="Nyhetsbrev", lead="x", body="Om bredband på landsbygden.")
    NewsItemFactory(title="Bredband i hela regionen", lead="x", body="y")
    assert found("bredband") == ["Bredband i hela regionen", "Nyhetsbrev"]


def test_the_list_keeps_the_ranking_order(require_postgres):
    NewsItemFactory(title="Om landsbygden", lead="x", body="Bredband och bredband igen.")
    NewsItemFactory(title="Bredband i hela regionen", lead="x", body="y")
    NewsItemFactory(title="Nyhetsbrev", lead="Bredband på gång", body="y")
    assert found("bredband") == ["Bredband i hela regionen", "Nyhetsbrev", "Om landsbygden"]
