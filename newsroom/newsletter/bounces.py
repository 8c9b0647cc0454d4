"""Bounces: newsletter mail that could not be delivered, and the addresses that stop being
mailed because of it.

Every newsletter mail has a return path of its own (VERP): its envelope sender is
``bounces+<delivery>-<signature>@domain``, so a bounce report names the one delivery it is
about, whatever the reporting server writes about the recipient, and a forged report cannot
name a delivery it does not know.

A delivery bounces when our SMTP server refuses it permanently (a 5xx reply to RCPT or DATA)
or when a delivery status notification (RFC 3464) reports a permanent failure later. The
address is suppressed after ``CONSECUTIVE_BOUNCES`` bounces in a row, or at once when the
mailbox does not exist (5.1.1). A temporary failure (4xx, 4.x.x) is only noted: it never
suppresses an address.
"""

import email
import imaplib
import mailbox
import re
import smtplib
from email.utils import getaddresses
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.crypto import constant_time_compare, salted_hmac

from newsroom.newsletter.models import Delivery, SuppressedAddress

CONSECUTIVE_BOUNCES = 3
NO_SUCH_USER = "5.1.1"
RETURN_PATH_SALT = "newsroom.newsletter.return-path"
# Where a report names the address it was sent to: the envelope recipient as the mail server
# recorded it on delivery, then the header.
RECIPIENT_HEADERS = ["X-Original-To", "Delivered-To", "Envelope-To", "To"]
ENHANCED_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")


class Outcome:
    """What applying one report did."""

    BOUNCED = "bounced"
    SUPPRESSED = "suppressed"
    TEMPORARY = "temporary"
    UNKNOWN = "unknown"
    NOT_A_REPORT = "not a report"


# Return paths -----------------------------------------------------------------------------


def _signature(delivery_pk):
    # Hex, so that a mail server that changes the case of the local part breaks nothing.
    return salted_hmac(RETURN_PATH_SALT, str(delivery_pk)).hexdigest()[:16]


def return_path(delivery):
    """The envelope sender of one delivery's mail, where its bounce reports go."""
    local, _at, domain = settings.NEWSLETTER_BOUNCE_ADDRESS.rpartition("@")
    return f"{local}+{delivery.pk}-{_signature(delivery.pk)}@{domain}"


def delivery_for(address):
    """The delivery a return path names, or None when this site did not make it."""
    local, _at, _domain = settings.NEWSLETTER_BOUNCE_ADDRESS.rpartition("@")
    match = re.fullmatch(
        rf"{re.escape(local)}\+(\d+)-([0-9a-f]{{16}})@.+", address.strip(), re.IGNORECASE
    )
    if match is None:
        return None
    pk, signature = int(match[1]), match[2].lower()
    if not constant_time_compare(signature, _signature(pk)):
        return None
    return Delivery.objects.select_related("subscriber").filter(pk=pk).first()


# Applying failures ------------------------------------------------------------------------


@transaction.atomic
def bounce(delivery, detail, *, status="", attempted=False):
    """Mark ``delivery`` bounced; suppress its address when the rule says so.

    ``attempted`` counts the SMTP exchange that was just refused as an attempt (a report
    that arrives later is about an attempt already counted). Returns True when the address
    is now suppressed. Applying the same bounce twice changes nothing more.
    """
    attempts = delivery.attempts + 1 if attempted else delivery.attempts
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.BOUNCED, attempts=attempts, last_error=detail[:2000]
    )
    subscriber = delivery.subscriber
    in_a_row = list(
        subscriber.deliveries.filter(pk__lte=delivery.pk)
        .order_by("-pk")
        .values_list("status", flat=True)[:CONSECUTIVE_BOUNCES]
    )
    if status != NO_SUCH_USER and in_a_row != [Delivery.Status.BOUNCED] * CONSECUTIVE_BOUNCES:
        return False
    SuppressedAddress.add(subscriber.email, SuppressedAddress.Reason.BOUNCED)
    subscriber.cancel_waiting_deliveries()
    return True


def note_temporary_failure(delivery, detail):
    """A delay reported by the recipient's server: kept for the editors, nothing else."""
    Delivery.objects.filter(pk=delivery.pk).update(last_error=detail[:2000])


def smtp_refusal(error):
    """(reply code, reply text) of a recipient or message refused by our SMTP server."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()))
    else:
        code, reply = error.smtp_code, error.smtp_error
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", errors="replace")
    return code, reply


def enhanced_status(text):
    match = ENHANCED_STATUS.search(text or "")
    return match[1] if match else ""


# Delivery status notifications (RFC 3464) -------------------------------------------------


def recipient_fields(report):
    """The per-recipient field groups of a delivery status notification (none if it is not
    one): the ``message/delivery-status`` part's groups after the per-message one."""
    for part in report.walk():
        if part.get_content_type() == "message/delivery-status":
            groups = part.get_payload()
            return [group for group in groups[1:] if group.get("Action")]
    return []


def reported_delivery(report):
    for header in RECIPIENT_HEADERS:
        for _name, address in getaddresses(report.get_all(header, [])):
            delivery = delivery_for(address)
            if delivery is not None:
                return delivery
    return None


def apply_report(report):
    """Apply one bounce report (an ``email.message.Message``); returns an ``Outcome``."""
    recipients = recipient_fields(report)
    if not recipients:
        return Outcome.NOT_A_REPORT
    delivery = reported_delivery(report)
    if delivery is None:
        return Outcome.UNKNOWN
    for fields in recipients:
        action = fields.get("Action", "").strip().lower()
        status = fields.get("Status", "").split()[0] if fields.get("Status") else ""
        detail = " ".join(
            value for value in (status, fields.get("Diagnostic-Code", "")) if value
        )
        if action == "failed" and status.startswith("5."):
            suppressed = bounce(delivery, detail, status=status)
            return Outcome.SUPPRESSED if suppressed else Outcome.BOUNCED
    note_temporary_failure(delivery, detail)
    return Outcome.TEMPORARY


# Mailboxes --------------------------------------------------------------------------------


def unread_reports(location):
    """Each unread message in the mailbox at ``location`` (an ``imaps://user:password@host/
    folder`` URL or a Maildir path), marked read once the caller asks for the next one, so a
    run that stops half-way leaves the rest for the next run."""
    if location.startswith("imaps://"):
        yield from _imap_reports(location)
    else:
        yield from _maildir_reports(location)


def _maildir_reports(path):
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in list(box.iterkeys()):
        message = box[key]
        if "S" in message.get_flags():
            continue
        yield message
        message.set_subdir("cur")
        message.add_flag("S")
        box[key] = message


def _imap_reports(url):
    parts = urlsplit(url)
    client = imaplib.IMAP4_SSL(parts.hostname, parts.port or imaplib.IMAP4_SSL_PORT)
    try:
        client.login(unquote(parts.username or ""), unquote(parts.password or ""))
        client.select(unquote(parts.path.strip("/")) or "INBOX")
        _status, found = client.uid("SEARCH", None, "UNSEEN")
        for uid in found[0].split():
            # PEEK leaves the message unread until it has been applied.
            _status, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
            yield email.message_from_bytes(fetched[0][1])
            client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    finally:
        client.logout()
