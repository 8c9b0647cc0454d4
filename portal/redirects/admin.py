from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal import audit
from portal.redirects.models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses: kept by the site when something moves, or added by hand by an editor."""

    list_display = ["old_path", "target_or_gone", "manual", "created_by", "created_at"]
    list_filter = ["manual"]
    list_select_related = ["created_by"]
    search_fields = ["old_path", "target"]
    fields = ["old_path", "target"]

    @admin.display(description=_("ny adress"), ordering="target")
    def target_or_gone(self, redirect):
        return redirect.target or _("borttagen (410)")

    def save_model(self, request, obj, form, change):
        obj.manual = True
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        audit.record("redirect_added", obj, user=request.user, detail=str(obj))
