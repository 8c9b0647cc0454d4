import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.utils import timezone, translation

from internships.factories import ApplicationFactory, InternshipCallFactory
from internships.models import Application
from internships.samples import minimal_pdf


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch):
    """Applicants' files go to a fresh directory per test, never into the repository."""
    storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    for name in ("cv", "transcript"):
        monkeypatch.setattr(Application._meta.get_field(name), "storage", storage)
    return storage


@pytest.fixture(autouse=True)
def swedish():
    # A request leaves its language active in the thread; reverse() in a test must not
    # inherit English from the test before.
    with translation.override("sv"):
        yield


@pytest.fixture
def open_call(db):
    return InternshipCallFactory(slug="praktik-goteborg-vt-2027", title="Praktik i Göteborg")


@pytest.fixture
def closed_call(db):
    now = timezone.now()
    return InternshipCallFactory(
        slug="praktik-bryssel-ht-2025",
        opens_at=now - timezone.timedelta(days=60),
        closes_at=now - timezone.timedelta(days=30),
    )


@pytest.fixture
def application(open_call):
    return ApplicationFactory(call=open_call)


def pdf_bytes(text="Elin Sökande"):
    return minimal_pdf(["Curriculum vitae", text])


def form_token(client, url):
    html = client.get(url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)
