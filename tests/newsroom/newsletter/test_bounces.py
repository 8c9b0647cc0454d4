"""Bounces: refusals by a real (fake) SMTP server, the return path per delivery, delivery
status notifications from a Maildir or an IMAP mailbox, and when an address is suppressed."""

import email
import mailbox
import socket
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import CommandError, call_command

from newsroom.newsletter import bounces, delivery
from newsroom.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from newsroom.newsletter.models import Delivery, NewsletterIssue, SuppressedAddress
from newsroom.roles import EDITORS

pytestmark = pytest.mark.django_db

# What the fake server answers, by recipient.
REFUSED_AT_RCPT = {"nobody@example.se": "550 5.1.1 No such user here",
                   "busy@example.se": "451 4.3.0 Try again later"}
REFUSED_AT_DATA = {"full@example.se": "552 5.2.2 Mailbox full"}


class RefusingHandler:
    """Accepts every mail except for the recipients above; keeps what it accepted."""

    def __init__(self):
        self.accepted = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in REFUSED_AT_RCPT:
            return REFUSED_AT_RCPT[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        refused = [REFUSED_AT_DATA[to] for to in envelope.rcpt_tos if to in REFUSED_AT_DATA]
        if refused:
            return refused[0]
        self.accepted.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    handler = RefusingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


@pytest.fixture(autouse=True)
def _bounce_address(settings):
    settings.NEWSLETTER_BOUNCE_ADDRESS = "bounces@example.se"


def test_each_mail_has_its_own_return_path_and_permanent_refusals_bounce(issue, smtp_server):
    accepted = SubscriberFactory(email="anna@example.se")
    for address in [*REFUSED_AT_RCPT, *REFUSED_AT_DATA]:
        SubscriberFactory(email=address)

    delivery.send_issue(issue)

    by_address = {d.subscriber.email: d for d in Delivery.objects.select_related("subscriber")}
    (mail_from, to, content), = smtp_server.accepted
    assert to == [accepted.email]
    assert mail_from == bounces.return_path(by_address[accepted.email])
    assert mail_from.startswith(f"bounces+{by_address[accepted.email].pk}-")
    assert b"From: Externa relationer <externa.relationer@example.se>" in content
    assert bounces.delivery_for(mail_from) == by_address[accepted.email]

    assert by_address["anna@example.se"].status == Delivery.Status.SENT
    nobody, full = by_address["nobody@example.se"], by_address["full@example.se"]
    assert (nobody.status, nobody.attempts) == (Delivery.Status.BOUNCED, 1)
    assert nobody.last_error == "550 5.1.1 No such user here"
    assert (full.status, full.attempts) == (Delivery.Status.BOUNCED, 1)
    # A 4xx is tried again later, as any other temporary failure.
    assert by_address["busy@example.se"].status == Delivery.Status.FAILED
    # No such user: suppressed at once; one full mailbox is not yet a reason.
    assert SuppressedAddress.objects.get().reason == SuppressedAddress.Reason.BOUNCED
    assert SuppressedAddress.covers("nobody@example.se")
    assert delivery.progress(issue)["bounced"] == 2


def test_three_bounces_in_a_row_suppress_the_address(issue, smtp_server, settings):
    SubscriberFactory(email="full@example.se")
    issues = [issue, *NewsletterIssueFactory.create_batch(2, news=[issue.items.first()])]
    for number, each in enumerate(issues, start=1):
        delivery.send_issue(each)
        assert SuppressedAddress.covers("full@example.se") == (number == 3)
    assert Delivery.objects.filter(status=Delivery.Status.BOUNCED).count() == 3


def test_a_delivery_in_between_breaks_the_row(issue):
    subscriber = SubscriberFactory(email="sometimes@example.se")
    statuses = ["bounced", "sent", "bounced", "bounced"]
    deliveries = [
        Delivery.objects.create(issue=NewsletterIssueFactory(), subscriber=subscriber,
                                status=status)
        for status in statuses
    ]
    assert not bounces.bounce(deliveries[-1], "550 5.2.2 Mailbox full", status="5.2.2")
    later = Delivery.objects.create(issue=issue, subscriber=subscriber, status="sent")
    assert bounces.bounce(later, "550 5.2.2 Mailbox full", status="5.2.2")
    assert SuppressedAddress.covers(subscriber.email)


# Delivery status notifications ------------------------------------------------------------


def report(return_path, *, action, status, diagnostic, header="X-Original-To"):
    """A delivery status notification as a mail server sends it (RFC 3464)."""
    return f"""\
Return-Path: <>
{header}: {return_path}
From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
To: {return_path}
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-{status}@mx.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.org.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org
Arrival-Date: Mon, 5 Oct 2026 09:00:00 +0200

Final-Recipient: rfc822; anna@example.org
Original-Recipient: rfc822; anna@example.org
Action: {action}
Status: {status}
Diagnostic-Code: smtp; {diagnostic}

--B
Content-Type: text/rfc822-headers

From: Externa relationer <externa.relationer@example.se>
To: anna@example.org
Subject: Nyhetsbrev oktober

--B--
""".encode()


def permanent(return_path, **kwargs):
    return report(return_path, action="failed", status="5.1.1",
                  diagnostic="550 5.1.1 <anna@example.org>: Recipient address rejected: "
                             "User unknown", **kwargs)


def temporary(return_path):
    return report(return_path, action="delayed", status="4.4.1",
                  diagnostic="421 4.4.1 Connection timed out")


@pytest.fixture
def sent():
    """A delivery that our server accepted; reports about it come later."""
    subscriber = SubscriberFactory(email="anna@example.org")
    return Delivery.objects.create(issue=NewsletterIssueFactory(), subscriber=subscriber,
                                   status=Delivery.Status.SENT, attempts=1)


def apply(raw):
    return bounces.apply_report(email.message_from_bytes(raw))


def test_a_permanent_failure_report_bounces_the_delivery_and_suppresses(sent):
    assert apply(permanent(bounces.return_path(sent))) == bounces.Outcome.SUPPRESSED
    sent.refresh_from_db()
    assert sent.status == Delivery.Status.BOUNCED
    assert sent.attempts == 1
    assert sent.last_error.startswith("5.1.1 smtp; 550 5.1.1")
    assert SuppressedAddress.covers("anna@example.org")
    # The same report read twice changes nothing more.
    assert apply(permanent(bounces.return_path(sent))) == bounces.Outcome.SUPPRESSED
    assert SuppressedAddress.objects.count() == 1


def test_a_temporary_failure_report_never_suppresses(sent):
    for _ in range(bounces.CONSECUTIVE_BOUNCES + 1):
        assert apply(temporary(bounces.return_path(sent))) == bounces.Outcome.TEMPORARY
    sent.refresh_from_db()
    assert sent.status == Delivery.Status.SENT
    assert sent.last_error == "4.4.1 smtp; 421 4.4.1 Connection timed out"
    assert not SuppressedAddress.objects.exists()


def test_the_delivery_is_found_by_the_address_the_report_was_sent_to(sent):
    raw = permanent(bounces.return_path(sent).upper(), header="Delivered-To")
    assert apply(raw) == bounces.Outcome.SUPPRESSED


@pytest.mark.parametrize("return_path", [
    "bounces+999999-0123456789abcdef@example.se",  # a delivery we never made
    "someone@example.se",
    "bounces+1@example.se",
])
def test_a_report_for_an_unknown_message_changes_nothing(sent, return_path):
    assert apply(permanent(return_path)) == bounces.Outcome.UNKNOWN
    sent.refresh_from_db()
    assert sent.status == Delivery.Status.SENT
    assert not SuppressedAddress.objects.exists()


def test_a_forged_signature_names_no_delivery(sent):
    genuine = bounces.return_path(sent)
    local, domain = genuine.split("@")
    forged = f"{local[:-1]}{'0' if local[-1] != '0' else '1'}@{domain}"
    assert bounces.delivery_for(genuine) == sent
    assert bounces.delivery_for(forged) is None
    other = Delivery.objects.create(issue=NewsletterIssueFactory(), subscriber=sent.subscriber)
    assert bounces.delivery_for(genuine.replace(f"+{sent.pk}-", f"+{other.pk}-")) is None


def test_a_mail_that_is_not_a_report_is_left_alone(sent):
    raw = b"From: someone@example.org\r\nTo: bounces@example.se\r\nSubject: Hej\r\n\r\nHej!"
    assert apply(raw) == bounces.Outcome.NOT_A_REPORT


# The command and the mailboxes ------------------------------------------------------------


def run_command(*args):
    out, err = StringIO(), StringIO()
    call_command("process_bounces", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_applies_the_unread_reports_in_a_maildir(sent, tmp_path, settings):
    box = mailbox.Maildir(tmp_path / "bounces")
    box.add(permanent(bounces.return_path(sent)))
    box.add(temporary(bounces.return_path(sent)))
    box.add(permanent("bounces+424242-0123456789abcdef@example.se"))
    settings.BOUNCE_MAILBOX = str(tmp_path / "bounces")

    out, err = run_command()

    assert out.strip() == "0 bounced, 1 suppressed, 1 temporary, 1 unknown, 0 not a report"
    assert "Ignored (unknown)" in err
    assert SuppressedAddress.covers("anna@example.org")
    assert all("S" in message.get_flags() for message in box)
    # Read reports are not applied again.
    out, _err = run_command()
    assert out.strip() == "0 bounced, 0 suppressed, 0 temporary, 0 unknown, 0 not a report"


def test_the_command_says_what_is_missing(settings, tmp_path):
    settings.BOUNCE_MAILBOX = ""
    with pytest.raises(CommandError, match="BOUNCE_MAILBOX"):
        run_command()
    with pytest.raises(CommandError, match="Cannot read the bounce mailbox"):
        run_command("--mailbox", str(tmp_path / "nowhere"))


class FakeIMAP:
    """The part of imaplib.IMAP4_SSL the command uses, over a dict of uid → message."""

    instances = []

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.seen, self.calls = set(), []
        FakeIMAP.instances.append(self)

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def select(self, folder):
        self.calls.append(("select", folder))

    def uid(self, command, *args):
        if command == "SEARCH":
            unseen = [uid for uid in self.messages if uid not in self.seen]
            return "OK", [b" ".join(unseen)]
        if command == "FETCH":
            return "OK", [(b"1 (BODY[] {n}", self.messages[args[0]])]
        if command == "STORE":
            self.seen.add(args[0])
            return "OK", []
        raise AssertionError(command)

    def logout(self):
        self.calls.append(("logout",))


def test_the_command_reads_an_imap_mailbox(sent, monkeypatch):
    FakeIMAP.messages = {b"7": temporary(bounces.return_path(sent)),
                         b"8": permanent(bounces.return_path(sent))}
    FakeIMAP.instances = []
    monkeypatch.setattr(bounces.imaplib, "IMAP4_SSL", FakeIMAP)

    out, _err = run_command("--mailbox", "imaps://studs%40example.se:hemligt@imap.example.se/Bounces")

    assert out.strip() == "0 bounced, 1 suppressed, 1 temporary, 0 unknown, 0 not a report"
    client, = FakeIMAP.instances
    assert (client.host, client.port) == ("imap.example.se", 993)
    assert client.calls == [("login", "studs@example.se", "hemligt"), ("select", "Bounces"),
                            ("logout",)]
    assert client.seen == {b"7", b"8"}


# The admin --------------------------------------------------------------------------------


def test_the_admin_shows_bounces_and_suppressed_addresses(staff_client, issue, smtp_server):
    SubscriberFactory(email="nobody@example.se")
    SubscriberFactory(email="anna@example.se")
    delivery.send_issue(issue)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    editor = staff_client(EDITORS)

    listing = editor.get("/admin/newsroom/newsletterissue/").content.decode()
    assert "1 skickade, 1 studsade, 0 misslyckade" in listing
    form = editor.get(f"/admin/newsroom/newsletterissue/{issue.pk}/change/").content.decode()
    assert "studsade" in form
    subscribers = editor.get("/admin/newsroom/subscriber/?q=nobody").content.decode()
    assert "studsar" in subscribers
    suppressed = editor.get("/admin/newsroom/suppressedaddress/").content.decode()
    assert "studsar" in suppressed
