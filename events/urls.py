from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path(_("kalender.ics"), views.PublicCalendarView.as_view(), name="calendar"),
    path(_("rss/"), views.EventFeed(), name="feed"),
    path(_("anmalan/kvitto/<str:token>/"), views.ReceiptView.as_view(), name="receipt"),
    path(_("anmalan/<str:token>/"), views.ManageView.as_view(), name="manage"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path(_("<slug:slug>/anmal/"), views.RegisterView.as_view(), name="register"),
    path(_("<slug:slug>/kalender.ics"), views.EventCalendarView.as_view(), name="event-ics"),
]
