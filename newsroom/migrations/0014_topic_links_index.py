from django.db import migrations

INDEX = "newsroom_newsitem_topics_topic_news"


class Migration(migrations.Migration):
    """An index on the topic links by (topic, news item): the topic choices of the news list
    and the sitemap (``topics_with_news_in``) ask, per topic, whether one published item has
    it. From this index that stops at the first link; from the topic's own index it read all
    of them, a bitmap of 210,000 rows per topic at a million news items (129 ms in all, now
    under 1 ms). The link table is Django's own, so the index is plain SQL."""

    dependencies = [
        ("newsroom", "0013_search_name_statistics"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON newsroom_newsitem_topics (topic_id, newsitem_id)",
            reverse_sql=f"DROP INDEX {INDEX}",
        ),
    ]
