"""In development the links in mails follow the port the server runs on, unless SITE_URL is set."""

import pytest
from django.core.management import call_command
from whitenoise.runserver_nostatic.management.commands.runserver import (
    Command as RunserverCommand,
)


@pytest.fixture
def served(monkeypatch):
    monkeypatch.setattr(RunserverCommand, "inner_run", lambda self, *args, **options: None)


@pytest.mark.parametrize(
    ("address", "site_url"),
    [
        ("8001", "http://127.0.0.1:8001"),
        ("0.0.0.0:8002", "http://127.0.0.1:8002"),
        ("[::1]:8003", "http://[::1]:8003"),
    ],
)
def test_site_url_follows_the_port_served(settings, served, address, site_url):
    settings.SITE_URL_IS_SET = False
    call_command("runserver", address, use_reloader=False, skip_checks=True)
    assert site_url == settings.SITE_URL


def test_a_site_url_that_is_set_stays(settings, served):
    settings.SITE_URL_IS_SET = True
    settings.SITE_URL = "https://externa.example.se"
    call_command("runserver", "8001", use_reloader=False, skip_checks=True)
    assert settings.SITE_URL == "https://externa.example.se"
