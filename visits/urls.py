from django.urls import path
from django.utils.translation import gettext_lazy as _

from visits import views

app_name = "visits"

urlpatterns = [
    path("", views.VisitListView.as_view(), name="list"),
    path(_("kalender.ics"), views.PublicCalendarView.as_view(), name="calendar"),
    path(
        _("kalender/personlig/<str:token>.ics"),
        views.StaffCalendarView.as_view(),
        name="staff-calendar",
    ),
    path(_("begar-besok/"), views.VisitRequestView.as_view(), name="request"),
    path(_("begar-besok/tack/"), views.VisitRequestReceivedView.as_view(),
         name="request-received"),
    path("<slug:slug>/", views.VisitDetailView.as_view(), name="detail"),
    path("<slug:slug>/kalender.ics", views.VisitCalendarView.as_view(), name="visit-ics"),
]
