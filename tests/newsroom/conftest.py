import io

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from newsroom.models import NewsItem


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path, monkeypatch):
    # Uploaded images and their renditions go to a throwaway folder, not the repository;
    # the images' sources to a private one.
    settings.MEDIA_ROOT = tmp_path / "media"
    private = FileSystemStorage(location=tmp_path / "private", base_url=None)
    monkeypatch.setattr(NewsItem._meta.get_field("image"), "storage", private)


@pytest.fixture
def photo():
    """A real JPEG upload, wider than the rendition's maximum width."""

    def make(width=2400, height=1600, name="bryssel.jpg"):
        buffer = io.BytesIO()
        Image.new("RGB", (width, height), (0, 85, 140)).save(buffer, "JPEG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")

    return make
