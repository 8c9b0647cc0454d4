"""The status workflow and the overlap check, in the model layer."""

import datetime

import pytest
from django.contrib.auth.models import User

from portal.workflow import TransitionRefused
from visits.factories import VisitFactory, in_days
from visits.models import StatusChange, Visit

pytestmark = pytest.mark.django_db
S = Visit.Status


def test_the_happy_path_is_recorded_with_who_and_when():
    user = User.objects.create_user("coordinator")
    visit = VisitFactory(status=S.REQUESTED, starts_at=in_days(-3), ends_at=in_days(-2))
    for status in (S.PLANNING, S.CONFIRMED, S.COMPLETED):
        visit.change_status(status, by=user)
    visit.refresh_from_db()
    assert visit.status == S.COMPLETED
    history = list(visit.status_changes.order_by("changed_at", "pk"))
    assert [(c.from_status, c.to_status) for c in history] == [
        (S.REQUESTED, S.PLANNING), (S.PLANNING, S.CONFIRMED), (S.CONFIRMED, S.COMPLETED)
    ]
    assert all(change.changed_by == user and change.changed_at for change in history)


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (S.REQUESTED, S.CONFIRMED),
        (S.REQUESTED, S.COMPLETED),
        (S.PLANNING, S.COMPLETED),
        (S.COMPLETED, S.PLANNING),
        (S.CANCELLED, S.CONFIRMED),
        (S.CONFIRMED, S.REQUESTED),
    ],
)
def test_disallowed_transitions_are_refused_and_not_recorded(start, target):
    visit = VisitFactory(status=start, starts_at=in_days(-3), ends_at=in_days(-2))
    with pytest.raises(TransitionRefused):
        visit.change_status(target)
    visit.refresh_from_db()
    assert visit.status == start
    assert not StatusChange.objects.exists()


def test_a_visit_cannot_be_completed_before_it_ends():
    visit = VisitFactory(status=S.CONFIRMED, starts_at=in_days(-1), ends_at=in_days(1))
    with pytest.raises(TransitionRefused, match="innan det har slutat"):
        visit.change_status(S.COMPLETED)
    assert Visit.objects.get(pk=visit.pk).status == S.CONFIRMED


def test_cancelling_stamps_the_time_the_purge_counts_from():
    visit = VisitFactory(status=S.REQUESTED)
    visit.change_status(S.CANCELLED)
    visit.refresh_from_db()
    assert visit.cancelled_at is not None
    assert visit.personal_data_purge_date > datetime.date.today()


def test_overlap_with_the_same_venue_or_host():
    base = VisitFactory(venue="Sal A", hosts="Anna Andersson, regionråd")
    same_venue = VisitFactory(
        venue=" sal a ", hosts="Bo Ek, regionråd",
        starts_at=base.starts_at + datetime.timedelta(hours=2),
        ends_at=base.ends_at + datetime.timedelta(hours=2),
    )
    same_host = VisitFactory(venue="Sal B", hosts="Cecilia Ny\nanna andersson, ordförande")
    elsewhere = VisitFactory(venue="Sal C", hosts="Dan Dahl, regionråd")
    later = VisitFactory(
        venue="Sal A", hosts="Anna Andersson",
        starts_at=base.ends_at + datetime.timedelta(days=1),
        ends_at=base.ends_at + datetime.timedelta(days=1, hours=2),
    )
    planned = VisitFactory(venue="Sal A", status=S.PLANNING)
    requested = VisitFactory(venue="Sal A", status=S.REQUESTED)

    assert set(base.overlapping_visits()) == {same_venue, same_host, planned}
    assert elsewhere.overlapping_visits() == []
    assert later.overlapping_visits() == []
    # While planning, so that there is time to move one; a mere request holds no time.
    assert base in planned.overlapping_visits()
    assert requested.overlapping_visits() == []
    assert requested not in base.overlapping_visits()


def test_querysets_public_upcoming_past():
    upcoming = VisitFactory()
    past = VisitFactory(status=S.COMPLETED, starts_at=in_days(-5), ends_at=in_days(-4))
    internal = VisitFactory(visibility=Visit.Visibility.INTERNAL)
    planning = VisitFactory(status=S.PLANNING)
    assert set(Visit.objects.public()) == {upcoming, past}
    assert list(Visit.objects.public().upcoming()) == [upcoming]
    assert list(Visit.objects.public().past()) == [past]
    assert internal not in Visit.objects.public() and planning not in Visit.objects.public()


def test_slugs_are_unique():
    first = VisitFactory(title="Samma rubrik", slug="")
    second = VisitFactory(title="Samma rubrik", slug="", starts_at=first.starts_at,
                          ends_at=first.ends_at)
    assert first.slug != second.slug
