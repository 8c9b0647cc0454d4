from django.urls import path

from portal.access import public_view
from portal.media import views

urlpatterns = [
    path("<int:pk>/<slug:slug>.<str:extension>", public_view(views.document_file), name="document"),
]
