"""What the relations app holds about a person, for requests about personal data: the
contact persons of agreements and the members of their forums.

Both are kept only while the person has the role, so a request to erase them is granted:
the officers enter the agreement's new contact or member afterwards.
"""

from django.utils.translation import gettext as _

from portal import audit
from portal.personal_data_requests import PersonalRecord
from relations.models import AgreementContact, ForumMember


def _delete(obj, user, detail, replacement):
    audit.record("purged", obj, user=user, detail=detail)
    pk = obj.pk
    obj.delete()
    audit.forget(type(obj), pk, replacement)


def find(email):
    records = []
    contacts = AgreementContact.objects.filter(email__iexact=email).select_related("agreement")
    for contact in contacts:
        records.append(
            PersonalRecord(
                kind=_("Kontaktperson för överenskommelse"),
                summary=str(contact.agreement),
                data={
                    _("Namn"): contact.name,
                    _("Titel"): contact.title,
                    _("Organisation"): contact.organisation,
                    _("E-post"): contact.email,
                    _("Telefon"): contact.phone,
                },
                erasable=True,
                reason=_("Uppgifterna behövs bara medan personen är kontaktperson."),
                obj=contact,
                erase=lambda user, contact=contact: _delete(
                    contact, user, _("kontaktperson"),
                    _("kontaktperson för %(agreement)s") % {"agreement": contact.agreement},
                ),
            )
        )
    members = ForumMember.objects.filter(email__iexact=email).select_related("forum__agreement")
    for member in members:
        records.append(
            PersonalRecord(
                kind=_("Deltagare i forum för överenskommelse"),
                summary=str(member.forum),
                data={
                    _("Namn"): member.name,
                    _("Titel eller roll"): member.title,
                    _("Organisation"): member.organisation,
                    _("E-post"): member.email,
                },
                erasable=True,
                reason=_("Uppgifterna behövs bara medan personen deltar i forumet."),
                obj=member,
                erase=lambda user, member=member: _delete(
                    member, user, _("forumdeltagare"),
                    _("deltagare i %(forum)s") % {"forum": member.forum},
                ),
            )
        )
    return records
