"""The newsroom's generated data for the benchmark (see portal/scale.py): years of news in
Swedish and English with topics and translations, and the newsletter's confirmed and
unconfirmed subscribers."""

from datetime import timedelta

from django.db import connection

from newsroom.models import NewsItem
from newsroom.newsletter.models import (
    ListSubscription,
    NewsletterList,
    Subscriber,
    suppression_hash,
)
from portal.scale import search_indexes_rebuilt_after
from relations.models import Topic

# Project names: each is mentioned by a few items in a thousand, like a real project's name.
PROJECT_NAMES = [
    f"{first}{second}"
    for first in ["Nord", "Bal", "Sun", "Hav", "Ski", "Ven", "Dal", "Fjord", "Berg", "Ek",
                  "Alp", "Kust", "Sol", "Vind", "Is", "Ljus", "Skog", "Ström", "Älv", "Ö"]
    for second in ["link", "port", "hub", "net", "way", "tech", "grid", "bridge", "flow", "lab",
                   "gate", "path", "line", "point", "sphere", "works", "axis", "core", "mesh",
                   "field"]
]


def seed(scale):
    scale.step("news", news)
    scale.step("subscribers", subscribers)


def news(scale):
    rng = scale.rng
    topics = list(Topic.objects.values_list("pk", flat=True))
    rows = []
    for number in range(scale.sizes.news):
        language = "sv" if rng.random() < 0.8 else "en"
        title = scale.sentence(language)
        paragraphs = scale.paragraphs(language, rng.randint(2, 4))
        roll = rng.random()
        if roll < 0.03:
            status, publish_at = NewsItem.Status.DRAFT, scale.moment(1)
        elif roll < 0.04:
            # Scheduled: published status, time still to come (weeks ahead).
            status = NewsItem.Status.PUBLISHED
            publish_at = scale.now + timedelta(hours=rng.randint(2, 24 * 60))
        else:
            status, publish_at = NewsItem.Status.PUBLISHED, scale.moment()
        rows.append(NewsItem(
            title=title,
            slug=f"skala-{number + 1}",
            language=language,
            lead=(f"{rng.choice(PROJECT_NAMES)}: " + paragraphs[0])[:590],
            body="\n\n".join(paragraphs[1:]),
            # What render_markdown makes of plain paragraphs, without its cost.
            body_html="\n".join(f"<p>{text}</p>" for text in paragraphs[1:]),
            status=status,
            publish_at=publish_at,
            author_name=scale.person(),
        ))
    with search_indexes_rebuilt_after(NewsItem._meta.db_table):
        created = scale.copy(NewsItem, rows, key="slug")
    if topics:
        through = NewsItem.topics.through
        links = set()
        for item in created:
            for topic in rng.sample(topics, k=min(len(topics), rng.randint(1, 2))):
                links.add((item.pk, topic))
        scale.copy(through, [through(newsitem_id=item, topic_id=topic) for item, topic in links])
    # One item in ten has a translation: pair Swedish and English items both ways.
    swedish = [item.pk for item in created if item.language == "sv"]
    english = [item.pk for item in created if item.language == "en"]
    pairs = list(zip(swedish[: len(english) // 2], english[: len(english) // 2], strict=True))
    if pairs:
        with connection.cursor() as cursor:
            values = ",".join(f"({a},{b}),({b},{a})" for a, b in pairs)
            cursor.execute(
                f"UPDATE {NewsItem._meta.db_table} AS n SET translation_id = v.other "  # noqa: S608
                f"FROM (VALUES {values}) AS v(id, other) WHERE n.id = v.id"
            )
    return len(created)


def subscribers(scale):
    rng = scale.rng
    rows = []
    for number in range(scale.sizes.subscribers):
        email = f"prenumerant{number + 1}@example.se"
        confirmed = rng.random() < 0.9
        language = "sv" if rng.random() < 0.85 else "en"
        rows.append(Subscriber(
            email=email,
            # save() sets the hash the suppression list is matched by; bulk_create does not.
            email_hash=suppression_hash(email),
            language=language,
            status=Subscriber.Status.CONFIRMED if confirmed else Subscriber.Status.PENDING,
            confirmed_at=scale.moment(5) if confirmed else None,
        ))
    created = scale.bulk(Subscriber, rows)
    # Everyone on the general list, as the sign-up form's default; one in five on the EU
    # monitoring list too.
    lists = [
        ListSubscription(subscriber_id=subscriber.pk, newsletter_list=newsletter_list)
        for subscriber in created
        for newsletter_list in (
            [NewsletterList.GENERAL, NewsletterList.EU_MONITORING] if rng.random() < 0.2
            else [NewsletterList.GENERAL]
        )
    ]
    scale.bulk(ListSubscription, lists)
    return len(created)
