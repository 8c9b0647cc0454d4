"""Admin of the visits app: where the visit coordinators plan visits and delegation trips."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.collation import countries
from portal.staff_sessions import fresh_code_required
from portal.workflow import TransitionRefused
from portal.workflow_admin import StatusHistoryInline
from visits import exports, services, statistics
from visits.models import (
    CalendarFeedToken,
    Gift,
    Participant,
    ProgrammeItem,
    StatusChange,
    Visit,
    VisitRequest,
)

PERSONAL_DATA_PERMISSION = "visits.view_personal_data"


class YearFilter(admin.SimpleListFilter):
    title = _("år")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Visit.objects.annotate(year=ExtractYear("starts_at"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(starts_at__year=int(value))
        return queryset


class CountryFilter(admin.SimpleListFilter):
    """The countries that visits have, by name (the plain field filter shows only codes)."""

    title = _("land")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # Without the visits' own ordering, which would make DISTINCT count each date.
        codes = (
            Visit.objects.exclude(country="").order_by().values_list("country", flat=True)
            .distinct()
        )
        used = set(codes)
        return [(code, name) for code, name in countries if code in used]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(country=self.value())
        return queryset


# Stacked, with related fields side by side: as a table the programme and the gifts made the
# visit's page twice as wide as a 1280 px window.
class ProgrammeItemInline(admin.StackedInline):
    model = ProgrammeItem
    extra = 1
    fields = [("starts_at", "ends_at"), ("activity", "activity_en"), ("place", "place_en"),
              ("responsible", "is_public")]


class ParticipantInline(admin.StackedInline):
    """Personal data: shown only to staff with the participant permissions (the coordinators)."""

    model = Participant
    extra = 0
    fieldsets = [
        (None, {"fields": [("name", "title"), ("organisation", "role"), ("email", "phone")]}),
        (_("Behov"), {"fields": [("dietary_needs", "accessibility_needs")]}),
    ]


class GiftInline(admin.StackedInline):
    model = Gift
    extra = 0
    fields = [("direction", "decision"), "description", ("giver", "recipient"),
              "estimated_value_sek"]


class StatusChangeInline(StatusHistoryInline):
    model = StatusChange


class VisitAdminForm(forms.ModelForm):
    """The visit form, with the next status as a choice that goes through the workflow."""

    new_status = forms.ChoiceField(
        label=_("Ändra status till"),
        required=False,
        help_text=_("Statusen ändras enligt arbetsflödet och ändringen sparas i historiken."),
    )

    class Meta:
        model = Visit
        fields = [  # status changes only through new_status
            "direction", "title", "title_en", "registration_number", "organisation", "country",
            "city", "venue", "starts_at", "ends_at", "visibility", "purpose", "purpose_en",
            "topics", "projects", "hosts", "delegation_size", "summary", "summary_en", "documents",
            "requester_organisation", "requester_name", "requester_email", "requester_phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "new_status" in self.fields:
            current = self.instance if self.instance.pk else None
            choices = current.allowed_next_statuses() if current else []
            self.fields["new_status"].choices = [("", _("(oförändrad)"))] + [
                (status.value, status.label) for status in choices
            ]

    def clean(self):
        cleaned = super().clean()
        new_status = cleaned.get("new_status")
        if new_status and self.instance.pk:
            # Check against the times as they will be saved.
            for name in ("starts_at", "ends_at"):
                if cleaned.get(name):
                    setattr(self.instance, name, cleaned[name])
            try:
                self.instance.check_status_change(new_status)
            except TransitionRefused as refusal:
                self.add_error("new_status", refusal)
        return cleaned


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    form = VisitAdminForm
    change_form_template = "visits/admin/visit_change_form.html"
    change_list_template = "visits/admin/visit_change_list.html"
    date_hierarchy = "starts_at"
    # The key columns first: they stay in view beside the open menu at 1280 px.
    list_display = ["title", "status", "starts_at", "direction", "visibility", "country",
                    "registration_number"]
    list_filter = ["direction", "status", "visibility", CountryFilter, YearFilter]
    list_select_related = ["organisation"]
    search_fields = ["title", "title_en", "registration_number", "city", "venue", "hosts",
                     "organisation__name", "organisation__acronym", "requester_organisation"]
    readonly_fields = ["status", "slug", "cancelled_at", "personal_data_purged_at",
                       "personal_data_purge_date", "created_at", "updated_at"]
    actions = ["mark_planning", "mark_confirmed", "mark_completed", "mark_cancelled"]
    inlines = [ProgrammeItemInline, ParticipantInline, GiftInline, StatusChangeInline]

    def view_on_site(self, obj):
        # Only a visit the public can see has a page on the site.
        return obj.get_absolute_url() if obj.is_public else None

    autocomplete_fields = ["organisation", "topics", "projects", "documents"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ["direction", ("title", "title_en"), "registration_number",
                               "organisation", ("country", "city", "city_en"), "venue",
                               ("starts_at", "ends_at"), "visibility"]}),
            (_("Status"), {"fields": ["status", "new_status"] if obj else ["status"]}),
            (_("Innehåll"), {"fields": [("purpose", "purpose_en"), "topics", "projects",
                                        ("hosts", "hosts_en"), "delegation_size"]}),
            (_("Efter besöket"), {"fields": [("summary", "summary_en")]}),
            (_("Dokument"), {"fields": ["documents"]}),
        ]
        if request.user.has_perm(PERSONAL_DATA_PERMISSION):
            fieldsets.append((
                _("Förfrågan: kontaktuppgifter"),
                {
                    "fields": ["requester_organisation", "requester_name",
                               ("requester_email", "requester_phone"),
                               "personal_data_purge_date", "personal_data_purged_at"],
                    "description": _("Personuppgifter. Raderas automatiskt efter besöket."),
                },
            ))
        fieldsets.append(
            (_("Om posten"), {"fields": ["slug", "cancelled_at", "created_at", "updated_at"],
                              "classes": ["collapse"]})
        )
        return fieldsets

    def get_search_fields(self, request):
        fields = list(super().get_search_fields(request))
        if not request.user.has_perm(PERSONAL_DATA_PERMISSION):
            fields.remove("requester_organisation")
        return fields

    @admin.display(description=_("personuppgifter raderas efter"))
    def personal_data_purge_date(self, obj):
        return obj.personal_data_purge_date if obj and obj.pk else "–"

    def save_model(self, request, obj, form, change):
        # Status only moves through the workflow, so that the history is complete.
        new_status = form.cleaned_data.get("new_status")
        super().save_model(request, obj, form, change)
        if new_status:
            obj.refresh_from_db(fields=["status"])
            obj.change_status(new_status, by=request.user)
            messages.success(
                request,
                _("Besöket fick status ”%(status)s”. Inget mejl skickades.")
                % {"status": Visit.Status(new_status).label},
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # "Save and continue" opens the change form, which warns itself: once is enough.
        if "_continue" not in request.POST:
            self.warn_about_overlaps(request, form.instance)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            visit = self.get_object(request, object_id)
            if visit is not None:
                self.warn_about_overlaps(request, visit)
        return super().change_view(request, object_id, form_url, extra_context)

    def warn_about_overlaps(self, request, visit):
        for other in visit.overlapping_visits():
            messages.warning(
                request,
                _(
                    "Observera: ”%(visit)s” överlappar besöket ”%(other)s” (%(status)s, "
                    "%(start)s) med samma värd eller plats."
                )
                % {
                    "visit": visit,
                    "other": other,
                    "status": other.get_status_display(),
                    "start": timezone.localtime(other.starts_at).strftime("%Y-%m-%d %H:%M"),
                },
            )

    # Status actions -------------------------------------------------------------------------

    def _change_statuses(self, request, queryset, new_status):
        changed = 0
        for visit in queryset:
            try:
                visit.change_status(new_status, by=request.user)
            except TransitionRefused as refusal:
                messages.error(request, f"{visit}: {' '.join(refusal.messages)}")
            else:
                changed += 1
                self.warn_about_overlaps(request, visit)
        if changed:
            messages.success(
                request,
                ngettext(
                    "%(count)d besök fick status ”%(status)s”. Inget mejl skickades.",
                    "%(count)d besök fick status ”%(status)s”. Inget mejl skickades.",
                    changed,
                )
                % {"count": changed, "status": Visit.Status(new_status).label},
            )

    @admin.action(description=_("Markera som planeras"), permissions=["change"])
    def mark_planning(self, request, queryset):
        self._change_statuses(request, queryset, Visit.Status.PLANNING)

    @admin.action(description=_("Bekräfta"), permissions=["change"])
    def mark_confirmed(self, request, queryset):
        self._change_statuses(request, queryset, Visit.Status.CONFIRMED)

    @admin.action(description=_("Markera som genomfört"), permissions=["change"])
    def mark_completed(self, request, queryset):
        self._change_statuses(request, queryset, Visit.Status.COMPLETED)

    @admin.action(description=_("Ställ in"), permissions=["change"])
    def mark_cancelled(self, request, queryset):
        self._change_statuses(request, queryset, Visit.Status.CANCELLED)

    # Extra pages ----------------------------------------------------------------------------

    def get_urls(self):
        extra = [
            path("statistik/", self.admin_site.admin_view(self.statistics_view),
                 name="visits_visit_statistics"),
            path("kalender/", self.admin_site.admin_view(self.calendar_feed_view),
                 name="visits_visit_calendar_feed"),
            path("<int:pk>/program/", self.admin_site.admin_view(self.programme_view),
                 name="visits_visit_programme"),
        ]
        return extra + super().get_urls()

    def programme_view(self, request, pk):
        """The delegation's programme, laid out for printing (all items, internal ones too)."""
        visit = get_object_or_404(
            Visit.objects.select_related("organisation").prefetch_related("programme_items"),
            pk=pk,
        )
        if not self.has_view_permission(request, visit):
            raise PermissionDenied
        show_participants = request.user.has_perm("visits.view_participant")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Program: %(visit)s") % {"visit": visit},
            "visit": visit,
            "opts": self.model._meta,
            "participants": visit.participants.all() if show_participants else None,
        }
        return TemplateResponse(request, "visits/admin/programme.html", context)

    def statistics_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Besöksstatistik"),
            "opts": self.model._meta,
            **statistics.statistics(),
        }
        return TemplateResponse(request, "visits/admin/statistics.html", context)

    def calendar_feed_view(self, request):
        """The staff member's own calendar feed: create a secret address or revoke it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        feed_url = None
        feed = CalendarFeedToken.objects.filter(user=request.user).first()
        if request.method == "POST":
            if request.POST.get("action") == "revoke":
                services.revoke_calendar_token(request.user)
                feed = None
                messages.success(request, _("Din kalenderadress är återkallad."))
            elif request.POST.get("action") == "renew" and feed is not None:
                feed.renew()
                messages.success(request, _("Kalenderadressen gäller nu till %(date)s.") % {
                    "date": formats.date_format(timezone.localtime(feed.expires_at), "j F Y")
                })
            else:
                token = services.issue_calendar_token(request.user)
                feed_url = request.build_absolute_uri(
                    reverse("visits:staff-calendar", kwargs={"token": token})
                )
                messages.success(
                    request,
                    _("En ny kalenderadress är skapad. En tidigare adress fungerar inte längre."),
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Min besökskalender"),
            "opts": self.model._meta,
            "feed": CalendarFeedToken.objects.filter(user=request.user).first(),
            "feed_url": feed_url,
            "shows_internal": services.sees_internal_visits(request.user),
            "feed_days": settings.CALENDAR_FEED_DAYS,
        }
        return TemplateResponse(request, "visits/admin/calendar_feed.html", context)


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(admin.ModelAdmin):
    """Administrators see who has a personal feed and revoke one by deleting it."""

    list_display = ["user", "created_at", "expires_at"]
    list_select_related = ["user"]
    fields = ["user", "created_at", "expires_at"]
    readonly_fields = ["user", "created_at", "expires_at"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(VisitRequest)
class VisitRequestAdmin(admin.ModelAdmin):
    """The requests not yet taken on, the newest first; the admin's index shows how many.
    Each leads to the visit's own page, where it is taken on."""

    list_display = ["visit_link", "organisation", "starts_at", "created_at"]
    list_display_links = None
    list_select_related = ["organisation"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .filter(status=Visit.Status.REQUESTED)
            .order_by("-created_at", "-pk")
        )

    @admin.display(description=_("förfrågan"))
    def visit_link(self, visit):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:visits_visit_change", args=[visit.pk]), visit
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def index_count(self, request):
        return self.get_queryset(request).count()


class GiftYearFilter(YearFilter):
    """The year of the gift's visit."""

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(visit__starts_at__year=int(value))
        return queryset


@admin.register(Gift)
class GiftAdmin(admin.ModelAdmin):
    """The whole gifts register, given and received across every visit, with a CSV per year."""

    list_display = [
        "description", "decision", "estimated_value_sek", "direction", "visit_date", "giver",
        "recipient", "visit",
    ]
    list_filter = [GiftYearFilter, "direction", "decision"]
    search_fields = ["description", "giver", "recipient", "visit__title"]
    list_select_related = ["visit"]
    autocomplete_fields = ["visit"]
    change_list_template = "visits/admin/gift_change_list.html"
    fields = [
        "visit", "direction", "description", ("giver", "recipient"), "estimated_value_sek",
        "decision",
    ]

    @admin.display(description=_("datum"), ordering="visit__starts_at")
    def visit_date(self, gift):
        return timezone.localdate(gift.visit.starts_at)

    def get_urls(self):
        extra = [
            path("csv/<int:year>/", self.admin_site.admin_view(self.year_csv_view),
                 name="visits_gift_year_csv"),
        ]
        return extra + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        years = Visit.objects.filter(gifts__isnull=False).dates("starts_at", "year", "DESC")
        extra_context = {**(extra_context or {}), "export_years": [day.year for day in years]}
        return super().changelist_view(request, extra_context)

    @method_decorator(fresh_code_required)
    def year_csv_view(self, request, year):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return exports.gifts_csv(year)
