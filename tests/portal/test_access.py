"""Every page outside the admin is marked public or staff; staff pages need the second factor."""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.access import PUBLIC, STAFF


def patterns(resolvers=None, namespace=""):
    """(qualified name, pattern) for every pattern outside the admin, which has its own gate."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == admin_site.name:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry


def staff_urls():
    """Each staff page's URL in each language, with a made-up value for every parameter."""
    for language in ("sv", "en"):
        with translation.override(language):
            for name, pattern in patterns():
                if pattern.callback.access == STAFF:
                    kwargs = {key: "1" for key in pattern.pattern.converters}
                    yield reverse(name, kwargs=kwargs)


def test_every_url_pattern_is_marked_public_or_staff():
    unmarked = [
        name
        for name, pattern in patterns()
        if getattr(pattern.callback, "access", None) not in (PUBLIC, STAFF)
    ]
    assert unmarked == []


def test_the_previews_are_staff_pages():
    names = {name for name, pattern in patterns() if pattern.callback.access == STAFF}
    assert {"newsroom:preview", "newsroom:newsletter-preview", "internships:file"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_password_without_the_second_factor_opens_no_staff_page(
    client, django_user_model, settings, method
):
    settings.STAFF_2FA_REQUIRED = True
    user = django_user_model.objects.create_user(
        "karin", password="ett-långt-lösenord-2026", is_staff=True, is_superuser=True
    )
    TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    client.force_login(user)  # the password step only: no device has been passed
    urls = list(staff_urls())
    assert len(urls) >= 6
    for url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"], url
        followed = client.get(response["Location"])
        assert followed["Location"].startswith(reverse("two-factor-verify")), url


@pytest.mark.django_db
def test_drafts_stay_hidden_between_the_password_and_the_code(client, django_user_model, settings):
    """The review's finding: the previews answered 200 with drafts after the password step."""
    from newsroom.factories import DraftFactory
    from newsroom.newsletter.factories import NewsletterIssueFactory

    settings.STAFF_2FA_REQUIRED = True
    user = django_user_model.objects.create_user("karin", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    client.force_login(user)
    draft = DraftFactory(title="Hemligt utkast")
    issue = NewsletterIssueFactory(subject="Hemligt nyhetsbrev", news=[draft])
    for url in (draft.get_preview_url(), f"/nyheter/nyhetsbrev/forhandsvisning/{issue.pk}/"):
        response = client.get(url, follow=True)
        assert response.redirect_chain, url
        assert "Hemligt" not in response.content.decode()
