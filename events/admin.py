"""Admin of the events app: events, their questions, and the registrations with their lists."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import services, statistics
from events.forms import EventAdminForm, MessageForm
from events.models import Answer, Event, Question, Registration
from portal.staff_sessions import fresh_code_required

VIEW_REGISTRATIONS = "events.view_registration"
CHANGE_REGISTRATIONS = "events.change_registration"
MAIL_REGISTRATIONS = "events.mail_registration"


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "text", "text_en", "kind", "choices", "required"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    change_form_template = "events/admin/event_change_form.html"
    date_hierarchy = "starts_at"
    list_display = ["title", "status", "starts_at", "confirmed_count", "waiting_count", "places",
                    "kind", "publish_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["title", "title_en", "slug", "venue", "city"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organiser", "co_organisers", "topics", "programme", "project",
                           "contact", "documents"]
    readonly_fields = ["announced_status", "registrations_erased_at", "created_at",
                       "updated_at"]
    inlines = [QuestionInline]
    fieldsets = [
        (None, {"fields": ["kind", ("title", "title_en"), "slug", ("lead", "lead_en"),
                           ("description", "description_en")]}),
        (_("Tid"), {"fields": ["time_zone", ("starts_at", "ends_at")]}),
        (_("Plats"), {"fields": ["venue", "room", ("address", "city", "city_en"), "map_url",
                                 "online_url"]}),
        (_("Arrangörer och sammanhang"), {"fields": ["organiser", "co_organisers", "topics",
                                                     "programme", "project", "contact",
                                                     "language", "documents"]}),
        (_("Tillgänglighet"), {"fields": [("step_free_access", "hearing_loop",
                                           "interpretation_on_request"),
                                          ("accessibility_info", "accessibility_info_en")]}),
        (_("Anmälan"), {"fields": ["registration_required",
                                   ("registration_opens_at", "registration_closes_at"),
                                   ("capacity", "waiting_list")]}),
        (_("Publicering"), {
            "fields": ["status", "publish_at", "announced_status"],
            "description": _("När ett evenemang ställs in eller skjuts upp får alla anmälda "
                             "ett mejl om det."),
        }),
        (_("Om posten"), {"fields": ["registrations_erased_at", "created_at", "updated_at"],
                          "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            waiting=Count("registrations", filter=Q(registrations__status="waiting")),
        )

    @admin.display(description=_("platser"), ordering="capacity")
    def places(self, obj):
        return obj.capacity if obj.capacity is not None else "–"

    @admin.display(description=_("anmälda"), ordering="confirmed")
    def confirmed_count(self, obj):
        return obj.confirmed

    @admin.display(description=_("på väntelistan"), ordering="waiting")
    def waiting_count(self, obj):
        return obj.waiting

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        told = services.announce_status(obj)
        if told:
            messages.info(
                request,
                ngettext(
                    "%(count)d anmäld har fått mejl om att evenemanget är %(status)s.",
                    "%(count)d anmälda har fått mejl om att evenemanget är %(status)s.",
                    told,
                ) % {"count": told, "status": obj.get_status_display()},
            )
        if change and {"capacity", "waiting_list"} & set(form.changed_data):
            promoted = services.capacity_changed(obj)
            if promoted:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d på väntelistan fick plats och har fått mejl om det.",
                        "%(count)d på väntelistan fick plats och har fått mejl om det.",
                        len(promoted),
                    ) % {"count": len(promoted)},
                )

    # Pages about one event's registrations ---------------------------------------------------

    def get_urls(self):
        pages = [
            ("anmalningar/", self.registrations_view, "registrations"),
            ("anmalningar.csv", self.export_view, "export"),
            ("deltagarlista/", self.participant_list_view, "participant_list"),
            ("namnbrickor/", self.badges_view, "badges"),
            ("mejla/", self.message_view, "message"),
            ("statistik/", self.statistics_view, "statistics"),
        ]
        return [
            path(f"<int:pk>/{route}", self.admin_site.admin_view(view),
                 name=f"events_event_{name}")
            for route, view, name in pages
        ] + super().get_urls()

    def event_for(self, request, pk, permission=VIEW_REGISTRATIONS):
        event = get_object_or_404(Event, pk=pk)
        if not (self.has_view_permission(request, event) and request.user.has_perm(permission)):
            raise PermissionDenied
        return event

    def page(self, request, template, event, title, **context):
        return TemplateResponse(request, f"events/admin/{template}", {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": event,
            "event": event,
            "title": f"{title}: {event}",
            **context,
        })

    def registrations_view(self, request, pk):
        event = self.event_for(request, pk)
        if request.method == "POST":
            if not request.user.has_perm(CHANGE_REGISTRATIONS):
                raise PermissionDenied
            services.set_attendance(event, request.POST.getlist("attended"), user=request.user)
            messages.success(request, _("Närvaron är sparad."))
            return redirect(request.path)
        registrations = list(event.registrations.order_by("registered_at", "pk"))
        by_status = {status: [] for status in Registration.Status}
        for registration in registrations:
            by_status[registration.status].append(registration)
        return self.page(
            request, "registrations.html", event, _("Anmälningar"),
            confirmed=by_status[Registration.Status.CONFIRMED],
            waiting=by_status[Registration.Status.WAITING],
            cancelled=by_status[Registration.Status.CANCELLED],
            places_left=event.places_left(len(by_status[Registration.Status.CONFIRMED])),
            can_mark=request.user.has_perm(CHANGE_REGISTRATIONS) and event.has_started,
            can_mail=request.user.has_perm(MAIL_REGISTRATIONS),
        )

    @method_decorator(fresh_code_required)
    def export_view(self, request, pk):
        return services.participants_csv(self.event_for(request, pk), user=request.user)

    @method_decorator(fresh_code_required)
    def participant_list_view(self, request, pk):
        event = self.event_for(request, pk)
        return self.page(
            request, "participant_list.html", event, _("Deltagarlista"),
            registrations=event.registrations.confirmed().order_by("name", "pk"),
        )

    @method_decorator(fresh_code_required)
    def badges_view(self, request, pk):
        event = self.event_for(request, pk)
        return self.page(
            request, "badges.html", event, _("Namnbrickor"),
            registrations=event.registrations.confirmed().order_by("name", "pk"),
        )

    def message_view(self, request, pk):
        """Write, preview, then send: the mail goes only after the preview is confirmed."""
        event = self.event_for(request, pk, MAIL_REGISTRATIONS)
        form = MessageForm(request.POST or None)
        preview = None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if "send" in request.POST:
                sent = services.mail_everyone(
                    event, subject=data["subject"], body=data["body"],
                    include_waiting=data["include_waiting"], user=request.user,
                )
                messages.success(
                    request,
                    ngettext("Meddelandet skickas till %(count)d person.",
                             "Meddelandet skickas till %(count)d personer.", sent)
                    % {"count": sent},
                )
                return redirect("admin:events_event_registrations", pk=event.pk)
            preview = services.message_preview(event, **data)
        return self.page(request, "message.html", event, _("Mejla de anmälda"),
                         form=form, preview=preview)

    def statistics_view(self, request, pk):
        event = self.event_for(request, pk)
        return self.page(request, "statistics.html", event, _("Statistik"),
                         **statistics.event_statistics(event))


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "value"]
    readonly_fields = ["question", "value"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["reference", "name", "status", "attended", "event", "organisation",
                    "organisation_type", "registered_at"]
    list_filter = ["status", "organisation_type", "attended"]
    list_select_related = ["event"]
    search_fields = ["reference", "name", "email", "organisation", "event__title"]
    fields = ["event", "reference", "status", "name", "email", "organisation",
              "organisation_type", "role", "dietary_needs", "accessibility_needs", "language",
              "registered_at", "promoted_at", "cancelled_at", "reminder_sent_at", "attended"]
    readonly_fields = ["event", "reference", "status", "language", "registered_at",
                       "promoted_at", "cancelled_at", "reminder_sent_at"]
    inlines = [AnswerInline]
    actions = ["cancel_registrations"]

    def has_add_permission(self, request):
        # Registrations come through the public form, where the place is counted.
        return False

    @admin.action(description=_("Avboka (väntelistan flyttar upp)"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        cancelled = 0
        for registration in queryset.exclude(status=Registration.Status.CANCELLED):
            services.cancel(registration)
            cancelled += 1
        messages.success(
            request,
            ngettext("%(count)d anmälan avbokad.", "%(count)d anmälningar avbokade.", cancelled)
            % {"count": cancelled},
        )
