"""The audit trail: who created, changed, published, sent, exported, downloaded or purged what.

Changes to tracked models are logged by django-auditlog (``AUDITLOG_INCLUDE_TRACKING_MODELS``
in the settings), with personal data hidden in the diff. What a change log cannot see,
such as opening an application, downloading a CV, exporting a list, sending a newsletter
or purging expired data, is written into the same log with ``record()``, so that
administrators read one trail in the admin.
"""

from datetime import timedelta

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

EVENTS = {
    "viewed": _("visade"),
    "downloaded": _("laddade ner"),
    "exported": _("exporterade"),
    "published": _("publicerade"),
    "unpublished": _("avpublicerade"),
    "scheduled": _("schemalade"),
    "submitted": _("skickade för granskning"),
    "restored": _("återställde som utkast"),
    "sent": _("skickade"),
    "purged": _("gallrade"),
    "redirect_added": _("lade till omdirigering"),
}

HIDDEN = "(personuppgift, visas inte)"


def hide_value(value):
    """AUDITLOG_MASK_CALLABLE: personal data never enters the trail, not even in part."""
    return HIDDEN


def _entry(event, obj, user, detail):
    if event not in EVENTS:
        raise ValueError(f"Unknown audit event {event!r}; known: {', '.join(EVENTS)}")
    actor = user if user is not None and user.is_authenticated else None
    return LogEntry(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        object_id=obj.pk if isinstance(obj.pk, int) else None,
        object_repr=str(obj)[:200],
        action=LogEntry.Action.ACCESS,
        actor=actor,
        actor_email=getattr(actor, "email", None) or None,
        changes_text=str(EVENTS[event]) + (f": {detail}" if detail else ""),
        additional_data={"event": event, "detail": detail},
    )


def record(event, obj, *, user=None, detail=""):
    """Write one event about ``obj`` (by ``user``, None for the system) into the trail."""
    entry = _entry(event, obj, user, detail)
    entry.save()
    return entry


def record_publication(obj, event, user=None, at=None):
    """Every publication, unpublication, scheduling, restore and submission for review.

    The publishing paths write with ``update()`` or keep a draft beside the live row, which
    the change log never sees, so each of them calls this instead. ``at`` is the time a
    scheduled (or published) item appears.
    """
    detail = formats.localize(timezone.localtime(at)) if at else ""
    return record(event, obj, user=user, detail=detail)


def record_many(event, objects, *, user=None, detail=""):
    return LogEntry.objects.bulk_create(
        _entry(event, obj, user, detail) for obj in objects
    )


def forget(model, pk, replacement):
    """After personal data is purged: the trail keeps its events, not the person's name.

    Call it after the row is deleted, so that the deletion's own entry is covered too.
    """
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)
    ).update(object_repr=replacement)


def events(obj, event=None):
    """The trail's recorded events about ``obj`` (for tests and detail views)."""
    entries = LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.ACCESS)
    return entries.filter(additional_data__event=event) if event else entries


def purge_old_entries():
    """Periodic job: the trail is kept ``AUDIT_RETENTION_DAYS`` days."""
    cutoff = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    deleted, _details = LogEntry.objects.filter(timestamp__lt=cutoff).delete()
    return f"{deleted} audit entries older than {settings.AUDIT_RETENTION_DAYS} days removed"
