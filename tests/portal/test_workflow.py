"""What the workflows share: one refusal, one history made for each workflow's statuses."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError

from internships.factories import ApplicationFactory
from internships.models import Application, ApplicationStatusChange
from portal.workflow import StatusHistory, TransitionRefused
from visits.factories import VisitFactory
from visits.models import StatusChange, Visit

pytestmark = pytest.mark.django_db


def test_a_refusal_is_a_validation_error_forms_can_show():
    refusal = TransitionRefused("Inte tillåtet.")
    assert isinstance(refusal, ValidationError) and refusal.messages == ["Inte tillåtet."]


@pytest.mark.parametrize(
    ("history", "statuses"),
    [(StatusChange, Visit.Status), (ApplicationStatusChange, Application.Status)],
)
def test_each_history_chooses_among_its_own_workflows_statuses(history, statuses):
    assert issubclass(history, StatusHistory)
    for name in ("from_status", "to_status"):
        assert history._meta.get_field(name).choices == statuses.choices
    assert str(history._meta.verbose_name) == "statusändring"


def test_a_step_by_a_user_is_theirs_and_one_by_the_public_nobodys():
    visit = VisitFactory(status=Visit.Status.PLANNING)
    coordinator = User.objects.create_user("samordnare")
    step = StatusChange.record(visit=visit, from_status="planning", to_status="confirmed",
                               by=coordinator)
    assert step.changed_by == coordinator and str(step) == "planeras → bekräftat"
    application = ApplicationFactory()
    for anonymous in (None, AnonymousUser()):
        step = ApplicationStatusChange.record(application=application, from_status="received",
                                              to_status="withdrawn", by=anonymous)
        assert step.changed_by is None
