"""Demo content: the spring and autumn calls for Göteborg and Bryssel, and a few applications.

The content is in ``demo.json``. The calls are placed around today (one open, one upcoming,
the rest closed): their dates are given in days from today, their terms as the previous,
current or next one. Running it again changes nothing: calls are found by slug,
applications by call and e-mail, and the generated CVs are written once under fixed names
in the private storage.
"""

import hashlib
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from internships.models import (
    INFORMATION_VERSION,
    Application,
    InternshipCall,
    ReferenceCounter,
    file_storage,
)
from internships.samples import minimal_pdf
from portal.demo import read_data
from relations.models import Contact, Office

Term = InternshipCall.Term


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _terms(today):
    """The next term (applications now), the current one and the one before it."""
    if today.month >= 7:
        return {
            "next": (Term.SPRING, today.year + 1),
            "current": (Term.AUTUMN, today.year),
            "previous": (Term.SPRING, today.year),
        }
    return {
        "next": (Term.AUTUMN, today.year),
        "current": (Term.SPRING, today.year),
        "previous": (Term.AUTUMN, today.year - 1),
    }


def _call(data, office, term, year, opens, closes, contact):
    texts = data["terms"][term]
    call, _created = InternshipCall.objects.get_or_create(
        slug=f"praktik-{office.slug}-{texts['short']}-{year}",
        defaults={
            "title": texts["title"].format(office=office.name, year=year),
            "title_en": texts["title_en"].format(office=office.name_en or office.name, year=year),
            "term": term,
            "year": year,
            "office": office,
            "period": texts["period"].format(year=year, next_year=year + 1),
            "period_en": texts["period_en"].format(year=year, next_year=year + 1),
            "opens_at": _at(opens, 8),
            "closes_at": _at(closes, 23),
            "contact": contact,
            "is_published": True,
            **data["every_call"],
            **data["calls_by_office"][office.slug],
        },
    )
    return call


def _demo_cv(data, applicant):
    """A CV written once under a fixed name, so that reloading adds no file."""
    person = f"{applicant['first_name']} {applicant['last_name']}"
    digest = hashlib.sha256(person.encode()).hexdigest()[:16]
    name = f"applications/demo-{digest}.pdf"
    storage = file_storage()
    if not storage.exists(name):
        content = minimal_pdf([line.format(**applicant) for line in data["cv_lines"]])
        storage.save(name, ContentFile(content))
    return name


def _applications(data, call, applicants):
    for applicant in applicants:
        statuses = applicant.pop("statuses")
        email = f"{applicant['first_name']}.{applicant['last_name']}@student.example.se".lower()
        if Application.objects.filter(call=call, email=email).exists():
            continue
        application = Application(
            call=call,
            reference=ReferenceCounter.next_reference(call.opens_at.year),
            email=email,
            information_confirmed=True,
            information_version=INFORMATION_VERSION,
            submitted_at=call.opens_at + timedelta(days=3),
            **{
                field: text.format(next_year=call.year + 1)
                for field, text in data["every_application"].items()
            },
            **applicant,
        )
        application.cv.name = _demo_cv(data, applicant)
        application.save()
        for status in statuses:
            application.change_status(status)


def load():
    data = read_data(__file__)
    offices = {}
    # The relations demo has made the offices already; they are only created when missing.
    for row in data["offices"]:
        slug = row.pop("slug")
        offices[slug], _created = Office.objects.get_or_create(slug=slug, defaults=row)
    contact = Contact.objects.filter(office=offices["goteborg"]).first()
    today = timezone.localdate()
    terms = _terms(today)
    for row in data["calls"]:
        term, year = terms[row["term"]]
        call = _call(
            data,
            offices[row["office"]],
            term,
            year,
            today + timedelta(days=row["opens_days_from_now"]),
            today + timedelta(days=row["closes_days_from_now"]),
            contact,
        )
        _applications(data, call, row.get("applicants", []))
