"""The admin of an editorial model: history, comparison, restore, drafts and review.

``EditorialAdmin`` is the ModelAdmin base of a model that inherits ``EditorialModel``. Each
save through it keeps a revision with the editor's comment; an edit of a published item is
kept as a draft (the form then shows the draft, with buttons to publish or discard it);
with ``EDITORIAL_REVIEW`` on, only publishers set the publication fields and run actions
declared with ``permissions=["publish"]``, and an editor submits the item for review.
Inline formsets are not part of a draft, so an editorial model's admin has none.
"""

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, quote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from portal.editorial.compare import differences
from portal.editorial.review import can_publish, notify_publishers
from portal.media.embeds import referenced_documents

COMMENT = "revision_comment"
SUBMIT = "_submit_for_review"


class WaitingForReviewFilter(admin.SimpleListFilter):
    title = _("granskning")
    parameter_name = "granskning"

    def lookups(self, request, model_admin):
        waiting = model_admin.model._default_manager.filter(review_requests__isnull=False)
        return [("waiting", _("Väntar på granskning (%(count)d)") % {"count": waiting.count()})]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(review_requests__isnull=False)
        return queryset


class EditorialFormMixin:
    """The change form of an item with a draft starts from the draft's relations too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.update(getattr(self.instance, "draft_relations", {}))


class EditorialAdmin(admin.ModelAdmin):
    change_form_template = "admin/editorial/change_form.html"
    object_history_template = "admin/editorial/history.html"

    # Permissions ---------------------------------------------------------------------------

    def has_publish_permission(self, request, obj=None):
        """Publish, unpublish and schedule: anyone who may change, unless review is on."""
        return self.has_change_permission(request, obj) and can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            fields += [name for name in self.model.PUBLICATION_FIELDS if name not in fields]
        return fields

    def get_list_filter(self, request):
        return [WaitingForReviewFilter, *super().get_list_filter(request)]

    # The form: the draft's values and a comment -------------------------------------------

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), (_("Ändringen"), {"fields": [COMMENT]})]

    def get_form(self, request, obj=None, change=False, **kwargs):
        fields = kwargs.pop("fields", None) or flatten_fieldsets(self.get_fieldsets(request, obj))
        form = super().get_form(
            request, obj, change=change, fields=[name for name in fields if name != COMMENT],
            **kwargs,
        )
        comment = forms.CharField(
            label=_("Kommentar till ändringen"),
            required=False,
            max_length=500,
            help_text=_("Frivillig. Visas i historiken, till exempel: Rättade datumet."),
        )
        return type(form.__name__, (EditorialFormMixin, form), {COMMENT: comment})

    def get_object(self, request, object_id, from_field=None):
        """The item as the editor left it: with its pending draft's values, if it has one."""
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            obj.draft = obj.pending_draft
            if obj.draft is not None:
                obj.draft_relations = obj.with_values_of(obj.draft.version)
        return obj

    def _live_object(self, request, object_id):
        obj = super().get_object(request, object_id)
        if obj is None:
            raise Http404
        return obj

    # Saving --------------------------------------------------------------------------------

    def add_view(self, request, form_url="", extra_context=None):
        with reversion.create_revision():
            return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        with reversion.create_revision():
            return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        self._attach_referenced_documents(form)
        comment = form.cleaned_data.get(COMMENT) or self._summary(form, change)
        live = self.model._default_manager.get(pk=obj.pk) if change else None
        if live is not None and live.is_published and obj.is_published:
            self._save_as_draft(request, obj, form, live, comment)
        else:
            super().save_model(request, obj, form, change)
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            # A draft shown in the form is now the row itself.
            obj.drafts.all().delete()
            self._record_publication(request, obj, live)
        if SUBMIT in request.POST:
            self._submit_for_review(request, obj)

    @staticmethod
    def _attach_referenced_documents(form):
        """A document linked in the text is attached too, which is what makes it public: to
        the row, or to the draft's relations when the edit is kept as a draft."""
        if "documents" not in form.cleaned_data:
            return
        text = "\n".join(form.cleaned_data.get(name) or "" for name in ("body", "body_en"))
        form.cleaned_data["documents"] = {
            *form.cleaned_data["documents"], *referenced_documents(text)
        }

    def _save_as_draft(self, request, obj, form, live, comment):
        """A published item stays as it is on the site: the edit is kept as its draft."""
        obj.saved_as_draft = True
        publication = [name for name in self.model.PUBLICATION_FIELDS if name in form.changed_data]
        if set(form.changed_data) - {*publication, COMMENT}:
            relations = {
                field.name: form.cleaned_data[field.name]
                for field in self.model._meta.many_to_many
                if field.name in form.cleaned_data
            }
            obj.save_draft(user=request.user, comment=comment, relations=relations)
            self.message_user(
                request,
                gettext(
                    "Ändringen sparades som ett utkast. Webbplatsen visar den publicerade "
                    "versionen tills utkastet publiceras."
                ),
                messages.INFO,
            )
        if publication:
            self.model._default_manager.filter(pk=obj.pk).update(
                **{name: getattr(obj, name) for name in publication}
            )
            self._record_publication(request, obj, live)

    def _record_publication(self, request, obj, before):
        event = obj.publication_event(before)
        if event:
            obj.record_publication(event, request.user)

    def _submit_for_review(self, request, obj):
        obj.submit_for_review(user=request.user)
        notify_publishers(
            obj, submitted_by=request.user, admin_path=self._url("change", obj.pk)
        )
        self.message_user(
            request,
            gettext("Skickad för granskning. Publicerarna har fått ett mejl."),
            messages.SUCCESS,
        )

    def save_related(self, request, form, formsets, change):
        # A draft's relations are in the draft; the live row keeps its own.
        if not getattr(form.instance, "saved_as_draft", False):
            super().save_related(request, form, formsets, change)

    def _summary(self, form, change):
        if not change:
            return gettext("Skapad.")
        labels = [
            str(self.model._meta.get_field(name).verbose_name)
            for name in form.changed_data
            if name != COMMENT
        ]
        if not labels:
            return gettext("Sparad utan ändringar.")
        return gettext("Ändrade %(fields)s.") % {"fields": get_text_list(labels, gettext("och"))}

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["editorial"] = {
            "review_on": settings.EDITORIAL_REVIEW,
            "can_publish": self.has_publish_permission(request, obj),
            "submit_name": SUBMIT,
        }
        if obj is not None:
            draft = getattr(obj, "draft", None)
            context["editorial"].update(
                draft=draft,
                review_request=obj.review_requests.select_related("submitted_by").first(),
                publish_draft_url=self._url("publish_draft", obj.pk),
                discard_draft_url=self._url("discard_draft", obj.pk),
                compare_url=draft and self._url("compare", obj.pk, query=f"to={draft.version_id}"),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Views of their own --------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name=f"{name}_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name=f"{name}_restore",
            ),
            path(
                "<path:object_id>/draft/publish/",
                view(require_POST(self.publish_draft_view)),
                name=f"{name}_publish_draft",
            ),
            path(
                "<path:object_id>/draft/discard/",
                view(require_POST(self.discard_draft_view)),
                name=f"{name}_discard_draft",
            ),
            *super().get_urls(),
        ]

    def _url(self, view_name, pk, *args, query=""):
        url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view_name}",
            args=[quote(pk), *args],
        )
        return f"{url}?{query}" if query else url

    def _render(self, request, template, obj, title, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "object": obj,
                "title": title,
                "change_url": self._url("change", obj.pk),
                "history_url": self._url("history", obj.pk),
                **context,
            },
        )

    def history_view(self, request, object_id, extra_context=None):
        obj = self._live_object(request, object_id)
        draft = obj.pending_draft
        versions = [
            {
                "version": version,
                "is_draft": draft is not None and version.pk == draft.version_id,
                "restore_url": self._url("restore", obj.pk, version.pk),
            }
            for version in obj.versions()
        ]
        context = {
            "versions": versions,
            "compare_url": self._url("compare", obj.pk),
            "has_draft": draft is not None,
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def _revision_values(self, obj, key):
        """The values and name of ``key``: a revision's id, or "live" for the row itself."""
        if key == "live":
            return obj.values(), gettext("publicerad version (som nu)")
        try:
            version = obj.versions().get(pk=int(key))
        except (ValueError, Version.DoesNotExist):
            raise Http404 from None
        revision = version.revision
        user = revision.user
        who = (user.get_full_name() or user.get_username()) if user else ""
        name = formats.localize(timezone.localtime(revision.date_created))
        return version.field_dict, f"{name} {who}".strip()

    def compare_view(self, request, object_id):
        obj = self._live_object(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        newest = obj.versions().values_list("pk", flat=True)
        default_to = newest[0] if newest else "live"
        old_values, old_name = self._revision_values(obj, request.GET.get("from", "live"))
        new_values, new_name = self._revision_values(obj, request.GET.get("to", default_to))
        fields = [
            field
            for field in self.model._meta.concrete_fields + self.model._meta.many_to_many
            if field.editable and not field.primary_key
        ]
        return self._render(
            request,
            "admin/editorial/compare.html",
            obj,
            gettext("Jämför versioner av %(object)s") % {"object": obj},
            rows=differences(fields, old_values, new_values),
            old_name=old_name,
            new_name=new_name,
        )

    def restore_view(self, request, object_id, version_id):
        obj = self._live_object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(obj.versions(), pk=version_id)
        if request.method == "POST":
            obj.restore(version, user=request.user)
            self.message_user(
                request,
                gettext("Versionen återställdes som ett nytt utkast."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._url("change", obj.pk))
        return self._render(
            request,
            "admin/editorial/restore.html",
            obj,
            gettext("Återställ en version av %(object)s") % {"object": obj},
            version=version,
            published=obj.is_published,
        )

    def publish_draft_view(self, request, object_id):
        obj = self._live_object(request, object_id)
        if not self.has_publish_permission(request, obj):
            raise PermissionDenied
        if obj.publish_draft(user=request.user):
            self.message_user(request, gettext("Utkastet publicerades."), messages.SUCCESS)
        return HttpResponseRedirect(self._url("change", obj.pk))

    def discard_draft_view(self, request, object_id):
        obj = self._live_object(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if obj.discard_draft():
            self.message_user(request, gettext("Utkastet togs bort."), messages.SUCCESS)
        return HttpResponseRedirect(self._url("change", obj.pk))
