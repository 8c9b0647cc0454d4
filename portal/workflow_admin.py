"""The history of a workflow on its object's admin page."""

from django.contrib import admin


class StatusHistoryInline(admin.TabularInline):
    """Each step taken, read-only: only the workflow itself writes its history."""

    extra = 0
    can_delete = False
    fields = ["changed_at", "from_status", "to_status", "changed_by"]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")
