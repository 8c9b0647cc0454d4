import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.factories import EventFactory


@pytest.fixture(autouse=True)
def swedish():
    # A request leaves its language active in the thread; reverse() in a test must not
    # inherit English from the test before.
    with translation.override("sv"):
        yield


@pytest.fixture
def event(db):
    return EventFactory(slug="valrorelsen", title="Seminarium om den kommande valrörelsen")


def form_token(client, url):
    html = client.get(url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def registration_data(client, event, **changes):
    url = reverse("events:register", args=[event.slug])
    data = {
        "form_token": form_token(client, url),
        "name": "Karin Holm",
        "email": "karin.holm@boras.example.se",
        "organisation": "Borås stad",
        "organisation_type": "municipality",
        "role": "kommunikatör",
        "dietary_needs": "vegetarisk",
        "accessibility_needs": "",
    }
    data.update(changes)
    return url, {key: value for key, value in data.items() if value is not None}


def register(client, event, **changes):
    url, data = registration_data(client, event, **changes)
    return client.post(url, data, follow=True)
