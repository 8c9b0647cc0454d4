"""The pages that were templates (about, accessibility, personal data, contact) and the home
page's introduction, with the text they had, at the addresses they had."""

from django.db import migrations

from portal.pages.standard import STANDARD_PAGES, create_standard_pages


def create_pages(apps, schema_editor):
    create_standard_pages(apps.get_model("portal", "Page"), using=schema_editor.connection.alias)


def delete_pages(apps, schema_editor):
    apps.get_model("portal", "Page").objects.filter(
        key__in=[row["key"] for row in STANDARD_PAGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_pages_and_redirects")]

    operations = [migrations.RunPython(create_pages, delete_pages)]
