"""The newsletter's pages, included in the newsroom's URLs (and its ``newsroom`` namespace)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from newsroom.newsletter import views
from portal.access import public_view, staff_view

urlpatterns = [
    path(
        _("nyhetsbrev/prenumerera/"), public_view(views.SubscribeView.as_view()), name="subscribe"
    ),
    path(
        _("nyhetsbrev/tack/"),
        public_view(views.SubscribeThanksView.as_view()),
        name="newsletter-thanks",
    ),
    path(
        _("nyhetsbrev/bekrafta/<str:token>/"),
        public_view(views.ConfirmView.as_view()),
        name="newsletter-confirm",
    ),
    path(
        _("nyhetsbrev/avsluta/<str:token>/"),
        public_view(views.UnsubscribeView.as_view()),
        name="newsletter-unsubscribe",
    ),
    path(
        _("nyhetsbrev/arkiv/"),
        public_view(views.NewsletterArchiveView.as_view()),
        name="newsletter-archive",
    ),
    path(
        _("nyhetsbrev/installningar/<str:token>/"),
        public_view(views.PreferencesView.as_view()),
        name="newsletter-preferences",
    ),
    path(
        _("nyhetsbrev/arkiv/<int:pk>/"),
        public_view(views.NewsletterIssueView.as_view()),
        name="newsletter-issue",
    ),
    # After the issues: a list's slug is never a number.
    path(
        _("nyhetsbrev/arkiv/<slug:slug>/"),
        public_view(views.NewsletterListArchiveView.as_view()),
        name="newsletter-list-archive",
    ),
    path(
        _("nyhetsbrev/forhandsvisning/<int:pk>/"),
        staff_view(views.NewsletterPreviewView.as_view()),
        name="newsletter-preview",
    ),
]
