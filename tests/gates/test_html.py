"""The HTML gate: the Nu Html Checker finds no error on any page of the crawl."""

import pytest

from tests.gates.checks import html_errors
from tests.gates.crawl import sitemap_paths, staff_login_pages

pytestmark = pytest.mark.django_db


def test_every_page_is_valid_html(client, demo_content, tmp_path, django_user_model):
    documents = {path: client.get(path).content for path in sitemap_paths(client)}
    user = django_user_model.objects.create_user("gate", is_staff=True)
    client.force_login(user)
    documents.update(staff_login_pages(lambda path: client.get(path).content, user))
    errors = html_errors(documents, tmp_path)
    assert not errors, "\n".join(errors)
