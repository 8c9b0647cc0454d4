"""What the visits app holds about a person, for requests about personal data."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal import audit
from portal.personal_data_requests import PersonalRecord
from visits.models import Participant, Visit


def _date(value):
    return formats.date_format(value, "j F Y")


def _forget_requester(visit, user):
    audit.record("purged", visit, user=user, detail=_("kontaktuppgifter i förfrågan"))
    Visit.objects.filter(pk=visit.pk).update(
        requester_name="", requester_email="", requester_phone=""
    )


def _delete_participant(participant, user):
    audit.record("purged", participant, user=user, detail=_("deltagare"))
    pk = participant.pk
    participant.delete()
    audit.forget(Participant, pk, _("deltagare i %(visit)s") % {"visit": participant.visit})


def find(email):
    records = []
    today = timezone.localdate()
    for visit in Visit.objects.filter(requester_email__iexact=email):
        purge_date = visit.personal_data_purge_date
        due = purge_date <= today
        records.append(
            PersonalRecord(
                kind=_("Förfrågan om besök"),
                summary=str(visit),
                data={
                    _("Organisation"): visit.requester_organisation,
                    _("Kontaktperson"): visit.requester_name,
                    _("E-post"): visit.requester_email,
                    _("Telefon"): visit.requester_phone,
                },
                erasable=due,
                reason=(
                    _("Gallringstiden har gått ut; uppgifterna får raderas.")
                    if due
                    else _(
                        "Förfrågan är en allmän handling; kontaktuppgifterna gallras "
                        "%(date)s."
                    ) % {"date": _date(purge_date)}
                ),
                obj=visit,
                erase=lambda user, visit=visit: _forget_requester(visit, user),
            )
        )
    participants = Participant.objects.filter(email__iexact=email).select_related("visit")
    for participant in participants:
        ended = participant.visit.has_ended
        records.append(
            PersonalRecord(
                kind=_("Deltagare i besök"),
                summary=str(participant.visit),
                data={
                    _("Namn"): participant.name,
                    _("Titel"): participant.title,
                    _("Organisation"): participant.organisation,
                    _("E-post"): participant.email,
                    _("Telefon"): participant.phone,
                    _("Kost"): participant.dietary_needs,
                    _("Tillgänglighetsbehov"): participant.accessibility_needs,
                },
                erasable=ended,
                reason=(
                    _("Besöket är genomfört; uppgifterna behövs inte längre.")
                    if ended
                    else _(
                        "Uppgifterna behövs för att planera besöket; de raderas senast %(date)s."
                    ) % {"date": _date(participant.visit.personal_data_purge_date)}
                ),
                obj=participant,
                erase=lambda user, participant=participant: _delete_participant(
                    participant, user
                ),
            )
        )
    return records
