from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """One accepted public form, by its one-time token: a replayed POST finds it here.

    The row is written in the same transaction as what the form created, so a double
    click or a replay lands exactly once, across processes and machines.
    """

    token = models.CharField(_("engångsnyckel"), max_length=64, unique=True)
    scope = models.CharField(_("formulär"), max_length=50)
    receipt_url = models.CharField(_("kvittoadress"), max_length=500, blank=True)
    created = models.DateTimeField(_("mottaget"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("mottaget formulär")
        verbose_name_plural = _("mottagna formulär")

    def __str__(self):
        return f"{self.scope} {self.created:%Y-%m-%d %H:%M}"


class FormAttempt(models.Model):
    """One attempt counted against a form limit while the cache does not answer.

    The limits are counted in the cache; these rows stand in for it meanwhile, so that a
    stopped Redis lifts no limit. Purged with the expired form tokens.
    """

    key = models.CharField(_("nyckel"), max_length=300)
    created = models.DateTimeField(_("tidpunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("formulärförsök")
        verbose_name_plural = _("formulärförsök")
        indexes = [models.Index(fields=["key", "created"])]

    def __str__(self):
        return f"{self.key} {self.created:%Y-%m-%d %H:%M}"


# Models kept in modules named for what they hold, imported here so that Django finds them.
from portal.editorial.models import Draft, ReviewRequest  # noqa: E402, F401
from portal.media.documents import Document  # noqa: E402, F401
from portal.media.images import Image  # noqa: E402, F401
from portal.media.videos import Video  # noqa: E402, F401
from portal.pages.models import Page  # noqa: E402, F401
from portal.redirects.models import Redirect  # noqa: E402, F401
