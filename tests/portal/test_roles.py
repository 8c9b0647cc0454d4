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


def manages(role, app, model):
    """Whether ``role`` manages the whole app or this one model of it."""
    return app in role["manage"] or f"{app}.{model}" in role["manage"]


def test_each_app_declares_its_group_and_demo_login():
    assert {name: role["demo_login"] for name, role in roles.groups().items()} == {
        "Relationshandläggare": "relationer",
        "Besökssamordnare": "besok",
        "Redaktör": "redaktor",
        "Publicerare": "publicerare",
        "Rekryterare": "rekryterare",
        "Evenemangsansvarig": "evenemang",
    }


def test_an_app_adds_its_share_to_a_group_another_app_declares():
    editors = roles.groups()[EDITORS]
    assert {"newsroom", "events", "portal.page"} <= set(editors["manage"])
    assert "relations.programme" in editors["view"]
    assert "internships.internshipcall" in editors["view"]
    # Visits are picked among the public ones, without the right to read them all.
    assert "visits.visit" not in editors["view"]


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
        if not manages(role, app, model):
            assert permission.codename == f"view_{model}", permission
            assert f"{app}.{model}" in role["view"]


@pytest.mark.parametrize("group", list(roles.groups()))
def test_personal_data_is_open_only_to_the_group_that_needs_it(group):
    role = roles.groups()[group]
    permissions = Group.objects.get(name=group).permissions.select_related("content_type")
    for permission in permissions:
        app = permission.content_type.app_label
        model = permission.content_type.model
        if model in PERSONAL_DATA_MODELS.get(app, set()):
            assert manages(role, app, model), permission


@pytest.mark.parametrize("group", list(roles.groups()))
def test_each_group_sees_its_own_apps_in_the_admin(staff_client, group):
    client = staff_client(group)
    response = client.get("/admin/")
    assert response.status_code == 200
    app_labels = {app["app_label"] for app in response.context["app_list"]}
    assert "auth" not in app_labels
    for app_label in app_labels:
        role = roles.groups()[group]
        assert app_label in role["manage"] or any(
            dotted.startswith(f"{app_label}.") for dotted in role["manage"] + role["view"]
        )


def test_the_editors_keep_the_pages_and_redirects_as_well_as_the_news():
    codenames = set(
        Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True)
    )
    assert {"add_page", "change_page", "delete_page", "add_redirect", "change_newsitem"} <= (
        codenames
    )
    assert "change_formsubmission" not in codenames


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


def test_a_group_may_manage_single_models_of_another_app():
    editors = Group.objects.get(name=EDITORS)
    codenames = set(
        editors.permissions.filter(content_type__app_label="portal")
        .values_list("codename", flat=True)
    )
    assert {"add_document", "change_image", "delete_video", "view_document"} <= codenames
    assert "view_formsubmission" not in codenames
