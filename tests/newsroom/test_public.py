"""The public news pages: scheduling, languages, filters, bad input, page metadata."""

import datetime

import pytest
from django.utils import timezone

from newsroom.factories import DraftFactory, EnglishNewsItemFactory, NewsItemFactory
from relations.factories import OrganisationFactory, TopicFactory
from tests.gates.crawl import page_facts
from visits.factories import VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled():
    return NewsItemFactory(
        title="Hemlig framtida nyhet", slug="framtida",
        publish_at=timezone.now() + datetime.timedelta(hours=2),
    )


def test_a_scheduled_item_is_invisible_everywhere_until_its_time(client, scheduled):
    live = NewsItemFactory(title="Synlig nyhet")
    draft = DraftFactory(title="Opublicerat utkast")
    listing = client.get("/nyheter/").content.decode()
    assert "Synlig nyhet" in listing
    assert "Hemlig framtida nyhet" not in listing and "Opublicerat utkast" not in listing
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(live.get_absolute_url()).status_code == 200
    for feed in ("/nyheter/flode/rss/", "/nyheter/flode/atom/"):
        content = client.get(feed).content.decode()
        assert "Synlig nyhet" in content and "Hemlig framtida nyhet" not in content
    sitemap = client.get("/sitemap-news-items.xml").content.decode()
    assert live.get_absolute_url() in sitemap and "/framtida/" not in sitemap
    assert "Hemlig framtida nyhet" not in client.get("/").content.decode()


def test_each_item_lives_on_the_site_of_its_language(client):
    swedish = NewsItemFactory(title="Svensk nyhet")
    english = EnglishNewsItemFactory(title="English item")
    assert swedish.get_absolute_url().startswith("/nyheter/")
    assert english.get_absolute_url().startswith("/en/news/")
    sv_list = client.get("/nyheter/").content.decode()
    en_list = client.get("/en/news/").content.decode()
    assert "Svensk nyhet" in sv_list and "English item" not in sv_list
    assert "English item" in en_list and "Svensk nyhet" not in en_list
    # The Swedish slug on the English site is not a page.
    assert client.get(f"/en/news/{swedish.slug}/").status_code == 404


def test_hreflang_names_only_the_languages_the_item_exists_in(client):
    alone = NewsItemFactory()
    facts = page_facts(client.get(alone.get_absolute_url()).content.decode())
    assert set(facts.hreflangs) == {"sv", "x-default"}

    original = NewsItemFactory()
    english = EnglishNewsItemFactory(translation=original)
    html = client.get(original.get_absolute_url()).content.decode()
    facts = page_facts(html)
    assert facts.hreflangs["en"] == f"http://testserver{english.get_absolute_url()}"
    assert facts.hreflangs["sv"] == f"http://testserver{original.get_absolute_url()}"
    assert f'href="{english.get_absolute_url()}" hreflang="en" lang="en"' in html


def test_a_translation_not_yet_published_is_not_named(client):
    original = NewsItemFactory()
    EnglishNewsItemFactory(translation=original, status="draft")
    facts = page_facts(client.get(original.get_absolute_url()).content.decode())
    assert "en" not in facts.hreflangs


def test_detail_page_has_lead_image_body_topics_and_metadata(client, photo, settings):
    settings.SITE_URL = "https://externa.example.se"
    topic = TopicFactory(name="Sammanhållningspolitik")
    item = NewsItemFactory(
        title="Regionkommittén samlades", lead="Ingressen.", body="## Mellanrubrik\n\nText.",
        image=photo(), image_alt="Plenisalen", image_credit="Anna Fotograf", topics=[topic],
    )
    related = NewsItemFactory(title="En närliggande nyhet", topics=[topic])
    html = client.get(item.get_absolute_url()).content.decode()
    assert page_facts(html).h1_count == 1
    assert '<p class="lead">Ingressen.</p>' in html
    assert "<h2>Mellanrubrik</h2>" in html
    size = f'width="{item.rendition_width}" height="{item.rendition_height}"'
    assert f'{size} alt="Plenisalen"' in html
    assert "Foto: Anna Fotograf" in html
    assert f'href="/nyheter/amne/{topic.slug}/"' in html
    assert "En närliggande nyhet" in html and related.get_absolute_url() in html
    canonical = f"https://externa.example.se{item.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="Regionkommittén samlades">' in html
    image = f"https://externa.example.se{item.rendition.url}"
    assert f'<meta property="og:image" content="{image}">' in html
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_detail_lists_related_organisations_and_only_public_visits(client):
    organisation = OrganisationFactory(name="Europeiska regionförsamlingen")
    public = VisitFactory(title="Offentligt besök", visibility=Visit.Visibility.PUBLIC,
                          status=Visit.Status.CONFIRMED)
    internal = VisitFactory(title="Internt besök", visibility=Visit.Visibility.INTERNAL)
    item = NewsItemFactory()
    item.related_organisations.set([organisation])
    item.related_visits.set([public, internal])
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Europeiska regionförsamlingen" in html
    assert "Offentligt besök" in html and "Internt besök" not in html


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=99999", "?page=-1", "?topic=finns-inte", "?year=1850", "?year=abc",
     "?q=", "?q=" + "praktik " * 100, "?q=%22&topic=&year=", "?q=%00"],
)
def test_bad_list_input_gives_a_clear_page(client, query):
    NewsItemFactory.create_batch(12)
    response = client.get(f"/nyheter/{query}")
    assert response.status_code == 200
    assert page_facts(response.content.decode()).h1_count == 1


def test_unknown_filter_values_are_named_at_the_field(client):
    NewsItemFactory()
    html = client.get("/nyheter/?topic=finns-inte&year=1850").content.decode()
    assert html.count('class="errorlist"') == 2
    assert 'aria-invalid="true" aria-describedby="id_topic_error"' in html
    assert 'id="id_topic_error"' in html
    assert '<p class="result-count" role="status">0 nyheter.</p>' in html


def test_a_too_long_query_is_refused_at_the_field_and_kept(client):
    html = client.get("/nyheter/?q=" + "a" * 201).content.decode()
    assert 'class="errorlist"' in html
    assert 'value="' + "a" * 201 + '"' in html


def test_pages_out_of_range_show_the_nearest_page(client):
    NewsItemFactory.create_batch(12)
    assert client.get("/nyheter/?page=abc").context["page_obj"].number == 1
    assert client.get("/nyheter/?page=99999").context["page_obj"].number == 2


def test_filters_by_topic_and_year(client):
    topic = TopicFactory()
    in_topic = NewsItemFactory(title="Om frågan", topics=[topic])
    NewsItemFactory(title="Om annat")
    last_year = NewsItemFactory(
        title="Från i fjol", publish_at=timezone.now() - datetime.timedelta(days=400)
    )
    html = client.get(f"/nyheter/?topic={topic.slug}").content.decode()
    assert "Om frågan" in html and "Om annat" not in html
    year = timezone.localtime(last_year.publish_at).year
    html = client.get(f"/nyheter/?year={year}").content.decode()
    assert "Från i fjol" in html and in_topic.title not in html


def test_search_keeps_the_query_and_announces_the_count(client):
    NewsItemFactory(title="Informationsmöte med ESF-rådet")
    NewsItemFactory(title="Något helt annat", lead="Utan träff.", body="Inget.")
    html = client.get("/nyheter/?q=ESF-rådet").content.decode()
    assert 'value="ESF-rådet"' in html
    assert '<p class="result-count" role="status">1 nyhet matchar ”ESF-rådet”.</p>' in html
    assert "Informationsmöte med ESF-rådet" in html and "Något helt annat" not in html


def test_topic_page_and_its_feeds(client):
    topic = TopicFactory(name="Bredband", name_en="Broadband")
    NewsItemFactory(title="Bredband på landsbygden", topics=[topic])
    NewsItemFactory(title="Annat ämne")
    html = client.get(f"/nyheter/amne/{topic.slug}/").content.decode()
    assert "Nyheter om Bredband" in html
    assert "Bredband på landsbygden" in html and "Annat ämne" not in html
    assert f'href="/nyheter/amne/{topic.slug}/rss/"' in html
    assert client.get(f"/en/news/topic/{topic.slug}/").status_code == 200
    assert client.get("/nyheter/amne/finns-inte/").status_code == 404
    assert client.get("/nyheter/amne/finns-inte/rss/").status_code == 404


def test_year_archive(client):
    item = NewsItemFactory(title="Årets nyhet")
    year = timezone.localtime(item.publish_at).year
    assert "Årets nyhet" in client.get(f"/nyheter/arkiv/{year}/").content.decode()
    # A year with news in Swedish only still has an English page, saying so.
    assert client.get(f"/en/news/archive/{year}/").status_code == 200
    for missing in (1850, 99999, 0):
        assert client.get(f"/nyheter/arkiv/{missing}/").status_code == 404


def test_sitemap_lists_each_item_in_its_language_with_lastmod(client):
    original = NewsItemFactory(slug="original")
    english = EnglishNewsItemFactory(slug="english", translation=original)
    lonely = EnglishNewsItemFactory(slug="only-english")
    xml = client.get("/sitemap-news-items.xml").content.decode()
    assert xml.count("<loc>") == 3
    assert f"<loc>http://testserver{original.get_absolute_url()}</loc>" in xml
    assert f"<loc>http://testserver{english.get_absolute_url()}</loc>" in xml
    assert f"<loc>http://testserver{lonely.get_absolute_url()}</loc>" in xml
    assert "/nyheter/only-english/" not in xml and "/en/news/original/" not in xml
    assert "<lastmod>" in xml
    pages = client.get("/sitemap-news.xml").content.decode()
    assert "<loc>http://testserver/nyheter/</loc>" in pages
    assert "<loc>http://testserver/en/news/</loc>" in pages


def test_home_page_shows_the_latest_news_in_its_language(client):
    NewsItemFactory(title="Svensk startsidesnyhet")
    EnglishNewsItemFactory(title="English front page item")
    sv = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Svensk startsidesnyhet" in sv and "English front page item" not in sv
    assert "English front page item" in en and "Svensk startsidesnyhet" not in en


def test_no_news_means_no_home_section(client):
    assert 'id="news-home-heading"' not in client.get("/").content.decode()


def test_related_sections_for_topic_organisation_and_visit():
    from django.utils import translation

    from newsroom.related import sections

    topic = TopicFactory()
    organisation = OrganisationFactory()
    visit = VisitFactory()
    item = NewsItemFactory(topics=[topic])
    item.related_organisations.set([organisation])
    item.related_visits.set([visit])
    NewsItemFactory(topics=[topic], publish_at=timezone.now() + datetime.timedelta(days=1))
    with translation.override("sv"):
        for obj in (topic, organisation, visit):
            (section,) = sections(obj)
            assert section["items"] == [item]
        assert sections(item) == []
    with translation.override("en"):
        assert sections(topic) == []


def test_preview_and_list_links_never_break(client):
    item = NewsItemFactory()
    html = client.get(item.get_absolute_url()).content.decode()
    for path in ("/nyheter/", "/nyheter/flode/rss/", "/nyheter/flode/atom/"):
        assert f'href="{path}"' in html
        assert client.get(path).status_code == 200


def test_topic_organisation_and_visit_pages_list_their_news(client):
    topic = TopicFactory()
    organisation = OrganisationFactory()
    visit = VisitFactory(visibility=Visit.Visibility.PUBLIC, status=Visit.Status.CONFIRMED)
    item = NewsItemFactory(title="Nyheten som hör till", topics=[topic])
    item.related_organisations.set([organisation])
    item.related_visits.set([visit])
    for page in (topic, organisation, visit):
        html = client.get(page.get_absolute_url()).content.decode()
        assert 'id="related-news-heading"' in html, page
        assert item.get_absolute_url() in html


def test_detail_carries_news_article_data_that_cannot_break_out_of_its_block(client):
    import json

    item = NewsItemFactory(title="Rubrik </script><script>alert(1)</script> & mer")
    html = client.get(item.get_absolute_url()).content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and "&" not in block.replace("\\u0026", "")
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == item.title
    assert data["inLanguage"] == "sv"
