import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags
from PIL import Image as PillowImage

from internships.samples import minimal_pdf


def gps_photo(width=2000, height=1500, name="kontoret.jpg"):
    """A JPEG from a phone: with the place it was taken (GPS) and the camera in its EXIF."""
    exif = PillowImage.Exif()
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.Base.Model] = "Modell 12"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (57.0, 42.0, 27.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (11.0, 58.0, 3.0),
    }
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (0, 85, 140)).save(
        buffer, "JPEG", exif=exif.tobytes()
    )
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def photo():
    return gps_photo


def ooxml(main_part="word/document.xml", name="rapport.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def opendocument(mimetype="application/vnd.oasis.opendocument.text", name="rapport.odt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", mimetype)
        package.writestr("content.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def pdf(name="remissvar.pdf", padding=0):
    content = minimal_pdf(["Remissvar"]) + b"%" * padding
    return SimpleUploadedFile(name, content, content_type="application/pdf")
