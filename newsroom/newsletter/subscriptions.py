"""Subscribing to the newsletter: the double opt-in, the signed links in its mails,
unsubscribing and erasure.

Views, admin, periodic jobs and tests only call these functions.
"""

from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.newsletter.models import (
    NewsletterList,
    Subscriber,
    SuppressedAddress,
    suppression_hash,
)
from portal import audit
from portal.links import absolute_url
from portal.mail import queue_mail

CONFIRM_SALT = "newsroom.newsletter.confirm"
UNSUBSCRIBE_SALT = "newsroom.newsletter.unsubscribe"
PREFERENCES_SALT = "newsroom.newsletter.preferences"
CONFIRM_MAX_AGE = timedelta(days=7)
# Every mail carries a fresh link; one from an older mail asks for a newer one.
PREFERENCES_MAX_AGE = timedelta(days=365)
UNCONFIRMED_RETENTION = timedelta(days=30)
SUBSCRIBE_SOURCE = "newsroom:subscribe"

# What a subscriber agrees to. A new wording gets a new version; each subscriber keeps the
# text and version they agreed to.
CONSENT_VERSION = "2026-1"
CONSENT_TEXT = _(
    "Jag vill få nyhetsbrevet från Externa relationer, Västra Götalandsregionen, med e-post. "
    "Min e-postadress används bara för nyhetsbrevet och sparas tills jag avslutar "
    "prenumerationen."
)



# Signed links -----------------------------------------------------------------------------


def _token_data(subscriber):
    # The hash ties the link to the address, so a link never applies to another row.
    return {"s": subscriber.pk, "h": suppression_hash(subscriber.email)[:16]}


def _subscriber_for(data):
    try:
        pk, fingerprint = int(data["s"]), str(data["h"])
    except (KeyError, TypeError, ValueError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or suppression_hash(subscriber.email)[:16] != fingerprint:
        return None
    return subscriber


def confirm_token(subscriber):
    return signing.dumps(_token_data(subscriber), salt=CONFIRM_SALT)


class LinkProblem:
    """Why a confirmation link cannot be used; each gets its own explanation."""

    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


def _subscriber_for_expiring_link(token, salt, max_age):
    """(subscriber, None) for a genuine link younger than ``max_age``, else
    (None, LinkProblem.*); a link whose subscriber is gone has expired too."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age.total_seconds())
    except signing.SignatureExpired:
        return None, LinkProblem.EXPIRED
    except signing.BadSignature:
        return None, LinkProblem.INVALID
    subscriber = _subscriber_for(data)
    if subscriber is None:
        return None, LinkProblem.EXPIRED
    return subscriber, None


def subscriber_to_confirm(token):
    """(subscriber, None) for a usable confirmation link, else (None, LinkProblem.*).

    A subscriber deleted after 30 days unconfirmed, or erased, starts again.
    """
    subscriber, problem = _subscriber_for_expiring_link(token, CONFIRM_SALT, CONFIRM_MAX_AGE)
    if subscriber is not None and subscriber.status != Subscriber.Status.PENDING:
        return None, LinkProblem.USED
    return subscriber, problem


def unsubscribe_token(subscriber):
    # No expiry: an unsubscribe link in a mail from years ago must still work.
    return signing.dumps(_token_data(subscriber), salt=UNSUBSCRIBE_SALT, compress=True)


class UnknownLink(Exception):
    """A link that this site did not make (tampered, cut off or mistyped)."""


def subscriber_for_unsubscribe_token(token):
    """The subscriber a genuine unsubscribe link names; None when that row is gone
    (erased: the address is suppressed anyway); UnknownLink for a link we did not make."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise UnknownLink from error
    return _subscriber_for(data)


def preferences_token(subscriber):
    return signing.dumps(_token_data(subscriber), salt=PREFERENCES_SALT, compress=True)


def subscriber_for_preferences(token):
    """(subscriber, None) for a usable preferences link, else (None, LinkProblem.*)."""
    return _subscriber_for_expiring_link(token, PREFERENCES_SALT, PREFERENCES_MAX_AGE)


def url_in_language(name, language, **kwargs):
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs))


def confirm_url(subscriber):
    return url_in_language(
        "newsroom:newsletter-confirm", subscriber.language, token=confirm_token(subscriber)
    )


def unsubscribe_url(subscriber):
    return url_in_language(
        "newsroom:newsletter-unsubscribe",
        subscriber.language,
        token=unsubscribe_token(subscriber),
    )


def preferences_url(subscriber):
    return url_in_language(
        "newsroom:newsletter-preferences",
        subscriber.language,
        token=preferences_token(subscriber),
    )


def unsubscribe_mailto(subscriber):
    configured = settings.NEWSLETTER_UNSUBSCRIBE_EMAIL or settings.SERVER_EMAIL
    _name, address = parseaddr(configured)
    return f"mailto:{address}?subject={quote('unsubscribe ' + unsubscribe_token(subscriber))}"


# Subscribing ------------------------------------------------------------------------------


def consent_text(language):
    with translation.override(language):
        return str(CONSENT_TEXT)


@transaction.atomic
def subscribe(email, *, language, newsletter_lists=(NewsletterList.GENERAL,),
              source=SUBSCRIBE_SOURCE):
    """Register a wish to subscribe to ``newsletter_lists``; the page says the same whatever
    the address's state.

    - new, pending or unsubscribed: (again) pending, and a confirmation mail goes out;
    - already confirmed: nothing changes, and the owner gets a notice by mail, so that the
      page reveals nothing about who subscribes.

    Nothing here makes an address receive issues: only the confirmation does.
    """
    email = email.strip()
    subscriber = Subscriber.objects.select_for_update().with_email(email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        queue_mail(
            template="newsroom/mail/already_subscribed",
            context={
                "subscriber": subscriber,
                "unsubscribe_url": unsubscribe_url(subscriber),
                "preferences_url": preferences_url(subscriber),
                "subscribe_url": url_in_language("newsroom:subscribe", language),
            },
            to=[subscriber.email],
            language=language,
        )
        return subscriber
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, language=language)
        except IntegrityError:
            # The same address sent twice at the same moment: the other request made the row.
            subscriber = Subscriber.objects.select_for_update().with_email(email).get()
            if subscriber.status == Subscriber.Status.CONFIRMED:
                return subscriber
    subscriber.language = language
    subscriber.status = Subscriber.Status.PENDING
    subscriber.consent_text = consent_text(language)
    subscriber.consent_version = CONSENT_VERSION
    subscriber.source = source
    subscriber.subscribed_at = timezone.now()
    subscriber.confirmed_at = None
    subscriber.save()
    subscriber.choose_lists(newsletter_lists)
    queue_mail(
        template="newsroom/mail/confirm",
        context={
            "confirm_url": confirm_url(subscriber),
            "days": CONFIRM_MAX_AGE.days,
        },
        to=[subscriber.email],
        language=language,
    )
    return subscriber


def list_names(subscriber):
    """The subscriber's lists by name, in the subscriber's language, for a mail."""
    with translation.override(subscriber.language):
        chosen = set(subscriber.newsletter_lists)
        return ", ".join(str(value.label) for value in NewsletterList if value in chosen)


@transaction.atomic
def confirm(subscriber):
    """The double opt-in's second step: from now on the address receives issues.

    A fresh, confirmed opt-in is the one thing that lifts an earlier suppression. A welcome
    mail says what comes and how to stop it, with the unsubscribe link from the start.
    """
    updated = Subscriber.objects.filter(
        pk=subscriber.pk, status=Subscriber.Status.PENDING
    ).update(status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now(),
             unsubscribed_at=None)
    if updated:
        SuppressedAddress.lift(subscriber.email)
        subscriber.refresh_from_db()
        queue_mail(
            template="newsroom/mail/welcome",
            context={
                "unsubscribe_url": unsubscribe_url(subscriber),
                "preferences_url": preferences_url(subscriber),
                "newsletter_lists": list_names(subscriber),
                "archive_url": url_in_language(
                    "newsroom:newsletter-archive", subscriber.language
                ),
            },
            to=[subscriber.email],
            language=subscriber.language,
        )
    return bool(updated)


@transaction.atomic
def unsubscribe(subscriber):
    """Stop every mail to this address at once, including issues being sent right now."""
    SuppressedAddress.add(subscriber.email, SuppressedAddress.Reason.UNSUBSCRIBED)
    subscriber.cancel_waiting_deliveries()
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    return True


@transaction.atomic
def erase(subscriber, user=None):
    """Delete the subscriber (a request to erase is always granted); keep only the hash
    that stops the address from ever being mailed again."""
    SuppressedAddress.add(subscriber.email, SuppressedAddress.Reason.ERASED)
    audit.record("purged", subscriber, user=user, detail=gettext("prenumerant"))
    pk = subscriber.pk
    subscriber.delete()
    audit.forget(Subscriber, pk, gettext("raderad prenumerant"))


def purge_unconfirmed(now=None):
    """Periodic job: subscriptions never confirmed are deleted after 30 days."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_RETENTION
    _total, deleted = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, subscribed_at__lt=cutoff
    ).delete()
    # Their chosen lists go with them; only the subscribers are counted.
    return (f"{deleted.get(Subscriber._meta.label, 0)} unconfirmed newsletter subscriptions "
            "removed")
