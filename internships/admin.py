"""The recruiters' back office: calls, applications, their workflow, exports and statistics.

Only users with the permission to view applications (the Rekryterare group and
superusers) see applications; every opened application, file, export and ZIP is logged.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from internships import services, statistics
from internships.models import Application, ApplicationStatusChange, InternshipCall
from portal import audit
from portal.staff_sessions import fresh_code_required
from portal.workflow import TransitionRefused
from portal.workflow_admin import StatusHistoryInline

VIEW_APPLICATIONS = "internships.view_application"


def _interpolate(message, **values):
    return str(message) % {key: str(value) for key, value in values.items()}


interpolate_lazy = lazy(_interpolate, str)


@admin.register(InternshipCall)
class InternshipCallAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "state_label",
        "application_count",
        "applicant_links",
        "closes_at",
        "is_published",
        "office",
        "term",
        "year",
        "opens_at",
    ]
    list_filter = ["is_published", "term", "year", "office"]
    list_select_related = ["office"]
    search_fields = ["title", "title_en"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = []
    fieldsets = [
        (None, {"fields": ["title", "title_en", "slug", "term", "year", "office", "places"]}),
        (
            _("Texter"),
            {
                "fields": [
                    "description",
                    "description_en",
                    "tasks",
                    "tasks_en",
                    "who_we_look_for",
                    "who_we_look_for_en",
                    "requirements",
                    "requirements_en",
                ]
            },
        ),
        (
            _("Period och ansökan"),
            {
                "fields": [
                    "period",
                    "period_en",
                    "period_start",
                    "period_end",
                    "opens_at",
                    "closes_at",
                    "contact",
                    "contact_text",
                ]
            },
        ),
        (_("Publicering och bevarande"), {"fields": ["is_published", "legal_hold"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(application_total=Count("applications"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "is_published" in form.changed_data:
            event = "published" if obj.is_published else "unpublished"
            audit.record_publication(obj, event, request.user)

    @admin.display(description=_("läge"))
    def state_label(self, obj):
        return obj.state.label

    @admin.display(description=_("ansökningar"), ordering="application_total")
    def application_count(self, obj):
        return obj.application_total

    @admin.display(description=_("granska"))
    def applicant_links(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:internships_internshipcall_board", args=[obj.pk]),
            gettext("tavla"),
            reverse("admin:internships_internshipcall_applicants", args=[obj.pk]),
            gettext("sida vid sida"),
            reverse("admin:internships_internshipcall_statistics", args=[obj.pk]),
            gettext("statistik"),
        )

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if not request.user.has_perm(VIEW_APPLICATIONS):
            columns = [c for c in columns if c not in ("applicant_links",)]
        return columns

    def get_urls(self):
        extra = [
            path(
                "<int:pk>/tavla/",
                self.admin_site.admin_view(self.board_view),
                name="internships_internshipcall_board",
            ),
            path(
                "<int:pk>/sokande/",
                self.admin_site.admin_view(self.applicants_view),
                name="internships_internshipcall_applicants",
            ),
            path(
                "<int:pk>/statistik/",
                self.admin_site.admin_view(self.statistics_view),
                name="internships_internshipcall_statistics",
            ),
            path(
                "<int:pk>/ansokningar.csv",
                self.admin_site.admin_view(self.csv_view),
                name="internships_internshipcall_csv",
            ),
            path(
                "<int:pk>/cv.zip",
                self.admin_site.admin_view(self.zip_view),
                name="internships_internshipcall_zip",
            ),
        ]
        return extra + super().get_urls()

    def _call_for_reviewer(self, request, pk):
        if not request.user.has_perm(VIEW_APPLICATIONS):
            raise PermissionDenied
        return get_object_or_404(InternshipCall.objects.select_related("office"), pk=pk)

    def applicants_view(self, request, pk):
        call = self._call_for_reviewer(request, pk)
        applications = list(call.applications.order_by("-rating", "submitted_at"))
        # Each application shown counts as viewed: one entry per applicant.
        audit.record_many(
            "viewed", applications, user=request.user, detail=gettext("sida vid sida")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Sökande till %(call)s") % {"call": call},
            "call": call,
            "applications": applications,
        }
        return TemplateResponse(request, "admin/internships/call_applicants.html", context)

    def board_view(self, request, pk):
        """The call's applications as a board: a column per status, a card per applicant."""
        call = self._call_for_reviewer(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Tavla för %(call)s") % {"call": call},
            "call": call,
            "columns": services.board(call),
        }
        return TemplateResponse(request, "admin/internships/call_board.html", context)

    def statistics_view(self, request, pk):
        call = self._call_for_reviewer(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Statistik för %(call)s") % {"call": call},
            "call": call,
            **statistics.call_statistics(call),
        }
        return TemplateResponse(request, "admin/internships/call_statistics.html", context)

    @method_decorator(fresh_code_required)
    def csv_view(self, request, pk):
        call = self._call_for_reviewer(request, pk)
        audit.record("exported", call, user=request.user, detail=gettext("ansökningar som CSV"))
        return services.applications_csv(call)

    @method_decorator(fresh_code_required)
    def zip_view(self, request, pk):
        call = self._call_for_reviewer(request, pk)
        audit.record("downloaded", call, user=request.user, detail=gettext("alla CV som zip"))
        response = HttpResponse(services.cvs_zip(call), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="cv-{call.slug}.zip"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class StatusChangeInline(StatusHistoryInline):
    model = ApplicationStatusChange
    fields = [*StatusHistoryInline.fields, "note"]


class ApplicationReviewForm(forms.ModelForm):
    """The recruiter's part of an application: notes, rating, record number, and a next step."""

    new_status = forms.ChoiceField(label=_("Ändra status till"), required=False)
    notify_applicant = forms.BooleanField(
        label=_("Meddela den sökande med e-post"),
        required=False,
        help_text=_("Skickar ett standardbrev om den nya statusen på den sökandes språk."),
    )

    class Meta:
        model = Application
        fields = ["registration_number", "reviewer_notes", "rating", "legal_hold"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = self.instance.allowed_statuses() if self.instance.pk else set()
        self.fields["new_status"].choices = [("", gettext("– oförändrad –"))] + [
            (value, label) for value, label in Application.Status.choices if value in allowed
        ]


def _status_action(status, *, notify=False):
    def action(modeladmin, request, queryset):
        return modeladmin.change_statuses(request, queryset, status, notify=notify)

    label = Application.Status(status).label
    action.__name__ = f"mark_{status}{'_notify' if notify else ''}"
    # Formatted when shown, in the language of the request, not once at import.
    action.short_description = (
        interpolate_lazy(_("Ändra status till ”%(status)s” och meddela sökande"), status=label)
        if notify
        else interpolate_lazy(_("Ändra status till ”%(status)s”"), status=label)
    )
    action.allowed_permissions = ("change",)
    return action


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    form = ApplicationReviewForm
    list_display = [
        "reference",
        "full_name",
        "status",
        "rating",
        "call",
        "submitted_at",
        "university",
        "programme",
        "level",
    ]
    list_filter = ["call", "status", "university", "level"]
    list_select_related = ["call"]
    search_fields = [
        "reference",
        "registration_number",
        "first_name",
        "last_name",
        "email",
        "university",
        "programme",
    ]
    date_hierarchy = "submitted_at"
    inlines = [StatusChangeInline]

    class Media:
        css = {"all": ["internships/admin.css"]}
    actions = [
        _status_action(Application.Status.UNDER_REVIEW),
        _status_action(Application.Status.SHORTLISTED),
        _status_action(Application.Status.INTERVIEW),
        _status_action(Application.Status.INTERVIEW, notify=True),
        _status_action(Application.Status.OFFERED),
        _status_action(Application.Status.ACCEPTED),
        _status_action(Application.Status.DECLINED),
        _status_action(Application.Status.REJECTED),
        _status_action(Application.Status.REJECTED, notify=True),
    ]
    readonly_fields = [
        "reference",
        "call",
        "status",
        "submitted_at",
        *Application.PERSONAL_FIELDS,
        "cover_letter_text",
        "cv_link",
        "transcript_link",
        "language",
        "information_version",
    ]
    fieldsets = [
        (
            _("Ansökan"),
            {"fields": ["reference", "call", "status", "submitted_at", "registration_number"]},
        ),
        (
            _("Den sökande"),
            {
                "fields": [*Application.PERSONAL_FIELDS, "language"]
            },
        ),
        (_("Brev och filer"), {"fields": ["cover_letter_text", "cv_link", "transcript_link"]}),
        (
            _("Granskning"),
            {"fields": ["new_status", "notify_applicant", "rating", "reviewer_notes"]},
        ),
        (_("Bevarande"), {"fields": ["legal_hold", "information_version"]}),
    ]

    def change_statuses(self, request, queryset, status, *, notify):
        """The status actions: a change that mails the applicants shows who gets what first."""
        applications = list(queryset.select_related("call").order_by("reference"))
        movable = [application for application in applications if application.can_change_to(status)]
        if notify and request.POST.get("confirmed") != "yes":
            return self.notify_confirmation(request, applications, movable, status)
        for application in movable:
            services.change_status(application, status, by=request.user, notify=notify)
        if movable:
            self.report_status_change(request, len(movable), status, notified=notify)
        refused = [application.reference for application in applications
                   if application not in movable]
        if refused:
            self.message_user(
                request,
                gettext("Statusen kunde inte ändras för %(refs)s (inte tillåtet i arbetsflödet).")
                % {"refs": ", ".join(refused)},
                messages.WARNING,
            )

    def notify_confirmation(self, request, applications, movable, status):
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Ändra status och meddela sökande?"),
            "opts": self.model._meta,
            "status": Application.Status(status),
            "mails": [
                (application, *services.status_mail(application, status))
                for application in movable
            ],
            "unchanged": [application for application in applications
                          if application not in movable],
            "selected": [application.pk for application in applications],
            "action": request.POST["action"],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/internships/application/notify_confirmation.html", context
        )

    def report_status_change(self, request, count, status, *, notified):
        values = {"count": count, "status": Application.Status(status).label}
        if notified:
            message = ngettext(
                "%(count)d ansökan fick status ”%(status)s”. Den sökande får ett mejl om det.",
                "%(count)d ansökningar fick status ”%(status)s”. De sökande får var sitt mejl "
                "om det.",
                count,
            )
        else:
            message = ngettext(
                "%(count)d ansökan fick status ”%(status)s”. Inget mejl skickades.",
                "%(count)d ansökningar fick status ”%(status)s”. Inget mejl skickades.",
                count,
            )
        self.message_user(request, message % values, messages.SUCCESS)

    def has_add_permission(self, request):
        # Applications arrive through the public form only.
        return False

    def has_delete_permission(self, request, obj=None):
        # A received application is a public record: the retention purge removes it, and
        # only an administrator may remove one by hand.
        return request.user.is_active and request.user.is_superuser

    @admin.display(description=_("personligt brev"))
    def cover_letter_text(self, obj):
        return format_html('<div class="cover-letter">{}</div>', obj.cover_letter)

    @admin.display(description=_("CV"))
    def cv_link(self, obj):
        return self._file_link(obj, "cv")

    @admin.display(description=_("studieintyg"))
    def transcript_link(self, obj):
        return self._file_link(obj, "transcript")

    def _file_link(self, obj, kind):
        if not getattr(obj, kind):
            return "–"
        return format_html(
            '<a href="{}">{}</a>', obj.get_file_url(kind), gettext("Ladda ner (pdf)")
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and self.has_view_permission(request):
            application = self.get_object(request, object_id)
            if application is not None:
                audit.record("viewed", application, user=request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        new_status = form.cleaned_data.get("new_status")
        if new_status:
            notify = form.cleaned_data.get("notify_applicant", False)
            try:
                services.change_status(obj, new_status, by=request.user, notify=notify)
            except TransitionRefused as refusal:
                self.message_user(request, "; ".join(refusal.messages), messages.ERROR)
            else:
                self.report_status_change(request, 1, new_status, notified=notify)
