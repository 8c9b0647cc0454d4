"""The media library in the admin: images, documents and videos, for editors (Redaktör).

Each list shows the reference to type in a body text, so an editor copies it from there.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.storage import default_storage
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.media.documents import Document
from portal.media.images import Image
from portal.media.videos import Video, fetch_oembed


class PrivateFileInput(AdminFileWidget):
    """The admin's file input for a file in the private storage: it names the stored file
    but links nowhere, since the file has no public address."""

    template_name = "portal/widgets/private_file_input.html"


# For the admin of any model with a file in the private storage.
PRIVATE_FILE_FIELDS = {models.FileField: {"widget": PrivateFileInput}}


class ReferenceMixin:
    @admin.display(description=_("skriv i brödtexten"))
    def reference(self, obj):
        return format_html("<code>{}</code>", obj.reference) if obj.pk else "–"


@admin.register(Image)
class ImageAdmin(ReferenceMixin, admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "credit", "reference", "created_at"]
    # The thumbnail's alt is empty (its alt text is the next column), so it cannot be the link.
    list_display_links = ["alt_text"]
    search_fields = ["alt_text", "alt_text_en", "credit"]
    readonly_fields = ["reference", "preview"]
    fields = ["file", "alt_text", "alt_text_en", "credit", "reference", "preview"]
    formfield_overrides = PRIVATE_FILE_FIELDS

    @admin.display(description=_("bild"))
    def thumbnail(self, image):
        return self._img(image, height=60)

    @admin.display(description=_("på webbplatsen"))
    def preview(self, image):
        return self._img(image, height=240) if image.renditions else "–"

    def _img(self, image, height):
        if not image.renditions:
            return "–"
        smallest = image.renditions[0]
        width = round(smallest["width"] * height / smallest["height"])
        return format_html('<img src="{}" width="{}" height="{}" alt="">',
                           default_storage.url(smallest["name"]), width, height)


@admin.register(Document)
class DocumentAdmin(ReferenceMixin, admin.ModelAdmin):
    list_display = ["title", "file_label", "language", "date", "is_accessible", "reference"]
    list_filter = ["is_accessible", "language", "extension", "date"]
    search_fields = ["title", "title_en", "description", "description_en"]
    date_hierarchy = "date"
    readonly_fields = ["reference", "file_label"]
    fieldsets = [
        (None, {"fields": ["file", "file_label", "reference"]}),
        (_("Svenska"), {"fields": ["title", "description"]}),
        (_("Engelska"), {"fields": ["title_en", "description_en"]}),
        (None, {"fields": ["language", "date", "is_accessible"]}),
    ]
    formfield_overrides = PRIVATE_FILE_FIELDS

    @admin.display(description=_("typ och storlek"))
    def file_label(self, document):
        return document.file_label if document.extension else "–"


class VideoForm(forms.ModelForm):
    """Fills what the editor left blank from the provider's oEmbed answer, if any."""

    PREFILLED = ["title", "provider_name", "duration", "thumbnail"]

    class Meta:
        model = Video
        fields = ["url", "title", "title_en", "provider_name", "duration", "thumbnail"]

    def clean(self):
        cleaned_data = super().clean()
        missing = [name for name in self.PREFILLED if not cleaned_data.get(name)]
        if cleaned_data.get("url") and missing:
            found = fetch_oembed(cleaned_data["url"])
            cleaned_data.update({name: found[name] for name in missing if name in found})
        return cleaned_data


@admin.register(Video)
class VideoAdmin(ReferenceMixin, admin.ModelAdmin):
    form = VideoForm
    list_display = ["__str__", "provider_name", "duration", "reference"]
    search_fields = ["title", "title_en", "url"]
    readonly_fields = ["reference"]
