"""Retention: applicants not chosen are deleted with their files; the chosen and held stay."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from internships import periodic
from internships.factories import ApplicationFactory, InternshipCallFactory
from internships.models import Application, CallStatistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_call():
    now = timezone.now()
    return InternshipCallFactory(
        opens_at=now - timedelta(days=800), closes_at=now - timedelta(days=760)
    )


def test_purge_removes_expired_rows_and_files_and_keeps_the_rest(old_call, private_storage):
    rejected = ApplicationFactory(call=old_call, university="Lunds universitet")
    rejected.reject()
    withdrawn = ApplicationFactory(call=old_call)
    withdrawn.withdraw()
    accepted = ApplicationFactory(call=old_call)
    for step in ("start_review", "shortlist", "offer", "accept"):
        getattr(accepted, step)()
    held = ApplicationFactory(call=old_call, legal_hold=True)
    recent = ApplicationFactory()  # its call is still open
    gone_files = [rejected.cv.name, withdrawn.cv.name]

    call_command("purge_expired_applications", verbosity=0)

    remaining = set(Application.objects.values_list("pk", flat=True))
    assert remaining == {accepted.pk, held.pk, recent.pk}
    for name in gone_files:
        assert not private_storage.exists(name)
    assert private_storage.exists(accepted.cv.name) and private_storage.exists(held.cv.name)
    counts = {
        (row.dimension, row.value): row.count for row in CallStatistic.objects.filter(call=old_call)
    }
    assert counts[("total", "")] == 4
    assert counts[("university", "Lunds universitet")] == 1
    purged = LogEntry.objects.filter(additional_data__event="purged")
    # The trail keeps the event and the reference number, not the applicant's name.
    assert sorted(purged.values_list("object_repr", flat=True)) == sorted(
        [rejected.reference, withdrawn.reference]
    )
    old_call.refresh_from_db()  # the call itself stays


def test_a_legal_hold_on_the_call_keeps_all_its_applications(old_call):
    old_call.legal_hold = True
    old_call.save()
    ApplicationFactory(call=old_call).reject()
    call_command("purge_expired_applications", verbosity=0)
    assert Application.objects.count() == 1


def test_the_retention_is_a_setting(old_call, settings):
    settings.INTERNSHIP_RETENTION_MONTHS = 36
    ApplicationFactory(call=old_call).reject()
    call_command("purge_expired_applications", verbosity=0)
    assert Application.objects.count() == 1
    settings.INTERNSHIP_RETENTION_MONTHS = 12
    call_command("purge_expired_applications", "--dry-run", verbosity=0)
    assert Application.objects.count() == 1
    assert "1 expired applications purged" in periodic.purge_expired_applications()
    assert not Application.objects.exists()


def test_the_periodic_job_is_registered():
    assert periodic.purge_expired_applications in periodic.JOBS


def test_files_left_by_a_crash_are_removed_once_old(application, private_storage):
    from datetime import timedelta

    from django.core.files.base import ContentFile

    from internships import services

    orphan = private_storage.save("applications/orphan.pdf", ContentFile(b"%PDF-1.4"))
    assert services.remove_orphan_files() == 0  # too new: may belong to a submission under way
    assert services.remove_orphan_files(older_than=timedelta(seconds=-60)) == 1
    assert not private_storage.exists(orphan)
    assert private_storage.exists(application.cv.name)


def test_applications_whose_files_are_gone_are_reported(application, private_storage, caplog):
    from internships.periodic import purge_expired_applications

    assert "0 applications missing files" in purge_expired_applications()
    private_storage.delete(application.cv.name)
    assert "1 applications missing files" in purge_expired_applications()
    assert application.reference in caplog.text
