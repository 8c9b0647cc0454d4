import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from config.registry import app_modules

logger = logging.getLogger("portal")


class HomeView(TemplateView):
    """The home page: the unit in brief, then one section from each app that has content."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = []
        for module in app_modules("home"):
            section = module.home_section(self.request)
            if section:
                sections.append(section)
        context["sections"] = sections
        return context


class StaticPageView(TemplateView):
    """A page of fixed text, written once per language as ``pages/<page>.<language>.html``."""

    page = None

    def get_template_names(self):
        return [f"pages/{self.page}.{translation.get_language()}.html"]


def page_not_found(request, exception):
    # No hreflang alternates: the other language has no such page either.
    return render(request, "404.html", {"alternates": {}}, status=404)


def server_error(request):
    # Rendered without the database or context processors, which may be what failed.
    return render(request, "500.html", {"alternates": {}}, status=500)


@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not (for the load balancer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
