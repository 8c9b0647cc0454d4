"""Staff reach the admin only after a second factor; enrolment happens outside the admin."""

import re
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "ett-långt-lösenord-2026"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "karin", password=PASSWORD, is_staff=True, is_superuser=True
    )


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def log_in_with_password(client):
    response = client.post(
        "/konto/logga-in/?next=/admin/", {"username": "karin", "password": PASSWORD}
    )
    assert response.status_code == 302
    return response["Location"]


def test_the_admin_sends_a_stranger_to_the_staff_login(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/konto/logga-in/")


def test_a_password_alone_does_not_open_the_admin(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True)
    log_in_with_password(client)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/konto/tvafaktor/?next=%2Fadmin%2F"
    assert response.status_code == 200


def test_enrolment_shows_an_inline_svg_qr_code_then_backup_codes(client, staff_user):
    verify_url = log_in_with_password(client)
    enrol = client.get(verify_url, follow=True)
    assert enrol.redirect_chain[-1][0].startswith("/konto/tvafaktor/aktivera/")
    html = enrol.content.decode()
    assert "<svg" in html and "data:" not in html

    device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
    done = client.post(enrol.redirect_chain[-1][0], {"code": code_for(device), "next": "/admin/"})
    codes = re.findall(r"<li><code>(\d{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    download = re.search(r'download="[^"]+\.txt" href="data:text/plain;charset=utf-8,([^"]+)"',
                         done.content.decode())
    assert unquote(download.group(1)).split() == codes
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message_at_the_field(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True)
    verify_url = log_in_with_password(client)
    response = client.post(verify_url, {"code": "000000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Koden stämmer inte" in html
    assert 'aria-invalid="true"' in html
    assert "000000" not in html  # the wrong code is cleared from the field
    assert client.get("/admin/", follow=True).redirect_chain[-1][0].startswith("/konto/tvafaktor/")


def test_the_key_to_type_by_hand_is_shown_in_groups_of_four(client, staff_user):
    client.force_login(staff_user)
    html = client.get("/konto/tvafaktor/aktivera/").content.decode()
    key = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1)
    device = TOTPDevice.objects.get(user=staff_user)
    assert key.replace(" ", "") in device.config_url
    assert {len(group) for group in key.split(" ")[:-1]} == {4}


def test_a_right_code_while_the_device_waits_is_not_called_wrong(client, staff_user):
    # After five failures in a row the device waits 16 seconds before it tries a code.
    device = TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True,
                                       throttling_failure_count=5,
                                       throttling_failure_timestamp=timezone.now())
    verify_url = log_in_with_password(client)
    html = client.post(verify_url, {"code": code_for(device)}).content.decode()
    assert "Vänta några sekunder och försök igen." in html
    assert "Koden stämmer inte" not in html


def test_a_device_code_opens_the_admin(client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True)
    verify_url = log_in_with_password(client)
    response = client.post(verify_url, {"code": code_for(device)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_once(client, staff_user):
    from portal.two_factor import issue_backup_codes

    TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True)
    code = issue_backup_codes(staff_user)[0]
    verify_url = log_in_with_password(client)
    assert client.post(verify_url, {"code": code})["Location"] == "/admin/"
    assert not StaticToken.objects.filter(token=code).exists()


def test_an_offsite_next_is_not_followed(client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True)
    client.force_login(staff_user)
    response = client.post(
        "/konto/tvafaktor/?next=https://evil.example/", {"code": code_for(device)}
    )
    assert response["Location"] == "/admin/"


def test_reset_command_removes_devices_so_the_user_enrols_again(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="Telefon", confirmed=True)
    call_command("reset_2fa", "karin", verbosity=0)
    assert not TOTPDevice.objects.filter(user=staff_user).exists()
    verify_url = log_in_with_password(client)
    assert client.get(verify_url)["Location"].startswith("/konto/tvafaktor/aktivera/")


def test_second_factor_is_forced_on_in_production():
    from tests.portal.test_settings import PRODUCTION_ENV, manage

    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.STAFF_2FA_REQUIRED)",
        **PRODUCTION_ENV, STAFF_2FA_REQUIRED="0",
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


def test_behind_a_proxy_one_clients_failures_lock_out_only_that_client(
    client, staff_user, settings
):
    """django-axes counts by the same client address as the form limits."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    wrong = {"username": "karin", "password": "fel-lösenord"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/konto/logga-in/", wrong, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    locked = client.post(
        "/konto/logga-in/",
        {"username": "karin", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        **proxy,
    )
    assert locked.status_code == 429
    other = client.post(
        "/konto/logga-in/",
        {"username": "karin", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.9",
        **proxy,
    )
    assert other.status_code == 302
