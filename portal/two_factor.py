"""Staff login with a second factor: password, then a TOTP code, or enrolment of a device.

These pages live outside the admin, because the admin opens only to staff who have
passed a device; a staff member without one enrols here first and leaves with backup
codes for the day the phone is lost.
"""

import secrets

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import staff_sessions


class StaffLoginView(auth_views.LoginView):
    """Step one: user name and password (throttled by django-axes like every login)."""

    template_name = "twofactor/login.html"

    def get_success_url(self):
        return f"{reverse('two-factor-verify')}?{urlencode({'next': self.get_redirect_url()})}"


class CodeInput(forms.TextInput):
    """A one-time code is never shown back: a refused one is typed afresh, not corrected."""

    def format_value(self, value):
        return None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kod"),
        max_length=16,
        help_text=_("Sex siffror från appen, eller en av dina reservkoder."),
        widget=CodeInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def waiting_for_user(user):
    """Whether the user's devices make them wait after failed codes.

    While a device waits it refuses every code, the right one too, so such a refusal must
    not call the code wrong: that would send the user looking for a mistake not made.
    """
    return any(not device.verify_is_allowed()[0]
               for device in devices_for_user(user, confirmed=None))


WAIT_MESSAGE = _("Vänta några sekunder och försök igen.")


def grouped(secret, size=4):
    """The key in groups of four characters, as it is easiest to read and type."""
    return " ".join(secret[start:start + size] for start in range(0, len(secret), size))


class NextUrlMixin:
    def next_url(self):
        candidate = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            candidate, {self.request.get_host()}, self.request.is_secure()
        ):
            return candidate
        return reverse("admin:index")

    def step(self, url_name):
        """The URL of another step of the login, passing on where to go afterwards."""
        return f"{reverse(url_name)}?{urlencode({'next': self.next_url()})}"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.next_url()}


@method_decorator(never_cache, name="dispatch")
class VerifyView(LoginRequiredMixin, NextUrlMixin, FormView):
    """Step two: a code from the user's device (or a backup code)."""

    template_name = "twofactor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not user_has_device(request.user):
            return redirect(self.step("two-factor-enrol"))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        waiting = waiting_for_user(self.request.user)
        device = match_token(self.request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is None:
            form.add_error("code", WAIT_MESSAGE if waiting else _(
                "Koden stämmer inte. Kontrollera tiden i telefonen och försök igen."
            ))
            return self.form_invalid(form)
        otp_login(self.request, device)
        staff_sessions.record_code(self.request)
        return redirect(self.next_url())


@method_decorator(never_cache, name="dispatch")
class EnrolView(LoginRequiredMixin, NextUrlMixin, FormView):
    """Connect an authenticator app: scan the QR code (inline SVG), confirm with a code."""

    template_name = "twofactor/enrol.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and user_has_device(request.user):
            return redirect(self.step("two-factor-verify"))
        return super().dispatch(request, *args, **kwargs)

    def device(self):
        device, _created = TOTPDevice.objects.get_or_create(
            user=self.request.user, confirmed=False, defaults={"name": "Autentiseringsapp"}
        )
        return device

    def get_context_data(self, **kwargs):
        device = self.device()
        qr = segno.make(device.config_url, error="m")
        return {
            **super().get_context_data(**kwargs),
            # segno writes only attributes, no inline styles, so the CSP allows it.
            "qr_svg": mark_safe(  # noqa: S308 - generated by segno from our own data
                qr.svg_inline(scale=5, title=str(_("QR-kod för autentiseringsappen")))
            ),
            "secret": grouped(device.config_url.split("secret=")[1].split("&")[0]),
        }

    def form_valid(self, form):
        device = self.device()
        waiting = waiting_for_user(self.request.user)
        if not device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            form.add_error("code", WAIT_MESSAGE if waiting else _(
                "Koden stämmer inte. Skanna QR-koden igen och ange den nya koden."
            ))
            return self.form_invalid(form)
        device.confirmed = True
        device.save()
        codes = issue_backup_codes(self.request.user)
        otp_login(self.request, device)
        staff_sessions.record_code(self.request)
        return render(
            self.request,
            "twofactor/backup_codes.html",
            {"codes": codes, "codes_text": "\n".join(codes) + "\n", "next": self.next_url()},
        )


def issue_backup_codes(user):
    """Replace the user's backup codes with fresh single-use ones and return them."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="Reservkoder")
    device.token_set.all().delete()
    codes = [
        f"{secrets.randbelow(10**8):08d}" for _number in range(settings.STAFF_BACKUP_CODES)
    ]
    for code in codes:
        device.token_set.create(token=code)
    return codes
