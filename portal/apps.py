from django.apps import AppConfig
from django.core.checks import Tags, register
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# The third-party apps that the admin lists, named in Swedish through the project's
# catalogues like everything else staff read: app label to its name, and model name to
# (singular, plural).
THIRD_PARTY_NAMES = {
    "auditlog": (_("Granskningslogg"), {}),
    "axes": (_("Inloggningsförsök"), {
        "accessattempt": (_("inloggningsförsök"), _("inloggningsförsök")),
        "accessfailurelog": (_("misslyckad inloggning"), _("misslyckade inloggningar")),
        "accessattemptexpiration": (_("spärrtid för inloggning"), _("spärrtider för inloggning")),
        "accesslog": (_("inloggning"), _("inloggningar")),
    }),
    "otp_totp": (_("Tvåfaktorinloggning: appar"), {
        "totpdevice": (_("autentiseringsapp"), _("autentiseringsappar")),
    }),
    "otp_static": (_("Tvåfaktorinloggning: reservkoder"), {
        "staticdevice": (_("uppsättning reservkoder"), _("uppsättningar reservkoder")),
        "statictoken": (_("reservkod"), _("reservkoder")),
    }),
    "django_tasks_database": (_("Bakgrundsjobb"), {
        "dbtaskresult": (_("bakgrundsjobb"), _("bakgrundsjobb")),
    }),
}


def name_third_party_apps(apps):
    installed = {config.label for config in apps.get_app_configs()}
    for label, (app_name, models) in THIRD_PARTY_NAMES.items():
        if label not in installed:
            continue
        config = apps.get_app_config(label)
        config.verbose_name = app_name
        for model_name, (singular, plural) in models.items():
            opts = config.get_model(model_name)._meta
            opts.verbose_name, opts.verbose_name_plural = singular, plural


class PortalConfig(AppConfig):
    """What belongs to the whole site: layout, content pages, redirects, roles, demo and
    periodic jobs."""

    name = "portal"
    label = "portal"
    verbose_name = _("Portalen")

    def ready(self):
        import reversion
        from django.apps import apps

        from portal import checks, page_cache, roles
        from portal.editorial.models import EditorialModel
        from portal.pages.standard import ensure_standard_pages
        from portal.redirects import models as redirects

        # Every editorial model keeps its revisions, whichever app defines it.
        for model in apps.get_models():
            if issubclass(model, EditorialModel) and not reversion.is_registered(model):
                reversion.register(model)
        register(checks.check_trusted_proxy_count, Tags.security)
        name_third_party_apps(apps)

        # After every migrate, so that models added later get their group permissions too.
        post_migrate.connect(roles.sync_groups, dispatch_uid="portal.sync_groups")
        # After the portal's own migrations only: the Page model is the portal's.
        post_migrate.connect(
            ensure_standard_pages, sender=self, dispatch_uid="portal.ensure_standard_pages"
        )
        # Saved content makes cached pages out of date, whichever process saves it.
        page_cache.connect_signals()
        # A public URL that changes keeps answering (models that take KeepsOldURLs).
        redirects.connect_signals()
