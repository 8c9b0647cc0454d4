from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    """The back office: in Swedish, with the unit's name, and behind a second factor.

    With ``STAFF_2FA_REQUIRED`` a staff member must have passed a TOTP device this
    session; logging in (password, then code or enrolment) happens on the portal's own
    pages, so that a user without a device can enrol before the admin opens.
    """

    site_header = _("Externa relationer – administration")
    site_title = _("Externa relationer")
    index_title = _("Administration")

    def get_urls(self):
        from portal.autocomplete import URL_NAME, PublicChoicesView
        from portal.personal_data_admin import personal_data_view

        own = [
            path(
                "personuppgifter/",
                self.admin_view(lambda request: personal_data_view(request, self)),
                name="personal-data",
            ),
            path(
                "offentliga-val/",
                self.admin_view(PublicChoicesView.as_view(admin_site=self)),
                name=URL_NAME,
            ),
        ]
        return own + super().get_urls()

    def get_app_list(self, request, app_label=None):
        """The models, with a count beside those whose admin keeps one (an inbox)."""
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            for entry in app["models"]:
                model_admin = self._registry.get(entry["model"])
                if hasattr(model_admin, "index_count"):
                    entry["name"] = f"{entry['name']} ({model_admin.index_count(request)})"
        return app_list

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.STAFF_2FA_REQUIRED or request.user.is_verified()

    def login(self, request, extra_context=None):
        if not settings.STAFF_2FA_REQUIRED:
            return super().login(request, extra_context)
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        target = "two-factor-verify" if request.user.is_authenticated else "staff-login"
        return redirect(f"{reverse(target)}?{urlencode({'next': next_url})}")


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
