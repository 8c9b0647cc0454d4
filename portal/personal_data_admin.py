"""The administrators' page for requests about personal data (in the admin)."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import audit, personal_data_requests
from portal.staff_sessions import fresh_code_required


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-postadress"),
        help_text=gettext_lazy("Adressen som den registrerade har använt hos oss."),
    )


@fresh_code_required
def personal_data_view(request, admin_site):
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        form = EmailForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            erased, kept = personal_data_requests.erase(email, request.user)
            messages.success(
                request,
                _("%(erased)d uppgifter raderade, %(kept)d sparas av skälen som anges.")
                % {"erased": len(erased), "kept": len(kept)},
            )
            return redirect(f"{reverse('admin:personal-data')}?{urlencode({'email': email})}")
    else:
        form = EmailForm(request.GET or None)
    records = personal_data_requests.find(form.cleaned_data["email"]) if form.is_valid() else None
    if records is not None and request.GET.get("format") in ("json", "extract"):
        audit.record_many("exported", [r.obj for r in records], user=request.user,
                          detail=_("registerutdrag"))
        if request.GET["format"] == "json":
            return register_extract_json(form.cleaned_data["email"], records)
    context = {
        **admin_site.each_context(request),
        "title": _("Begäran om personuppgifter"),
        "form": form,
        "records": records,
        "erasable": [r for r in records or [] if r.erasable],
        "printable": request.GET.get("format") == "extract",
        "now": timezone.now(),
    }
    return TemplateResponse(request, "admin/personal_data.html", context)


def register_extract_json(email, records):
    extract = {
        "email": email,
        "created": timezone.now().isoformat(),
        "controller": "Västra Götalandsregionen",
        "records": [record.as_json() for record in records],
    }
    response = HttpResponse(
        json.dumps(extract, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="registerutdrag.json"'
    response["Cache-Control"] = "private, no-store"
    return response
