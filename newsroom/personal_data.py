"""What the newsroom holds about a person (newsletter subscribers), for requests about
personal data. A subscriber may always be erased: the row goes, and only a one-way hash of
the address stays, so that the address is never mailed again."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from newsroom.newsletter import subscriptions
from newsroom.newsletter.models import NewsletterList, Subscriber
from portal.personal_data_requests import PersonalRecord


def _when(value):
    return formats.date_format(timezone.localtime(value), "j F Y H:i") if value else "–"


def find(email):
    records = []
    for subscriber in Subscriber.objects.with_email(email):
        records.append(newsletter_record(subscriber))
    return records


def newsletter_record(subscriber):
    return PersonalRecord(
        kind=_("Prenumeration på nyhetsbrevet"),
        summary=f"{subscriber.email} ({subscriber.get_status_display()})",
        data={
            _("E-post"): subscriber.email,
            _("Språk"): subscriber.get_language_display(),
            _("Status"): subscriber.get_status_display(),
            _("Listor"): ", ".join(
                str(NewsletterList(value).label) for value in subscriber.newsletter_lists
            ),
            _("Samtycke"): f"{subscriber.consent_text} ({subscriber.consent_version})",
            _("Källa"): subscriber.source,
            _("Anmäld"): _when(subscriber.subscribed_at),
            _("Bekräftad"): _when(subscriber.confirmed_at),
            _("Avslutad"): _when(subscriber.unsubscribed_at),
            _("Mottagna nyhetsbrev"): subscriber.deliveries.filter(status="sent").count(),
        },
        erasable=True,
        reason=_(
            "Prenumerationen bygger på samtycke och raderas på begäran. Adressen spärras "
            "(som ett kontrollvärde) så att den aldrig får fler utskick."
        ),
        obj=subscriber,
        erase=lambda user, subscriber=subscriber: subscriptions.erase(subscriber, user=user),
    )
