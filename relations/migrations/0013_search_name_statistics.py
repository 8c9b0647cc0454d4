from django.db import migrations

from portal.search_index import SearchNameStatistics


class Migration(migrations.Migration):

    dependencies = [
        ("relations", "0012_search"),
    ]

    operations = [
        SearchNameStatistics(model_name="position"),
        SearchNameStatistics(model_name="agreement"),
        SearchNameStatistics(model_name="organisation"),
        SearchNameStatistics(model_name="programme"),
        SearchNameStatistics(model_name="project"),
    ]
