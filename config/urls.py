from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from portal import two_factor, views
from portal.sitemaps import collect_sitemaps

sitemaps = collect_sitemaps()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("om-oss/"), views.StaticPageView.as_view(page="about"), name="about"),
    path(
        _("tillganglighet/"),
        views.StaticPageView.as_view(page="accessibility"),
        name="accessibility",
    ),
    path(
        _("personuppgifter/"),
        views.StaticPageView.as_view(page="personal_data"),
        name="personal-data",
    ),
    path(_("kontakt/"), views.StaticPageView.as_view(page="contact"), name="contact"),
    path(_("konto/logga-in/"), two_factor.StaffLoginView.as_view(), name="staff-login"),
    path(_("konto/tvafaktor/"), two_factor.VerifyView.as_view(), name="two-factor-verify"),
    path(_("konto/tvafaktor/aktivera/"), two_factor.EnrolView.as_view(), name="two-factor-enrol"),
    path(_("nyheter/"), include("newsroom.urls")),
    path(_("besok/"), include("visits.urls")),
    path(_("praktik/"), include("internships.urls")),
    path(_("evenemang/"), include("events.urls")),
    path(_("natverk-och-eu/"), include("relations.urls")),
    prefix_default_language=False,
)

if settings.BENCH_BASELINE:
    # make bench's baseline: a trivial view through the whole middleware stack.
    urlpatterns.append(path("bench/baseline", views.bench_baseline, name="bench-baseline"))

handler404 = views.page_not_found
handler500 = views.server_error

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
