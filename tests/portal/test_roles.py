"""Staff groups: kept in step after migrate, each with exactly the permissions its work needs."""

import pytest
from django.contrib.auth.models import Group, Permission

from newsroom.roles import EDITORS
from portal import roles

pytestmark = pytest.mark.django_db

PERSONAL_DATA_MODELS = {
    "internships": {"application", "applicationfile"},
    "visits": {"participant"},
    "newsroom": {"subscriber"},
    "events": {"registration", "answer"},
}


def test_each_app_declares_its_group_and_demo_login():
    assert {name: role["demo_login"] for name, role in roles.groups().items()} == {
        "Relationshandläggare": "relationer",
        "Besökssamordnare": "besok",
        "Redaktör": "redaktor",
        "Rekryterare": "rekryterare",
        "Evenemangsansvarig": "evenemang",
    }


def test_an_app_adds_its_share_to_a_group_another_app_declares():
    editors = roles.groups()[EDITORS]
    assert editors["manage"] == ["newsroom", "events"]
    assert "relations.programme" in editors["view"]
    assert "visits.visit" in editors["view"]


def test_every_role_exists_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.groups())


def test_sync_is_idempotent_and_restores_drift():
    editors = Group.objects.get(name=EDITORS)
    before = set(editors.permissions.values_list("pk", flat=True))
    stray = Permission.objects.get(codename="delete_user")
    editors.permissions.add(stray)

    roles.sync_groups()
    roles.sync_groups()

    assert set(editors.permissions.values_list("pk", flat=True)) == before
    assert Group.objects.filter(name=EDITORS).count() == 1


@pytest.mark.parametrize("group", list(roles.groups()))
def test_each_group_changes_only_its_own_app(group):
    role = roles.groups()[group]
    permissions = Group.objects.get(name=group).permissions.select_related("content_type")
    for permission in permissions:
        app = permission.content_type.app_label
        model = permission.content_type.model
        if app not in role["manage"]:
            assert permission.codename == f"view_{model}", permission
            assert f"{app}.{model}" in role["view"]


@pytest.mark.parametrize("group", list(roles.groups()))
def test_personal_data_is_open_only_to_the_group_that_needs_it(group):
    role = roles.groups()[group]
    permissions = Group.objects.get(name=group).permissions.select_related("content_type")
    for permission in permissions:
        app = permission.content_type.app_label
        if permission.content_type.model in PERSONAL_DATA_MODELS.get(app, set()):
            assert app in role["manage"], permission


@pytest.mark.parametrize("group", list(roles.groups()))
def test_each_group_sees_its_own_apps_in_the_admin(staff_client, group):
    client = staff_client(group)
    response = client.get("/admin/")
    assert response.status_code == 200
    app_labels = {app["app_label"] for app in response.context["app_list"]}
    assert "auth" not in app_labels
    for app_label in app_labels:
        assert app_label in roles.groups()[group]["manage"] or any(
            dotted.startswith(f"{app_label}.") for dotted in roles.groups()[group]["view"]
        )


def test_admin_is_in_swedish_with_the_units_name(staff_client):
    html = staff_client().get("/admin/").content.decode()
    assert "Externa relationer – administration" in html
    assert 'lang="sv"' in html


def test_staff_login_is_throttled_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_user("anna", password="rätt-lösenord-123", is_staff=True)
    for _attempt in range(5):
        client.post("/konto/logga-in/", {"username": "anna", "password": "fel"})
    response = client.post(
        "/konto/logga-in/", {"username": "anna", "password": "rätt-lösenord-123"}
    )
    assert response.status_code == 429
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
