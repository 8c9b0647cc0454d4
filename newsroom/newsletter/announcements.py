"""Issues the periodic jobs write themselves: a mail to the internship list when a call opens.

Each announcement is an issue of its list, one per language, sent through the same
deliveries as any issue (so never twice, and resumed after a crash) and kept in that list's
archive. The issue's unique ``announces`` key makes a second run create nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from internships.models import InternshipCall
from newsroom.newsletter import delivery
from newsroom.newsletter.models import NewsletterIssue, NewsletterList
from portal.links import absolute_url

# A call that opened longer ago than this is not news any more (say, the day this job is
# first deployed).
ANNOUNCE_WITHIN = timedelta(days=7)


def call_issue_text(call):
    """(subject, introduction) announcing ``call`` in the active language."""
    title = call.display_title
    closes = formats.date_format(timezone.localtime(call.closes_at), "j F Y")
    subject = gettext("Ny praktikutlysning: %(title)s") % {"title": title}
    intro = "\n\n".join([
        gettext("Nu kan du söka praktik hos oss: %(title)s. Sista ansökningsdag är "
                "%(date)s.") % {"title": title, "date": closes},
        gettext("Läs mer och ansök: %(url)s") % {"url": absolute_url(call.get_absolute_url())},
    ])
    return subject, intro


def announce_opened_internship_calls(now=None):
    """Periodic job: announce each published call that has opened in the last week, once,
    in each language, to those who chose the internship list."""
    now = now or timezone.now()
    calls = InternshipCall.objects.open(now).filter(opens_at__gte=now - ANNOUNCE_WITHIN)
    started = 0
    for call in calls:
        for language, _name in settings.LANGUAGES:
            issue = _announcement(call, language)
            if issue is not None:
                delivery.send_issue(issue)
                started += 1
    return f"{started} internship call announcements started"


def _announcement(call, language):
    """A new issue announcing ``call`` in ``language``, or None if it was made before."""
    with translation.override(language):
        subject, intro = call_issue_text(call)
    try:
        with transaction.atomic():
            return NewsletterIssue.objects.create(
                announces=f"internships.call:{call.pk}",
                language=language,
                newsletter_list=NewsletterList.INTERNSHIPS,
                subject=subject[:200],
                intro=intro,
            )
    except IntegrityError:
        return None
