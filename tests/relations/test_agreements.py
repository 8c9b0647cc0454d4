"""Cooperation agreements and their yearly follow-ups: admin, public pages, reminders."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsroom.factories import NewsItemFactory
from newsroom.roles import EDITORS
from relations import services
from relations.factories import (
    AgreementFactory,
    AgreementFollowUpFactory,
    AreaResultFactory,
    DevelopmentAreaFactory,
    ForumFactory,
    ForumMemberFactory,
    ProjectFactory,
)
from relations.models import Agreement, AgreementFollowUp, AreaResult
from relations.periodic import remind_follow_ups
from relations.roles import RELATIONS_OFFICERS

pytestmark = pytest.mark.django_db


def agreement_form(**overrides):
    data = {
        "kind": Agreement.Kind.AGREEMENT,
        "title": "Överenskommelse om EU-samverkan",
        "title_en": "",
        "slug": "eu-samverkan",
        "is_public": "on",
        "internal_parties": "Koncernkontoret",
        "decided_by": "regionstyrelsen",
        "decided_by_en": "",
        "decided_on": "2014-11-20",
        "signed_on": "2015-01-15",
        "valid_from": "2015-01-01",
        "valid_until": "2020-12-31",
        "follow_up_month": "11",
        "responsible_officer": "",
        "summary": "Samverkan kring EU-arbetet.",
        "summary_en": "",
    }
    for prefix in ["development_areas", "forums", "contacts"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data.update(overrides)
    return data


def follow_up_form(agreement, **overrides):
    data = {
        "agreement": agreement.pk,
        "year": "2016",
        "decided_by": "styrgruppen",
        "decided_by_en": "",
        "decided_on": "2016-11-10",
        "summary": "Ett år av fördjupad samverkan.",
        "summary_en": "",
        "area_results-TOTAL_FORMS": "0",
        "area_results-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


# Admin ----------------------------------------------------------------------------------------


def test_relations_officer_adds_an_agreement_with_its_areas(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    data = agreement_form(**{
        "development_areas-TOTAL_FORMS": "2",
        "development_areas-0-number": "1",
        "development_areas-0-title": "Strategiskt samarbete inom EU:s fonder och program",
        "development_areas-1-number": "2",
        "development_areas-1-title": "Strategiskt påverkansarbete på EU-nivå",
    })
    response = client.post(reverse("admin:relations_agreement_add"), data)
    assert response.status_code == 302
    agreement = Agreement.objects.get(slug="eu-samverkan")
    assert [area.number for area in agreement.development_areas.all()] == [1, 2]


def test_an_agreement_that_ends_before_it_starts_is_refused(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    data = agreement_form(valid_until="2014-12-31")
    response = client.post(reverse("admin:relations_agreement_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["valid_until"] == [
        "Överenskommelsen kan inte upphöra innan den börjar gälla."
    ]
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("year", ["2014", "2021"])
def test_a_follow_up_outside_the_agreements_period_is_refused(staff_client, year):
    client = staff_client(RELATIONS_OFFICERS)
    agreement = AgreementFactory(valid_until=datetime.date(2020, 12, 31))
    response = client.post(
        reverse("admin:relations_agreementfollowup_add"), follow_up_form(agreement, year=year)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["year"] == [
        "Året ligger utanför överenskommelsens giltighetstid (2015–2020)."
    ]
    assert not AgreementFollowUp.objects.exists()


def test_a_second_follow_up_for_the_same_year_is_refused(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    follow_up = AgreementFollowUpFactory(year=2016)
    response = client.post(
        reverse("admin:relations_agreementfollowup_add"), follow_up_form(follow_up.agreement)
    )
    assert response.status_code == 200
    assert "Överenskommelsen har redan en uppföljning för året." in str(
        response.context["adminform"].form.errors
    )
    assert AgreementFollowUp.objects.count() == 1


def test_a_follow_up_records_each_areas_result_only_for_its_own_agreement(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    agreement = AgreementFactory()
    own_area = DevelopmentAreaFactory(agreement=agreement, number=1)
    other_area = DevelopmentAreaFactory(number=1)
    # The reminder's link names the agreement: only its areas are offered.
    url = reverse("admin:relations_agreementfollowup_add")
    formset = client.get(url, {"agreement": agreement.pk}).context["inline_admin_formsets"][0]
    assert list(formset.formset.empty_form.fields["area"].queryset) == [own_area]
    results = {
        "area_results-TOTAL_FORMS": "1",
        "area_results-0-area": other_area.pk,
        "area_results-0-text": "Två ansökningar.",
    }
    response = client.post(url, follow_up_form(agreement, **results))
    assert response.status_code == 200
    assert "Området hör till en annan överenskommelse." in response.content.decode()
    assert not AgreementFollowUp.objects.exists()
    results["area_results-0-area"] = own_area.pk
    assert client.post(url, follow_up_form(agreement, **results)).status_code == 302
    assert AreaResult.objects.get().area == own_area


def test_the_list_shows_which_agreements_lack_this_years_follow_up(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    year = timezone.localdate().year
    done = AgreementFactory(title="Uppföljd")
    AgreementFollowUpFactory(agreement=done, year=year)
    AgreementFactory(title="Ej uppföljd")
    AgreementFactory(title="Upphörd", valid_until=datetime.date(year - 1, 12, 31))
    url = reverse("admin:relations_agreement_changelist")
    missing = client.get(url, {"follow_up": "missing"})
    assert [a.title for a in missing.context["cl"].result_list] == ["Ej uppföljd"]
    present = client.get(url, {"follow_up": "done"})
    assert [a.title for a in present.context["cl"].result_list] == ["Uppföljd"]
    page = client.get(url).content.decode()
    assert "årets uppföljning" in page.lower()
    assert 'alt="False"' in page and 'alt="True"' in page


def test_editors_can_point_a_news_item_at_a_follow_up(staff_client):
    client = staff_client(EDITORS)
    follow_up = AgreementFollowUpFactory(agreement__title="EU-samverkan")
    AgreementFollowUpFactory(agreement__title="EU-samverkan internt", agreement__is_public=False)
    response = client.get(
        reverse("admin:public-choices"),
        {"app_label": "newsroom", "model_name": "newsitem", "field_name": "follow_up",
         "term": "EU-samverkan"},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(follow_up.pk)]


# Public pages ---------------------------------------------------------------------------------


def test_agreement_page_shows_areas_forums_and_follow_ups_newest_first(client):
    agreement = AgreementFactory(slug="eu-samverkan", title="EU-samverkan i regionen")
    area = DevelopmentAreaFactory(agreement=agreement, number=5, title="Förhandsinformation")
    ForumMemberFactory(forum=ForumFactory(agreement=agreement, name="Styrgrupp för EU"),
                       name="Hemlig Medlem")
    AreaResultFactory(follow_up__agreement=agreement, follow_up__year=2016, area=area,
                      text="Tidig information om utlysningar.")
    later = AgreementFollowUpFactory(agreement=agreement, year=2017)
    later.projects.add(ProjectFactory(title="GR Samsyn"))
    page = client.get("/natverk-och-eu/overenskommelser/eu-samverkan/").content.decode()
    assert "Förhandsinformation" in page and "Styrgrupp för EU" in page
    assert "Tidig information om utlysningar." in page and "GR Samsyn" in page
    assert page.index("Uppföljning 2017") < page.index("Uppföljning 2016")
    assert "Hemlig Medlem" not in page
    listing = client.get("/natverk-och-eu/overenskommelser/").content.decode()
    assert "EU-samverkan i regionen" in listing


def test_internal_agreements_and_their_follow_ups_are_never_public(client):
    agreement = AgreementFactory(slug="intern", title="Intern avsiktsförklaring", is_public=False)
    AgreementFollowUpFactory(agreement=agreement, year=2016)
    assert "Intern avsiktsförklaring" not in client.get(
        "/natverk-och-eu/overenskommelser/"
    ).content.decode()
    assert client.get("/natverk-och-eu/overenskommelser/intern/").status_code == 404
    assert client.get(
        "/natverk-och-eu/overenskommelser/intern/uppfoljning-2016/"
    ).status_code == 404
    assert "/intern/" not in client.get("/sitemap-relations-agreements.xml").content.decode()
    assert "/intern/" not in client.get("/sitemap-relations-follow-ups.xml").content.decode()


def test_follow_up_page_shows_the_news_that_point_at_it(client):
    follow_up = AgreementFollowUpFactory(agreement__slug="eu-samverkan", year=2017)
    NewsItemFactory(title="Två ESF-projekt beviljade", follow_up=follow_up)
    NewsItemFactory(title="En annan nyhet")
    response = client.get("/natverk-och-eu/overenskommelser/eu-samverkan/uppfoljning-2017/")
    page = response.content.decode()
    assert "Två ESF-projekt beviljade" in page
    assert "En annan nyhet" not in page
    english = client.get("/en/networks-and-eu/agreements/eu-samverkan/follow-up-2017/")
    assert english.status_code == 200


def test_agreement_pages_are_in_the_sitemap(client):
    follow_up = AgreementFollowUpFactory(agreement__slug="eu-samverkan", year=2017)
    agreements = client.get("/sitemap-relations-agreements.xml").content.decode()
    assert "/natverk-och-eu/overenskommelser/eu-samverkan/" in agreements
    follow_ups = client.get("/sitemap-relations-follow-ups.xml").content.decode()
    assert follow_up.get_absolute_url() in follow_ups


# Reminders ------------------------------------------------------------------------------------


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user(
        "ansvarig", email="ansvarig@example.se", is_staff=True
    )


def test_the_responsible_officer_is_reminded_once_a_month_before_the_follow_up_is_due(officer):
    agreement = AgreementFactory(follow_up_month=11, responsible_officer=officer)
    assert services.send_follow_up_reminders(datetime.date(2024, 10, 29)) == 0
    assert services.send_follow_up_reminders(datetime.date(2024, 10, 30)) == 1
    [message] = mail.outbox
    assert message.to == ["ansvarig@example.se"]
    assert agreement.title in message.subject
    assert f"?agreement={agreement.pk}&year=2024" in message.body
    assert services.send_follow_up_reminders(datetime.date(2024, 11, 5)) == 0
    assert len(mail.outbox) == 1
    # The next year's follow-up gets its own reminder.
    assert services.send_follow_up_reminders(datetime.date(2025, 11, 1)) == 1


def test_no_reminder_once_the_follow_up_is_in_or_outside_the_period(officer):
    done = AgreementFactory(follow_up_month=3, responsible_officer=officer)
    AgreementFollowUpFactory(agreement=done, year=2024)
    AgreementFactory(
        follow_up_month=3, responsible_officer=officer, valid_until=datetime.date(2023, 12, 31)
    )
    assert services.send_follow_up_reminders(datetime.date(2024, 3, 1)) == 0
    assert not mail.outbox


def test_without_a_responsible_officer_every_relations_officer_is_reminded(django_user_model):
    group = Group.objects.get(name=RELATIONS_OFFICERS)
    for username in ["anna", "bo"]:
        django_user_model.objects.create_user(
            username, email=f"{username}@example.se", is_staff=True
        ).groups.add(group)
    django_user_model.objects.create_user(
        "slutat", email="slutat@example.se", is_active=False
    ).groups.add(group)
    # Due at the end of this month, so the periodic job reminds today.
    AgreementFactory(follow_up_month=timezone.localdate().month)
    assert remind_follow_ups() == "follow-up reminders sent for 1 agreements"
    [message] = mail.outbox
    assert message.to == ["anna@example.se", "bo@example.se"]
