"""Admin of the newsletter, for editors (Redaktör): compose, test and send issues and follow
their progress; decide about deliveries left uncertain by a crash; the subscribers."""


from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from newsroom.newsletter import composing, delivery, subscriptions
from newsroom.newsletter.models import (
    Delivery,
    IssueItem,
    NewsletterIssue,
    NewsletterList,
    Subscriber,
    SuppressedAddress,
)
from portal import audit
from portal.exports import csv_response
from portal.staff_sessions import ask_for_code, has_fresh_code


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "suppression", "language", "subscribed_at",
                    "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "list_subscriptions__newsletter_list", "language", "source",
                   "subscribed_at", "confirmed_at"]
    search_fields = ["email"]
    date_hierarchy = "subscribed_at"
    # Address and status change only through the subscriber's own opt-in and unsubscribing
    # (or the unsubscribe action): nobody is signed up, or re-addressed, on their behalf.
    readonly_fields = ["email", "status", "chosen_lists", "consent_text", "consent_version",
                       "source", "subscribed_at", "confirmed_at", "unsubscribed_at"]
    fields = ["language", *readonly_fields]
    actions = ["export_csv", "unsubscribe_selected"]
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            suppression_reason=Subquery(
                SuppressedAddress.objects.filter(email_hash=OuterRef("email_hash")).values(
                    "reason"
                )[:1]
            )
        )

    @admin.display(description=_("listor"))
    def chosen_lists(self, subscriber):
        # Chosen only by the subscriber, at sign-up or on the preferences page.
        return ", ".join(
            str(NewsletterList(value).label) for value in subscriber.newsletter_lists
        ) or "–"

    @admin.display(description=_("spärrad"))
    def suppression(self, subscriber):
        """Why the address gets no mail (it bounces, say), whatever its status."""
        if subscriber.suppression_reason is None:
            return "–"
        if not subscriber.suppression_reason:
            return gettext("spärrad")
        return SuppressedAddress.Reason(subscriber.suppression_reason).label

    def has_add_permission(self, request):
        # Subscribers come only through the double opt-in; nobody is added on their behalf.
        return False

    @admin.action(description=_("Exportera markerade prenumeranter som CSV"),
                  permissions=["view"])
    def export_csv(self, request, queryset):
        if not has_fresh_code(request):
            return ask_for_code(request, then=request.get_full_path())
        subscribers = list(queryset.order_by("email"))
        audit.record_many("exported", subscribers, user=request.user,
                          detail=gettext("prenumeranter som CSV"))
        return csv_response(
            "prenumeranter.csv",
            ["email", "status", "language", "consent_version", "source",
             "subscribed_at", "confirmed_at", "unsubscribed_at"],
            ([subscriber.email, subscriber.status, subscriber.language,
              subscriber.consent_version, subscriber.source, _iso(subscriber.subscribed_at),
              _iso(subscriber.confirmed_at), _iso(subscriber.unsubscribed_at)]
             for subscriber in subscribers),
        )

    @admin.action(description=_("Avsluta prenumerationen för markerade"),
                  permissions=["change"])
    def unsubscribe_selected(self, request, queryset):
        count = sum(1 for subscriber in queryset if subscriptions.unsubscribe(subscriber))
        self.message_user(
            request,
            ngettext("%(count)d prenumeration avslutades.",
                     "%(count)d prenumerationer avslutades.", count) % {"count": count},
            messages.SUCCESS,
        )

    # Deleting a subscriber is erasing: the address is suppressed and the trail keeps no name.
    def delete_model(self, request, obj):
        subscriptions.erase(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for subscriber in queryset:
            subscriptions.erase(subscriber, user=request.user)


@admin.register(SuppressedAddress)
class SuppressedAddressAdmin(admin.ModelAdmin):
    """The addresses never mailed again, as hashes: which and why, not who."""

    list_display = ["email_hash", "reason", "created_at"]
    list_filter = ["reason", "created_at"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Only a new, confirmed opt-in lifts a suppression.
        return False


def _iso(value):
    return value.isoformat() if value else ""



class PublishedNewsAutocomplete(AutocompleteJsonView):
    """The issue's news picker: only news the public can read, so no issue waits on a draft."""

    def get_queryset(self):
        return super().get_queryset().published()


class PublishedNewsSelect(AutocompleteSelect):
    url_name = "%s:newsroom_newsletterissue_news_autocomplete"


class IssueItemInline(admin.TabularInline):
    model = IssueItem
    extra = 3
    fields = ["news_item", "position"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "news_item":
            kwargs["widget"] = PublishedNewsSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _editable(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _editable(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _editable(obj)


def _editable(issue):
    return issue is None or issue.status in (NewsletterIssue.Status.DRAFT,
                                             NewsletterIssue.Status.SCHEDULED)


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "progress_summary", "preview_link", "newsletter_list",
                    "language", "scheduled_at", "sent_at"]
    list_filter = ["status", "newsletter_list", "language"]
    search_fields = ["subject", "intro"]
    inlines = [IssueItemInline]
    actions = ["send_selected", "send_test", "schedule_selected", "unschedule_selected",
               "resume_selected"]
    fields = ["subject", "newsletter_list", "language", "intro", "scheduled_at", "status",
              "sent_at", "progress_table"]
    readonly_fields = ["status", "sent_at", "progress_table"]
    change_form_template = "admin/newsroom/newsletterissue/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(**delivery.progress_annotations())

    def get_readonly_fields(self, request, obj=None):
        if _editable(obj):
            return self.readonly_fields
        return ["subject", "newsletter_list", "language", "intro", "scheduled_at",
                *self.readonly_fields]

    def view_on_site(self, issue):
        # On the site of the issue's language, like its web version.
        with translation.override(issue.language):
            return reverse("newsroom:newsletter-preview", kwargs={"pk": issue.pk})

    @admin.display(description=_("förhandsvisning"))
    def preview_link(self, issue):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            self.view_on_site(issue),
            _("Förhandsgranska"),
        )

    @admin.display(description=_("förlopp"))
    def progress_summary(self, issue):
        counts = {status: getattr(issue, f"deliveries_{status}", 0)
                  for status in delivery.PROGRESS_STATUSES}
        if not any(counts.values()):
            return "–"
        return gettext(
            "%(sent)d skickade, %(bounced)d studsade, %(failed)d misslyckade, "
            "%(waiting)d väntar, %(uncertain)d osäkra"
        ) % {**counts, "waiting": counts["waiting"] + counts["sending"]}

    @admin.display(description=_("förlopp"))
    def progress_table(self, issue):
        if issue.pk is None:
            return "–"
        counts = delivery.progress(issue)
        changelist = reverse("admin:newsroom_delivery_changelist")
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td class="number">'
            '<a href="{}?issue__id__exact={}&amp;status__exact={}">{}</a></td></tr>',
            (
                (Delivery.Status(status).label, changelist, issue.pk, status, count)
                for status, count in counts.items()
            ),
        )
        return format_html("<table><tbody>{}</tbody></table>", rows)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "can_send": issue is not None and _editable(issue)
            and self.has_change_permission(request, issue),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        issue = form.instance
        unpublished = [entry.news_item for entry in issue.entries.select_related("news_item")
                       if not entry.news_item.is_public]
        if unpublished and _editable(issue):
            self.message_user(
                request,
                gettext("”%(issue)s” kan inte skickas förrän nyheterna är publicerade: %(items)s.")
                % {"issue": issue, "items": delivery.describe_unpublished(unpublished)},
                messages.WARNING,
            )

    def get_urls(self):
        own = [
            path(
                "nyheter/",
                self.admin_site.admin_view(
                    PublishedNewsAutocomplete.as_view(admin_site=self.admin_site)
                ),
                name="newsroom_newsletterissue_news_autocomplete",
            ),
            path(
                "<int:pk>/skicka/",
                self.admin_site.admin_view(self.send_view),
                name="newsroom_newsletterissue_send",
            ),
            path(
                "<int:pk>/testmejl/",
                self.admin_site.admin_view(require_POST(self.send_test_view)),
                name="newsroom_newsletterissue_send_test",
            ),
        ]
        return own + super().get_urls()

    def send_view(self, request, pk):
        """The issue's own send button: what will go to whom, then the send itself."""
        issue = get_object_or_404(NewsletterIssue, pk=pk)
        if not self.has_change_permission(request, issue):
            raise PermissionDenied
        issue_page = reverse("admin:newsroom_newsletterissue_change", args=[issue.pk])
        if request.method == "POST" and request.POST.get("confirmed") == "yes":
            self.send(request, [issue])
            return redirect(issue_page)
        return self.send_confirmation(request, [issue], cancel_url=issue_page)

    def send_test_view(self, request, pk):
        issue = get_object_or_404(NewsletterIssue, pk=pk)
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        self.send_tests(request, [issue])
        return redirect(reverse("admin:newsroom_newsletterissue_change", args=[issue.pk]))

    @admin.action(description=_("Skicka markerade nyhetsbrev till prenumeranterna"),
                  permissions=["change"])
    def send_selected(self, request, queryset):
        issues = list(queryset)
        if request.POST.get("confirmed") != "yes":
            return self.send_confirmation(
                request,
                issues,
                cancel_url=reverse("admin:newsroom_newsletterissue_changelist"),
                hidden=[(helpers.ACTION_CHECKBOX_NAME, issue.pk) for issue in issues]
                + [("action", "send_selected")],
            )
        self.send(request, issues)
        return None

    def send_confirmation(self, request, issues, *, cancel_url, hidden=()):
        entries = [
            {"issue": issue, "refusal": delivery.refusal(issue),
             "recipients": issue.recipients().count()}
            for issue in issues
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Skicka nyhetsbrev?"),
            "opts": self.model._meta,
            "issues": entries,
            "sendable": any(entry["refusal"] is None for entry in entries),
            "hidden": hidden,
            "cancel_url": cancel_url,
        }
        return TemplateResponse(
            request, "admin/newsroom/newsletterissue/send_confirmation.html", context
        )

    def send(self, request, issues):
        for issue in issues:
            try:
                delivery.send_issue(issue, user=request.user)
            except delivery.SendRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("”%(issue)s” skickas nu i bakgrunden. Förloppet syns i listan.")
                    % {"issue": issue},
                    messages.SUCCESS,
                )

    @admin.action(description=_("Skicka ett testmejl till min egen adress"),
                  permissions=["view"])
    def send_test(self, request, queryset):
        self.send_tests(request, queryset)

    def send_tests(self, request, issues):
        if not request.user.email:
            self.message_user(request, gettext("Ditt konto har ingen e-postadress."),
                              messages.ERROR)
            return
        for issue in issues:
            composing.send_test(issue, request.user.email)
        self.message_user(
            request,
            gettext("Testmejl skickat till %(email)s.") % {"email": request.user.email},
            messages.SUCCESS,
        )

    @admin.action(description=_("Schemalägg markerade till sin planerade tid"),
                  permissions=["change"])
    def schedule_selected(self, request, queryset):
        for issue in queryset:
            try:
                delivery.schedule(issue)
            except delivery.SendRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("”%(issue)s” skickas %(when)s.") % {
                        "issue": issue,
                        "when": formats.date_format(timezone.localtime(issue.scheduled_at),
                                                    "j F Y H:i"),
                    },
                    messages.SUCCESS,
                )

    @admin.action(description=_("Ta bort schemaläggningen (tillbaka till utkast)"),
                  permissions=["change"])
    def unschedule_selected(self, request, queryset):
        count = sum(1 for issue in queryset if delivery.unschedule(issue))
        self.message_user(
            request,
            ngettext("%(count)d nyhetsbrev blev utkast igen.",
                     "%(count)d nyhetsbrev blev utkast igen.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Återuppta avbrutet utskick"), permissions=["change"])
    def resume_selected(self, request, queryset):
        for issue in queryset:
            try:
                delivery.resume(issue)
            except delivery.SendRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("Utskicket av ”%(issue)s” fortsätter. Leveranser som var mitt i "
                            "sändningen är markerade som osäkra.") % {"issue": issue},
                    messages.SUCCESS,
                )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Where an editor decides about deliveries whose fate is uncertain after a crash."""

    list_display = ["subscriber", "issue", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "issue"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "issue"]
    actions = ["resend", "mark_sent"]
    readonly_fields = ["issue", "subscriber", "status", "attempts", "last_error",
                       "created_at", "sending_started_at", "sent_at"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        # The actions need change permission on the issues, which the list itself does not.
        actions = super().get_actions(request)
        if not request.user.has_perm("newsroom.change_newsletterissue"):
            return {}
        return actions

    @admin.action(description=_("Skicka igen (osäkra och misslyckade)"))
    def resend(self, request, queryset):
        count = delivery.resend(queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d leverans skickas igen.", "%(count)d leveranser skickas igen.",
                     count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Markera som skickade (osäkra)"))
    def mark_sent(self, request, queryset):
        count = delivery.mark_sent(queryset)
        self.message_user(
            request,
            ngettext("%(count)d leverans markerades som skickad.",
                     "%(count)d leveranser markerades som skickade.", count)
            % {"count": count},
            messages.SUCCESS,
        )
