"""Drafts of published items, requests for review, and the mixin that gives a model both."""

import json

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision, Version

from portal import audit


class Draft(models.Model):
    """The edit of a published item that is not published yet: a revision beside the live row.

    The public pages keep showing the row; the admin shows the draft's values until a
    publisher publishes the draft (it then becomes the row) or someone discards it.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey()
    version = models.OneToOneField(
        Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("utkast")
        verbose_name_plural = _("utkast")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="portal_one_draft_per_object"
            ),
        ]

    def __str__(self):
        return self.version.object_repr


class ReviewRequest(models.Model):
    """An editor's request that a publisher review and publish an item (or its draft)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skickad av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("skickad"), default=timezone.now)

    class Meta:
        verbose_name = _("begäran om granskning")
        verbose_name_plural = _("begäranden om granskning")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="portal_one_review_request_per_object"
            ),
        ]

    def __str__(self):
        return str(self.content_object)


class EditorialModel(models.Model):
    """A model whose edits are kept as revisions and whose publishing waits for review.

    The model defines ``is_published`` (the row is published, or scheduled), ``publish(now)``
    and ``unpublish()`` (each returning whether anything changed), and names in
    ``PUBLICATION_FIELDS`` the fields that only a publisher sets. Portal registers every
    such model with django-reversion when the apps are ready.
    """

    PUBLICATION_FIELDS = ()
    # Kept by the row itself, never taken from a draft or an old revision.
    NOT_RESTORED = ("created_at", "updated_at")

    drafts = GenericRelation(Draft)
    review_requests = GenericRelation(ReviewRequest, related_query_name="%(class)s")

    class Meta:
        abstract = True

    # Revisions ----------------------------------------------------------------------------

    def versions(self):
        """The item's revisions, newest first."""
        return (
            Version.objects.get_for_object(self)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )

    @property
    def pending_draft(self):
        """The unpublished edit of this (published) item, or None."""
        return self.drafts.select_related("version__revision__user").first()

    def with_values_of(self, version):
        """This item with the values of ``version`` in place, and that version's relations.

        Returns the relations (many-to-many field name to primary keys) for the caller to
        set once the item is saved; nothing is written here.
        """
        relations = {}
        names = {
            field.attname: field
            for field in self._meta.concrete_fields + self._meta.many_to_many
            if not field.primary_key
            and field.name not in (*self.PUBLICATION_FIELDS, *self.NOT_RESTORED)
        }
        for attname, value in version.field_dict.items():
            field = names.get(attname)
            if field is None:
                continue
            if field.many_to_many:
                relations[attname] = value
            else:
                setattr(self, attname, value)
        return relations

    def save_draft(self, *, user, comment="", relations=None):
        """Keep this item's unsaved values as its draft; the live row stays as it is.

        ``relations`` are the edited many-to-many values (field name to objects or keys),
        which the serializer would otherwise read from the live row.
        """
        for field in self._meta.concrete_fields:
            if isinstance(field, models.FileField):
                # An uploaded file is stored now, so the draft can name it.
                setattr(self, field.attname, field.pre_save(self, add=False))
        [data] = json.loads(serializers.serialize("json", [self]))
        for name, values in (relations or {}).items():
            data["fields"][name] = [getattr(value, "pk", value) for value in values]
        with transaction.atomic():
            revision = Revision.objects.create(
                date_created=timezone.now(), user=user, comment=comment
            )
            version = Version.objects.create(
                revision=revision,
                content_type=ContentType.objects.get_for_model(self),
                object_id=str(self.pk),
                db=self._state.db or "default",
                format="json",
                serialized_data=json.dumps([data]),
                object_repr=str(self)[:200],
            )
            Draft.objects.update_or_create(
                content_type=version.content_type,
                object_id=self.pk,
                defaults={"version": version},
            )
        return version

    def publish_draft(self, *, user):
        """The pending draft becomes the live row; False when there is none."""
        draft = self.pending_draft
        if draft is None:
            return False
        with transaction.atomic(), reversion.create_revision():
            relations = self.with_values_of(draft.version)
            self.save()
            for name, values in relations.items():
                getattr(self, name).set(values)
            reversion.set_user(user)
            reversion.set_comment(gettext("Utkastet publicerades."))
            # The draft's revision stays in the history; it is just no longer pending.
            draft.delete()
            self.review_requests.all().delete()
            audit.record_publication(self, "published", user)
        return True

    def discard_draft(self):
        """Throw the pending draft away (its revision with it); the live row is untouched."""
        draft = self.pending_draft
        if draft is None:
            return False
        with transaction.atomic():
            draft.version.revision.delete()
            self.review_requests.all().delete()
        return True

    def restore(self, version, *, user):
        """Bring back the values of an old revision as a new draft.

        A published item gets a draft beside its live row; an item that is not published
        is itself the draft, and is saved with the old values as a new revision.
        """
        comment = gettext("Återställd från versionen %(date)s.") % {
            "date": timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M")
        }
        with transaction.atomic():
            relations = self.with_values_of(version)
            if self.is_published:
                self.save_draft(user=user, comment=comment, relations=relations)
            else:
                with reversion.create_revision():
                    self.save()
                    for name, values in relations.items():
                        getattr(self, name).set(values)
                    reversion.set_user(user)
                    reversion.set_comment(comment)
            audit.record_publication(self, "restored", user)

    def values(self):
        """The row's own values (attname to value, relations as keys), as a revision holds them."""
        values = {
            field.attname: field.value_from_object(self) for field in self._meta.concrete_fields
        }
        for field in self._meta.many_to_many:
            values[field.attname] = [related.pk for related in field.value_from_object(self)]
        return values

    # Publishing ---------------------------------------------------------------------------

    is_scheduled = False

    def publication_event(self, before):
        """What changing from ``before`` (the row as it was, or None) to this means, if anything."""
        was_published = before is not None and before.is_published
        if not self.is_published:
            return "unpublished" if was_published else None
        unchanged = was_published and all(
            getattr(before, name) == getattr(self, name) for name in self.PUBLICATION_FIELDS
        )
        if unchanged:
            return None
        return "scheduled" if self.is_scheduled else "published"

    def record_publication(self, event, user):
        """Write ``event`` to the audit trail, with the time it appears when scheduled."""
        at = getattr(self, "publish_at", None) if event == "scheduled" else None
        audit.record_publication(self, event, user, at=at)
        if event in ("published", "scheduled"):
            self.review_requests.all().delete()

    def publish_by(self, user, now=None):
        """Publish the pending draft, or else the item itself (now or at its time)."""
        if self.publish_draft(user=user):
            return True
        if not self.publish(now):
            return False
        self.record_publication("scheduled" if self.is_scheduled else "published", user)
        return True

    def unpublish_by(self, user):
        if not self.unpublish():
            return False
        self.record_publication("unpublished", user)
        return True

    # Review -------------------------------------------------------------------------------

    def submit_for_review(self, *, user):
        """Ask the publishers to review this item; returns the request (a repeat keeps it)."""
        review, _created = ReviewRequest.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(self),
            object_id=self.pk,
            defaults={"submitted_by": user, "submitted_at": timezone.now()},
        )
        audit.record_publication(self, "submitted", user)
        return review
