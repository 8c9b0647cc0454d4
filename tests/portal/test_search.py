"""The site search at /sok/ (/en/search/): one query over every app's searchable things."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from events.factories import EventFactory
from internships.factories import InternshipCallFactory
from internships.samples import minimal_pdf
from newsroom.factories import DraftFactory, EnglishNewsItemFactory, NewsItemFactory
from newsroom.models import NewsItem
from portal import search
from portal.media.documents import Document
from portal.search_index import NAME_STATISTICS
from relations.factories import AgreementFactory, OrganisationFactory, ProgrammeFactory
from relations.models import Organisation
from visits.factories import VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


def page(client, text, path="/sok/", **parameters):
    response = client.get(path, {"q": text, **parameters})
    assert response.status_code == 200
    return response.content.decode()


def titles(html):
    return [re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h3><a [^>]*>(.*?)</a>", html)]


def groups(html):
    return {
        key: re.sub(r"<[^>]+>", "", heading)
        for key, heading in re.findall(r'<h2 id="search-([^"]+)">(.*?)</h2>', html)
    }


# Anywhere (SQLite too) ---------------------------------------------------------------------


def test_every_page_has_a_labelled_search_field_in_its_header(client):
    html = client.get("/").content.decode()
    assert '<form class="header-search" role="search" method="get" action="/sok/">' in html
    assert '<label for="header-search-q" class="visually-hidden">Sök på webbplatsen</label>' in html
    english = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in english
    assert "Search the website" in english


def test_the_search_page_without_words_shows_only_the_form(client):
    html = page(client, "")
    assert "<h1>Sök</h1>" in html
    assert "träff" not in html


def test_too_long_words_and_an_unknown_type_are_named_at_their_fields(client):
    html = page(client, "a" * 201, typ="okand")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Fel: Sök" in html
    assert "Sökningen får vara högst 200 tecken lång (den är 201)." in html
    assert "Välj en av typerna i listan." in html
    # What was typed stays in the field.
    assert 'value="' + "a" * 201 + '"' in html


def test_what_the_public_may_not_see_is_never_found(client):
    DraftFactory(title="Utkast om vätgasdalen")
    VisitFactory(title="Internt besök om vätgasdalen", visibility=Visit.Visibility.INTERNAL)
    VisitFactory(title="Planerat besök om vätgasdalen", status=Visit.Status.PLANNING)
    AgreementFactory(title="Internt avtal om vätgasdalen", is_public=False)
    InternshipCallFactory(title="Opublicerad praktik om vätgasdalen", is_published=False)
    NewsItemFactory(title="Vätgasdalen får stöd")
    assert titles(page(client, "vätgasdalen")) == ["Vätgasdalen får stöd"]


def test_results_are_grouped_by_type_with_counts_and_a_link_to_each_type(client):
    NewsItemFactory.create_batch(4, title="Smart specialisering efter 2027")
    EventFactory(title="Seminarium om smart specialisering")
    html = page(client, "specialisering")
    assert groups(html) == {"nyheter": "Nyheter (4)", "evenemang": "Evenemang (1)"}
    # Three of the four news items, and a way to the rest.
    assert len(titles(html)) == 3 + 1
    assert 'href="?q=specialisering&amp;typ=nyheter"' in html
    assert "5 träffar på ”specialisering”." in html


def test_one_type_page_by_page(client):
    NewsItemFactory.create_batch(23, title="Kohesionsfonden i regionen")
    first = page(client, "Kohesionsfonden", typ="nyheter")
    assert len(titles(first)) == 20
    assert "Sida 1 av 2" in first
    second = page(client, "Kohesionsfonden", typ="nyheter", page="2")
    assert len(titles(second)) == 3
    # An outdated page number shows the last page rather than an error.
    assert len(titles(page(client, "Kohesionsfonden", typ="nyheter", page="99"))) == 3


def test_nothing_found_says_what_to_try(client):
    html = page(client, "qwxyzzy")
    assert "0 träffar på ”qwxyzzy”." in html
    assert "Pröva andra eller färre ord" in html


def test_excerpts_are_escaped(client):
    NewsItemFactory(title="Partnerskap", lead="<script>alert(1)</script> partnerskap i Bryssel")
    html = page(client, "partnerskap")
    assert "<script>" not in html
    assert re.search(r"(<mark>)?partnerskap(</mark>)? i Bryssel", html)


# PostgreSQL: stemming, typos, ranking, counts ---------------------------------------------


def test_swedish_stemming_finds_every_type(client, require_postgres):
    NewsItemFactory(title="Vi söker en praktikant till Bryssel")
    InternshipCallFactory(title="Praktikant på Brysselkontoret hösten 2027")
    EventFactory(title="Informationsmöte", lead="För den som vill bli praktikant.")
    html = page(client, "praktikanter")
    assert set(groups(html)) == {"nyheter", "praktik", "evenemang"}


def test_an_organisation_is_found_without_its_accents_and_with_a_typo(client, require_postgres):
    OrganisationFactory(name="Östersjökommissionen", acronym="BSC")
    OrganisationFactory(name="Nordsjökommissionen", acronym="NSC")
    assert titles(page(client, "Ostersjo")) == ["Östersjökommissionen"]
    assert titles(page(client, "ostersjokommisionen")) == ["Östersjökommissionen"]


@pytest.mark.parametrize(("news", "found"), [
    (4, {"nyheter": "Nyheter (4)", "organisationer": "Organisationer och nätverk (1)"}),
    (5, {"nyheter": "Nyheter (5)"}),
])
def test_similar_names_are_looked_for_when_the_words_find_almost_nothing(
    client, require_postgres, news, found
):
    OrganisationFactory(name="Östersjökommissionen")
    NewsItemFactory.create_batch(news, body="Ett möte om ostersjo-frågor.")
    assert groups(page(client, "Ostersjo")) == found


def test_a_word_only_programmes_contain_is_found_there(client, require_postgres):
    ProgrammeFactory(name="Interreg Nordsjöprogrammet 2021–2027")
    NewsItemFactory(title="Regionen i Bryssel")
    html = page(client, "Interreg")
    assert groups(html) == {"program": "EU-program (1)"}


def test_a_near_miss_gets_did_you_mean(client, require_postgres):
    OrganisationFactory(name="Konferensen för Europas perifera kust- och havsregioner")
    html = page(client, "perferia")
    assert "0 träffar" in html
    assert 'Menade du <a href="?q=perifera">perifera</a>?' in html


def test_titles_rank_above_bodies(client, require_postgres):
    NewsItemFactory(title="Nyhetsbrev från regionen", lead="x", body="Om bredband på landsbygden.")
    NewsItemFactory(title="Bredband i hela regionen", lead="x", body="y")
    assert titles(page(client, "bredband")) == [
        "Bredband i hela regionen", "Nyhetsbrev från regionen"
    ]


def test_the_english_site_finds_english_text_and_english_news(client, require_postgres):
    NewsItemFactory(title="Brysselkontoret om vätgas", lead="Vätgas i Swedish only")
    EnglishNewsItemFactory(title="Hydrogen valleys in Europe", lead="Hydrogen.")
    ProgrammeFactory(name="Sammanhållningsprogrammet", name_en="Hydrogen programme")
    html = page(client, "hydrogen", path="/en/search/")
    assert sorted(titles(html)) == ["Hydrogen programme", "Hydrogen valleys in Europe"]
    assert page(client, "vätgasdal", path="/en/search/").count("<h3>") == 0


def test_counts_stop_at_a_thousand_and_say_so(client, require_postgres):
    NewsItem.objects.bulk_create(
        NewsItemFactory.build(title=f"Regionalpolitik {n}", slug=f"rp-{n}", body="")
        for n in range(search.CANDIDATES + 5)
    )
    html = page(client, "regionalpolitik")
    assert "Fler än 1\xa0000 träffar" in html or "Fler än 1 000 träffar" in html
    assert groups(html)["nyheter"].startswith("Nyheter (fler än 1")


def test_the_stored_columns_follow_update_and_bulk_create(client, require_postgres):
    organisation = OrganisationFactory(name="Gammalt namn")
    Organisation.objects.filter(pk=organisation.pk).update(name="Västsvenska Bryssel-nätverket")
    assert titles(page(client, "Bryssel-nätverket")) == ["Västsvenska Bryssel-nätverket"]


def test_a_pdf_is_found_by_its_text(client, require_postgres):
    document = Document.objects.create(
        file=SimpleUploadedFile("svar.pdf", minimal_pdf(["Remissvar om kollektivtrafiken"])),
        title="Remissvar 2026",
    )
    news = NewsItemFactory(title="Remissvaren i år")
    news.documents.add(document)
    html = page(client, "kollektivtrafiken")
    assert groups(html) == {"dokument": "Dokument (1)"}
    assert "<mark>kollektivtrafiken</mark>" in html


def test_the_search_is_answered_from_the_indexes(require_postgres):
    NewsItem.objects.bulk_create(
        NewsItemFactory.build(title=f"Nyhet {n} om sammanhållning", slug=f"n-{n}", body="")
        for n in range(300)
    )
    words = search.Search("Ostersjo", "sv")
    rows = search.Rows.of(NewsItem.objects.all(), "sv")
    sql, params = words.candidates(rows, names=True, ranked=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsroom_newsitem")
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "newsroom_newsitem_search_sv" in plan, plan
    assert "newsroom_newsitem_search_name" in plan, plan


def test_what_is_public_is_the_same_sql_at_every_moment(require_postgres):
    # The site search compiles each type's public rows once per process (search.public_rows):
    # a "now" of the moment it was compiled would hide what is published after it.
    for searchable in search.searchables():
        for language in ("sv", "en"):
            params = search.public_rows(searchable, language).params
            assert not [value for value in params if isinstance(value, datetime.date)], (
                searchable.key, params
            )


def test_names_keep_few_statistics_for_the_planner(require_postgres):
    tables = [searchable.public().model._meta.db_table for searchable in search.searchables()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attrelid::regclass::text, attstattarget FROM pg_attribute "
            "WHERE attname = 'search_name' AND attrelid::regclass::text = ANY(%s)",
            [tables],
        )
        targets = dict(cursor.fetchall())
    assert targets == dict.fromkeys(tables, NAME_STATISTICS)


def test_site_search_runs_a_bounded_number_of_queries(
    client, require_postgres, django_assert_max_num_queries
):
    NewsItemFactory.create_batch(5, title="Regional utveckling")
    EventFactory(title="Regional utveckling i praktiken")
    OrganisationFactory(name="Regional utveckling i norr")
    # The page's header and footer take two; counting and ranking every type take one, and
    # one more for the types that the words find little of (by names too); then one query
    # per type shown, whatever the number of results.
    shown = len(groups(page(client, "regional utveckling")))
    assert shown >= 3
    with django_assert_max_num_queries(2 + 2 + shown):
        page(client, "regional utveckling")
    with django_assert_max_num_queries(2 + 2 + 1):
        page(client, "regional utveckling", typ="nyheter")
    # Nothing found: "did you mean" looks at every type at once, then reads the best name;
    # its transaction (a savepoint in a test) sets a lower bar for similar names.
    with django_assert_max_num_queries(2 + 2 + 5):
        page(client, "utvecklingsregionalitet")


def test_pdfs_uploaded_before_the_search_get_their_text():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("portal.migrations.0009_document_text")
    document = Document.objects.create(
        file=SimpleUploadedFile("svar.pdf", minimal_pdf(["Remissvar om kollektivtrafiken"])),
        title="Remissvar 2025",
    )
    Document.objects.filter(pk=document.pk).update(text="")
    migration.extract_pdf_text(apps, None)
    document.refresh_from_db()
    assert "kollektivtrafiken" in document.text
