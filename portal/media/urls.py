from django.urls import path

from portal.media import views

urlpatterns = [
    path("<int:pk>/<slug:slug>.<str:extension>", views.document_file, name="document"),
]
