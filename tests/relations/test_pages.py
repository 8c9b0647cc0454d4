"""The public pages: both languages, filters, pagination, the grant figure and the home section."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from relations.factories import (
    ContactFactory,
    MembershipFactory,
    OfficeFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    TopicFactory,
)
from relations.models import Organisation, Project
from tests.gates.crawl import page_facts

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def network():
    topic = TopicFactory(name="Bredband", name_en="Broadband", slug="bredband")
    organisation = OrganisationFactory(
        name="Europeiska regionförsamlingen",
        name_en="Assembly of European Regions",
        acronym="AER",
        slug="aer",
        description="Ett nätverk av regioner.",
        description_en="A network of regions.",
    )
    organisation.topics.add(topic)
    membership = MembershipFactory(
        organisation=organisation,
        role="vice_president",
        representative_name="Johan Berglind",
        representative_title="vice ordförande i regionfullmäktige",
        representative_title_en="Vice-Chair of the Regional Council",
    )
    membership.topics.add(topic)
    programme = ProgrammeFactory(name="Interreg Central Baltic 2021–2027", slug="central-baltic")
    project = ProjectFactory(
        title="Grön korridor", title_en="Green corridor", slug="gron-korridor",
        programme=programme, lead_partner=organisation,
    )
    project.topics.add(topic)
    office = OfficeFactory(name="Bryssel", name_en="Brussels", slug="bryssel",
                           address="Rue du Luxembourg 3, 1000 Bryssel, Belgien",
                           address_en="Rue du Luxembourg 3, 1000 Brussels, Belgium",
                           phone="+32 2 501 08 00", map_url="https://example.org/karta")
    contact = ContactFactory(name="Sara Holm", office=office, title="EU-strateg",
                             title_en="EU strategist")
    contact.topics.add(topic)
    return {"topic": topic, "organisation": organisation, "membership": membership,
            "programme": programme, "project": project, "office": office, "contact": contact}


PAGES = [
    ("relations:index", {}, "/natverk-och-eu/", "/en/networks-and-eu/"),
    ("relations:organisation-list", {}, "/natverk-och-eu/organisationer/",
     "/en/networks-and-eu/organisations/"),
    ("relations:organisation-detail", {"slug": "aer"}, "/natverk-och-eu/organisationer/aer/",
     "/en/networks-and-eu/organisations/aer/"),
    ("relations:programme-list", {}, "/natverk-och-eu/program/",
     "/en/networks-and-eu/programmes/"),
    ("relations:programme-detail", {"slug": "central-baltic"},
     "/natverk-och-eu/program/central-baltic/", "/en/networks-and-eu/programmes/central-baltic/"),
    ("relations:project-list", {}, "/natverk-och-eu/projekt/", "/en/networks-and-eu/projects/"),
    ("relations:project-detail", {"slug": "gron-korridor"},
     "/natverk-och-eu/projekt/gron-korridor/", "/en/networks-and-eu/projects/gron-korridor/"),
    ("relations:topic-list", {}, "/natverk-och-eu/prioriteringar/",
     "/en/networks-and-eu/priorities/"),
    ("relations:topic-detail", {"slug": "bredband"}, "/natverk-och-eu/prioriteringar/bredband/",
     "/en/networks-and-eu/priorities/bredband/"),
    ("relations:office-list", {}, "/natverk-och-eu/kontor/", "/en/networks-and-eu/offices/"),
]


@pytest.mark.parametrize(("name", "kwargs", "swedish", "english"), PAGES)
def test_every_page_exists_in_both_languages_with_translated_paths(
    client, network, name, kwargs, swedish, english
):
    with translation.override("sv"):
        assert reverse(name, kwargs=kwargs) == swedish
    with translation.override("en"):
        assert reverse(name, kwargs=kwargs) == english
    for path, lang in ((swedish, "sv"), (english, "en")):
        facts = page_facts(html_of(client, path))
        assert facts.lang == lang
        assert facts.h1_count == 1
        assert facts.hreflangs["sv"] == f"http://testserver{swedish}"
        assert facts.hreflangs["en"] == f"http://testserver{english}"


def test_english_pages_use_the_english_fields(client, network):
    html = html_of(client, "/en/networks-and-eu/organisations/aer/")
    assert "<h1>Assembly of European Regions (AER)</h1>" in html
    assert "A network of regions." in html
    assert "Vice-Chair of the Regional Council" in html
    assert "Green corridor" in html
    assert "Vice-president" in html
    html = html_of(client, "/en/networks-and-eu/offices/")
    assert "1000 Brussels" in html and "EU strategist" in html


def test_organisation_detail_shows_membership_role_representatives_and_projects(
    client, network
):
    html = html_of(client, network["organisation"].get_absolute_url())
    assert "Vice ordförande" in html
    assert "Johan Berglind, vice ordförande i regionfullmäktige" in html
    assert network["project"].get_absolute_url() in html
    assert network["topic"].get_absolute_url() in html


def test_topic_page_gathers_memberships_projects_and_contacts(client, network):
    html = html_of(client, network["topic"].get_absolute_url())
    assert network["organisation"].get_absolute_url() in html
    assert network["project"].get_absolute_url() in html
    assert "Sara Holm" in html and "mailto:" in html


def test_office_list_shows_address_phone_email_map_and_contacts(client, network):
    html = html_of(client, reverse("relations:office-list"))
    assert "Rue du Luxembourg 3<br>1000 Bryssel<br>Belgien" in html
    assert 'href="tel:+3225010800"' in html
    assert 'href="mailto:externa.relationer@example.se"' in html
    assert 'href="https://example.org/karta"' in html
    assert "Karta till kontoret i Bryssel" in html
    assert "Sara Holm" in html


def test_index_links_every_section_and_shows_the_networks(client, network):
    html = html_of(client, reverse("relations:index"))
    for name in ("organisation-list", "programme-list", "project-list", "topic-list",
                 "office-list"):
        assert f'href="{reverse("relations:" + name)}"' in html
    assert "Europeiska regionförsamlingen" in html and "Vice ordförande" in html


def test_home_page_shows_the_networks(client, network):
    html = html_of(client, "/")
    assert 'aria-labelledby="relations-home-heading"' in html
    assert network["organisation"].get_absolute_url() in html


def test_home_section_is_left_out_without_current_public_memberships(client, rf):
    from relations.home import home_section

    MembershipFactory(is_public=False)
    MembershipFactory(since=datetime.date(2000, 1, 1), until=datetime.date(2001, 1, 1))
    assert home_section(rf.get("/")) is None


# Filters and bad input


@pytest.fixture
def many_organisations():
    bredband = TopicFactory(slug="bredband", name="Bredband")
    for number in range(15):
        kind = Organisation.Kind.NETWORK if number % 3 else Organisation.Kind.REGION
        organisation = OrganisationFactory(name=f"Organisation {number:02}", kind=kind)
        if number < 4:
            organisation.topics.add(bredband)


def names_on(html):
    return re.findall(r'<h2 class="card-title"><a href="[^"]+">([^<]+)</a>', html)


def test_organisations_filter_by_kind_and_topic(client, many_organisations):
    url = reverse("relations:organisation-list")
    names = names_on(html_of(client, f"{url}?kind=region"))
    assert names == [f"Organisation {n:02}" for n in (0, 3, 6, 9, 12)]
    names = names_on(html_of(client, f"{url}?topic=bredband"))
    assert names == [f"Organisation {n:02}" for n in range(4)]
    names = names_on(html_of(client, f"{url}?topic=bredband&kind=region"))
    assert names == ["Organisation 00", "Organisation 03"]


@pytest.mark.parametrize("query", ["kind=nonsense", "topic=finns-inte", "topic=", "kind=%00",
                                   "topic=1&kind=<script>"])
def test_unknown_organisation_filter_values_are_ignored(client, many_organisations, query):
    html = html_of(client, f"{reverse('relations:organisation-list')}?{query}")
    assert len(names_on(html)) == 12  # the first page of all fifteen
    if "=" in query and query.split("=")[1]:
        assert "Okänt värde, visar alla." in html
    assert "<script>" not in text_of(html)


def test_filter_without_matches_says_so(client, many_organisations):
    TopicFactory(slug="bioenergi")
    html = html_of(client, f"{reverse('relations:organisation-list')}?topic=bioenergi")
    assert "Inga organisationer matchar filtret." in html


@pytest.mark.parametrize(
    ("page", "first"),
    [("abc", "Organisation 00"), ("99999", "Organisation 12"), ("-1", "Organisation 12"),
     ("2", "Organisation 12"), ("", "Organisation 00")],
)
def test_bad_page_numbers_show_a_page(client, many_organisations, page, first):
    html = html_of(client, f"{reverse('relations:organisation-list')}?page={page}")
    assert names_on(html)[0] == first


def test_pagination_links_keep_the_filter(client, many_organisations):
    OrganisationFactory.create_batch(5, kind=Organisation.Kind.NETWORK)
    html = html_of(client, f"{reverse('relations:organisation-list')}?kind=network")
    assert 'href="?kind=network&amp;page=2"' in html
    assert "Sida 1 av 2" in html


@pytest.fixture
def projects():
    lead = ProgrammeFactory(slug="interreg", name="Interreg")
    esf = ProgrammeFactory(slug="esf", name="ESF+", fund="esf")
    skills = TopicFactory(slug="kompetens")
    # The status follows the dates.
    ProjectFactory(title="A", programme=lead, start_date=datetime.date(2018, 1, 1),
                   end_date=datetime.date(2020, 12, 31),
                   region_role=Project.Role.LEAD_PARTNER, eu_grant=100, total_budget=200)
    ProjectFactory(title="B", programme=esf,
                   eu_grant=Decimal("2500000"), total_budget=Decimal("5000000")).topics.add(skills)
    ProjectFactory(title="C", programme=esf, start_date=datetime.date(2030, 1, 1),
                   end_date=datetime.date(2032, 12, 31),
                   eu_grant=Decimal("500000"), total_budget=Decimal("500000"))


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("programme=esf", {"B", "C"}),
        ("topic=kompetens", {"B"}),
        ("status=completed", {"A"}),
        ("role=lead_partner", {"A"}),
        ("programme=esf&status=planned", {"C"}),
        ("programme=okand", {"A", "B", "C"}),
        ("status=deleted&role=boss", {"A", "B", "C"}),
        ("page=x&programme=esf", {"B", "C"}),
    ],
)
def test_project_filters(client, projects, query, titles):
    html = html_of(client, f"{reverse('relations:project-list')}?{query}")
    assert set(names_on(html)) == titles


def test_project_filter_without_matches_says_so(client, projects):
    html = html_of(client, f"{reverse('relations:project-list')}?programme=interreg&status=planned")
    assert "Inga projekt matchar filtret." in html


def test_grant_figure_sums_per_programme_in_svg_and_table(client, projects):
    html = html_of(client, reverse("relations:programme-list"))
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'aria-hidden="true"' in svg
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths == [440, 1]  # ESF+ (3 000 000) is the longest bar; Interreg (100) the least
    assert "style=" not in html
    table = re.search(r"<table>.*?</table>", html, re.S).group(0)
    assert "<caption>EU-bidrag till regionens projekt per program, i euro</caption>" in table
    text = text_of(table).replace("\xa0", " ")
    assert "ESF+ 2 3 000 000" in text
    assert "Interreg 1 100" in text
    assert "Summa 3 3 000 100" in text


def test_unknown_slugs_are_404(client):
    for name in ("organisation-detail", "programme-detail", "project-detail", "topic-detail"):
        url = reverse(f"relations:{name}", kwargs={"slug": "finns-inte"})
        assert client.get(url).status_code == 404


def test_sitemap_lists_every_page_in_both_languages(client, network):
    xml = client.get("/sitemap.xml").content.decode()
    for section in ("relations", "relations-organisations", "relations-programmes",
                    "relations-projects", "relations-topics"):
        assert f"/sitemap-{section}.xml" in xml
    locations = set()
    for section in ("relations", "relations-organisations", "relations-programmes",
                    "relations-projects", "relations-topics"):
        body = client.get(f"/sitemap-{section}.xml").content.decode()
        locations |= set(re.findall(r"<loc>http://testserver([^<]+)</loc>", body))
    for _name, _kwargs, swedish, english in PAGES:
        assert swedish in locations and english in locations


def test_office_tags_for_the_footer_and_contact_page(network):
    from django.template import Context, Template

    footer = Template("{% load offices %}{% footer_offices %}").render(Context())
    assert "<h3>Bryssel</h3>" in footer
    assert "Rue du Luxembourg 3<br>1000 Bryssel<br>Belgien" in footer
    cards = Template("{% load offices %}{% office_cards %}").render(Context())
    assert 'href="tel:+3225010800"' in cards and "Karta till kontoret i Bryssel" in cards
    with translation.override("en"):
        footer = Template("{% load offices %}{% footer_offices %}").render(Context())
    assert "<h3>Brussels</h3>" in footer and "1000 Brussels" in footer


def test_office_tags_render_nothing_when_the_database_is_down(network):
    from unittest import mock

    from django.db import DatabaseError
    from django.template import Context, Template

    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError):
        footer = Template("{% load offices %}{% footer_offices %}").render(Context())
    assert footer.strip() == ""


def test_a_shared_office_lists_its_partners(client):
    office = OfficeFactory(name="Bryssel", slug="bryssel")
    office.partners.add(
        OrganisationFactory(name="Region Dalarna", slug="dalarna", kind=Organisation.Kind.REGION),
        OrganisationFactory(name="Region Örebro län", slug="orebro", kind=Organisation.Kind.REGION),
    )
    OfficeFactory(name="Göteborg", slug="goteborg")
    html = html_of(client, reverse("relations:office-list"))
    assert "Kontoret i Bryssel delas med:" in html
    assert "Kontoret i Göteborg delas med" not in html
    assert 'href="/natverk-och-eu/organisationer/dalarna/"' in html
    assert "Region Örebro län" in html


def test_the_home_pages_networks_are_only_networks(client):
    MembershipFactory(organisation__name="CPMR")
    MembershipFactory(organisation=OrganisationFactory(
        name="Region Skåne", kind=Organisation.Kind.REGION
    ))
    MembershipFactory(organisation=OrganisationFactory(
        name="Svenska ESF-rådet", kind=Organisation.Kind.AUTHORITY
    ))
    html = html_of(client, reverse("home"))
    assert "CPMR" in html
    assert "Region Skåne" not in html and "Svenska ESF-rådet" not in html
