from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views
from portal.access import public_view

app_name = "events"

urlpatterns = [
    path("", public_view(views.EventListView.as_view()), name="list"),
    path(_("kalender.ics"), public_view(views.PublicCalendarView.as_view()), name="calendar"),
    path(_("rss/"), public_view(views.EventFeed()), name="feed"),
    path(
        _("anmalan/kvitto/<str:token>/"), public_view(views.ReceiptView.as_view()), name="receipt"
    ),
    path(_("anmalan/<str:token>/"), public_view(views.ManageView.as_view()), name="manage"),
    path("<slug:slug>/", public_view(views.EventDetailView.as_view()), name="detail"),
    path(_("<slug:slug>/anmal/"), public_view(views.RegisterView.as_view()), name="register"),
    path(
        _("<slug:slug>/kalender.ics"),
        public_view(views.EventCalendarView.as_view()),
        name="event-ics",
    ),
]
