from django.urls import path
from django.utils.translation import gettext_lazy as _

from newsroom import feeds, views

app_name = "newsroom"

# Only the detail page has a one-segment path, so no slug can hide another page.
urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path(_("amne/<slug:slug>/"), views.TopicNewsView.as_view(), name="topic"),
    path(_("arkiv/<int:year>/"), views.YearArchiveView.as_view(), name="year"),
    path(_("flode/rss/"), feeds.LatestNewsFeed(), name="feed-rss"),
    path(_("flode/atom/"), feeds.LatestNewsAtomFeed(), name="feed-atom"),
    path(_("amne/<slug:slug>/rss/"), feeds.TopicNewsFeed(), name="topic-feed-rss"),
    path(_("amne/<slug:slug>/atom/"), feeds.TopicNewsAtomFeed(), name="topic-feed-atom"),
    path(_("forhandsvisning/<int:pk>/"), views.NewsPreviewView.as_view(), name="preview"),
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
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
