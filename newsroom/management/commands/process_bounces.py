import imaplib
import mailbox
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.newsletter import bounces


class Command(BaseCommand):
    help = (
        "Apply the unread bounce reports (RFC 3464 delivery status notifications) in "
        "BOUNCE_MAILBOX to the newsletter deliveries they name, and mark them read."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--mailbox",
            default=settings.BOUNCE_MAILBOX,
            help="an imaps://user:password@host/INBOX URL or a Maildir path "
            "(default: BOUNCE_MAILBOX)",
        )

    def handle(self, *args, **options):
        location = options["mailbox"]
        if not location:
            raise CommandError("No mailbox: set BOUNCE_MAILBOX or give --mailbox.")
        outcomes = Counter()
        try:
            for report in bounces.unread_reports(location):
                outcome = bounces.apply_report(report)
                outcomes[outcome] += 1
                if outcome in (bounces.Outcome.UNKNOWN, bounces.Outcome.NOT_A_REPORT):
                    self.stderr.write(
                        f"Ignored ({outcome}): {report.get('Message-ID', '-')} "
                        f"{report.get('Subject', '')}"
                    )
        except (OSError, mailbox.Error, imaplib.IMAP4.error) as error:
            raise CommandError(f"Cannot read the bounce mailbox: {error}") from None
        self.stdout.write(
            ", ".join(
                f"{outcomes[outcome]} {outcome}"
                for outcome in (bounces.Outcome.BOUNCED, bounces.Outcome.SUPPRESSED,
                                bounces.Outcome.TEMPORARY, bounces.Outcome.UNKNOWN,
                                bounces.Outcome.NOT_A_REPORT)
            )
        )
