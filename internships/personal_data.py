"""What the internships app holds about a person, for requests about personal data."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from internships import services
from internships.models import Application
from portal.personal_data_requests import PersonalRecord


def find(email):
    records = []
    applications = Application.objects.filter(email__iexact=email).select_related("call")
    for application in applications:
        purge_after = application.call.purge_after
        chosen = application.status == Application.Status.ACCEPTED
        due = not chosen and not application.legal_hold and purge_after <= timezone.now()
        if due:
            reason = _("Gallringstiden har gått ut; ansökan får raderas.")
        elif chosen:
            reason = _("Ansökan ledde till en praktikplats och bevaras enligt arkivreglerna.")
        else:
            reason = _(
                "En inkommen ansökan är en allmän handling och får inte raderas förrän "
                "gallringstiden gått ut, %(date)s."
            ) % {"date": formats.date_format(timezone.localtime(purge_after), "j F Y")}
        records.append(
            PersonalRecord(
                kind=_("Ansökan om praktik"),
                summary=f"{application.reference}: {application.call}",
                data={
                    _("Namn"): application.full_name,
                    _("E-post"): application.email,
                    _("Telefon"): application.phone,
                    _("Lärosäte"): application.university,
                    _("Utbildning"): application.programme,
                    _("Nivå"): application.get_level_display(),
                    _("Beräknad examen"): application.expected_graduation,
                    _("Språk"): application.languages,
                    _("Personligt brev"): application.cover_letter,
                    _("CV"): _("bifogat") if application.cv else _("saknas"),
                    _("Studieintyg"): _("bifogat") if application.transcript else _("saknas"),
                    _("Inkommen"): formats.date_format(
                        timezone.localtime(application.submitted_at), "j F Y H:i"
                    ),
                    _("Status"): application.get_status_display(),
                },
                erasable=due,
                reason=reason,
                obj=application,
                erase=lambda user, application=application: services.delete_application(
                    application, user=user
                ),
            )
        )
    return records
