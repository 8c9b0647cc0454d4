import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Uploaded images and their renditions go to a throwaway folder, not the repository.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": tmp_path / "private", "base_url": None}},
    }


@pytest.fixture
def photo():
    """A real JPEG upload, wider than the rendition's maximum width."""

    def make(width=2400, height=1600, name="bryssel.jpg"):
        buffer = io.BytesIO()
        Image.new("RGB", (width, height), (0, 85, 140)).save(buffer, "JPEG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")

    return make
