"""The admin for visit coordinators: permissions, status actions, warnings and extra pages."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from internships.roles import RECRUITERS
from newsroom.roles import EDITORS
from visits.factories import (
    GiftFactory,
    ParticipantFactory,
    ProgrammeItemFactory,
    VisitFactory,
    in_days,
)
from visits.models import StatusChange, Visit
from visits.roles import VISIT_COORDINATORS

pytestmark = pytest.mark.django_db
S = Visit.Status


def change_url(visit):
    return reverse("admin:visits_visit_change", args=[visit.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_coordinators_see_participants_gifts_and_requester_data(staff_client):
    visit = VisitFactory(requester_email="kim@example.se")
    ParticipantFactory(visit=visit, name="Personuppgift Persson", dietary_needs="Glutenfri")
    GiftFactory(visit=visit, description="Glasskål")
    client = staff_client(VISIT_COORDINATORS)
    text = client.get(change_url(visit)).content.decode()
    assert "Personuppgift Persson" in text and "Glutenfri" in text
    assert "Glasskål" in text
    assert "kim@example.se" in text


def test_editors_pick_public_visits_but_cannot_open_any_visit(staff_client):
    internal = VisitFactory(title="Internt besök", visibility=Visit.Visibility.INTERNAL)
    public = VisitFactory(title="Offentligt besök")
    client = staff_client(EDITORS)
    assert client.get(change_url(internal)).status_code == 403
    assert client.get(change_url(public)).status_code == 403
    assert client.get(reverse("admin:visits_visit_programme", args=[public.pk])).status_code \
        == 403
    assert client.get(reverse("admin:visits_visit_calendar_feed")).status_code == 403
    # The news item's picker offers the public visit by name, and nothing internal.
    picker = reverse("admin:public-choices")
    found = client.get(picker, {"app_label": "newsroom", "model_name": "newsitem",
                                "field_name": "related_visits", "term": "besök"}).json()
    assert [row["text"] for row in found["results"]] == [str(public)]
    assert 'data-ajax--url="/admin/offentliga-val/"' in client.get(
        reverse("admin:newsroom_newsitem_add")
    ).content.decode()
    # Someone who may not edit news gets nothing from it.
    other = staff_client(VISIT_COORDINATORS, username="samordnare")
    assert other.get(picker, {"app_label": "newsroom", "model_name": "newsitem",
                              "field_name": "related_visits"}).status_code == 403


def test_coordinator_changelist_filters_and_search(staff_client):
    VisitFactory(title="Besök från Pommern", country="PL")
    VisitFactory(title="Resa till Bryssel", direction="outgoing", country="BE",
                 starts_at=in_days(400), ends_at=in_days(401))
    client = staff_client(VISIT_COORDINATORS)
    url = reverse("admin:visits_visit_changelist")
    for query in ("", "?direction__exact=outgoing", "?status__exact=confirmed", "?country=BE",
                  f"?year={in_days(400).year}", "?year=abc", "?q=Pommern",
                  f"?starts_at__year={in_days(400).year}"):
        response = client.get(url + query)
        assert response.status_code == 200, query
    assert "Resa till Bryssel" not in client.get(url + "?q=Pommern").content.decode()
    text = client.get(url + "?direction__exact=outgoing").content.decode()
    assert "Resa till Bryssel" in text and "Besök från Pommern" not in text


def test_status_actions_go_through_the_workflow_and_report_refusals(staff_client):
    ready = VisitFactory(status=S.PLANNING)
    requested = VisitFactory(status=S.REQUESTED)
    client = staff_client(VISIT_COORDINATORS)
    response = client.post(
        reverse("admin:visits_visit_changelist"),
        {"action": "mark_confirmed", "_selected_action": [ready.pk, requested.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    requested.refresh_from_db()
    assert ready.status == S.CONFIRMED
    assert requested.status == S.REQUESTED
    texts = messages_of(response) or [response.content.decode()]
    joined = " ".join(texts)
    assert "kan inte få status" in joined
    assert "1 besök fick status ”bekräftat”. Inget mejl skickades." in joined
    change = StatusChange.objects.get()
    assert (change.visit, change.to_status, change.changed_by) == (ready, S.CONFIRMED,
                                                                   client.user)


def test_completing_early_is_refused_with_a_message(staff_client):
    visit = VisitFactory(status=S.CONFIRMED)
    client = staff_client(VISIT_COORDINATORS)
    response = client.post(
        reverse("admin:visits_visit_changelist"),
        {"action": "mark_completed", "_selected_action": [visit.pk]},
        follow=True,
    )
    assert "innan det har slutat" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == S.CONFIRMED


def test_overlap_shows_a_warning_not_an_error(staff_client):
    first = VisitFactory(venue="Sal A", title="Första besöket")
    second = VisitFactory(venue="Sal A", title="Andra besöket", status=S.PLANNING,
                          starts_at=first.starts_at, ends_at=first.ends_at)
    client = staff_client(VISIT_COORDINATORS)
    response = client.post(
        reverse("admin:visits_visit_changelist"),
        {"action": "mark_confirmed", "_selected_action": [second.pk]},
        follow=True,
    )
    second.refresh_from_db()
    assert second.status == S.CONFIRMED  # not blocked
    assert "överlappar" in response.content.decode()
    assert "Första besöket" in response.content.decode()
    # And on the change form of either visit.
    assert "överlappar" in client.get(change_url(first)).content.decode()


def test_add_and_change_status_in_the_form(staff_client):
    client = staff_client(VISIT_COORDINATORS)
    response = client.get(reverse("admin:visits_visit_add"))
    assert response.status_code == 200
    visit = VisitFactory(status=S.PLANNING)
    page = client.get(change_url(visit))
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({
        "topics": [], "projects": [], "documents": [], "new_status": "completed",
        "starts_at_0": visit.starts_at.astimezone().strftime("%Y-%m-%d"),
        "starts_at_1": visit.starts_at.astimezone().strftime("%H:%M:%S"),
        "ends_at_0": visit.ends_at.astimezone().strftime("%Y-%m-%d"),
        "ends_at_1": visit.ends_at.astimezone().strftime("%H:%M:%S"),
    })
    for prefix in ("programme_items", "participants", "gifts", "status_changes"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    refused = client.post(change_url(visit), data)
    assert refused.status_code == 200
    assert "new_status" in refused.context["adminform"].form.errors
    data["new_status"] = "confirmed"
    accepted = client.post(change_url(visit), data)
    assert accepted.status_code == 302, accepted.context["adminform"].form.errors
    visit.refresh_from_db()
    assert visit.status == S.CONFIRMED
    assert visit.status_changes.get().changed_by == client.user
    assert "Besöket fick status ”bekräftat”. Inget mejl skickades." in messages_of(
        client.get(change_url(visit))
    )


def test_printable_programme_and_statistics(staff_client):
    visit = VisitFactory(title="Program att skriva ut")
    ProgrammeItemFactory(visit=visit, activity="Intern lunch", is_public=False)
    ParticipantFactory(visit=visit, name="Delegat Delgren")
    VisitFactory(direction="outgoing", country="BE", status=S.COMPLETED,
                 starts_at=in_days(-40), ends_at=in_days(-39))
    client = staff_client(VISIT_COORDINATORS)

    programme = client.get(reverse("admin:visits_visit_programme", args=[visit.pk]))
    text = programme.content.decode()
    assert "Intern lunch" in text and "Delegat Delgren" in text
    assert "visits/programme.css" in text
    assert "Utskriftsvänligt program" in client.get(change_url(visit)).content.decode()

    statistics = client.get(reverse("admin:visits_visit_statistics"))
    assert statistics.status_code == 200
    text = statistics.content.decode()
    assert "<svg" in text and 'role="img"' in text and "<table" in text
    assert "Belgien" in text and "Finland" in text


def test_staff_without_visit_permissions_are_kept_out(staff_client):
    visit = VisitFactory()
    client = staff_client(RECRUITERS)
    assert client.get(change_url(visit)).status_code == 403
    assert client.get(reverse("admin:visits_visit_statistics")).status_code == 403
    assert client.get(reverse("admin:visits_visit_programme", args=[visit.pk])).status_code == 403


def test_only_administrators_list_everyones_calendar_feeds(staff_client):
    url = reverse("admin:visits_calendarfeedtoken_changelist")
    assert staff_client(VISIT_COORDINATORS).get(url).status_code == 403


def test_country_filter_shows_country_names_each_once(staff_client):
    VisitFactory(country="BE", starts_at=in_days(10), ends_at=in_days(11))
    VisitFactory(country="BE", starts_at=in_days(20), ends_at=in_days(21))
    client = staff_client(VISIT_COORDINATORS)
    text = client.get(reverse("admin:visits_visit_changelist")).content.decode()
    assert text.count("?country=BE") == 1
    assert "Belgien" in text


def test_statistics_shares_are_of_the_total(staff_client):
    for country in ("BE", "BE", "BE", "FI"):
        VisitFactory(country=country, status=S.COMPLETED, starts_at=in_days(-40),
                     ends_at=in_days(-39))
    text = staff_client(VISIT_COORDINATORS).get(
        reverse("admin:visits_visit_statistics")
    ).content.decode()
    assert '<meter min="0" max="4" value="3"' in text
    assert '<meter min="0" max="4" value="1"' in text


def test_the_overlap_warning_comes_once_while_planning(staff_client):
    first = VisitFactory(venue="Sal A", title="Första besöket")
    second = VisitFactory(venue="Sal A", title="Andra besöket", status=S.PLANNING,
                          starts_at=first.starts_at, ends_at=first.ends_at)
    html = staff_client(VISIT_COORDINATORS).get(change_url(second)).content.decode()
    assert html.count("överlappar") == 1
    assert "överlappar besöket ”Första besöket” (bekräftat," in html


def test_new_requests_wait_in_an_inbox_counted_on_the_admin_index(staff_client):
    older = VisitFactory(title="Förfrågan från Åbo", status=S.REQUESTED)
    newer = VisitFactory(title="Förfrågan från Gdańsk", status=S.REQUESTED)
    VisitFactory(title="Redan planerat", status=S.PLANNING)
    client = staff_client(VISIT_COORDINATORS)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Inkomna förfrågningar (2)" in index
    inbox = client.get(reverse("admin:visits_visitrequest_changelist")).content.decode()
    assert inbox.index(newer.title) < inbox.index(older.title)
    assert "Redan planerat" not in inbox
    assert f'href="{change_url(newer)}"' in inbox
