from django.urls import path
from django.utils.translation import gettext_lazy as _

from relations import feeds, views

app_name = "relations"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path(_("organisationer/"), views.OrganisationListView.as_view(), name="organisation-list"),
    path(
        _("organisationer/<slug:slug>/"),
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path(_("program/"), views.ProgrammeListView.as_view(), name="programme-list"),
    path(_("program/<slug:slug>/"), views.ProgrammeDetailView.as_view(), name="programme-detail"),
    path(_("projekt/"), views.ProjectListView.as_view(), name="project-list"),
    path(_("projekt/<slug:slug>/"), views.ProjectDetailView.as_view(), name="project-detail"),
    path(_("prioriteringar/"), views.TopicListView.as_view(), name="topic-list"),
    path(_("prioriteringar/<slug:slug>/"), views.TopicDetailView.as_view(), name="topic-detail"),
    path(_("kontor/"), views.OfficeListView.as_view(), name="office-list"),
    path(_("overenskommelser/"), views.AgreementListView.as_view(), name="agreement-list"),
    path(
        _("overenskommelser/<slug:slug>/"),
        views.AgreementDetailView.as_view(),
        name="agreement-detail",
    ),
    path(
        _("overenskommelser/<slug:slug>/uppfoljning-<int:year>/"),
        views.FollowUpDetailView.as_view(),
        name="follow-up-detail",
    ),
    path(_("standpunkter/"), views.PositionListView.as_view(), name="position-list"),
    path(_("standpunkter/rss/"), feeds.PositionFeed(), name="position-feed"),
    path(
        _("standpunkter/<slug:slug>/"), views.PositionDetailView.as_view(), name="position-detail"
    ),
]
