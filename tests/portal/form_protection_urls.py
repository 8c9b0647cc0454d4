"""A minimal public form wired through the form guard, for testing the guard itself."""

import hashlib

from django import forms
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.generic import FormView

from config import urls as site_urls
from portal.form_protection import GuardedFormMixin, GuardedFormViewMixin

PAGE = engines["django"].from_string(
    '<form method="post">{% csrf_token %}{% include "includes/form.html" %}</form>'
)


class NameForm(GuardedFormMixin, forms.Form):
    name = forms.CharField(label="Namn", max_length=50)
    email = forms.EmailField(
        label="E-post", error_messages={"invalid": "Skriv en e-postadress som namn@exempel.se."}
    )
    attachment = forms.FileField(label="Bilaga", required=False)
    agree = forms.BooleanField(label="Jag håller med", required=False, help_text="Frivilligt.")


class NameView(GuardedFormViewMixin, FormView):
    form_class = NameForm
    rate_limit_scope = "test"

    def render_to_response(self, context, **kwargs):
        return HttpResponse(PAGE.render(context, self.request))

    def form_accepted(self, form):
        name = form.cleaned_data["name"]
        attachment = form.cleaned_data["attachment"]
        if attachment:
            # A digest, since the name column holds only 150 characters.
            name += ": " + hashlib.sha256(attachment.read()).hexdigest()
        group = Group.objects.create(name=name)
        return f"/receipt/{group.pk}/"


urlpatterns = [path("form/", NameView.as_view()), *site_urls.urlpatterns]
