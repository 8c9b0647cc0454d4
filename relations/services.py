"""What the relations app computes: the grant figure and the networks of the public pages,
and the reminders its officers get by mail."""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal import page_cache
from portal.charts import BarChart, bar_chart
from portal.links import absolute_url
from portal.mail import queue_mail
from relations.models import Agreement, Membership, Programme, Project
from relations.roles import RELATIONS_OFFICERS


@dataclass(frozen=True)
class GrantChart:
    """A bar per programme, its name above the bar, and the sums for the table's foot."""

    figure: BarChart
    total_grant: object
    total_projects: int


def grant_chart():
    """EU grants of the region's projects summed per programme, largest first (one query)."""
    programmes = list(
        Programme.objects.with_grant_totals()
        .filter(project_count__gt=0)
        .order_by("-total_grant", "name")
    )
    return GrantChart(
        # The longest bar leaves room after it for an amount in millions of euro.
        figure=bar_chart(
            programmes, ["total_grant"], width=640, label_height=24, value_room=200,
            bar_height=22, gap=10,
        ),
        total_grant=sum((p.total_grant for p in programmes), 0),
        total_projects=sum(p.project_count for p in programmes),
    )


def current_public_memberships():
    """The region's current, public memberships with their organisations (two queries)."""
    return Membership.objects.current().for_public_pages()


# Reminders -----------------------------------------------------------------------------------

# How long before a follow-up is due, or a membership renewed, its reminder goes out.
FOLLOW_UP_NOTICE = relativedelta(months=1)
RENEWAL_NOTICE = relativedelta(months=2)


def relations_officer_addresses():
    """The addresses of the active relations officers."""
    return list(
        get_user_model().objects.filter(groups__name=RELATIONS_OFFICERS, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )


def follow_up_reminder_recipients(agreement):
    """The responsible officer, or every relations officer when the agreement has none."""
    officer = agreement.responsible_officer
    if officer and officer.is_active and officer.email:
        return [officer.email]
    return relations_officer_addresses()


def send_follow_up_reminders(today=None):
    """Mail the responsible officer of each agreement whose follow-up for this year is due
    within a month and not yet recorded; once per agreement and year. Returns the count."""
    today = today or timezone.localdate()
    year = today.year
    agreements = (
        Agreement.objects.in_force(year)
        .with_follow_up_for(year)
        .filter(has_follow_up=False)
        .exclude(follow_up_reminded_for=year)
        .select_related("responsible_officer")
    )
    sent = 0
    for agreement in agreements:
        due = agreement.follow_up_due(year)
        if today < due - FOLLOW_UP_NOTICE:
            continue
        to = follow_up_reminder_recipients(agreement)
        with transaction.atomic():
            Agreement.objects.filter(pk=agreement.pk).update(follow_up_reminded_for=year)
            if to:
                queue_mail(
                    template="relations/mail/follow_up_reminder",
                    context={
                        "agreement": agreement,
                        "year": year,
                        "due": due,
                        "add_url": absolute_url(
                            reverse("admin:relations_agreementfollowup_add")
                            + f"?agreement={agreement.pk}&year={year}"
                        ),
                    },
                    to=to,
                    language="sv",
                )
                sent += 1
    return sent


def send_renewal_reminders(today=None):
    """Mail the relations officers about each membership to be renewed within two months;
    once per renewal date. Returns the count."""
    today = today or timezone.localdate()
    memberships = list(
        Membership.objects.renewal_reminder_due(today, RENEWAL_NOTICE)
        .select_related("organisation")
        .order_by("renewal_date")
    )
    to = relations_officer_addresses()
    for membership in memberships:
        with transaction.atomic():
            Membership.objects.filter(pk=membership.pk).update(
                renewal_reminded_for=membership.renewal_date
            )
            if to:
                queue_mail(
                    template="relations/mail/renewal_reminder",
                    context={
                        "membership": membership,
                        "change_url": absolute_url(
                            reverse("admin:relations_membership_change", args=[membership.pk])
                        ),
                    },
                    to=to,
                    language="sv",
                )
    return len(memberships)


def update_project_statuses():
    """Let the projects' statuses follow their dates; the cached pages show the change."""
    changed = Project.objects.update_statuses()
    if changed:
        page_cache.invalidate()
    return changed
