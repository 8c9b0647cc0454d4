
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView

from internships import services
from internships.forms import ApplicationForm
from internships.models import (
    COVER_LETTER_MAX_LENGTH,
    Application,
    InternshipCall,
    file_storage,
    retention_months,
)
from internships.pdf import MAX_FILE_SIZE
from internships.structured_data import job_posting_json
from portal import audit, calendars, dates
from portal.form_protection import GuardedFormViewMixin
from portal.i18n import localized
from portal.links import absolute_url
from portal.navigation import BreadcrumbsMixin, Crumb, section, trail
from portal.pagination import BoundedPaginator, ForgivingPaginationMixin
from portal.workflow import TransitionRefused


class CallListView(ForgivingPaginationMixin, ListView):
    """The open calls (closing soonest first) and the upcoming ones, then the past calls,
    newest first, a page at a time: the list stays short as the terms go by."""

    template_name = "internships/call_list.html"
    context_object_name = "closed_calls"
    paginate_by = 20
    paginator_class = BoundedPaginator

    def get_queryset(self):
        self.now = timezone.now()
        return (
            InternshipCall.objects.closed(self.now).order_by("-closes_at", "-pk")
            .select_related("office")
        )

    def get_context_data(self, **kwargs):
        calls = InternshipCall.objects.select_related("office")
        return super().get_context_data(
            open_calls=calls.open(self.now).order_by("closes_at", "pk"),
            upcoming_calls=calls.upcoming(self.now).order_by("opens_at", "pk"),
            **kwargs,
        )


class CallDetailView(BreadcrumbsMixin, DetailView):
    template_name = "internships/call_detail.html"
    context_object_name = "call"

    def get_breadcrumbs(self):
        return [section("internships:list"), Crumb(self.object.display_title)]

    def get_queryset(self):
        return InternshipCall.objects.published().select_related("office", "contact")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_open:
            context["job_posting"] = job_posting_json(self.object, self.request)
        return context


# Two PDFs at their limit and the text fields: a request declaring more is refused unread.
APPLICATION_MAX_REQUEST_SIZE = 2 * MAX_FILE_SIZE + 1024 * 1024


@method_decorator(never_cache, name="dispatch")
class ApplyView(BreadcrumbsMixin, GuardedFormViewMixin, FormView):
    """The application form, on a page of its own, only while the call is open."""

    template_name = "internships/apply.html"
    form_class = ApplicationForm
    rate_limit_scope = "application"
    email_field = "email"
    upload_limits = (APPLICATION_MAX_REQUEST_SIZE, MAX_FILE_SIZE)  # portal/uploads.py

    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(
            InternshipCall.objects.published().select_related("office"), slug=kwargs["slug"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.call.is_open:
            return self.render_unavailable()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.call.is_open:
            # A replayed or late POST is refused, but what was typed is shown again.
            form = self.get_form()
            form.is_valid()
            form.add_error(None, self.unavailable_message())
            return self.render_to_response(
                self.get_context_data(form=form, call_unavailable=True), status=410
            )
        try:
            return super().post(request, *args, **kwargs)
        except services.CallNotOpen:
            # Closed between the check and the write: the transaction stored nothing.
            self.call.refresh_from_db()
            return self.post(request, *args, **kwargs)

    def unavailable_message(self):
        if self.call.state == InternshipCall.State.UPCOMING:
            return _("Ansökan till den här utlysningen har inte öppnat än.")
        return _(
            "Ansökan till den här utlysningen är stängd sedan %(closed)s. Din ansökan har inte "
            "skickats."
        ) % {"closed": dates.moment_in_words(self.call.closes_at)}

    def render_unavailable(self):
        closed = self.call.state == InternshipCall.State.CLOSED
        return render(
            self.request,
            "internships/apply_unavailable.html",
            {
                "call": self.call,
                "message": self.unavailable_message(),
                "robots": "noindex",
                "breadcrumbs": trail(self.get_breadcrumbs()),
            },
            status=410 if closed else 200,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            call=self.call,
            cover_letter_limit=COVER_LETTER_MAX_LENGTH,
            retention_months=retention_months(),
            robots="noindex",
        )
        return context

    def get_breadcrumbs(self):
        return [
            section("internships:list"),
            Crumb(self.call.display_title, self.call.get_absolute_url()),
            Crumb(_("Ansök")),
        ]

    def form_accepted(self, form):
        reference = services.submit_application(
            self.call, form.cleaned_data, language=translation.get_language()
        )
        return reverse(
            "internships:receipt",
            kwargs={"token": services.receipt_token(self.call, reference)},
        )


@method_decorator(never_cache, name="dispatch")
class ReceiptView(BreadcrumbsMixin, TemplateView):
    """The receipt: the reference number. The same page for a first and a second attempt."""

    template_name = "internships/receipt.html"

    def get(self, request, *args, **kwargs):
        data = services.read_receipt_token(kwargs["token"])
        if data is None:
            raise Http404
        call_pk, self.reference = data
        self.call = get_object_or_404(InternshipCall.objects.published(), pk=call_pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["call"] = self.call
        context["reference"] = self.reference
        # Once withdrawn, the receipt says so: it is the page the applicant bookmarked.
        context["withdrawn"] = (
            services.application_status(self.call, self.reference)
            == Application.Status.WITHDRAWN
        )
        context["robots"] = "noindex"
        return context

    def get_breadcrumbs(self):
        return [
            section("internships:list"),
            Crumb(self.call.display_title, self.call.get_absolute_url()),
            Crumb(_("Kvitto")),
        ]


@method_decorator(never_cache, name="dispatch")
class WithdrawView(BreadcrumbsMixin, TemplateView):
    """The signed link from the confirmation mail: confirm, then the application is withdrawn."""

    template_name = "internships/withdraw.html"

    def dispatch(self, request, *args, **kwargs):
        self.application = services.application_for_withdraw_token(kwargs["token"])
        if self.application is None:
            return render(
                request, "internships/withdraw_invalid.html", {"robots": "noindex"}, status=404
            )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        try:
            services.withdraw_application(self.application)
            context["withdrawn_now"] = True
        except TransitionRefused:
            context["refused"] = True
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            application=self.application,
            call=self.application.call,
            already_withdrawn=self.application.status == Application.Status.WITHDRAWN,
            can_withdraw=self.application.can_change_to(Application.Status.WITHDRAWN),
            purge_after=self.application.call.purge_after,
            robots="noindex",
        )
        return context

    def get_breadcrumbs(self):
        call = self.application.call
        return [
            section("internships:list"),
            Crumb(call.display_title, call.get_absolute_url()),
            Crumb(_("Återkalla ansökan")),
        ]


class ApplicationFileView(PermissionRequiredMixin, View):
    """An applicant's file, only for staff allowed to view applications; every download logged."""

    permission_required = "internships.view_application"
    raise_exception = True

    def get(self, request, pk, kind):
        if kind not in ("cv", "transcript"):
            raise Http404
        application = get_object_or_404(Application.objects.select_related("call"), pk=pk)
        file = getattr(application, kind)
        if not file:
            raise Http404
        try:
            handle = file_storage().open(file.name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        audit.record(
            "downloaded",
            application,
            user=request.user,
            detail=_("CV") if kind == "cv" else _("studieintyg"),
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=f"{application.reference}-{kind}.pdf",
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class DeadlinesCalendarView(View):
    """An .ics feed of the application deadlines of open and upcoming calls."""

    def get(self, request):
        calls = InternshipCall.objects.published().filter(closes_at__gt=timezone.now())
        return calendars.calendar_response(
            [self.deadline(call) for call in calls.select_related("office").order_by("closes_at")],
            name=_("Sista ansökningsdag för praktik"),
            filename="praktik-ansokningsdagar.ics",
        )

    def deadline(self, call):
        return calendars.event(
            call,
            summary=_("Sista ansökningsdag: %(title)s") % {"title": localized(call, "title")},
            starts_at=call.closes_at,
            ends_at=call.closes_at,
            changed_at=call.updated_at,
            url=absolute_url(call.get_absolute_url()),
        )


class NewCallsFeed(Feed):
    """RSS of newly published calls."""

    title = gettext_lazy("Praktik hos Externa relationer")
    description = gettext_lazy("Nya utlysningar av praktikplatser.")

    def link(self):
        return reverse("internships:list")

    def items(self):
        return (
            InternshipCall.objects.published()
            .select_related("office")
            .order_by("-opens_at")[:20]
        )

    def item_title(self, item):
        return localized(item, "title")

    def item_description(self, item):
        return localized(item, "description")

    def item_pubdate(self, item):
        return item.opens_at
