"""Every uploaded image loses its metadata on the way in, and its source is never public."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import ExifTags
from PIL import Image as PillowImage

from newsroom.factories import NewsItemFactory
from portal.media.images import Image
from relations.models import Organisation
from tests.portal.media.conftest import gps_photo

pytestmark = pytest.mark.django_db


def files_under(root):
    return [path for path in root.rglob("*") if path.is_file()]


def assert_without_metadata(path):
    content = path.read_bytes()
    with PillowImage.open(io.BytesIO(content)) as image:
        assert not image.getexif(), path
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), path
        assert "xmp" not in image.info and "exif" not in image.info, path
    assert b"Exif" not in content and b"Telefon" not in content, path


def test_the_test_photo_really_carries_gps():
    with PillowImage.open(gps_photo()) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_library_image_has_renditions_in_three_widths_and_keeps_its_source_private(media_roots):
    public, private = media_roots
    image = Image.objects.create(file=gps_photo(2000, 1500), alt_text="Brysselkontorets entré")

    assert [r["width"] for r in image.renditions] == [480, 960, 1440]
    assert [r["height"] for r in image.renditions] == [360, 720, 1080]
    public_files = files_under(public)
    assert len(public_files) == 3
    for path in public_files + files_under(private):
        assert_without_metadata(path)
    # The source has a random name of its own: nothing public is named after it.
    source = private / image.file.name
    assert source.is_file()
    assert all(source.stem not in path.name for path in public_files)
    assert not (public / image.file.name).exists()


def test_a_small_image_gets_one_rendition_and_is_not_enlarged():
    image = Image.objects.create(file=gps_photo(400, 300), alt_text="Ett möte")
    assert [(r["width"], r["height"]) for r in image.renditions] == [(400, 300)]


def test_a_transparent_png_is_kept_lossless(media_roots):
    buffer = io.BytesIO()
    PillowImage.new("RGBA", (300, 100), (0, 0, 0, 0)).save(buffer, "PNG")
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = Image.objects.create(
        file=SimpleUploadedFile("logo.png", buffer.getvalue()), alt_text="Logotyp"
    )
    assert image.file.name.endswith(".png")


def test_an_image_needs_alt_text():
    image = Image(file=gps_photo(), alt_text="")
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "alt_text" in error.value.message_dict


def test_replacing_or_deleting_an_image_removes_its_files(media_roots):
    public, private = media_roots
    image = Image.objects.create(file=gps_photo(), alt_text="Första")
    image.file = gps_photo(500, 500)
    image.save()
    assert len(files_under(public)) == 2  # 480 and 500 wide
    image.delete()
    assert files_under(public) == [] and files_under(private) == []


def test_news_image_source_is_private_stripped_and_not_named_like_the_rendition(media_roots):
    public, private = media_roots
    item = NewsItemFactory(image=gps_photo(), image_alt="Plenisalen")

    assert (private / item.image.name).is_file()
    assert not (public / item.image.name).exists()
    assert item.rendition.name.startswith("news/")
    for path in files_under(public) + files_under(private):
        assert_without_metadata(path)
    source_stem = (private / item.image.name).stem
    assert all(source_stem not in path.name for path in files_under(public))


def test_organisation_logo_is_stored_without_metadata(media_roots):
    public, _private = media_roots
    organisation = Organisation.objects.create(
        kind="network", name="CPMR", slug="cpmr", logo=gps_photo(name="cpmr.jpg"),
        logo_alt="CPMR:s logotyp",
    )
    assert "cpmr" not in organisation.logo.name
    for path in files_under(public):
        assert_without_metadata(path)
