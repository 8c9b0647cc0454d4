from django.db import migrations

from portal.search_index import SearchNameStatistics


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0009_document_text"),
    ]

    operations = [
        SearchNameStatistics(model_name="page"),
        SearchNameStatistics(model_name="document"),
    ]
