"""Upload limits on the application form: refused before reading, never stored past the limit."""

import os
import stat

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.test import override_settings
from django.urls import reverse

from internships.pdf import MAX_FILE_SIZE
from internships.samples import minimal_pdf
from internships.views import APPLICATION_MAX_REQUEST_SIZE
from tests.internships.test_apply import good_data, pdf

pytestmark = pytest.mark.django_db


class RecordingUploadHandler(MemoryFileUploadHandler):
    """Stores in memory, like Django's own, and counts what it was given to store."""

    stored = []

    def new_file(self, *args, **kwargs):
        self.stored.append(0)
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        self.stored[-1] += len(raw_data)
        return super().receive_data_chunk(raw_data, start)


def test_a_body_declared_over_the_forms_total_is_refused_before_it_is_read(client, open_call):
    url = reverse("internships:apply", args=[open_call.slug])
    response = client.generic(
        "POST",
        url,
        b"nothing worth reading",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(110 * 1024 * 1024),
    )
    assert response.status_code == 413
    html = response.content.decode().replace("\xa0", " ")
    assert '<main id="main"' in html
    assert "högst 11,0 MB sammanlagt" in html


def test_a_body_within_the_total_is_read_as_usual(client, open_call):
    url, data = good_data(client, open_call)
    assert client.post(url, data).status_code == 302
    assert APPLICATION_MAX_REQUEST_SIZE > 2 * MAX_FILE_SIZE


@override_settings(
    FILE_UPLOAD_HANDLERS=["tests.internships.test_upload_limits.RecordingUploadHandler"],
    FILE_UPLOAD_MAX_MEMORY_SIZE=100 * 1024 * 1024,
)
def test_a_file_past_its_limit_is_not_stored_and_the_field_says_so(client, open_call):
    RecordingUploadHandler.stored.clear()
    big = minimal_pdf(["CV"]) + b"%" + b"0" * MAX_FILE_SIZE
    url, data = good_data(client, open_call, cv=pdf("cv.pdf", big))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Filen är för stor" in response.content.decode()
    assert RecordingUploadHandler.stored
    assert max(RecordingUploadHandler.stored) <= MAX_FILE_SIZE


def test_the_file_inputs_carry_their_limit_for_the_warning_script(client, open_call):
    html = client.get(reverse("internships:apply", args=[open_call.slug])).content.decode()
    assert html.count(f'data-max-bytes="{MAX_FILE_SIZE}"') == 2
    assert "js/upload-limit.js" in html
    script = (settings.BASE_DIR / "static" / "js" / "upload-limit.js").read_text()
    assert "data-max-bytes" in script
    assert "setCustomValidity" in script


def test_private_files_are_written_readable_by_the_owner_only(tmp_path):
    options = {**settings.STORAGES["private"]["OPTIONS"], "location": tmp_path}
    name = FileSystemStorage(**options).save("cv.pdf", ContentFile(minimal_pdf(["CV"])))
    assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600


def test_readme_states_the_proxy_limit_and_no_false_claim():
    readme = (settings.BASE_DIR / "README.md").read_text()
    assert "client_max_body_size 12m;" in readme
    assert "413" in readme
