import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from portal import staff_sessions, two_factor, views
from portal.access import public_view, staff_view
from portal.pages.views import PageView
from portal.sitemaps import collect_sitemaps

sitemaps = collect_sitemaps()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", public_view(views.healthz), name="healthz"),
    path(".well-known/security.txt", public_view(views.security_txt), name="security-txt"),
    path(
        "robots.txt",
        public_view(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
        name="robots",
    ),
    path(
        "sitemap.xml",
        public_view(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_view(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
]

urlpatterns += i18n_patterns(
    path("", public_view(views.HomeView.as_view()), name="home"),
    # The login's own steps: open to anyone, since they are how staff pass the second factor.
    path(
        _("konto/logga-in/"), public_view(two_factor.StaffLoginView.as_view()), name="staff-login"
    ),
    path(
        _("konto/tvafaktor/"),
        public_view(two_factor.VerifyView.as_view()),
        name="two-factor-verify",
    ),
    path(
        _("konto/aktiv/"), staff_view(staff_sessions.keep_alive), name="staff-keep-alive"
    ),
    path(
        _("konto/tvafaktor/aktivera/"),
        public_view(two_factor.EnrolView.as_view()),
        name="two-factor-enrol",
    ),
    path(_("dokument/"), include("portal.media.urls")),
    path(_("nyheter/"), include("newsroom.urls")),
    path(_("besok/"), include("visits.urls")),
    path(_("praktik/"), include("internships.urls")),
    path(_("evenemang/"), include("events.urls")),
    path(_("natverk-och-eu/"), include("relations.urls")),
    path(_("sok/"), public_view(views.SearchView.as_view()), name="search"),
    # Last: the editors' pages (portal/pages/), wherever no other page answers.
    re_path(r"^(?P<path>(?:[-\w]+/)+)$", public_view(PageView.as_view()), name="page"),
    prefix_default_language=False,
)

if settings.BENCH_BASELINE:
    # make bench's baseline: a trivial view through the whole middleware stack.
    urlpatterns.append(
        path("bench/baseline", public_view(views.bench_baseline), name="bench-baseline")
    )

handler404 = views.page_not_found
handler500 = views.server_error

if settings.DEBUG:
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            public_view(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    )
