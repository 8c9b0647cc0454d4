from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.editorial.admin import EditorialAdmin
from portal.pages.models import Page


@admin.register(Page)
class PageAdmin(EditorialAdmin):
    list_display = [
        "title_in_tree", "address", "has_english", "is_published", "show_in_navigation",
        "show_in_footer", "order",
    ]
    list_editable = ["show_in_navigation", "show_in_footer", "order"]
    list_select_related = False
    ordering = ["path"]
    search_fields = ["title", "title_en", "lead", "body", "body_en", "path", "path_en"]
    prepopulated_fields = {"slug": ["title"], "slug_en": ["title_en"]}
    readonly_fields = ["key", "path", "path_en"]
    autocomplete_fields = ["documents"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "description", "documents",
                           "is_published"]}),
        (
            _("På engelska (frivilligt)"),
            {"fields": ["title_en", "slug_en", "lead_en", "body_en", "description_en"]},
        ),
        (
            _("Plats på webbplatsen"),
            {
                "fields": [
                    "parent", "show_in_navigation", "show_in_footer", "order", "menu_title",
                    "menu_title_en", "path", "path_en", "key",
                ]
            },
        ),
    ]

    @admin.display(description=_("rubrik"), ordering="path")
    def title_in_tree(self, page):
        # Indented by depth, so that the list reads as the tree it is.
        depth = page.path.count("/") - 1
        return format_html("{}{}", "\u2003" * max(depth, 0) + ("↳ " if depth > 0 else ""), page)

    @admin.display(description=_("adress"))
    def address(self, page):
        return page.get_absolute_url()

    @admin.display(description=_("på engelska"), boolean=True)
    def has_english(self, page):
        return "en" in page.languages()

    def has_delete_permission(self, request, obj=None):
        # Pages with a key are linked from the layout and the forms: rename them, never delete.
        if obj is not None and obj.key:
            return False
        return super().has_delete_permission(request, obj)
