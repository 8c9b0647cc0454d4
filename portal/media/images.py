"""Images: one upload path that strips metadata, and the image library's renditions.

A photo from a phone carries where it was taken (GPS), the device and often the owner's
name. Every image field of the site is a ``StrippedImageField``: the upload is decoded and
encoded again from its pixels alone, so no EXIF, XMP, IPTC or GPS block survives, and the
file the visitor uploaded is never stored anywhere. The re-encoded file gets a random name,
so nothing public is guessable from another public name.
"""

import io
import uuid
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps

JPEG_QUALITY = 85
# The widths the image library makes of every image (never wider than the upload); the
# browser picks one by the srcset and sizes of the <img>.
RENDITION_WIDTHS = (480, 960, 1440)
# The body text column is at most about 46rem wide.
BODY_IMAGE_SIZES = "(min-width: 50rem) 46rem, 100vw"


def private_storage():
    """Where the library keeps its (already stripped) sources: never served by a URL."""
    return storages["private"]


@deconstructible
class RandomName:
    """``upload_to`` that keeps only the extension of the uploaded name, in ``folder``."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        return f"{self.folder}/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def _upright_pixels(source):
    """The decoded image of ``source``, turned as its EXIF orientation says, without any of
    the metadata Pillow read alongside."""
    source.seek(0)
    with PillowImage.open(source) as opened:
        opened.load()
        image = ImageOps.exif_transpose(opened)
    source.seek(0)
    image.info = {}
    return image


def _has_transparency(image):
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )


def _as_rgb(image):
    if image.mode in ("RGB", "L"):
        return image
    # Transparent images get a white background rather than a black one.
    background = PillowImage.new("RGB", image.size, "white")
    rgba = image.convert("RGBA")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def encode(image, lossless=False):
    """``image`` as file bytes and their extension: PNG when ``lossless``, else JPEG.

    Only the pixels are written: Pillow adds no EXIF, XMP or ICC block unless asked to.
    """
    output = io.BytesIO()
    if lossless:
        image.save(output, "PNG", optimize=True)
        return output.getvalue(), ".png"
    _as_rgb(image).save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return output.getvalue(), ".jpg"


def without_metadata(source):
    """A new file of the pixels of ``source`` alone, PNG for images that are PNG or GIF or
    transparent (logos, diagrams), JPEG for the rest (photos)."""
    with PillowImage.open(source) as opened:
        lossless = opened.format in ("PNG", "GIF")
    image = _upright_pixels(source)
    content, extension = encode(image, lossless=lossless or _has_transparency(image))
    return ContentFile(content, name=f"image{extension}")


def scaled(source, width):
    """``source`` at most ``width`` pixels wide, as ``(jpeg_bytes, width, height)``."""
    image = _upright_pixels(source)
    if image.width > width:
        height = round(image.height * width / image.width)
        image = image.resize((width, height), PillowImage.Resampling.LANCZOS)
    content, _extension = encode(image)
    return content, image.width, image.height


class StrippedImageField(models.ImageField):
    """An image field whose uploads are stored re-encoded, without any metadata.

    The one upload path of every image on the site: news images, logos, the image library,
    video thumbnails.
    """

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = without_metadata(file.file)
            file.save(cleaned.name, cleaned, save=False)
        return super().pre_save(model_instance, add)


class Image(models.Model):
    """An image of the library, placed in a body text by ``[bild:<number>]``."""

    file = StrippedImageField(
        _("bild"),
        storage=private_storage,
        upload_to=RandomName("images"),
        help_text=_("Jpeg, png, gif eller webp. Platsuppgifter och annan metadata tas bort."),
    )
    alt_text = models.CharField(
        _("alternativtext"),
        max_length=250,
        help_text=_("Beskriv vad bilden visar för den som inte ser den."),
    )
    alt_text_en = models.CharField(_("alternativtext på engelska"), max_length=250, blank=True)
    credit = models.CharField(_("fotograf"), max_length=120, blank=True)
    # [{"name": …, "width": …, "height": …}, …], narrowest first, in the public storage.
    renditions = models.JSONField(default=list, editable=False)
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bild")
        verbose_name_plural = _("bilder")

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        replaced = Image(renditions=[])
        if self.file and not self.file._committed:
            replaced = Image.objects.filter(pk=self.pk).first() or replaced
            self.renditions = self._make_renditions()
        super().save(*args, **kwargs)
        delete_files(replaced)

    @property
    def reference(self):
        return f"[bild:{self.pk}]"

    @property
    def display_alt_text(self):
        if translation.get_language() == "en" and self.alt_text_en:
            return self.alt_text_en
        return self.alt_text

    def _make_renditions(self):
        # One random name for all widths, unrelated to the source's (private) name.
        token = uuid.uuid4().hex
        renditions = []
        for width in RENDITION_WIDTHS:
            content, actual_width, height = scaled(self.file.file, width)
            name = default_storage.save(f"images/{token}-{actual_width}.jpg", ContentFile(content))
            renditions.append({"name": name, "width": actual_width, "height": height})
            if actual_width < width:
                break
        return renditions

    def figure_html(self):
        """The image as a <figure> of the body text, in the current language."""
        if not self.renditions:
            return ""
        largest = self.renditions[-1]
        default = self.renditions[min(1, len(self.renditions) - 1)]
        return render_to_string("portal/media/image.html", {
            "image": self,
            "src": default_storage.url(default["name"]),
            "srcset": ", ".join(
                f"{default_storage.url(r['name'])} {r['width']}w" for r in self.renditions
            ),
            "sizes": BODY_IMAGE_SIZES,
            "width": largest["width"],
            "height": largest["height"],
        })


def delete_files(image):
    """Remove the renditions and the source of ``image`` (deleted, or replaced by another)."""
    for rendition in image.renditions:
        default_storage.delete(rendition["name"])
    if image.file:
        image.file.delete(save=False)


@receiver(post_delete, sender=Image, dispatch_uid="portal.media.images.delete_files")
def _delete_files(sender, instance, **kwargs):
    delete_files(instance)
