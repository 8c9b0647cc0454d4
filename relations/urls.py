from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.access import public_view
from relations import feeds, views

app_name = "relations"

urlpatterns = [
    path("", public_view(views.IndexView.as_view()), name="index"),
    path(
        _("organisationer/"),
        public_view(views.OrganisationListView.as_view()),
        name="organisation-list",
    ),
    path(
        _("organisationer/<slug:slug>/"),
        public_view(views.OrganisationDetailView.as_view()),
        name="organisation-detail",
    ),
    path(_("program/"), public_view(views.ProgrammeListView.as_view()), name="programme-list"),
    path(
        _("program/<slug:slug>/"),
        public_view(views.ProgrammeDetailView.as_view()),
        name="programme-detail",
    ),
    path(_("projekt/"), public_view(views.ProjectListView.as_view()), name="project-list"),
    path(
        _("projekt/<slug:slug>/"),
        public_view(views.ProjectDetailView.as_view()),
        name="project-detail",
    ),
    path(_("prioriteringar/"), public_view(views.TopicListView.as_view()), name="topic-list"),
    path(
        _("prioriteringar/<slug:slug>/"),
        public_view(views.TopicDetailView.as_view()),
        name="topic-detail",
    ),
    path(_("kontor/"), public_view(views.OfficeListView.as_view()), name="office-list"),
    path(
        _("overenskommelser/"),
        public_view(views.AgreementListView.as_view()),
        name="agreement-list",
    ),
    path(
        _("overenskommelser/<slug:slug>/"),
        public_view(views.AgreementDetailView.as_view()),
        name="agreement-detail",
    ),
    path(
        _("overenskommelser/<slug:slug>/uppfoljning-<int:year>/"),
        public_view(views.FollowUpDetailView.as_view()),
        name="follow-up-detail",
    ),
    path(_("standpunkter/"), public_view(views.PositionListView.as_view()), name="position-list"),
    path(_("standpunkter/rss/"), public_view(feeds.PositionFeed()), name="position-feed"),
    path(
        _("standpunkter/<slug:slug>/"),
        public_view(views.PositionDetailView.as_view()),
        name="position-detail",
    ),
]
