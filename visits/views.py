"""Public pages of the visits app: list, detail, calendars and the visit request form."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView, View
from django_filters.views import FilterView

from portal.calendars import calendar_response
from portal.form_protection import GuardedFormViewMixin
from portal.i18n import localized
from portal.navigation import BreadcrumbsMixin, Crumb, section
from portal.pagination import ForgivingPaginationMixin, UpcomingThenPastPaginator
from portal.structured_data import json_ld
from visits import services
from visits.filters import PublicVisitFilter
from visits.forms import VisitRequestForm
from visits.models import ProgrammeItem, Visit


class VisitListView(ForgivingPaginationMixin, FilterView):
    filterset_class = PublicVisitFilter
    template_name = "visits/visit_list.html"
    context_object_name = "visits"
    paginate_by = 20
    paginator_class = UpcomingThenPastPaginator
    strict = False  # an unknown filter value is ignored (and named at its field)

    def get_queryset(self):
        return Visit.objects.for_public_pages().upcoming_then_past()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = any(
            self.request.GET.get(name) for name in self.filterset_class.base_filters
        )
        return context


def event_json_ld(visit, request):
    """schema.org Event data for a public visit, safe inside <script>."""
    location = {
        "@type": "Place",
        "name": visit.place_display or visit.city,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": visit.city,
            "addressCountry": visit.location_country_code or "",
        },
    }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": localized(visit, "title"),
        "startDate": timezone.localtime(visit.starts_at).isoformat(),
        "endDate": timezone.localtime(visit.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location,
        "url": request.build_absolute_uri(visit.get_absolute_url()),
        "inLanguage": translation.get_language(),
        "organizer": {"@type": "Organization", "name": settings.PORTAL_ORGANISATION},
    }
    description = localized(visit, "purpose")
    if description:
        data["description"] = description
    return json_ld(data)


class VisitDetailView(BreadcrumbsMixin, DetailView):
    template_name = "visits/visit_detail.html"
    context_object_name = "visit"

    def get_breadcrumbs(self):
        return [section("visits:list"), Crumb(localized(self.object, "title"))]

    def get_queryset(self):
        return Visit.objects.for_public_pages().prefetch_related(
            "topics",
            "projects",
            Prefetch(
                "programme_items",
                queryset=ProgrammeItem.objects.filter(is_public=True),
                to_attr="public_programme",
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["json_ld"] = event_json_ld(self.object, self.request)
        context["show_summary"] = self.object.has_ended and bool(
            localized(self.object, "summary")
        )
        return context


# Calendars ------------------------------------------------------------------------------


class PublicCalendarView(View):
    """The upcoming public visits (up to two years ahead), as an .ics feed to subscribe to."""

    def get(self, request):
        return calendar_response(
            [
                event
                for visit in Visit.objects.public().for_calendars().upcoming().in_calendar_window()
                for event in services.visit_events(visit)
            ],
            name=_("Formella besök – Externa relationer"),
            filename="besok.ics",
        )


class VisitCalendarView(View):
    def get(self, request, slug):
        visit = get_object_or_404(Visit.objects.for_public_pages(), slug=slug)
        return calendar_response(
            services.visit_events(visit),
            name=localized(visit, "title"),
            filename=f"{visit.slug}.ics",
        )


class StaffCalendarView(View):
    """A staff member's personal feed behind a secret, revocable token that expires: internal
    visits too for those who work with visits."""

    def get(self, request, token):
        user = services.user_for_calendar_token(token)
        if user is None:
            raise Http404
        internal = services.sees_internal_visits(user)
        visits = Visit.objects.all() if internal else Visit.objects.public()
        visits = (
            visits.exclude(status=Visit.Status.CANCELLED)
            .in_calendar_window()
            .for_calendars()
            .order_by("starts_at")
        )
        response = calendar_response(
            [event for visit in visits for event in services.visit_events(visit, staff=internal)],
            name=_("Besök (internt)"),
            filename="besok-intern.ics",
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


# The visit request form ------------------------------------------------------------------


class VisitRequestView(BreadcrumbsMixin, GuardedFormViewMixin, FormView):
    form_class = VisitRequestForm
    template_name = "visits/request_form.html"
    rate_limit_scope = "visit-request"
    email_field = "email"

    def form_accepted(self, form):
        services.create_visit_request(form.cleaned_data, language=translation.get_language())
        return reverse("visits:request-received")

    def get_breadcrumbs(self):
        return [section("visits:list"), Crumb(_("Begär ett besök"))]


class VisitRequestReceivedView(BreadcrumbsMixin, TemplateView):
    template_name = "visits/request_received.html"

    def get_breadcrumbs(self):
        return [
            section("visits:list"),
            Crumb(_("Begär ett besök"), reverse("visits:request")),
            Crumb(_("Förfrågan skickad")),
        ]

