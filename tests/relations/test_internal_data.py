"""Internal notes and internal memberships never reach a public page or the sitemap."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation

from relations.factories import MembershipFactory, OrganisationFactory, ProjectFactory, TopicFactory
from relations.models import Membership
from tests.gates.crawl import sitemap_paths

pytestmark = pytest.mark.django_db

SECRETS = ["HEMLIG-ANTECKNING", "HEMLIG-FÖRETRÄDARE", "HEMLIG-ROLL", "HEMLIG-BESKRIVNING"]


@pytest.fixture
def secrets():
    topic = TopicFactory(slug="bredband")
    public_org = OrganisationFactory(name="Öppet nätverk", slug="oppet")
    public_org.topics.add(topic)
    public = MembershipFactory(
        organisation=public_org, internal_notes="HEMLIG-ANTECKNING om förhandlingsläget"
    )
    public.topics.add(topic)
    internal_org = OrganisationFactory(name="Nätverk under utredning", slug="utredning")
    internal = MembershipFactory(
        organisation=internal_org,
        is_public=False,
        role=Membership.Role.OBSERVER,
        role_detail="HEMLIG-ROLL",
        representative_name="HEMLIG-FÖRETRÄDARE",
        public_notes="HEMLIG-BESKRIVNING",
        internal_notes="HEMLIG-ANTECKNING",
    )
    internal.topics.add(topic)
    ProjectFactory(lead_partner=internal_org).topics.add(topic)
    return {"public_org": public_org, "internal_org": internal_org}


def public_paths(client):
    with translation.override("sv"):
        return [p for p in sitemap_paths(client)] + [
            "/natverk-och-eu/organisationer/?kind=network",
            "/natverk-och-eu/projekt/?topic=bredband",
            "/en/networks-and-eu/organisations/?page=2",
        ]


def test_no_public_page_or_sitemap_shows_internal_data(client, secrets):
    xml = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver([^<]+)</loc>", xml)
    bodies = {path: client.get(path).content.decode() for path in sections}
    for path in public_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        bodies[path] = response.content.decode()
    assert "/natverk-och-eu/organisationer/utredning/" in bodies
    for path, body in bodies.items():
        for secret in SECRETS:
            assert secret not in body, f"{secret} on {path}"


def test_organisation_with_only_an_internal_membership_shows_no_role(client, secrets):
    html = client.get(secrets["internal_org"].get_absolute_url()).content.decode()
    assert "Regionens medlemskap och roll" not in html
    assert "bservatör" not in html
    listing = client.get("/natverk-och-eu/organisationer/").content.decode()
    card = listing.split("Nätverk under utredning", 1)[1].split("</li>", 1)[0]
    assert "Regionens roll" not in card


def test_topic_page_leaves_out_internal_memberships(client, secrets):
    html = client.get("/natverk-och-eu/prioriteringar/bredband/").content.decode()
    assert secrets["public_org"].get_absolute_url() in html
    assert "Nätverk under utredning" not in html.split("Projekt")[0]


def test_demo_content_keeps_its_internal_notes_off_public_pages(client, settings):
    call_command("load_demo", verbosity=0)
    internal = list(Membership.objects.exclude(internal_notes=""))
    hidden = list(Membership.objects.filter(is_public=False))
    assert internal and hidden
    secrets = [m.internal_notes for m in internal]
    secrets += [m.public_notes for m in hidden if m.public_notes]
    with translation.override("sv"):
        paths = [p for p in sitemap_paths(client) if "natverk" in p or "networks" in p]
    paths += ["/", "/en/"]
    for path in paths:
        body = client.get(path).content.decode()
        for secret in secrets:
            assert secret not in body, f"{secret} on {path}"
