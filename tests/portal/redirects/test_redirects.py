"""Old addresses keep working: 301 to where a thing moved, in both languages and without
chains; 410 where it was removed; redirects added by hand, audited, never in a loop."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from internships.factories import InternshipCallFactory
from newsroom.factories import DraftFactory, NewsItemFactory
from newsroom.newsletter.composing import issue_entries
from newsroom.newsletter.factories import NewsletterIssueFactory
from portal import audit
from portal.pages.models import Page
from portal.redirects.models import Redirect
from relations.factories import OrganisationFactory, ProgrammeFactory, ProjectFactory
from visits.factories import VisitFactory

pytestmark = pytest.mark.django_db


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_a_renamed_page_answers_at_its_old_address_in_both_languages(client):
    about = Page.objects.get(key="about")
    about.slug, about.slug_en = "om-enheten", "about-the-unit"
    about.save()
    assert_moved(client, "/om-oss/", "/om-enheten/")
    assert_moved(client, "/en/about/", "/en/about-the-unit/")


def test_the_pages_below_a_renamed_page_answer_at_their_old_addresses_too(client):
    about = Page.objects.get(key="about")
    Page.objects.create(
        title="Vår organisation", slug="var-organisation", parent=about, is_published=True
    )
    about.slug = "om-enheten"
    about.save()
    assert_moved(client, "/om-oss/var-organisation/", "/om-enheten/var-organisation/")


def test_chains_collapse(client):
    item = NewsItemFactory(slug="a")
    for slug in ("b", "c"):
        item.slug = slug
        item.save()
    assert dict(Redirect.objects.values_list("old_path", "target")) == {
        "/nyheter/a/": "/nyheter/c/",
        "/nyheter/b/": "/nyheter/c/",
    }
    assert_moved(client, "/nyheter/a/", "/nyheter/c/")
    # Back to an old name: that address is live again, and the other one leads to it.
    item.slug = "a"
    item.save()
    assert dict(Redirect.objects.values_list("old_path", "target")) == {
        "/nyheter/b/": "/nyheter/a/",
        "/nyheter/c/": "/nyheter/a/",
    }


def test_a_renamed_news_item_still_arrives_from_a_sent_newsletter(client):
    item = NewsItemFactory(slug="vatgas-i-vast")
    issue = NewsletterIssueFactory(news=[item])
    [entry] = issue_entries(issue)
    item.slug = "vatgasstrategi-for-vastra-gotaland"
    item.save()
    link = entry["url"].removeprefix("http://127.0.0.1:8000")
    assert_moved(client, link, "/nyheter/vatgasstrategi-for-vastra-gotaland/")


@pytest.mark.parametrize(
    "factory", [OrganisationFactory, ProgrammeFactory, ProjectFactory, InternshipCallFactory]
)
def test_every_kind_of_public_page_keeps_its_old_address(client, factory):
    thing = factory(slug="gammal")
    old = thing.get_absolute_url()
    thing.slug = "ny"
    thing.save()
    assert_moved(client, old, thing.get_absolute_url())


def test_a_public_visit_keeps_its_old_address(client):
    visit = VisitFactory(slug="gammalt-besok")
    old = visit.get_absolute_url()
    visit.slug = "nytt-besok"
    visit.save()
    assert_moved(client, old, visit.get_absolute_url())


def test_something_never_public_leaves_no_trace():
    draft = DraftFactory(slug="utkast")
    draft.slug = "utkast-2"
    draft.save()
    draft.delete()
    assert not Redirect.objects.exists()


def test_deleting_a_public_thing_leaves_410_gone_not_404(client):
    item = NewsItemFactory(slug="gammal-nyhet")
    item.slug = "nyhet"
    item.save()
    item.delete()
    for path in ("/nyheter/nyhet/", "/nyheter/gammal-nyhet/"):
        response = client.get(path)
        assert response.status_code == 410
        assert "Sidan är borttagen" in response.content.decode()
    assert client.get("/nyheter/aldrig-funnits/").status_code == 404


def test_a_new_page_at_a_gone_address_takes_it_back(client):
    item = NewsItemFactory(slug="tillbaka")
    item.delete()
    NewsItemFactory(slug="tillbaka")
    assert client.get("/nyheter/tillbaka/").status_code == 200
    assert not Redirect.objects.exists()


# By hand, in the admin --------------------------------------------------------------------------


def test_an_editor_adds_a_redirect_by_hand_and_it_is_audited(staff_client):
    client = staff_client("Redaktör")
    response = client.post(
        "/admin/portal/redirect/add/", {"old_path": "/kampanj/", "target": "/om-oss/"}
    )
    assert response.status_code == 302
    redirect = Redirect.objects.get(old_path="/kampanj/")
    assert redirect.manual and redirect.created_by == client.user
    [event] = audit.events(redirect, "redirect_added")
    assert event.actor == client.user
    assert_moved(client, "/kampanj/", "/om-oss/")


def test_a_redirect_may_lead_to_another_site(client):
    Redirect.objects.create(old_path="/esf/", target="https://www.esf.se/")
    response = client.get("/esf/")
    assert (response.status_code, response["Location"]) == (301, "https://www.esf.se/")


def test_a_redirect_loop_is_refused_at_the_field(staff_client):
    Redirect.objects.create(old_path="/a/", target="/b/")
    client = staff_client("Redaktör")
    response = client.post("/admin/portal/redirect/add/", {"old_path": "/b/", "target": "/a/"})
    assert response.status_code == 200
    assert "bilda en slinga" in response.content.decode()
    with pytest.raises(ValidationError) as refused:
        Redirect(old_path="/c/", target="/c/").full_clean()
    assert "target" in refused.value.message_dict


def test_a_redirect_to_a_redirected_address_goes_straight_to_the_end():
    Redirect.objects.create(old_path="/a/", target="/b/")
    redirect = Redirect(old_path="/c/", target="/a/")
    redirect.full_clean()
    assert redirect.target == "/b/"


@pytest.mark.parametrize(
    ("field", "value"), [("old_path", "kampanj"), ("target", "javascript:alert(1)")]
)
def test_a_redirect_needs_a_path_or_a_web_address(field, value):
    fields = {"old_path": "/kampanj/", "target": "/om-oss/"} | {field: value}
    with pytest.raises(ValidationError) as refused:
        Redirect(**fields).full_clean()
    assert field in refused.value.message_dict


def test_the_english_site_has_its_410_page_too(client):
    about = Page.objects.get(key="about")
    child = Page.objects.create(title="Gammal", slug="gammal", parent=about, is_published=True,
                                title_en="Old", slug_en="old")
    with translation.override("en"):
        english = child.get_absolute_url()
    child.delete()
    response = client.get(english)
    assert response.status_code == 410
    assert "lang=\"en\"" in response.content.decode()
