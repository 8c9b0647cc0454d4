"""Public pages of the events app: list, detail, calendars, feed and registration."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView

from events import services
from events.filters import PublicEventFilter
from events.forms import RegistrationForm
from events.models import Event, Registration, retention_months
from events.structured_data import event_json_ld
from portal.calendars import calendar_response
from portal.form_protection import GuardedFormViewMixin
from portal.i18n import localized
from portal.navigation import BreadcrumbsMixin, Crumb, section, trail
from portal.pagination import ForgivingPaginationMixin, UpcomingThenPastPaginator


class EventListView(ForgivingPaginationMixin, FilterView):
    """Coming events first, soonest first; then the archive of past events."""

    filterset_class = PublicEventFilter
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20
    paginator_class = UpcomingThenPastPaginator
    strict = False

    def get_queryset(self):
        return Event.objects.for_public_pages().upcoming_then_past()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = any(
            self.request.GET.get(name) for name in self.filterset_class.base_filters
        )
        return context


class EventDetailView(BreadcrumbsMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_breadcrumbs(self):
        return [section("events:list"), Crumb(self.object.display_title)]

    def get_queryset(self):
        return (
            Event.objects.for_public_pages()
            .select_related("organiser", "contact", "programme", "project")
            .prefetch_related("topics", "co_organisers")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["json_ld"] = event_json_ld(self.object)
        return context


class PublicCalendarView(View):
    """The public events of a year back and two years ahead, as an .ics feed to subscribe to."""

    def get(self, request):
        events = (
            Event.objects.published().for_calendars().in_calendar_window()
            .order_by("starts_at", "pk")
        )
        return calendar_response(
            [services.calendar_event(event) for event in events],
            name=_("Evenemang – Externa relationer"),
            filename="evenemang.ics",
        )


class EventCalendarView(View):
    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        return calendar_response(
            [services.calendar_event(event)],
            name=localized(event, "title"),
            filename=f"{event.slug}.ics",
        )


class EventFeed(Feed):
    """RSS of newly published events."""

    title = gettext_lazy("Evenemang hos Externa relationer")
    description = gettext_lazy("Seminarier, informationsmöten och utbildningar.")

    def link(self):
        return reverse("events:list")

    def items(self):
        return Event.objects.published().order_by("-publish_at", "-pk")[:20]

    def item_title(self, item):
        return localized(item, "title")

    def item_description(self, item):
        return localized(item, "lead")

    def item_pubdate(self, item):
        return item.publish_at


# Registration ------------------------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
class RegisterView(BreadcrumbsMixin, GuardedFormViewMixin, FormView):
    """The registration form, on a page of its own, while the event takes registrations."""

    template_name = "events/register.html"
    form_class = RegistrationForm
    rate_limit_scope = "event-registration"
    email_field = "email"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(
            Event.objects.published().with_confirmed_count(), slug=kwargs["slug"]
        )
        if not self.event.registration_required:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.event.accepts_registrations:
            return self.render_unavailable(self.event.registration_state())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.event.accepts_registrations:
            # A replay of a POST accepted before closing still finds its receipt.
            known = self._known_receipt(self.get_form())
            if known:
                return redirect(known)
            return self.render_unavailable(self.event.registration_state())
        try:
            return super().post(request, *args, **kwargs)
        except services.RegistrationRefused as refusal:
            # The transaction stored nothing; the visitor reads why.
            return self.render_unavailable(refusal.state)

    def render_unavailable(self, state):
        closed = state in (Event.RegistrationState.CLOSED, Event.RegistrationState.CALLED_OFF)
        return render(
            self.request,
            "events/register_unavailable.html",
            {
                "event": self.event,
                "state": state,
                "robots": "noindex",
                "breadcrumbs": trail(self.get_breadcrumbs()),
            },
            status=410 if closed else 200,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            state=self.event.registration_state(),
            retention_months=retention_months(),
            robots="noindex",
        )
        return context

    def get_breadcrumbs(self):
        return event_crumbs(self.event, _("Anmälan"))

    def form_accepted(self, form):
        receipt = services.register(
            self.event, form.cleaned_data, form.answers(), language=translation.get_language()
        )
        return reverse("events:receipt", kwargs={"token": services.receipt_token(receipt)})


@method_decorator(never_cache, name="dispatch")
class ReceiptView(BreadcrumbsMixin, TemplateView):
    """The same page for a first and a second registration with one address."""

    template_name = "events/receipt.html"

    def get(self, request, *args, **kwargs):
        self.receipt = services.read_receipt_token(kwargs["token"])
        if self.receipt is None:
            raise Http404
        self.event = get_object_or_404(Event.objects.published(), pk=self.receipt.event_pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            reference=self.receipt.reference,
            waiting=self.receipt.status == Registration.Status.WAITING,
            robots="noindex",
        )
        return context

    def get_breadcrumbs(self):
        return event_crumbs(self.event, _("Kvitto"))


@method_decorator(never_cache, name="dispatch")
class ManageView(BreadcrumbsMixin, TemplateView):
    """The signed link in every mail: the registration's state, and a button to cancel it.

    Cancelling redirects back here, so the link used again shows the same receipt.
    """

    template_name = "events/manage.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration = services.registration_for_manage_token(kwargs["token"])
        if self.registration is None:
            return render(request, "events/manage_invalid.html", {"robots": "noindex"}, status=404)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.registration.event.starts_at > timezone.now():
            services.cancel(self.registration)
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        context.update(
            registration=registration,
            event=registration.event,
            cancelled=registration.status == Registration.Status.CANCELLED,
            can_cancel=(
                registration.status != Registration.Status.CANCELLED
                and registration.event.starts_at > timezone.now()
            ),
            robots="noindex",
        )
        return context

    def get_breadcrumbs(self):
        return event_crumbs(self.registration.event, _("Din anmälan"))


def event_crumbs(event, page):
    """The trail of a page about one event: the events, the event, the page."""
    return [section("events:list"), Crumb(event.display_title, event.get_absolute_url()),
            Crumb(page)]
