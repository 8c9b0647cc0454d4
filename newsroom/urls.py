from django.urls import include, path
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
    path("", include("newsroom.newsletter.urls")),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
