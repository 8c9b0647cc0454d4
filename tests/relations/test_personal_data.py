"""Agreements' contact persons and forum members in requests about personal data."""

import pytest
from auditlog.models import LogEntry

from portal import personal_data_requests
from relations.factories import AgreementContactFactory, ForumMemberFactory
from relations.models import AgreementContact, ForumMember

pytestmark = pytest.mark.django_db

EMAIL = "eva.lund@example.se"


def test_contact_persons_and_forum_members_are_found_and_erased(django_user_model):
    contact = AgreementContactFactory(email=EMAIL, name="Eva Lund", agreement__title="EU-avtalet")
    member = ForumMemberFactory(email=EMAIL.upper(), name="Eva Lund")
    other = ForumMemberFactory()
    records = personal_data_requests.find(EMAIL)
    assert {record.kind for record in records} == {
        "Kontaktperson för överenskommelse", "Deltagare i forum för överenskommelse"
    }
    assert all(record.erasable for record in records)
    assert "Eva Lund" in str([record.as_json() for record in records])

    officer = django_user_model.objects.create_user("dataskydd", is_staff=True)
    erased, kept = personal_data_requests.erase(EMAIL, officer)
    assert len(erased) == 2 and not kept
    assert not AgreementContact.objects.filter(pk=contact.pk).exists()
    assert list(ForumMember.objects.all()) == [other]
    # The audit trail keeps the events, not the name.
    for obj in [contact, member]:
        reprs = LogEntry.objects.filter(object_pk=str(obj.pk)).values_list(
            "object_repr", flat=True
        )
        assert reprs and "Eva Lund" not in " ".join(reprs)
