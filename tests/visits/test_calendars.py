"""iCalendar outputs: they parse, carry the required properties, and show only what they may."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from visits import services
from visits.factories import ProgrammeItemFactory, VisitFactory, in_days
from visits.models import CalendarFeedToken, Visit, local_datetime
from visits.roles import VISIT_COORDINATORS

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def assert_complete(event):
    for name in ("UID", "DTSTART", "DTEND", "SUMMARY", "DTSTAMP"):
        assert event.get(name) is not None, name
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Stockholm"


@pytest.fixture
def calendar_visits():
    public = VisitFactory(title="Offentligt i kalendern")
    ProgrammeItemFactory(visit=public, activity="Intern programpunkt", is_public=False)
    internal = VisitFactory(title="Internt i kalendern", visibility=Visit.Visibility.INTERNAL)
    planning = VisitFactory(title="Planeras i kalendern", status=Visit.Status.PLANNING)
    past = VisitFactory(title="Tidigare i kalendern", status=Visit.Status.COMPLETED,
                        starts_at=in_days(-20), ends_at=in_days(-19))
    return public, internal, planning, past


def test_public_feed_has_upcoming_public_visits_only(client, calendar_visits):
    public, internal, planning, past = calendar_visits
    calendar = parse(client.get(reverse("visits:calendar")))
    found = events(calendar)
    assert [str(event["SUMMARY"]) for event in found] == ["Offentligt i kalendern"]
    assert_complete(found[0])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert b"Intern programpunkt" not in client.get(reverse("visits:calendar")).content
    assert b"Internt i kalendern" not in client.get(reverse("visits:calendar")).content


def test_uids_are_stable(client, calendar_visits, settings):
    settings.SITE_URL = "https://externa.example.se"
    public = calendar_visits[0]
    first = events(parse(client.get(reverse("visits:calendar"))))[0]["UID"]
    public.title = "Ny rubrik"
    public.starts_at = in_days(11)
    public.ends_at = in_days(12)
    public.save()
    second = events(parse(client.get(reverse("visits:calendar"))))[0]["UID"]
    single = events(parse(client.get(reverse("visits:visit-ics", args=[public.slug]))))[0]["UID"]
    assert first == second == single == f"visits.visit-{public.pk}@externa.example.se"


def test_one_visit_ics(client, calendar_visits):
    public = calendar_visits[0]
    calendar = parse(client.get(reverse("visits:visit-ics", args=[public.slug])))
    [event] = events(calendar)
    assert_complete(event)
    assert str(event["SUMMARY"]) == "Offentligt i kalendern"
    assert event.decoded("DTSTART") == public.starts_at
    assert event.decoded("DTEND") == public.ends_at
    assert calendar.walk("VTIMEZONE")


@pytest.fixture
def coordinator(db):
    user = User.objects.create_user("coordinator", is_staff=True)
    user.groups.add(Group.objects.get(name=VISIT_COORDINATORS))
    return user


def test_staff_feed_with_valid_token_includes_internal_visits(client, calendar_visits,
                                                              coordinator):
    token = services.issue_calendar_token(coordinator)
    response = client.get(reverse("visits:staff-calendar", args=[token]))
    summaries = {str(event["SUMMARY"]) for event in events(parse(response))}
    assert {"Offentligt i kalendern", "Internt i kalendern", "Planeras i kalendern"} <= summaries
    assert "no-store" in response["Cache-Control"]
    for event in events(parse(response)):
        assert_complete(event)


def test_staff_feed_tampered_token_is_404(client, coordinator):
    token = services.issue_calendar_token(coordinator)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.get(reverse("visits:staff-calendar", args=[tampered])).status_code == 404
    assert client.get(reverse("visits:staff-calendar", args=["nonsense"])).status_code == 404


def test_staff_feed_revoked_or_replaced_token_is_404(client, coordinator):
    old = services.issue_calendar_token(coordinator)
    new = services.issue_calendar_token(coordinator)
    assert client.get(reverse("visits:staff-calendar", args=[old])).status_code == 404
    assert client.get(reverse("visits:staff-calendar", args=[new])).status_code == 200
    services.revoke_calendar_token(coordinator)
    assert client.get(reverse("visits:staff-calendar", args=[new])).status_code == 404


def test_staff_feed_stops_when_the_user_leaves(client, coordinator):
    token = services.issue_calendar_token(coordinator)
    coordinator.is_active = False
    coordinator.save()
    assert client.get(reverse("visits:staff-calendar", args=[token])).status_code == 404


def test_only_a_hash_of_the_token_is_stored(coordinator):
    token = services.issue_calendar_token(coordinator)
    stored = CalendarFeedToken.objects.get(user=coordinator)
    assert stored.token_hash != token and token not in stored.token_hash


def test_admin_page_creates_and_revokes_the_feed(staff_client):
    client = staff_client(VISIT_COORDINATORS)
    url = reverse("admin:visits_visit_calendar_feed")
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "create"})
    feed_url = response.context["feed_url"]
    assert "/kalender/personlig/" in feed_url
    path = feed_url.replace("http://testserver", "")
    assert client.get(path).status_code == 200
    client.post(url, {"action": "revoke"})
    assert client.get(path).status_code == 404


def test_pages_link_their_calendars(client, calendar_visits):
    public = calendar_visits[0]
    text = client.get(public.get_absolute_url()).content.decode()
    assert f'href="{reverse("visits:visit-ics", args=[public.slug])}" type="text/calendar"' in text
    assert 'rel="alternate" type="text/calendar"' in text


def test_stamps_are_utc_and_times_local(client, calendar_visits):
    text = client.get(reverse("visits:calendar")).content.decode()
    assert "DTSTAMP:" in text and "LAST-MODIFIED:" in text
    for line in text.splitlines():
        if line.startswith(("DTSTAMP", "LAST-MODIFIED")):
            assert line.endswith("Z"), line
        if line.startswith(("DTSTART;", "DTEND;")):
            assert "TZID=Europe/Stockholm" in line


def test_a_two_day_visit_with_daily_hours_is_one_event_per_day(client):
    first = datetime.date(2030, 3, 14)
    visit = VisitFactory(
        starts_at=local_datetime(first, 9),
        ends_at=local_datetime(first + datetime.timedelta(days=1), 17),
    )
    days = events(parse(client.get(reverse("visits:visit-ics", args=[visit.slug]))))
    assert [(event.decoded("DTSTART").isoformat(), event.decoded("DTEND").isoformat())
            for event in days] == [
        ("2030-03-14T09:00:00+01:00", "2030-03-14T17:00:00+01:00"),
        ("2030-03-15T09:00:00+01:00", "2030-03-15T17:00:00+01:00"),
    ]
    assert len({str(event["UID"]) for event in days}) == 2


def test_an_overnight_visit_stays_one_event(client):
    first = datetime.date(2030, 3, 14)
    visit = VisitFactory(
        starts_at=local_datetime(first, 18),
        ends_at=local_datetime(first + datetime.timedelta(days=1), 10),
    )
    assert len(events(parse(client.get(reverse("visits:visit-ics", args=[visit.slug]))))) == 1


def test_staff_feed_expires_and_renewing_keeps_the_address(client, coordinator, settings):
    token = services.issue_calendar_token(coordinator)
    feed = CalendarFeedToken.objects.get(user=coordinator)
    assert (feed.expires_at - timezone.now()).days == settings.CALENDAR_FEED_DAYS - 1
    CalendarFeedToken.objects.filter(pk=feed.pk).update(expires_at=timezone.now())
    assert client.get(reverse("visits:staff-calendar", args=[token])).status_code == 404
    feed.refresh_from_db()
    feed.renew()
    assert client.get(reverse("visits:staff-calendar", args=[token])).status_code == 200


def test_a_staff_feed_shows_internal_visits_only_to_those_who_work_with_visits(
    client, calendar_visits, django_user_model
):
    reader = django_user_model.objects.create_user("lasare", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_visit"))
    token = services.issue_calendar_token(reader)
    summaries = {str(event["SUMMARY"]) for event in
                 events(parse(client.get(reverse("visits:staff-calendar", args=[token]))))}
    assert "Offentligt i kalendern" in summaries
    assert "Internt i kalendern" not in summaries and "Planeras i kalendern" not in summaries


def test_the_feed_page_renews_and_says_until_when(staff_client):
    client = staff_client(VISIT_COORDINATORS)
    url = reverse("admin:visits_visit_calendar_feed")
    client.post(url, {"action": "create"})
    feed = CalendarFeedToken.objects.get()
    CalendarFeedToken.objects.filter(pk=feed.pk).update(expires_at=timezone.now())
    assert "gick ut" in client.get(url).content.decode()
    renewed = client.post(url, {"action": "renew"}, follow=True).content.decode()
    assert "Kalenderadressen gäller nu till" in renewed
    assert CalendarFeedToken.objects.get().expires_at > timezone.now()


def test_the_feeds_hold_a_year_back_and_two_years_ahead(client, coordinator):
    VisitFactory(title="Om ett år")
    VisitFactory(title="Om tre år", starts_at=in_days(3 * 365), ends_at=in_days(3 * 365 + 1))
    VisitFactory(title="För två år sedan", status=Visit.Status.COMPLETED,
                 starts_at=in_days(-2 * 365), ends_at=in_days(-2 * 365 + 1))
    VisitFactory(title="För ett halvår sedan", status=Visit.Status.COMPLETED,
                 starts_at=in_days(-180), ends_at=in_days(-179))
    public = events(parse(client.get(reverse("visits:calendar"))))
    assert [str(event["SUMMARY"]) for event in public] == ["Om ett år"]
    token = services.issue_calendar_token(coordinator)
    staff = events(parse(client.get(reverse("visits:staff-calendar", args=[token]))))
    assert sorted(str(event["SUMMARY"]) for event in staff) == ["För ett halvår sedan", "Om ett år"]


def test_the_feeds_read_their_visits_in_one_query(
    client, coordinator, django_assert_max_num_queries
):
    for day in range(1, 21):
        VisitFactory(starts_at=in_days(day), ends_at=in_days(day + 1),
                     visibility=Visit.Visibility.INTERNAL if day % 2 else Visit.Visibility.PUBLIC)
    token = services.issue_calendar_token(coordinator)
    with django_assert_max_num_queries(1):
        public = parse(client.get(reverse("visits:calendar")))
    assert len(events(public)) == 10
    with django_assert_max_num_queries(6):
        staff = parse(client.get(reverse("visits:staff-calendar", args=[token])))
    assert len(events(staff)) == 20
