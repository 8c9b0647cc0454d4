from django.db import migrations, models


def publish_existing_pages(apps, schema_editor):
    # Pages made before review existed were public: they stay so.
    apps.get_model("portal", "Page").objects.update(is_published=True)


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0005_media_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="page",
            name="is_published",
            field=models.BooleanField(default=False, verbose_name="publicerad"),
        ),
        migrations.AddField(
            model_name="page",
            name="documents",
            field=models.ManyToManyField(
                blank=True, help_text="Visas i en lista under texten.", related_name="pages",
                to="portal.document", verbose_name="dokument",
            ),
        ),
        migrations.RunPython(publish_existing_pages, migrations.RunPython.noop),
    ]
