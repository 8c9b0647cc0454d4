"""The newsletter's pages, included in the newsroom's URLs (and its ``newsroom`` namespace)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from newsroom.newsletter import views

urlpatterns = [
    path(_("nyhetsbrev/prenumerera/"), views.SubscribeView.as_view(), name="subscribe"),
    path(_("nyhetsbrev/tack/"), views.SubscribeThanksView.as_view(), name="newsletter-thanks"),
    path(
        _("nyhetsbrev/bekrafta/<str:token>/"),
        views.ConfirmView.as_view(),
        name="newsletter-confirm",
    ),
    path(
        _("nyhetsbrev/avsluta/<str:token>/"),
        views.UnsubscribeView.as_view(),
        name="newsletter-unsubscribe",
    ),
    path(_("nyhetsbrev/arkiv/"), views.NewsletterArchiveView.as_view(), name="newsletter-archive"),
    path(
        _("nyhetsbrev/arkiv/<int:pk>/"),
        views.NewsletterIssueView.as_view(),
        name="newsletter-issue",
    ),
    path(
        _("nyhetsbrev/forhandsvisning/<int:pk>/"),
        views.NewsletterPreviewView.as_view(),
        name="newsletter-preview",
    ),
]
