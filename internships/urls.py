from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from internships import views

app_name = "internships"

urlpatterns = [
    path("", views.CallListView.as_view(), name="list"),
    path(_("sista-ansokningsdag.ics"), views.DeadlinesCalendarView.as_view(), name="deadlines-ics"),
    path(_("rss/"), views.NewCallsFeed(), name="feed"),
    path(_("kvitto/<str:token>/"), views.ReceiptView.as_view(), name="receipt"),
    path(_("aterkalla/<str:token>/"), views.WithdrawView.as_view(), name="withdraw"),
    path(
        _("ansokningar/<int:pk>/<str:kind>/"),
        # The admin's own gate first (staff, and a passed second factor where required).
        admin.site.admin_view(views.ApplicationFileView.as_view()),
        name="file",
    ),
    path("<slug:slug>/", views.CallDetailView.as_view(), name="detail"),
    path(_("<slug:slug>/ansok/"), views.ApplyView.as_view(), name="apply"),
]
