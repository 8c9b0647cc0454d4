"""What the events app holds about a person, for requests about personal data."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from events import services
from events.models import Registration
from portal.personal_data_requests import PersonalRecord


def find(email):
    records = []
    registrations = (
        Registration.objects.filter(email__iexact=email)
        .select_related("event")
        .prefetch_related("answers__question")
    )
    for registration in registrations:
        event = registration.event
        data = {
            _("Referens"): registration.reference,
            _("Status"): registration.get_status_display(),
            _("Namn"): registration.name,
            _("E-post"): registration.email,
            _("Organisation"): registration.organisation,
            _("Typ av organisation"): registration.get_organisation_type_display(),
            _("Roll"): registration.role,
            _("Kost"): registration.dietary_needs,
            _("Tillgänglighetsbehov"): registration.accessibility_needs,
            _("Anmäld"): formats.date_format(
                timezone.localtime(registration.registered_at), "j F Y H:i"
            ),
        }
        data.update({answer.question.text: answer.value for answer in registration.answers.all()})
        records.append(
            PersonalRecord(
                kind=_("Anmälan till evenemang"),
                summary=f"{registration.reference}: {event}",
                data=data,
                erasable=True,
                reason=(
                    _("Anmälan raderas; en plats till ett kommande evenemang avbokas först.")
                    if not event.has_ended
                    else _("Anmälan raderas; bara antalet deltagare finns kvar i statistiken.")
                ),
                obj=registration,
                erase=lambda user, registration=registration: services.delete_registration(
                    registration, user=user
                ),
            )
        )
    return records
