from django.db import migrations

from portal.search_index import SearchNameStatistics


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0006_public_index_with_updated_at"),
    ]

    operations = [
        SearchNameStatistics(model_name="event"),
    ]
