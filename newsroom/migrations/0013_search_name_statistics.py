from django.db import migrations

from portal.search_index import SearchNameStatistics


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0012_sitemap_indexes"),
    ]

    operations = [
        SearchNameStatistics(model_name="newsitem"),
    ]
