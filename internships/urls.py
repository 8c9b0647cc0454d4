from django.urls import path
from django.utils.translation import gettext_lazy as _

from internships import views
from portal.access import public_view, staff_view

app_name = "internships"

urlpatterns = [
    path("", public_view(views.CallListView.as_view()), name="list"),
    path(
        _("sista-ansokningsdag.ics"),
        public_view(views.DeadlinesCalendarView.as_view()),
        name="deadlines-ics",
    ),
    path(_("rss/"), public_view(views.NewCallsFeed()), name="feed"),
    path(_("kvitto/<str:token>/"), public_view(views.ReceiptView.as_view()), name="receipt"),
    path(_("aterkalla/<str:token>/"), public_view(views.WithdrawView.as_view()), name="withdraw"),
    path(
        _("ansokningar/<int:pk>/<str:kind>/"),
        staff_view(views.ApplicationFileView.as_view()),
        name="file",
    ),
    path("<slug:slug>/", public_view(views.CallDetailView.as_view()), name="detail"),
    path(_("<slug:slug>/ansok/"), public_view(views.ApplyView.as_view()), name="apply"),
]
