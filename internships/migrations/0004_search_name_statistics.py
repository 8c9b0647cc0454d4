from django.db import migrations

from portal.search_index import SearchNameStatistics


class Migration(migrations.Migration):

    dependencies = [
        ("internships", "0003_search"),
    ]

    operations = [
        SearchNameStatistics(model_name="internshipcall"),
    ]
