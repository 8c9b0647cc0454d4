"""The newsletter's public pages: subscribing, the links in its mails, and the archive of
sent issues (with the editors' preview of an issue not sent yet).

The form has a page of its own, so the pages linking to it stay cacheable; the pages the
links in the mails open are never cached.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, FormView, ListView, TemplateView

from newsroom.models import current_language
from newsroom.newsletter import subscriptions
from newsroom.newsletter.forms import PreferencesForm, SubscribeForm
from newsroom.newsletter.models import IssueItem, NewsletterIssue, NewsletterList, Subscriber
from portal.form_protection import GuardedFormViewMixin
from portal.navigation import BreadcrumbsMixin, Crumb, section
from portal.pagination import ForgivingPaginationMixin

# The thank-you page repeats the address typed, from the visitor's own session: the page is
# the same for every state of the address, so it tells a stranger nothing new.
SUBSCRIBED_ADDRESS_KEY = "newsletter_address"



class NewsletterBreadcrumbsMixin(BreadcrumbsMixin):
    """The newsletter's pages lie below its archive, itself below the news."""

    crumb_label = None  # None: the archive itself

    def get_crumb_label(self):
        return self.crumb_label

    def get_breadcrumbs(self):
        label = self.get_crumb_label()
        if label is None:
            return [section("newsroom:list"), Crumb(gettext("Nyhetsbrev"))]
        return [
            section("newsroom:list"),
            Crumb(gettext("Nyhetsbrev"), reverse("newsroom:newsletter-archive")),
            Crumb(label),
        ]


def link_problem(request, problem, **context):
    """The page for a link from a mail that cannot be used: 400 for one we did not make,
    410 for one that has expired or been used."""
    status = 400 if problem == subscriptions.LinkProblem.INVALID else 410
    return render(request, "newsroom/newsletter/link_problem.html",
                  {"problem": problem, **context}, status=status)


@method_decorator(never_cache, name="dispatch")
class SubscribeView(NewsletterBreadcrumbsMixin, GuardedFormViewMixin, FormView):
    """The subscribe form, on a page of its own (the pages linking here stay cacheable)."""

    template_name = "newsroom/newsletter/subscribe.html"
    crumb_label = gettext_lazy("Prenumerera på nyhetsbrevet")
    form_class = SubscribeForm
    rate_limit_scope = "newsletter"
    email_field = "email"

    def form_accepted(self, form):
        subscriptions.subscribe(
            form.cleaned_data["email"],
            language=current_language(),
            newsletter_lists=form.cleaned_data["newsletter_lists"],
        )
        self.request.session[SUBSCRIBED_ADDRESS_KEY] = form.cleaned_data["email"]
        return reverse("newsroom:newsletter-thanks")


@method_decorator(never_cache, name="dispatch")
class SubscribeThanksView(NewsletterBreadcrumbsMixin, TemplateView):
    """The same page whatever the address's state, so it reveals nothing about anyone."""

    template_name = "newsroom/newsletter/thanks.html"
    crumb_label = gettext_lazy("Kolla din e-post")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["address"] = self.request.session.get(SUBSCRIBED_ADDRESS_KEY, "")
        return context


@method_decorator(never_cache, name="dispatch")
class ConfirmView(NewsletterBreadcrumbsMixin, TemplateView):
    """The link in the confirmation mail. GET only shows a button (mail scanners follow
    links); the POST confirms."""

    template_name = "newsroom/newsletter/confirm.html"
    crumb_label = gettext_lazy("Bekräfta prenumerationen")

    def dispatch(self, request, *args, **kwargs):
        self.subscriber, problem = subscriptions.subscriber_to_confirm(kwargs["token"])
        if problem:
            return link_problem(request, problem)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        subscriptions.confirm(self.subscriber)
        return self.render_to_response(self.get_context_data(confirmed=True, **kwargs))


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(NewsletterBreadcrumbsMixin, TemplateView):
    """The unsubscribe link of every mail, also the target of one-click unsubscribing
    (RFC 8058): a POST with no login, cookie or CSRF token unsubscribes at once and answers
    200. A GET (link scanners) only shows the button. The signed token is the credential.
    """

    template_name = "newsroom/newsletter/unsubscribe.html"
    crumb_label = gettext_lazy("Avsluta prenumerationen")

    def dispatch(self, request, *args, **kwargs):
        try:
            self.subscriber = subscriptions.subscriber_for_unsubscribe_token(kwargs["token"])
        except subscriptions.UnknownLink:
            return link_problem(request, subscriptions.LinkProblem.INVALID, unsubscribe=True)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["active"] = (
            self.subscriber is not None
            and self.subscriber.status != Subscriber.Status.UNSUBSCRIBED
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.subscriber is not None:
            subscriptions.unsubscribe(self.subscriber)
        return self.render_to_response(self.get_context_data(unsubscribed=True, **kwargs))


@method_decorator(never_cache, name="dispatch")
class PreferencesView(NewsletterBreadcrumbsMixin, GuardedFormViewMixin, FormView):
    """The lists a subscriber receives, by the signed link in every mail."""

    template_name = "newsroom/newsletter/preferences.html"
    crumb_label = gettext_lazy("Dina val för nyhetsbrevet")
    form_class = PreferencesForm
    rate_limit_scope = "newsletter"
    email_field = None

    def dispatch(self, request, *args, **kwargs):
        self.subscriber, problem = subscriptions.subscriber_for_preferences(kwargs["token"])
        if problem:
            return link_problem(request, problem, preferences=True)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"newsletter_lists": self.subscriber.newsletter_lists}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriber"] = self.subscriber
        context["active"] = self.subscriber.status != Subscriber.Status.UNSUBSCRIBED
        context["unsubscribe_url"] = subscriptions.unsubscribe_url(self.subscriber)
        return context

    def form_accepted(self, form):
        self.subscriber.choose_lists(form.cleaned_data["newsletter_lists"])
        messages.success(self.request, gettext("Dina val är sparade."))
        return self.request.path


class NewsletterArchiveView(NewsletterBreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    """Every sent issue of this site's language, newest first."""

    template_name = "newsroom/newsletter/archive.html"
    context_object_name = "issues"
    paginate_by = 20

    def get_queryset(self):
        return NewsletterIssue.objects.sent().in_language().order_by("-sent_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["newsletter_lists"] = list(NewsletterList)
        return context


class NewsletterListArchiveView(NewsletterArchiveView):
    """The sent issues of one list; its address is translated with the site."""

    def get_queryset(self):
        self.newsletter_list = NewsletterList.from_archive_slug(self.kwargs["slug"])
        if self.newsletter_list is None:
            raise Http404
        return super().get_queryset().on_list(self.newsletter_list)

    def get_crumb_label(self):
        return self.newsletter_list.label

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["current_list"] = self.newsletter_list
        alternates = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternates[code] = self.request.build_absolute_uri(
                    self.newsletter_list.get_archive_url()
                )
        context["alternates"] = alternates
        return context


class NewsletterIssueView(NewsletterBreadcrumbsMixin, DetailView):
    """The web version of a sent issue, on the site of its language."""

    template_name = "newsroom/newsletter/issue.html"
    context_object_name = "issue"

    def get_crumb_label(self):
        return self.object.subject

    def get_queryset(self):
        return NewsletterIssue.objects.sent().in_language().prefetch_related(
            Prefetch("entries", queryset=IssueItem.objects.select_related("news_item"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        context["entries"] = [
            {"item": entry.news_item, "url": entry.news_item.get_absolute_url()}
            for entry in issue.entries.all()
            if entry.news_item.is_public
        ]
        context["alternates"] = {
            issue.language: self.request.build_absolute_uri(issue.get_absolute_url())
        }
        return context


@method_decorator(never_cache, name="dispatch")
class NewsletterPreviewView(NewsletterIssueView):
    """An issue exactly as its web version will look, never cached; a staff page (urls.py)."""

    def get_queryset(self):
        if not self.request.user.has_perm("newsroom.view_newsletterissue"):
            raise PermissionDenied
        return NewsletterIssue.objects.prefetch_related(
            Prefetch("entries", queryset=IssueItem.objects.select_related("news_item"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(preview=True, **kwargs)
        context["alternates"] = {}
        context["entries"] = [
            {"item": entry.news_item, "url": entry.news_item.get_preview_url()}
            for entry in self.object.entries.all()
        ]
        return context
