from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.generic import DetailView

from portal.navigation import BreadcrumbsMixin, Crumb
from portal.pages.models import Page


class PageView(BreadcrumbsMixin, DetailView):
    """A page of the tree, by its path in the page's language (the URLs' catch-all)."""

    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Page.objects.at_path(self.kwargs["path"], translation.get_language())
        )

    def get_template_names(self):
        # A page linked by key may add to the layout (the offices on the contact page).
        return [f"portal/pages/page_{self.object.key}.html", "portal/pages/page.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alternates"], context["language_fallbacks"] = self.language_versions()
        return context

    def language_versions(self):
        """hreflang alternates for the languages the page exists in; for the others, the
        nearest page above it that does, which the language switcher links to instead."""
        alternates, fallbacks = {}, {}
        for code, _name in settings.LANGUAGES:
            nearest = self.object.nearest_translated(code)
            if nearest is None:
                continue
            with translation.override(code):
                url = self.request.build_absolute_uri(nearest.get_absolute_url())
            (alternates if nearest is self.object else fallbacks)[code] = url
        return alternates, fallbacks

    def get_breadcrumbs(self):
        """The published pages above this one, from the top; none for a top page."""
        page = self.object
        if page.parent_id is None:
            return []
        above = [ancestor for ancestor in reversed(page.ancestors()) if ancestor.is_published]
        return [
            *(Crumb(ancestor.menu_label(), ancestor.get_absolute_url()) for ancestor in above),
            Crumb(page.menu_label()),
        ]
