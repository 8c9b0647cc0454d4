"""Demo content of the newsroom: the unit's news over the last few years.

Modelled on the kind of news the unit publishes (calls for interns, the Brussels office's
film, conferences at the Committee of the Regions, information meetings with the ESF
Council, seminars, the newsletter, network meetings), in Swedish with a few English
translations, and one item scheduled for later that the public must not see yet. The
content is in ``demo.json``; publication times there are Swedish local time.

Idempotent: each item is found by its language and slug and only saved when something
differs, so running ``load_demo`` twice changes nothing.
"""

import datetime
import io
import re
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw

from internships.samples import minimal_pdf
from newsroom.models import NewsItem
from newsroom.newsletter.models import IssueItem, NewsletterIssue
from portal.demo import read_data
from portal.media.documents import Document
from portal.media.images import Image
from portal.media.videos import Video
from relations.demo import topics_by_slug
from relations.models import Contact, Organisation
from visits.models import Visit

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _local(text):
    """A moment of the data file, written in Swedish local time."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def load():
    data = read_data(__file__)
    topics = topics_by_slug()
    organisations = {o.slug: o for o in Organisation.objects.all()}
    visits = {v.slug: v for v in Visit.objects.public()}
    for row in data["items"]:
        # A few items were corrected some days after publication ("updated" shows on the page),
        # in the admin, which stamps the edit to the microsecond.
        corrected_days = row.get("corrected_days_after", 0)
        corrected_after = datetime.timedelta(
            days=corrected_days, microseconds=578687 if corrected_days else 0
        )
        media = _media(row["media"]) if "media" in row else {}
        item = _item(row["language"], row["slug"], {
            "title": row["title"], "lead": row["lead"], "body": _placed(_body(data, row), media),
            "author_name": row["author_name"], "status": NewsItem.Status.PUBLISHED,
            "publish_at": _local(row["publish_at"]), **_monitoring(row),
        }, updated_after=corrected_after)
        item.topics.set([topics[name] for name in row["topics"]])
        item.related_organisations.set(
            [organisations[name] for name in row["related_organisations"] if name in organisations]
        )
        item.related_visits.set(
            [visits[name] for name in row["related_visits"] if name in visits]
        )
        if "dokument" in media:
            item.documents.add(media["dokument"])
        if "translation_of" in row:
            original = NewsItem.objects.get(language=NewsItem.Language.SWEDISH,
                                            slug=row["translation_of"])
            _link_translation(item, original)
    _scheduled(data, topics)
    _newsletters(data)


def _monitoring(row):
    """The facts of an EU monitoring item (its deadline, meaning and contact), if it is one."""
    if row.get("kind") != NewsItem.Kind.EU_MONITORING:
        return {}
    return {
        "kind": NewsItem.Kind.EU_MONITORING,
        "deadline": datetime.date.fromisoformat(row["deadline"]),
        "regional_impact": row["regional_impact"],
        "monitoring_contact": Contact.objects.get(email=row["monitoring_contact"]),
    }


def _body(data, row):
    """The item's own body, or one several items share (the call for interns …)."""
    return row["body"] if "body" in row else data["shared_bodies"][row["shared_body"]]


def _media(row):
    """The item's image, document and video in the library, made once."""
    media = {}
    image = Image.objects.filter(alt_text=row["image"]["alt_text"]).first()
    if image is None:
        image = Image.objects.create(file=_picture((1600, 1000), "street.jpg"), **row["image"])
    media["bild"] = image
    document = Document.objects.filter(title=row["document"]["title"]).first()
    if document is None:
        text = [row["document"]["title"], "", row["document"]["description"]]
        document = Document(file=ContentFile(minimal_pdf(text), name="plan.pdf"))
        for name, value in row["document"].items():
            setattr(document, name, Document._meta.get_field(name).to_python(value))
        document.save()
    media["dokument"] = document
    video = Video.objects.filter(url=row["video"]["url"]).first()
    if video is None:
        video = Video(thumbnail=_picture((640, 360), "thumbnail.jpg"))
        for name, value in row["video"].items():
            setattr(video, name, Video._meta.get_field(name).to_python(value))
        video.save()
    media["video"] = video
    return media


def _picture(size, name):
    """A drawn street of office buildings under a blue sky (the demo has no photographs)."""
    width, height = size
    picture = PillowImage.new("RGB", size, (112, 164, 214))
    draw = ImageDraw.Draw(picture)
    draw.rectangle([0, height * 3 // 4, width, height], fill=(90, 90, 96))
    for number, left in enumerate(range(0, width, width // 8)):
        top = height // 4 + (number % 3) * height // 12
        draw.rectangle([left + 8, top, left + width // 8 - 8, height * 3 // 4],
                       fill=(200 - number * 9, 190 - number * 7, 170))
        for row in range(top + 20, height * 3 // 4 - 20, 40):
            draw.rectangle([left + 24, row, left + width // 8 - 24, row + 16], fill=(60, 80, 110))
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=85)
    return ContentFile(output.getvalue(), name=name)


def _placed(body, media):
    """The body with the demo's ``[bild:demo]`` … replaced by the references to its media."""
    return re.sub(r"\[(bild|video|dokument):demo\]",
                  lambda match: media[match.group(1)].reference, body)


def _item(language, slug, values, updated_after):
    """Create the item, or bring it up to date only when something differs."""
    item = NewsItem.objects.filter(language=language, slug=slug).first()
    if item is None:
        item = NewsItem.objects.create(language=language, slug=slug, **values)
    elif any(getattr(item, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(item, field, value)
        item.save()
    else:
        return item
    # Demo rows are made today but tell of the past: date them by their publication.
    updated_at = values["publish_at"] + updated_after
    NewsItem.objects.filter(pk=item.pk).update(created_at=values["publish_at"],
                                               updated_at=updated_at)
    item.refresh_from_db()
    return item


def _link_translation(item, original):
    if item.translation_id != original.pk:
        item.translation = original
        item.save()
        # Linking is bookkeeping, not an edit of either text.
        NewsItem.objects.filter(pk__in=[item.pk, original.pk]).update(
            updated_at=F("publish_at")
        )


def _scheduled(data, topics):
    """An item written ahead: invisible to the public until its time comes."""
    row = data["scheduled"]
    item, created = NewsItem.objects.get_or_create(
        language=row["language"],
        slug=row["slug"],
        defaults={
            "title": row["title"], "lead": row["lead"], "body": _body(data, row),
            "author_name": row["author_name"], "status": NewsItem.Status.PUBLISHED,
            "publish_at": timezone.now() + datetime.timedelta(days=row["days_from_now"]),
        },
    )
    if created:
        item.topics.set([topics[name] for name in row["topics"]])


def _newsletters(data):
    """Issues already sent, so that the archive has something to show.

    No demo subscribers: they would be personal data, even invented.
    """
    for row in data["newsletter_issues"]:
        sent_at = _local(row["sent_at"])
        issue, _created = NewsletterIssue.objects.get_or_create(
            language=row["language"], subject=row["subject"],
            defaults={"intro": row["intro"], "status": NewsletterIssue.Status.SENT,
                      "sent_at": sent_at},
        )
        items = (
            NewsItem.objects.published(now=sent_at).in_language(row["language"])
            .order_by("-publish_at", "-pk")[:3]
        )
        for position, item in enumerate(items):
            IssueItem.objects.get_or_create(
                issue=issue, news_item=item, defaults={"position": position}
            )
