from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from newsroom import feeds, views
from portal.access import public_view, staff_view

app_name = "newsroom"

# Only the detail page has a one-segment path, so no slug can hide another page.
urlpatterns = [
    path("", public_view(views.NewsListView.as_view()), name="list"),
    path(_("eu-bevakning/"), public_view(views.EUMonitoringView.as_view()), name="eu-monitoring"),
    path(_("amne/<slug:slug>/"), public_view(views.TopicNewsView.as_view()), name="topic"),
    path(_("arkiv/<int:year>/"), public_view(views.YearArchiveView.as_view()), name="year"),
    path(_("flode/rss/"), public_view(feeds.LatestNewsFeed()), name="feed-rss"),
    path(_("flode/atom/"), public_view(feeds.LatestNewsAtomFeed()), name="feed-atom"),
    path(_("amne/<slug:slug>/rss/"), public_view(feeds.TopicNewsFeed()), name="topic-feed-rss"),
    path(
        _("amne/<slug:slug>/atom/"), public_view(feeds.TopicNewsAtomFeed()), name="topic-feed-atom"
    ),
    path(
        _("forhandsvisning/<int:pk>/"), staff_view(views.NewsPreviewView.as_view()), name="preview"
    ),
    path("", include("newsroom.newsletter.urls")),
    path("<slug:slug>/", public_view(views.NewsDetailView.as_view()), name="detail"),
]
