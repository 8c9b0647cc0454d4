"""Who may publish, and the mail that tells the publishers a draft waits for them."""

from django.conf import settings
from django.contrib.auth import get_user_model

from portal.editorial import PUBLISHERS
from portal.links import absolute_url
from portal.mail import queue_mail


def can_publish(user):
    """Publishing, unpublishing and scheduling: the publishers' work while review is on."""
    if not settings.EDITORIAL_REVIEW or user.is_superuser:
        return True
    return user.groups.filter(name=PUBLISHERS).exists()


def publisher_addresses():
    users = get_user_model().objects.filter(
        is_active=True, groups__name=PUBLISHERS
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_publishers(obj, *, submitted_by, admin_path):
    """Mail every publisher that ``obj`` waits for review, with the link to it in the admin."""
    to = publisher_addresses()
    if not to:
        return None
    return queue_mail(
        template="editorial/review_requested",
        context={
            "object": obj,
            "verbose_name": obj._meta.verbose_name,
            "submitted_by": submitted_by.get_full_name() or submitted_by.get_username(),
            "admin_url": absolute_url(admin_path),
        },
        to=to,
        language=settings.LANGUAGE_CODE,
    )
