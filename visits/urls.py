from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.access import public_view
from visits import views

app_name = "visits"

urlpatterns = [
    path("", public_view(views.VisitListView.as_view()), name="list"),
    path(_("kalender.ics"), public_view(views.PublicCalendarView.as_view()), name="calendar"),
    path(
        _("kalender/personlig/<str:token>.ics"),
        public_view(views.StaffCalendarView.as_view()),
        name="staff-calendar",
    ),
    path(_("begar-besok/"), public_view(views.VisitRequestView.as_view()), name="request"),
    path(
        _("begar-besok/tack/"),
        public_view(views.VisitRequestReceivedView.as_view()),
        name="request-received",
    ),
    path("<slug:slug>/", public_view(views.VisitDetailView.as_view()), name="detail"),
    path(
        _("<slug:slug>/kalender.ics"),
        public_view(views.VisitCalendarView.as_view()),
        name="visit-ics",
    ),
]
