"""The relations admin: who may edit, messages at the field, CSV export, search for autocomplete."""

import pytest
from django.urls import reverse

from internships.roles import RECRUITERS
from newsroom.roles import EDITORS
from portal.exports import spreadsheet_text
from relations.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    TopicFactory,
)
from relations.models import Membership, Project, Topic
from relations.roles import RELATIONS_OFFICERS
from tests.portal.spreadsheets import HOSTILE, formula_fields, read
from visits.roles import VISIT_COORDINATORS

pytestmark = pytest.mark.django_db

OTHER_GROUPS = [EDITORS, VISIT_COORDINATORS, RECRUITERS]


def project_form(programme, **overrides):
    data = {
        "title": "Grön vätgas",
        "title_en": "",
        "slug": "gron-vatgas",
        "programme": programme.pk,
        "status": Project.Status.ONGOING,
        "region_role": Project.Role.PARTNER,
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "total_budget": "1000000",
        "eu_grant": "600000",
        "lead_partner": "",
        "description": "",
        "description_en": "",
        "results": "",
        "results_en": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_relations_officer_can_add_a_project(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    programme = ProgrammeFactory()
    response = client.post(reverse("admin:relations_project_add"), project_form(programme))
    assert response.status_code == 302
    assert Project.objects.get(slug="gron-vatgas").eu_grant == 600000


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_date": "2024-12-31"}, "end_date", "Slutdatumet kan inte vara före startdatumet."),
        ({"total_budget": "-5"}, "total_budget", "Budgeten kan inte vara negativ."),
        (
            {"eu_grant": "1000001"},
            "eu_grant",
            "EU-bidraget kan inte vara större än den totala budgeten.",
        ),
    ],
)
def test_bad_project_is_refused_with_the_message_at_the_field(
    staff_client, overrides, field, message
):
    client = staff_client(RELATIONS_OFFICERS)
    data = project_form(ProgrammeFactory(), **overrides)
    response = client.post(reverse("admin:relations_project_add"), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors[field] == [message]
    # What the officer typed is kept.
    assert form[field].value() == data[field]
    assert not Project.objects.exists()


def test_membership_ending_before_it_starts_is_refused_at_the_end_date(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    organisation = OrganisationFactory()
    response = client.post(
        reverse("admin:relations_membership_add"),
        {
            "organisation": organisation.pk,
            "role": Membership.Role.MEMBER,
            "role_detail": "",
            "since": "2020-01-01",
            "until": "2019-01-01",
            "representative_name": "",
            "representative_title": "",
            "representative_title_en": "",
            "public_notes": "",
            "public_notes_en": "",
            "internal_notes": "",
            "is_public": "on",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["until"] == ["Slutdatumet kan inte vara före startdatumet."]
    assert not Membership.objects.exists()


def test_relations_officer_and_superuser_can_edit(staff_client):
    topic = TopicFactory(name="Gammalt namn")
    url = reverse("admin:relations_topic_change", args=[topic.pk])
    data = {"name": "Nytt namn", "name_en": "New name", "slug": topic.slug,
            "description": "", "description_en": ""}
    client = staff_client(RELATIONS_OFFICERS)
    assert client.post(url, data).status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Nytt namn"

    client = staff_client(username="chef")
    data["name"] = "Superanvändarens namn"
    assert client.post(url, data).status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Superanvändarens namn"


@pytest.mark.parametrize("group", OTHER_GROUPS)
@pytest.mark.parametrize(
    ("model", "make"),
    [
        ("topic", TopicFactory),
        ("organisation", OrganisationFactory),
        ("membership", MembershipFactory),
        ("project", ProjectFactory),
    ],
)
def test_other_groups_cannot_edit_relations(staff_client, group, model, make):
    client = staff_client(group)
    obj = make()
    change_url = reverse(f"admin:relations_{model}_change", args=[obj.pk])
    # Those who may look something up see it read-only; the change itself is forbidden.
    assert client.post(change_url, {}).status_code == 403
    assert client.get(reverse(f"admin:relations_{model}_add")).status_code == 403
    assert client.post(reverse(f"admin:relations_{model}_delete", args=[obj.pk]),
                       {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_groups_without_view_permission_get_403_on_change_views(staff_client):
    membership = MembershipFactory()
    client = staff_client(RECRUITERS)
    for model, pk in [("organisation", membership.organisation.pk),
                      ("membership", membership.pk)]:
        assert client.get(reverse(f"admin:relations_{model}_change", args=[pk])).status_code == 403


def test_editors_may_look_up_organisations_read_only(staff_client):
    organisation = OrganisationFactory()
    client = staff_client(EDITORS)
    response = client.get(reverse("admin:relations_organisation_change", args=[organisation.pk]))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith("\ufeff".encode())
    return read(response)


def test_membership_csv_export(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    topic = TopicFactory(name="Östersjösamarbetet")
    chosen = MembershipFactory(
        organisation=OrganisationFactory(name="Europeiska regionförsamlingen", acronym="AER"),
        role=Membership.Role.VICE_PRESIDENT,
        representative_name="Åsa Öberg",
        internal_notes="Rad ett; rad två",
    )
    chosen.topics.add(topic)
    MembershipFactory()  # not selected
    response = client.post(
        reverse("admin:relations_membership_changelist"),
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )
    rows = read_csv(response)
    assert rows[0][:4] == ["Organisation", "Förkortning", "Typ av organisation", "Regionens roll"]
    assert "Interna anteckningar" in rows[0]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Organisation"] == "Europeiska regionförsamlingen"
    assert row["Regionens roll"] == "vice ordförande"
    assert row["Företrädare"] == "Åsa Öberg"
    assert row["Prioriterade frågor"] == "Östersjösamarbetet"
    assert row["Interna anteckningar"] == "Rad ett; rad två"
    assert row["Från"] == "2015-01-01"


def test_project_csv_export_with_decimal_commas(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    project = ProjectFactory(title="Grön korridor", total_budget="1234567.50", eu_grant="1000000")
    project.partners.add(OrganisationFactory(name="Region Skåne", acronym=""))
    response = client.post(
        reverse("admin:relations_project_changelist"),
        {"action": "export_csv", "_selected_action": [project.pk]},
    )
    rows = read_csv(response)
    assert rows[0][:3] == ["Titel", "Program", "Status"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Titel"] == "Grön korridor"
    assert row["Total budget (euro)"] == "1234567,50"
    assert row["EU-bidrag (euro)"] == "1000000,00"
    assert row["Huvudpartner"] == "Regionen"
    assert row["Partner"] == "Region Skåne"
    assert row["Status"] == "pågående"


def test_exports_hold_no_formula_whatever_the_text(staff_client):
    client = staff_client(RELATIONS_OFFICERS)
    organisation = OrganisationFactory(name=HOSTILE, acronym=HOSTILE)
    topic = TopicFactory(name=HOSTILE)
    membership = MembershipFactory(
        organisation=organisation, role_detail=HOSTILE, representative_name=HOSTILE,
        representative_title=HOSTILE, public_notes=HOSTILE, internal_notes=HOSTILE,
    )
    membership.topics.add(topic)
    project = ProjectFactory(
        title=HOSTILE, programme=ProgrammeFactory(name=HOSTILE), lead_partner=organisation,
        website=f"https://example.se/{HOSTILE}", total_budget=-1,
    )
    project.partners.add(organisation)
    project.topics.add(topic)
    for model, obj, cells in (("membership", membership, 8), ("project", project, 4)):
        response = client.post(
            reverse(f"admin:relations_{model}_changelist"),
            {"action": "export_csv", "_selected_action": [obj.pk]},
        )
        assert read(response)[1].count(spreadsheet_text(HOSTILE)) == cells
        assert formula_fields(response) == []


@pytest.mark.parametrize(
    "model", ["topic", "organisation", "office", "project", "programme", "contact"]
)
def test_every_looked_up_model_is_searchable_for_autocomplete(model):
    from django.apps import apps
    from django.contrib import admin

    model_admin = admin.site._registry[apps.get_model("relations", model)]
    assert model_admin.search_fields


def test_organisation_search_finds_by_name_and_acronym(staff_client):
    OrganisationFactory(name="Europeiska regionkommittén", acronym="ReK")
    OrganisationFactory(name="Svenska ESF-rådet", acronym="")
    client = staff_client(RELATIONS_OFFICERS)
    url = reverse("admin:relations_organisation_changelist")
    for term in ("regionkom", "rek"):
        names = [o.name for o in client.get(url, {"q": term}).context["cl"].queryset]
        assert names == ["Europeiska regionkommittén"]


def test_organisation_admin_has_membership_inline_and_list_queries_constant(
    staff_client, django_assert_max_num_queries
):
    client = staff_client(RELATIONS_OFFICERS)
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation)
    response = client.get(reverse("admin:relations_organisation_change", args=[organisation.pk]))
    assert "memberships-TOTAL_FORMS" in response.content.decode()

    MembershipFactory.create_batch(30)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("admin:relations_membership_changelist")).status_code == 200


def test_topic_admin_search(staff_client):
    TopicFactory(name="Bredband", name_en="Broadband", slug="bredband")
    TopicFactory(name="Bioenergi", name_en="Bioenergy", slug="bioenergi")
    client = staff_client(RELATIONS_OFFICERS)
    response = client.get(reverse("admin:relations_topic_changelist"), {"q": "broad"})
    assert list(response.context["cl"].queryset) == [Topic.objects.get(slug="bredband")]
