"""Admin of the newsroom, for editors (Redaktör): write, schedule, preview and publish news.

The newsletter's admin is in ``newsroom.newsletter.admin``, registered by importing it here.
"""

from django.contrib import admin, messages
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

import newsroom.newsletter.admin  # noqa: F401 - registers the newsletter's admin
from newsroom.models import NewsItem
from portal.autocomplete import PublicChoicesMixin
from portal.editorial.admin import EditorialAdmin
from portal.media.admin import PRIVATE_FILE_FIELDS


class VisibilityFilter(admin.SimpleListFilter):
    """What the public sees now: drafts, items waiting for their time, and live items."""

    title = _("synlighet")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("utkast")),
            ("scheduled", _("schemalagd")),
            ("live", _("synlig för allmänheten")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=NewsItem.Status.PUBLISHED)
        if self.value() == "draft":
            return queryset.filter(status=NewsItem.Status.DRAFT)
        if self.value() == "scheduled":
            return published.filter(publish_at__gt=now)
        if self.value() == "live":
            return published.filter(publish_at__lte=now)
        return queryset


@admin.register(NewsItem)
class NewsItemAdmin(PublicChoicesMixin, EditorialAdmin):
    list_display = ["title", "visibility", "preview_link", "publish_at", "language", "updated_at"]
    list_filter = [VisibilityFilter, "status", "kind", "language", "topics", "publish_at"]
    search_fields = ["title", "lead", "body", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["translation", "topics", "related_organisations", "documents"]
    # Editors may not read visits and agreements in the admin: they pick among public ones.
    public_choice_fields = ["related_visits", "follow_up"]
    formfield_overrides = PRIVATE_FILE_FIELDS
    readonly_fields = ["rendered_body", "rendition_preview", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    list_select_related = ["author"]

    class Media:
        css = {"all": ["newsroom/admin.css"]}
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", ("language", "translation"), "lead"]}),
        (
            _("EU-bevakning"),
            {
                "fields": ["deadline", "regional_impact", "monitoring_contact"],
                "description": _("Fylls i när typen är EU-bevakning."),
            },
        ),
        (
            _("Brödtext"),
            {
                "fields": [("body", "rendered_body")],
                "description": _("När du har sparat syns texten så som den visas på "
                                 "webbplatsen bredvid fältet (under det i ett smalt fönster). "
                                 "Hela nyheten förhandsgranskar du med knappen ”Visa på "
                                 "webbplats” högst upp till höger."),
            },
        ),
        (_("Bild"), {"fields": ["image", "image_alt", "image_credit", "rendition_preview"]}),
        (_("Dokument"), {"fields": ["documents"]}),
        (
            _("Koppling"),
            {"fields": ["topics", "related_organisations", "related_visits", "follow_up"]},
        ),
        (
            _("Publicering"),
            {"fields": ["status", "publish_at", ("author", "author_name"),
                        ("created_at", "updated_at")]},
        ),
    ]

    def view_on_site(self, item):
        # "View on site" opens the preview, which also shows drafts and scheduled items.
        return item.get_preview_url()

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("author", request.user.pk)
        return initial

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.is_scheduled:
            when = timezone.localtime(obj.publish_at)
            self.message_user(
                request,
                _("”%(title)s” är schemalagd och publiceras %(date)s kl. %(time)s.") % {
                    "title": obj.title,
                    "date": formats.date_format(when, "j F Y"),
                    "time": formats.time_format(when, "H.i"),
                },
                messages.INFO,
            )

    @admin.display(description=_("synlighet"))
    def visibility(self, item):
        if item.is_public:
            return _("synlig")
        if item.is_scheduled:
            return _("schemalagd")
        return _("utkast")

    @admin.display(description=_("förhandsvisning"))
    def preview_link(self, item):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            item.get_preview_url(),
            _("Förhandsgranska"),
        )

    @admin.display(description=_("så visas brödtexten"))
    def rendered_body(self, item):
        if not item.body_html:
            return _("(Visas när du har sparat.)")
        # body_html was sanitized with nh3 when the item was saved.
        return mark_safe(f'<div class="newsroom-rendered-body">{item.body_html}</div>')  # noqa: S308

    @admin.display(description=_("bild på webbplatsen"))
    def rendition_preview(self, item):
        if not item.has_image:
            return "–"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="newsroom-rendition">'
            "<br>{} × {} px",
            item.rendition.url,
            item.rendition_width,
            item.rendition_height,
            item.image_alt,
            item.rendition_width,
            item.rendition_height,
        )

    @admin.action(description=_("Publicera markerade nyheter"), permissions=["publish"])
    def publish(self, request, queryset):
        count = sum(1 for item in queryset if item.publish_by(request.user))
        self.message_user(
            request,
            ngettext(
                "%(count)d nyhet publicerades (eller schemalades till sin publiceringstid).",
                "%(count)d nyheter publicerades (eller schemalades till sin publiceringstid).",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Avpublicera markerade nyheter"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = sum(1 for item in queryset if item.unpublish_by(request.user))
        self.message_user(
            request,
            ngettext(
                "%(count)d nyhet blev utkast igen.",
                "%(count)d nyheter blev utkast igen.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
