"""Videos: a card that links to the provider, never a player from a third party.

An embedded player loads the provider's scripts and cookies before the visitor has asked
for anything. The card shows a thumbnail kept here, the title and the duration, and the
visitor follows the link to watch. When the editor leaves the title, duration or thumbnail
blank, they are asked of the provider's oEmbed endpoint, which may not answer: the fetch
gives up quickly and the editor fills them in by hand.
"""

import datetime
import io
import json
import logging
from urllib.error import URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from portal.fields import HttpsURLField
from portal.media.images import RandomName, StrippedImageField

logger = logging.getLogger("portal")

# The providers the unit publishes on, by host, and their oEmbed endpoints.
OEMBED_ENDPOINTS = {
    "youtube.com": "https://www.youtube.com/oembed",
    "youtu.be": "https://www.youtube.com/oembed",
    "vimeo.com": "https://vimeo.com/api/oembed.json",
}
OEMBED_TIMEOUT_SECONDS = 3
OEMBED_MAX_BYTES = 64 * 1024
THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024


def _endpoint(url):
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
    return OEMBED_ENDPOINTS.get(host)


def _get(url, limit):
    request = Request(url, headers={"User-Agent": "externa-relationer/1.0"})  # noqa: S310
    with urlopen(request, timeout=OEMBED_TIMEOUT_SECONDS) as response:  # noqa: S310 - https only
        return response.read(limit + 1)[:limit]


def fetch_oembed(url):
    """What the provider says about the video at ``url``: title, provider, duration and a
    thumbnail (as an uploaded file), each only when given; ``{}`` when it does not answer."""
    endpoint = _endpoint(url)
    if endpoint is None:
        return {}
    try:
        data = json.loads(_get(f"{endpoint}?{urlencode({'url': url, 'format': 'json'})}",
                               OEMBED_MAX_BYTES))
    except (URLError, OSError, ValueError) as error:
        logger.info("No oEmbed answer for %s: %s", url, error)
        return {}
    found = {}
    if isinstance(data.get("title"), str):
        found["title"] = data["title"][:200]
    if isinstance(data.get("provider_name"), str):
        found["provider_name"] = data["provider_name"][:100]
    if isinstance(data.get("duration"), int | float):
        found["duration"] = datetime.timedelta(seconds=int(data["duration"]))
    thumbnail = _fetch_thumbnail(data.get("thumbnail_url"))
    if thumbnail is not None:
        found["thumbnail"] = thumbnail
    return found


def _fetch_thumbnail(url):
    if not isinstance(url, str) or not url.startswith("https://"):
        return None
    try:
        content = _get(url, THUMBNAIL_MAX_BYTES)
        with PillowImage.open(io.BytesIO(content)) as image:
            image.verify()
    except (URLError, OSError, UnidentifiedImageError) as error:
        logger.info("No thumbnail from %s: %s", url, error)
        return None
    return ContentFile(content, name="thumbnail.jpg")


def format_duration(duration):
    """3:25, or 1:02:03 for an hour or more."""
    seconds = int(duration.total_seconds())
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class Video(models.Model):
    """A video at a provider, placed in a body text by ``[video:<number>]``."""

    url = HttpsURLField(
        _("adress till videon"),
        help_text=_("Till exempel https://www.youtube.com/watch?v=… eller https://vimeo.com/…"),
    )
    title = models.CharField(
        _("titel"),
        max_length=200,
        blank=True,
        help_text=_("Lämna tomt för att hämta titeln från YouTube eller Vimeo."),
    )
    title_en = models.CharField(_("titel på engelska"), max_length=200, blank=True)
    provider_name = models.CharField(_("visas hos"), max_length=100, blank=True,
                                     help_text=_("Till exempel YouTube."))
    duration = models.DurationField(
        _("längd"), null=True, blank=True, help_text=_("Minuter och sekunder, till exempel 3:25.")
    )
    thumbnail = StrippedImageField(
        _("miniatyrbild"),
        upload_to=RandomName("videos"),
        blank=True,
        help_text=_("Lämna tomt för att hämta den från YouTube eller Vimeo."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("video")
        verbose_name_plural = _("videor")

    def __str__(self):
        return self.title or self.url

    def clean(self):
        if not self.title.strip():
            raise ValidationError({"title": _(
                "Skriv videons titel: den gick inte att hämta från webbplatsen där den visas."
            )})

    @property
    def reference(self):
        return f"[video:{self.pk}]"

    @property
    def display_title(self):
        if translation.get_language() == "en" and self.title_en:
            return self.title_en
        return self.title

    def card_html(self):
        """The video as a link card of the body text, in the current language."""
        return render_to_string("portal/media/video.html", {
            "video": self,
            "duration": format_duration(self.duration) if self.duration else "",
        })
