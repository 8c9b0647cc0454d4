"""When PostgreSQL is out of reach the site says so politely, and recovers by itself."""

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from tests.portal.tcp_proxy import TcpProxy


@pytest.fixture
def database_behind_proxy(require_postgres, transactional_db):
    settings_dict = connection.settings_dict
    original = (settings_dict["HOST"], settings_dict["PORT"])
    proxy = TcpProxy(original[0] or "127.0.0.1", int(original[1] or 5432))
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", proxy.port
    yield proxy
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = original
    proxy.close()


def test_outage_gives_503_pages_and_the_site_recovers(database_behind_proxy):
    proxy = database_behind_proxy
    # As a browser would: see the response, not the exception behind it.
    client = Client(raise_request_exception=False)
    assert client.get("/healthz").status_code == 200

    proxy.cut()
    health = client.get("/healthz")
    assert health.status_code == 503
    page = client.post("/konto/logga-in/", {"username": "anna", "password": "lösenord"})
    assert page.status_code == 503
    html = page.content.decode()
    assert "Tillfälligt avbrott" in html
    assert '<main id="main"' in html
    assert page["Retry-After"] == "30"

    proxy.restore()
    # What Django does at the start of every request, and the test client leaves out to keep
    # test transactions open: a connection broken by the outage is thrown away.
    close_old_connections()
    assert client.get("/healthz").status_code == 200
    assert client.get("/konto/logga-in/").status_code == 200
