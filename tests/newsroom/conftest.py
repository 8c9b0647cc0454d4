import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


@pytest.fixture
def photo():
    """A real JPEG upload, wider than the rendition's maximum width."""

    def make(width=2400, height=1600, name="bryssel.jpg"):
        buffer = io.BytesIO()
        Image.new("RGB", (width, height), (0, 85, 140)).save(buffer, "JPEG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")

    return make
