"""Where old addresses lead: a public URL that changes answers 301 for ever, a removed one 410.

A model with public pages opts in by taking ``KeepsOldURLs`` among its bases; the signal
handlers below then compare its public URLs in every language before and after each save,
and keep a ``Redirect`` from each URL that moved. Chains never form: when B moves to C,
whatever led to B leads to C. The rows are read only when the site has no page at a path
(portal/redirects/middleware.py), so a live page always wins over a stored redirect.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class KeepsOldURLs:
    """Mixin for a model with public pages: its old URLs redirect, its removed ones are gone.

    The model's ``get_absolute_url()`` gives its URL in the active language. A row is public
    while its ``is_public`` (or ``is_published``) is true; a model without either is always
    public.
    """

    def has_public_page(self):
        return bool(getattr(self, "is_public", getattr(self, "is_published", True)))

    def public_urls(self):
        """Language code to the path of this row's public page; empty when not public."""
        if not self.has_public_page():
            return {}
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = self.get_absolute_url()
        return urls


def is_external(target):
    return target.startswith(("http://", "https://"))


def validate_path(value):
    if not value.startswith("/") or value.startswith("//"):
        raise ValidationError(
            _("Skriv en adress på webbplatsen som börjar med /, till exempel /om-oss/."),
            code="invalid_path",
        )


def validate_target(value):
    if is_external(value):
        URLValidator(schemes=["http", "https"])(value)
    else:
        validate_path(value)


class RedirectQuerySet(models.QuerySet):
    def resolve(self, target):
        """Where ``target`` leads in the end: itself, or where its own redirect points."""
        onward = self.filter(old_path=target).values_list("target", flat=True).first()
        return target if onward is None else onward

    def move(self, old_path, new_path):
        """``old_path`` moved to ``new_path``, which is live: both answer, chains collapse."""
        self.filter(old_path=new_path).delete()
        self.filter(target=old_path).update(target=new_path)
        self.update_or_create(old_path=old_path, defaults={"target": new_path, "manual": False})

    def remove(self, old_path):
        """Nothing is at ``old_path`` any more: it, and what led to it, answer 410 Gone."""
        self.filter(target=old_path).update(target="")
        self.update_or_create(old_path=old_path, defaults={"target": "", "manual": False})


class Redirect(models.Model):
    """An old address: 301 to ``target`` (a path or an external URL), or 410 when empty."""

    old_path = models.CharField(
        _("gammal adress"),
        max_length=500,
        unique=True,
        validators=[validate_path],
        help_text=_("Adressen som inte längre finns, till exempel /nyheter/gammal-rubrik/."),
    )
    target = models.CharField(
        _("ny adress"),
        max_length=500,
        blank=True,
        validators=[validate_target],
        help_text=_(
            "En adress på webbplatsen (/om-oss/) eller en hel webbadress (https://…). "
            "Lämna tom om sidan är borttagen: besökaren får då veta att den inte finns kvar."
        ),
    )
    manual = models.BooleanField(_("tillagd för hand"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tillagd av"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tillagd"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("omdirigering")
        verbose_name_plural = _("omdirigeringar")
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.target or '410'}"

    @property
    def is_gone(self):
        return not self.target

    def clean(self):
        if not self.old_path or not self.target:
            return
        if is_external(self.target):
            return
        final = Redirect.objects.exclude(pk=self.pk).resolve(self.target)
        if final == self.old_path:
            raise ValidationError(
                {
                    "target": _(
                        "Omdirigeringen skulle leda tillbaka till %(path)s och bilda en slinga. "
                        "Välj en annan ny adress."
                    )
                    % {"path": self.old_path}
                },
                code="loop",
            )
        # A redirect to an address that itself redirects goes straight to the end instead.
        self.target = final


# The signal handlers that make KeepsOldURLs work. -----------------------------------------


def _remember_urls(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, KeepsOldURLs) or instance._state.adding:
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    instance._urls_before_save = stored.public_urls() if stored is not None else {}


def _keep_moved_urls(sender, instance, created=False, raw=False, **kwargs):
    if raw or not isinstance(instance, KeepsOldURLs):
        return
    before = instance.__dict__.pop("_urls_before_save", {})
    after = instance.public_urls()
    if before == after:
        return
    Redirect.objects.filter(old_path__in=after.values()).delete()
    for code, old_path in before.items():
        if old_path in after.values():
            continue
        new_path = after.get(code)
        if new_path:
            Redirect.objects.move(old_path, new_path)
        else:
            Redirect.objects.remove(old_path)


def _leave_gone(sender, instance, **kwargs):
    if not isinstance(instance, KeepsOldURLs):
        return
    for path in set(instance.public_urls().values()):
        Redirect.objects.remove(path)


def connect_signals():
    """Called from PortalConfig.ready()."""
    pre_save.connect(_remember_urls, dispatch_uid="redirects.remember")
    post_save.connect(_keep_moved_urls, dispatch_uid="redirects.moved")
    post_delete.connect(_leave_gone, dispatch_uid="redirects.gone")
