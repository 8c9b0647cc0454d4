from django.urls import path
from django.utils.translation import gettext_lazy as _

from relations import views

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
]
