from django.apps import AppConfig
from django.core.checks import Tags, register
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What belongs to the whole site: layout, static pages, roles, demo and periodic jobs."""

    name = "portal"
    label = "portal"
    verbose_name = _("Portalen")

    def ready(self):
        from portal import checks, page_cache, roles

        register(checks.check_trusted_proxy_count, Tags.security)

        # After every migrate, so that models added later get their group permissions too.
        post_migrate.connect(roles.sync_groups, dispatch_uid="portal.sync_groups")
        # Saved content makes cached pages out of date, whichever process saves it.
        page_cache.connect_signals()
