"""The editors' pages: a tree whose URLs follow it, in Swedish and English, in the menus,
the sitemap and the admin, refused when an address or a required section is wrong."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.pages.models import ACCESSIBILITY_SECTIONS, Page, page_url
from tests.gates.crawl import page_facts, sitemap_paths

pytestmark = pytest.mark.django_db


def about():
    return Page.objects.get(key="about")


def child(parent, **fields):
    values = {"title": "Vår organisation", "slug": "var-organisation", "parent": parent,
              "is_published": True}
    page = Page(**values | fields)
    page.full_clean()
    page.save()
    return page


# The pages that were templates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "swedish", "english", "swedish_text", "english_text"),
    [
        ("about", "/om-oss/", "/en/about/", "Brysselkontoret bevakar EU:s politik",
         "The Brussels office follows EU policy"),
        ("accessibility", "/tillganglighet/", "/en/accessibility/",
         "delvis förenlig med lagen", "partially compliant with the Act"),
        ("personal-data", "/personuppgifter/", "/en/personal-data/",
         '<h2 id="applications">Ansökan om praktik</h2>',
         '<h2 id="applications">Internship applications</h2>'),
        ("contact", "/kontakt/", "/en/contact/",
         'href="mailto:externa.relationer@example.se"', "the region's switchboard"),
    ],
)
def test_the_template_pages_are_rows_at_their_old_addresses_with_their_text(
    client, key, swedish, english, swedish_text, english_text
):
    page = Page.objects.get(key=key)
    with translation.override("sv"):
        assert page.get_absolute_url() == page_url(key) == swedish
    with translation.override("en"):
        assert page.get_absolute_url() == page_url(key) == english
    assert swedish_text in client.get(swedish).content.decode()
    assert english_text in client.get(english).content.decode()


def test_the_contact_page_still_shows_the_offices(client, demo_content):
    html = client.get("/kontakt/").content.decode()
    for office in ("Göteborg", "Bryssel", "Stockholm"):
        assert office in html


def test_the_home_page_introduction_is_an_editable_page(client):
    home = Page.objects.get(key="home")
    home.title, home.lead = "Regionen i Europa", "En **ny** ingress."
    home.title_en = "The region in Europe"
    home.save()
    sv = client.get("/").content.decode()
    assert "<h1>Regionen i Europa</h1>" in sv
    assert "<strong>ny</strong>" in sv
    assert "<h1>The region in Europe</h1>" in client.get("/en/").content.decode()


# The tree ------------------------------------------------------------------------------------


def test_a_child_page_has_an_address_under_its_parent_in_both_languages(client):
    page = child(about(), title_en="Our organisation", slug_en="our-organisation",
                 body="## Ledning\n\nText", body_en="## Management\n\nText")
    assert page.path == "om-oss/var-organisation/"
    assert page.path_en == "about/our-organisation/"
    sv = client.get("/om-oss/var-organisation/")
    en = client.get("/en/about/our-organisation/")
    assert sv.status_code == en.status_code == 200
    assert "<h2>Ledning</h2>" in sv.content.decode()
    facts = page_facts(en.content.decode())
    assert facts.lang == "en"
    assert facts.hreflangs == {
        "sv": "http://testserver/om-oss/var-organisation/",
        "en": "http://testserver/en/about/our-organisation/",
        "x-default": "http://testserver/om-oss/var-organisation/",
    }


def test_renaming_a_parent_moves_the_pages_below_it(client):
    page = child(about())
    parent = about()
    parent.slug = "om-enheten"
    parent.save()
    page.refresh_from_db()
    assert page.path == "om-enheten/var-organisation/"
    assert client.get("/om-enheten/var-organisation/").status_code == 200


def test_a_page_without_english_links_only_its_own_language_and_switches_to_the_nearest(client):
    child(about())
    facts = page_facts(client.get("/om-oss/var-organisation/").content.decode())
    assert facts.hreflangs == {
        "sv": "http://testserver/om-oss/var-organisation/",
        "x-default": "http://testserver/om-oss/var-organisation/",
    }
    # The language switcher leads to the nearest page above that is in English, which then
    # says that the page asked for has no English version.
    assert "http://testserver/en/about/?untranslated=sv" in facts.links
    notice = client.get("/en/about/", {"untranslated": "sv"}).content.decode()
    assert "not available in English" in notice
    assert client.get("/en/about/var-organisation/").status_code == 404


def test_nearest_translated_is_the_page_itself_or_the_nearest_ancestor_in_that_language():
    organisation = child(about())
    board = child(organisation, title="Styrelsen", slug="styrelsen")
    assert board.nearest_translated("sv") == board
    assert board.nearest_translated("en") == about()
    lonely = Page.objects.create(title="Bara svenska", slug="bara-svenska", is_published=True)
    assert lonely.nearest_translated("en") is None


# Menus ----------------------------------------------------------------------------------------


def test_menu_and_footer_show_the_pages_marked_for_them_in_the_editors_order(client):
    page = child(about(), show_in_navigation=True, show_in_footer=True, order=1,
                 menu_title="Organisationen")
    html = client.get("/").content.decode()
    nav = html[html.index('class="main-nav"'):html.index("</nav>")]
    assert 'href="/om-oss/"' in nav and 'href="/om-oss/var-organisation/"' in nav
    footer = html[html.index("<footer"):]
    links = [href for href in ("/om-oss/var-organisation/", "/om-oss/", "/kontakt/",
                               "/tillganglighet/", "/personuppgifter/")]
    positions = [footer.index(f'href="{href}"') for href in links]
    assert positions == sorted(positions)
    assert ">Organisationen</a>" in footer
    # A page without English is left out of the English menus.
    english = client.get("/en/").content.decode()
    assert page.get_absolute_url() not in english[english.index("<footer"):]
    assert 'href="/en/about/"' in english


def test_the_menus_cost_one_query_whatever_the_number_of_pages(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for number in range(5):
        child(about(), slug=f"sida-{number}", show_in_footer=True)

    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            client.get("/om-oss/")
        return [query["sql"] for query in queries if "portal_page" in query["sql"]]

    few = page_queries()
    for number in range(5, 15):
        child(about(), slug=f"sida-{number}", show_in_footer=True)
    assert len(page_queries()) == len(few) == 3  # the page, its documents, and the menus


def test_page_detail_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    organisation = child(about())
    for number in range(10):
        child(organisation, title=f"Sida {number}", slug=f"sida-{number}")
    with django_assert_max_num_queries(5):
        assert client.get("/om-oss/var-organisation/sida-3/").status_code == 200


# Sitemap --------------------------------------------------------------------------------------


def test_the_sitemap_lists_each_page_in_the_languages_it_exists_in(client):
    child(about())
    paths = sitemap_paths(client)
    assert {"/om-oss/", "/en/about/", "/om-oss/var-organisation/"} <= set(paths)
    assert not any(path.startswith("/en/") and "var-organisation" in path for path in paths)
    xml = client.get("/sitemap-pages.xml").content.decode()
    entry = xml[xml.index("<loc>http://testserver/om-oss/var-organisation/</loc>"):]
    entry = entry[:entry.index("</url>")]
    assert 'hreflang="en"' not in entry
    assert 'hreflang="sv"' in entry


# Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"slug": "nyheter"}, "slug", "Adressen /nyheter/ används redan"),
        ({"slug": "praktik"}, "slug", "Adressen /praktik/ används redan"),
        ({"slug": "besok"}, "slug", "Adressen /besok/ används redan"),
        ({"slug": "news"}, "slug", "Adressen /en/news/ används redan"),
        ({"slug": "en"}, "slug", "reserverad för webbplatsens språk"),
        ({"slug": "om-oss"}, "slug", "En annan sida på samma plats"),
        ({"slug": "ny-sida", "title_en": "New", "slug_en": "about"}, "slug_en",
         "En annan sida på samma plats"),
        ({"slug": "ny-sida", "title_en": "New", "slug_en": "internships"}, "slug_en",
         "Adressen /en/internships/ används redan"),
        ({"slug": ""}, "slug", "Fyll i en kortadress"),
        ({"slug": "ny-sida", "body_en": "Text"}, "title_en", "Fyll i den engelska rubriken"),
    ],
)
def test_an_address_that_is_taken_is_refused_at_its_field(fields, field, message):
    page = Page(title="Ny sida", **fields)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def test_the_same_slug_is_free_under_another_parent():
    page = Page(title="Kontakt", slug="kontakt", parent=about())
    page.full_clean()


def test_an_english_page_under_a_page_without_english_is_refused():
    organisation = child(about())
    page = Page(title="Styrelsen", slug="styrelsen", parent=organisation,
                title_en="Board", slug_en="board")
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "finns inte på engelska" in refused.value.message_dict["slug_en"][0]


def test_a_page_cannot_move_under_its_own_subpage():
    organisation = child(about())
    parent = about()
    parent.parent = organisation
    with pytest.raises(ValidationError) as refused:
        parent.full_clean()
    assert "parent" in refused.value.message_dict


@pytest.mark.parametrize(("field", "language"), [("body", "sv"), ("body_en", "en")])
def test_the_accessibility_statement_keeps_every_required_section(field, language):
    statement = Page.objects.get(key="accessibility")
    statement.full_clean()
    missing = ACCESSIBILITY_SECTIONS[language][3]
    setattr(statement, field, getattr(statement, field).replace(f"## {missing}", missing))
    with pytest.raises(ValidationError) as refused:
        statement.full_clean()
    assert f"”{missing}”" in refused.value.message_dict[field][0]


# Admin ----------------------------------------------------------------------------------------


def test_an_editor_changes_about_us_and_adds_a_child_page_in_the_admin(staff_client):
    client = staff_client("Redaktör")
    page = about()
    listing = client.get("/admin/portal/page/").content.decode()
    assert "Om enheten externa relationer" in listing

    form = {
        "title": "Om oss", "slug": "om-oss", "lead": "Ny ingress.", "body": page.body,
        "description": "", "title_en": "About us", "slug_en": "about", "lead_en": "New lead.",
        "body_en": page.body_en, "description_en": "", "parent": "", "show_in_navigation": "on",
        "show_in_footer": "on", "order": "10", "menu_title": "Om oss", "menu_title_en": "About",
    }
    response = client.post(f"/admin/portal/page/{page.pk}/change/", form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    # A published page keeps showing its published text until a publisher publishes the edit.
    assert "Ny ingress." not in client.get("/om-oss/").content.decode()
    page.refresh_from_db()
    assert page.pending_draft is not None
    publisher = User.objects.create(username="publicerare-test", is_staff=True)
    page.publish_draft(user=publisher)
    assert "Ny ingress." in client.get("/om-oss/").content.decode()

    response = client.post("/admin/portal/page/add/", form | {
        "title": "Vår organisation", "slug": "var-organisation", "parent": page.pk,
        "title_en": "", "slug_en": "", "lead_en": "", "body_en": "", "menu_title": "",
        "menu_title_en": "", "show_in_navigation": "", "show_in_footer": "",
    })
    assert response.status_code == 302
    new_page = Page.objects.get(slug="var-organisation")
    assert new_page.versions().count() == 1
    assert client.get("/om-oss/var-organisation/").status_code == 404
    new_page.publish_by(publisher)
    assert client.get("/om-oss/var-organisation/").status_code == 200
    listing = client.get("/admin/portal/page/").content.decode()
    assert "↳ Vår organisation" in listing

    response = client.post("/admin/portal/page/add/", form | {"title": "Nyheter", "slug": "nyheter",
                                                               "slug_en": "more-news"})
    assert response.status_code == 200
    assert "Adressen /nyheter/ används redan" in response.content.decode()


def test_pages_linked_by_key_cannot_be_deleted(staff_client):
    client = staff_client("Redaktör")
    assert client.get(f"/admin/portal/page/{about().pk}/delete/").status_code == 403


def test_the_demo_content_puts_a_page_under_about_us(client, demo_content):
    assert client.get("/om-oss/var-organisation/").status_code == 200
    assert client.get("/en/about/our-organisation/").status_code == 200


def test_a_new_page_waits_for_a_publisher_before_it_appears(client):
    page = child(about(), is_published=False)
    assert client.get("/om-oss/var-organisation/").status_code == 404
    page.publish()
    assert client.get("/om-oss/var-organisation/").status_code == 200
