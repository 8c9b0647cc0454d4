"""News items: written in one language, scheduled by a publish time, found by search.

An item belongs to the site of its language (Swedish items on the Swedish site, English
items on the English one) and may be linked to its translation in the other language.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.archive import periods_with
from portal.editorial.models import EditorialModel
from portal.markdown import render_markdown
from portal.media.embeds import HELP_TEXT as REFERENCES_HELP_TEXT
from portal.media.embeds import validate_references
from portal.media.images import RandomName, StrippedImageField, private_storage, scaled
from portal.redirects.models import KeepsOldURLs
from portal.search_index import SEARCH_CONFIGS, SEARCH_FIELDS, SearchIndexed
from relations.models import Organisation, Topic


def current_language():
    """The page's language as an item's language code ("sv" or "en")."""
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in SEARCH_CONFIGS else settings.LANGUAGE_CODE


class NewsItemQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public may see: published, with a publish time that has come.

        An item scheduled for tomorrow appears tomorrow by this filter alone; no job has
        to flip a flag at the right moment.
        """
        return self.filter(status=NewsItem.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def public(self):
        """What the public may see (the name other apps' code asks every model for).

        By the database's clock: the SQL is then the same at every moment, so the site
        search and the documents' ``public()`` can compile it once (portal.search).
        """
        return self.published(now=Now())

    def in_language(self, language=None):
        """Items of the given language, by default the language of the current page."""
        return self.filter(language=language or current_language())

    def eu_monitoring(self):
        return self.filter(kind=NewsItem.Kind.EU_MONITORING)

    def for_listing(self):
        """What a list of items shows: topics, newest first, in a constant number of queries;
        not the search columns, which can be larger than the rest of the row."""
        return (
            self.prefetch_related("topics").defer(*SEARCH_FIELDS).order_by("-publish_at", "-pk")
        )


class NewsItem(KeepsOldURLs, SearchIndexed, EditorialModel):
    class Language(models.TextChoices):
        SWEDISH = "sv", _("svenska")
        ENGLISH = "en", _("engelska")

    class Status(models.TextChoices):
        DRAFT = "draft", _("utkast")
        PUBLISHED = "published", _("publicerad")

    class Kind(models.TextChoices):
        NEWS = "news", _("nyhet")
        # An early warning from Brussels about a coming call, consultation or decision.
        EU_MONITORING = "eu-monitoring", _("EU-bevakning")

    kind = models.CharField(
        _("typ"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text=_("EU-bevakning är en tidig varning om en kommande utlysning, ett samråd "
                    "eller ett beslut; den listas på en egen sida."),
    )
    title = models.CharField(_("rubrik"), max_length=200)
    slug = models.SlugField(
        _("adressnamn"),
        max_length=200,
        help_text=_("Används i nyhetens adress. Unikt bland nyheterna på samma språk."),
    )
    language = models.CharField(
        _("språk"), max_length=2, choices=Language.choices, default=Language.SWEDISH
    )
    translation = models.OneToOneField(
        "self",
        verbose_name=_("översättning"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Samma nyhet på det andra språket. Länken sätts åt båda hållen när du sparar."
        ),
    )
    lead = models.TextField(
        _("ingress"), max_length=600, help_text=_("En eller två meningar som sammanfattar nyheten.")
    )
    body = models.TextField(
        _("brödtext"),
        blank=True,
        validators=[validate_references],
        help_text=format_lazy(
            "{} {}",
            _("Skrivs i Markdown: ## Mellanrubrik, **fetstil**, *kursiv*, - punktlista, "
              "[länktext](https://…) och tabeller."),
            REFERENCES_HELP_TEXT,
        ),
    )
    body_html = models.TextField(_("brödtext som HTML"), blank=True, editable=False)

    topics = models.ManyToManyField(
        Topic, verbose_name=_("prioriterade frågor"), blank=True, related_name="news_items"
    )
    related_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("relaterade organisationer"),
        blank=True,
        related_name="news_items",
    )
    related_visits = models.ManyToManyField(
        "visits.Visit",
        verbose_name=_("relaterade besök"),
        blank=True,
        related_name="news_items",
        help_text=_("Bara offentliga besök visas på webbplatsen."),
    )
    internship_calls = models.ManyToManyField(
        "internships.InternshipCall",
        verbose_name=_("relaterade praktikutlysningar"),
        blank=True,
        related_name="news_items",
        help_text=_("Bara publicerade utlysningar visas på webbplatsen."),
    )
    follow_up = models.ForeignKey(
        "relations.AgreementFollowUp",
        verbose_name=_("uppföljning av överenskommelse"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        help_text=_("Nyheten visas på uppföljningens sida när överenskommelsen är offentlig."),
    )

    # What an EU monitoring item says besides its text (required for that kind).
    deadline = models.DateField(
        _("sista dag"),
        null=True,
        blank=True,
        help_text=_("När utlysningen stänger, samrådet slutar eller beslutet fattas."),
    )
    regional_impact = models.TextField(
        _("vad det betyder för regionen"),
        blank=True,
        help_text=_("Vem i Västra Götaland som berörs och vad de kan göra."),
    )
    monitoring_contact = models.ForeignKey(
        "relations.Contact",
        verbose_name=_("kontaktperson för bevakningen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_items",
    )

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skribent (användare)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
    )
    author_name = models.CharField(
        _("skribent (namn)"),
        max_length=120,
        blank=True,
        help_text=_("Visas i stället för användarens namn, till exempel för en gästskribent."),
    )

    # Kept, without its metadata, in the private storage; the pages show the rendition.
    image = StrippedImageField(
        _("bild"), storage=private_storage, upload_to=RandomName("news/sources"), blank=True
    )
    image_alt = models.CharField(
        _("alternativtext"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv vad bilden visar för den som inte ser den."),
    )
    image_credit = models.CharField(_("fotograf"), max_length=120, blank=True)
    # The web-sized copy the pages show, made when an image is uploaded.
    rendition = models.ImageField(upload_to="news/", blank=True, editable=False)
    rendition_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    rendition_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    documents = models.ManyToManyField(
        "portal.Document",
        verbose_name=_("dokument"),
        blank=True,
        related_name="news_items",
        help_text=_("Visas i en lista under texten. Dokument som texten länkar till läggs till "
                    "när du sparar."),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publiceringstid"),
        default=timezone.now,
        help_text=_("En publicerad nyhet med en tid i framtiden visas först då."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    PUBLICATION_FIELDS = ("status", "publish_at")

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="newsroom_unique_slug_per_language"
            ),
        ]
        indexes = [
            models.Index(fields=["language", "status", "publish_at"], name="newsroom_public_idx"),
            # The sitemap index counts the published stories (an item and its translation
            # are one) and asks for the latest dates: from these indexes alone, however
            # long the archive.
            models.Index(
                fields=["status", "publish_at"],
                include=["language", "translation"],
                name="newsroom_published_idx",
            ),
            models.Index(
                fields=["status", "updated_at"], include=["publish_at"],
                name="newsroom_updated_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        with translation.override(self.language):
            self.body_html = render_markdown(self.body)
        if self._image_is_new_upload():
            self._make_rendition()
        elif not self.image:
            self.rendition = ""
            self.rendition_width = self.rendition_height = None
        with transaction.atomic():
            self._release_old_translation()
            super().save(*args, **kwargs)
            self._link_translation_back()

    def get_absolute_url(self):
        """The item's address on the site of its own language."""
        with translation.override(self.language):
            return reverse("newsroom:detail", kwargs={"slug": self.slug})

    def get_preview_url(self):
        """The staff-only preview, on the site of the item's language."""
        with translation.override(self.language):
            return reverse("newsroom:preview", kwargs={"pk": self.pk})

    # Validation and saving --------------------------------------------------------------

    def clean(self):
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("En bild behöver en alternativtext.")
        if self.slug and self.language:
            duplicate = NewsItem.objects.filter(language=self.language, slug=self.slug)
            if self.pk:
                duplicate = duplicate.exclude(pk=self.pk)
            if duplicate.exists():
                errors["slug"] = _(
                    "Det finns redan en nyhet på samma språk med det här adressnamnet."
                )
        if self.translation_id:
            errors.update(self._translation_errors())
        if self.kind == self.Kind.EU_MONITORING:
            errors.update(self._monitoring_errors())
        if errors:
            raise ValidationError(errors)

    def _monitoring_errors(self):
        """An early warning is only useful with its date, its meaning and whom to ask."""
        errors = {}
        if self.deadline is None:
            errors["deadline"] = _("Ange sista dag för utlysningen, samrådet eller beslutet.")
        if not self.regional_impact.strip():
            errors["regional_impact"] = _("Skriv vad det betyder för regionen.")
        if self.monitoring_contact_id is None:
            errors["monitoring_contact"] = _("Välj vem läsarna kan kontakta om bevakningen.")
        return errors

    def _translation_errors(self):
        other = self.translation
        if self.pk and other.pk == self.pk:
            return {"translation": _("En nyhet kan inte vara sin egen översättning.")}
        if other.language == self.language:
            return {"translation": _("Översättningen ska vara skriven på det andra språket.")}
        taken = NewsItem.objects.filter(translation=other)
        if self.pk:
            taken = taken.exclude(pk=self.pk)
        if other.translation_id not in (None, self.pk) or taken.exists():
            return {"translation": _("Den nyheten är redan länkad till en annan översättning.")}
        return {}

    def _image_is_new_upload(self):
        # An uploaded file that the storage has not saved yet is a new image; an image
        # already stored keeps the rendition made when it came.
        return bool(self.image) and not getattr(self.image, "_committed", True)

    # The widest image a news page shows.
    RENDITION_WIDTH = 1200

    def _make_rendition(self):
        content, width, height = scaled(self.image.file, self.RENDITION_WIDTH)
        # A name of its own, so that nothing about the source is guessable from it.
        self.rendition.save(f"{uuid.uuid4().hex}.jpg", ContentFile(content), save=False)
        self.rendition_width, self.rendition_height = width, height

    def _release_old_translation(self):
        """Whatever pointed at this item as its translation, and is no longer it, lets go."""
        if self.pk:
            NewsItem.objects.filter(translation=self).exclude(pk=self.translation_id).update(
                translation=None
            )

    def _link_translation_back(self):
        """The link is kept on both items, so either side finds the other in one join."""
        if self.translation_id:
            NewsItem.objects.filter(pk=self.translation_id).exclude(translation=self).update(
                translation=self
            )

    # Visibility -------------------------------------------------------------------------

    @property
    def is_published(self):
        """Published, whether already public or scheduled: edits to it become a draft."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def public_translation(self):
        """The translation, when the public may see it (else None)."""
        if self.translation_id and self.translation.is_public:
            return self.translation
        return None

    # Dates ------------------------------------------------------------------------------

    # An edit within this time of publication is part of publishing, not an update.
    UPDATE_GRACE = datetime.timedelta(hours=1)

    @property
    def last_modified(self):
        """When the public version last changed: publication or a later edit."""
        return max(self.publish_at, self.updated_at or self.publish_at)

    @property
    def shows_updated(self):
        """Whether the page should say "updated": edited well after it was published."""
        return bool(self.updated_at) and self.updated_at - self.publish_at > self.UPDATE_GRACE

    @property
    def byline(self):
        if self.author_name:
            return self.author_name
        if self.author_id:
            return self.author.get_full_name()
        return ""

    @property
    def has_image(self):
        return bool(self.rendition)

    # Publishing -------------------------------------------------------------------------

    def publish(self, now=None):
        """Publish now, or at the scheduled time when that is still to come.

        A draft whose publish time has passed would otherwise appear back-dated, below
        newer items. Publishing is not an edit, so "updated" stays as it was.
        """
        if self.status == self.Status.PUBLISHED:
            return False
        now = now or timezone.now()
        self.status = self.Status.PUBLISHED
        if self.publish_at < now:
            self.publish_at = now
        NewsItem.objects.filter(pk=self.pk).update(status=self.status, publish_at=self.publish_at)
        return True

    def unpublish(self):
        """Back to draft: gone from every public page, feed and sitemap at once."""
        if self.status == self.Status.DRAFT:
            return False
        self.status = self.Status.DRAFT
        NewsItem.objects.filter(pk=self.pk).update(status=self.status)
        return True


def topics_with_news_in(queryset):
    """The topics of the items of ``queryset``: one EXISTS per topic, which stops at its
    first item, where a DISTINCT over the join read every item of the archive."""
    links = NewsItem.topics.through.objects.filter(topic=OuterRef("pk"), newsitem__in=queryset)
    return Topic.objects.filter(Exists(links))


def years_with_news(queryset):
    """The years (newest first) in which the items of ``queryset`` were published."""
    return [start.year for start in periods_with(queryset, "publish_at", "year")]


# The newsletter's models are defined in newsroom.newsletter.models. Imported here, which is
# how the app and its migrations find them; at the end, because they refer to NewsItem.
from newsroom.newsletter.models import (  # noqa: E402, F401
    Delivery,
    IssueItem,
    ListSubscription,
    NewsletterIssue,
    Subscriber,
    SuppressedAddress,
)
