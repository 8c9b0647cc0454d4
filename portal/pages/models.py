import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from django.db.models import Q
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from portal import page_cache
from portal.editorial.models import EditorialModel
from portal.markdown import render_markdown
from portal.redirects.models import KeepsOldURLs
from portal.search_index import SearchIndexed

logger = logging.getLogger("portal")

# Pages that templates and code link to by key, so that a link follows a renamed page.
HOME = "home"
ACCESSIBILITY = "accessibility"

# The parts of an accessibility statement that DIGG's supervision requires, as the
# statement's headings in each language.
ACCESSIBILITY_SECTIONS = {
    "sv": [
        "Hur tillgänglig är webbplatsen?",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
        "Rapportera brister",
        "Tillsyn",
    ],
    "en": [
        "How accessible is this website?",
        "Content that is not accessible",
        "How we tested the website",
        "Report a problem",
        "Enforcement",
    ],
}

_HEADING = re.compile(r"<h[2-6][^>]*>(.*?)</h[2-6]>", re.IGNORECASE | re.DOTALL)


def missing_sections(body, language):
    """The required headings of an accessibility statement that ``body`` lacks."""
    present = {strip_tags(heading).strip().casefold() for heading in _HEADING.findall(
        render_markdown(body)
    )}
    return [
        heading for heading in ACCESSIBILITY_SECTIONS[language]
        if heading.casefold() not in present
    ]


class PageQuerySet(models.QuerySet):
    def public(self):
        """Published pages: what visitors, menus, sitemaps and documents may show."""
        return self.filter(is_published=True)

    def at_path(self, path, language):
        """The published page at ``path`` (``om-oss/var-organisation/``) on the site of
        ``language``."""
        field = "path_en" if language == "en" else "path"
        return self.public().filter(**{field: path})

    def in_menus(self):
        """What every page's layout needs: pages linked by key, in the menu or the footer."""
        return self.public().filter(
            Q(key__isnull=False) | Q(show_in_navigation=True) | Q(show_in_footer=True)
        ).order_by("order", "pk")


class Page(KeepsOldURLs, SearchIndexed, EditorialModel):
    """A page of text in a tree: its address follows its parents (``/om-oss/var-organisation/``).

    Swedish is required; the English version exists when it has a title, with its own slug,
    so that ``/en/about/our-organisation/`` follows the English slugs of the same tree.
    """

    key = models.SlugField(
        _("nyckel"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Sidor som webbplatsen länkar till på fler ställen (sidfoten, formulären)."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ligger under"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to=~Q(key=HOME),
        help_text=_("Lämna tomt för en sida direkt under startsidan."),
    )
    title = models.CharField(_("rubrik"), max_length=200)
    slug = models.SlugField(
        _("kortadress"),
        max_length=100,
        blank=True,
        help_text=_("Sidans del av adressen, med små bokstäver a–z, siffror och bindestreck."),
    )
    lead = models.TextField(_("ingress"), blank=True)
    body = models.TextField(
        _("brödtext"),
        blank=True,
        help_text=_("Markdown: ## rubrik, - lista, **fetstil**, [länktext](https://…)."),
    )
    description = models.CharField(
        _("beskrivning för sökmotorer"),
        max_length=300,
        blank=True,
        help_text=_("Visas i sökmotorernas träfflista. Lämna tomt för webbplatsens."),
    )
    title_en = models.CharField(
        _("rubrik på engelska"),
        max_length=200,
        blank=True,
        help_text=_("Sidan finns på engelska när den har en engelsk rubrik."),
    )
    slug_en = models.SlugField(_("kortadress på engelska"), max_length=100, blank=True)
    lead_en = models.TextField(_("ingress på engelska"), blank=True)
    body_en = models.TextField(_("brödtext på engelska"), blank=True)
    description_en = models.CharField(
        _("beskrivning för sökmotorer på engelska"), max_length=300, blank=True
    )
    menu_title = models.CharField(
        _("kort rubrik i menyer"),
        max_length=60,
        blank=True,
        help_text=_("Länktexten i huvudmenyn och sidfoten. Lämna tomt för rubriken."),
    )
    menu_title_en = models.CharField(
        _("kort rubrik i menyer på engelska"), max_length=60, blank=True
    )
    documents = models.ManyToManyField(
        "portal.Document", verbose_name=_("dokument"), blank=True, related_name="pages",
        help_text=_("Visas i en lista under texten."),
    )
    # A new page waits for a publisher (EDITORIAL_REVIEW); edits to a published page are
    # kept as a draft until published (portal.editorial).
    is_published = models.BooleanField(_("publicerad"), default=False)
    show_in_navigation = models.BooleanField(_("visa i huvudmenyn"), default=False)
    show_in_footer = models.BooleanField(_("visa i sidfoten"), default=False)
    order = models.PositiveSmallIntegerField(
        _("ordning"),
        default=0,
        help_text=_("Lägre tal först: i menyerna och bland sidorna under samma sida."),
    )
    # Rendered on save, never per request; and the addresses that follow the tree.
    lead_html = models.TextField(editable=False, blank=True)
    body_html = models.TextField(editable=False, blank=True)
    lead_html_en = models.TextField(editable=False, blank=True)
    body_html_en = models.TextField(editable=False, blank=True)
    path = models.CharField(_("adress"), max_length=500, unique=True, editable=False)
    path_en = models.CharField(_("engelsk adress"), max_length=500, blank=True, editable=False)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = PageQuerySet.as_manager()

    PUBLICATION_FIELDS = ("is_published",)

    class Meta:
        verbose_name = _("sida")
        verbose_name_plural = _("sidor")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["path_en"], condition=~Q(path_en=""), name="portal_page_unique_path_en"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        stored_paths = getattr(self, "_stored_paths", None)
        self.path, self.path_en = self.build_paths()
        # Each language rendered in its own, so that references get that language's alt text.
        with translation.override("sv"):
            self.lead_html = render_markdown(self.lead)
            self.body_html = render_markdown(self.body)
        with translation.override("en"):
            self.lead_html_en = render_markdown(self.lead_en)
            self.body_html_en = render_markdown(self.body_en)
        super().save(*args, **kwargs)
        self._stored_paths = (self.path, self.path_en)
        if stored_paths is not None and stored_paths != self._stored_paths:
            # The pages below follow; each of them keeps its old address as a redirect.
            for child in self.children.all():
                child.parent = self
                child.save()

    def publish(self, now=None):
        if self.is_published:
            return False
        self.is_published = True
        Page.objects.filter(pk=self.pk).update(is_published=True)
        return True

    def unpublish(self):
        if not self.is_published:
            return False
        self.is_published = False
        Page.objects.filter(pk=self.pk).update(is_published=False)
        return True

    def get_absolute_url(self):
        """The page in the active language; the Swedish page when it has no English one."""
        if self.key == HOME:
            return reverse("home")
        if translation.get_language() == "en" and self.path_en:
            return reverse("page", kwargs={"path": self.path_en})
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("page", kwargs={"path": self.path})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What save() compares with, to know when the pages below must follow.
        instance._stored_paths = (instance.__dict__.get("path"), instance.__dict__.get("path_en"))
        return instance

    # Languages and addresses ----------------------------------------------------------------

    def menu_label(self):
        """The link text in the menus, in the active language."""
        if translation.get_language() == "en" and self.title_en:
            return self.menu_title_en or self.title_en
        return self.menu_title or self.title

    def languages(self):
        return ["sv", "en"] if self.title_en else ["sv"]

    def build_paths(self):
        """The Swedish and English paths that the slugs and the parents' paths make."""
        if self.key == HOME:
            return "", ""
        parent_path, parent_path_en = (
            (self.parent.path, self.parent.path_en) if self.parent else ("", "")
        )
        path = f"{parent_path}{self.slug}/"
        has_english_parent = self.parent is None or parent_path_en
        english = self.title_en and self.slug_en and has_english_parent
        return path, f"{parent_path_en}{self.slug_en}/" if english else ""

    def ancestors(self):
        """The pages above this one, nearest first (one query, kept while the path stays: the
        page view asks for the language switcher and again for the breadcrumbs)."""
        read_for, pages = getattr(self, "_ancestors", (None, None))
        if read_for != self.path:
            segments = self.path.split("/")[:-2]
            prefixes = ["/".join(segments[:end]) + "/" for end in range(1, len(segments) + 1)]
            pages = sorted(
                Page.objects.filter(path__in=prefixes),
                key=lambda page: len(page.path),
                reverse=True,
            )
            self._ancestors = (self.path, pages)
        return pages

    def nearest_translated(self, language):
        """This page, or the nearest page above it, that exists in ``language`` (or None)."""
        if language in self.languages():
            return self
        return next((page for page in self.ancestors() if language in page.languages()), None)

    # Validation ---------------------------------------------------------------------------

    def clean(self):
        errors = {}
        if self.parent_id and self.pk and (
            self.parent_id == self.pk or self.parent.path.startswith(self.path)
        ):
            raise ValidationError(
                {"parent": _("En sida kan inte ligga under sig själv eller sina undersidor.")}
            )
        # The addresses as saving will make them, for the uniqueness checks that follow.
        self.path, self.path_en = self.build_paths()
        is_home = self.key == HOME
        if not is_home and not self.slug:
            errors["slug"] = _("Fyll i en kortadress, till exempel var-organisation.")
        has_english = any(
            (self.title_en, self.slug_en, self.lead_en, self.body_en, self.description_en)
        )
        if has_english and not self.title_en:
            errors["title_en"] = _("Fyll i den engelska rubriken, eller töm de engelska fälten.")
        if has_english and not is_home and not self.slug_en:
            errors["slug_en"] = _(
                "Fyll i den engelska kortadressen, till exempel our-organisation."
            )
        if not errors and not is_home:
            errors.update(self._address_errors())
        if self.key == ACCESSIBILITY:
            errors.update(self._statement_errors())
        if errors:
            raise ValidationError(errors)

    def _address_errors(self):
        errors = {}
        path, path_en = self.build_paths()
        if self.title_en and not path_en:
            errors["slug_en"] = _(
                "Sidan den ligger under, ”%(parent)s”, finns inte på engelska. Ge den en "
                "engelsk version först, eller töm den här sidans engelska fält."
            ) % {"parent": self.parent}
        for field, value, lookup in (("slug", path, "path"), ("slug_en", path_en, "path_en")):
            if value and field not in errors:
                problem = self._taken(value, lookup)
                if problem:
                    errors[field] = problem
        return errors

    def _taken(self, path, lookup):
        """Why ``path`` cannot be this page's address, or None when it is free."""
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        if Page.objects.exclude(pk=self.pk).filter(**{lookup: path}).exists():
            return _("En annan sida på samma plats har redan kortadressen ”%(slug)s”.") % {
                "slug": slug
            }
        codes = [code for code, _name in settings.LANGUAGES]
        if path.count("/") == 1 and slug in codes:
            return _("Kortadressen ”%(slug)s” är reserverad för webbplatsens språk.") % {
                "slug": slug
            }
        for code in codes:
            url = f"/{path}" if code == settings.LANGUAGE_CODE else f"/{code}/{path}"
            with translation.override(code):
                try:
                    match = resolve(url)
                except Resolver404:
                    continue
            if match.url_name != "page":
                return _(
                    "Adressen %(url)s används redan av webbplatsen. Välj en annan kortadress."
                ) % {"url": url}
        return None

    def _statement_errors(self):
        errors = {}
        for field, language in (("body", "sv"), ("body_en", "en")):
            if language not in self.languages():
                continue
            missing = missing_sections(getattr(self, field), language)
            if missing:
                errors[field] = _(
                    "Tillgänglighetsredogörelsen måste ha de avsnitt som lagen kräver. "
                    "Lägg till rubrikerna: %(missing)s."
                ) % {"missing": ", ".join(f"”{heading}”" for heading in missing)}
        return errors



class SitePages:
    """The pages every page's layout links to, from one query: by key, menu and footer."""

    def __init__(self, pages, unavailable=None):
        self.pages = pages
        self.unavailable = unavailable  # the database error that left the pages out, if any

    def url(self, key):
        if self.unavailable is not None:
            # No link can be made without the pages: the page that needs one fails as the
            # database did, a 503, not as a missing page, a 500.
            raise self.unavailable
        for page in self.pages:
            if page.key == key:
                return page.get_absolute_url()
        raise Page.DoesNotExist(f"No page has the key {key!r}.")

    def _shown(self, flag):
        language = translation.get_language()
        return [page for page in self.pages if getattr(page, flag) and language in page.languages()]

    def navigation(self):
        return self._shown("show_in_navigation")

    def footer(self):
        return self._shown("show_in_footer")


def site_pages():
    """SitePages, kept in the page cache's store until a page is saved.

    Also on the error page that says the database is down: without pages then, rather than
    fail that page itself.
    """
    try:
        return SitePages(page_cache.remember("site-pages", lambda: list(Page.objects.in_menus())))
    except DatabaseError as error:
        logger.warning("Pages left out of the menus: the database does not answer")
        return SitePages([], unavailable=error)


def page_url(key):
    """The URL, in the active language, of the page with ``key`` (about, contact …)."""
    return site_pages().url(key)
