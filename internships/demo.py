"""Demo content: the spring and autumn calls for Göteborg and Bryssel, and a few applications.

The calls are placed around today (one open, one upcoming, the rest closed). Running it
again changes nothing: calls are found by slug, applications by call and e-mail, and the
generated CVs are written once under fixed names in the private storage.
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
from relations.models import Contact, Office

Term = InternshipCall.Term
Status = Application.Status

OFFICES = {
    "goteborg": ("Göteborg", "Gothenburg", "Regionens hus, Norra Hamngatan 14, 411 06 Göteborg"),
    "bryssel": ("Bryssel", "Brussels", "Rue du Luxembourg 3, 1000 Bryssel, Belgien"),
}

TEXTS = {
    "goteborg": {
        "description": (
            "Som praktikant på enheten externa relationer i Göteborg får du en inblick i hur "
            "Västra Götalandsregionen följer och påverkar beslut i Stockholm och Bryssel. Du "
            "arbetar nära handläggarna med regional utveckling och deltar i det dagliga arbetet."
        ),
        "description_en": (
            "As an intern at the external relations unit in Gothenburg you see how Region "
            "Västra Götaland follows and influences decisions in Stockholm and Brussels. You "
            "work closely with the officers for regional development and share the daily work."
        ),
        "tasks": (
            "Omvärldsbevakning av nationell politik och EU-politik, underlag inför formella "
            "besök, sammanfattningar av remisser och rapporter, och nyheter till webbplatsen."
        ),
        "tasks_en": (
            "Following national and EU policy, briefings for formal visits, summaries of "
            "consultations and reports, and news for the website."
        ),
    },
    "bryssel": {
        "description": (
            "På Brysselkontoret följer du EU:s arbete på nära håll. Du deltar i möten i "
            "europeiska nätverk som CPMR, AER och ERRIN, bevakar Regionkommitténs arbete och "
            "hjälper till när delegationer från Västra Götaland besöker Bryssel."
        ),
        "description_en": (
            "At the Brussels office you follow the EU's work at close range. You attend "
            "meetings of European networks such as CPMR, AER and ERRIN, follow the Committee of "
            "the Regions and help when delegations from Västra Götaland visit Brussels."
        ),
        "tasks": (
            "Bevakning av EU-institutionernas arbete, rapporter till regionen, förberedelser av "
            "studiebesök och nätverksmöten, och inlägg i nyhetsbrevet."
        ),
        "tasks_en": (
            "Following the EU institutions, reports to the region, preparing study visits and "
            "network meetings, and contributions to the newsletter."
        ),
    },
}

WHO = (
    "Du läser på masternivå inom offentlig förvaltning, statsvetenskap, miljövetenskap eller "
    "ett närliggande ämne och är intresserad av regional utveckling och EU-frågor.",
    "You are a master's student of public administration, political science, environmental "
    "science or a related field, interested in regional development and EU affairs.",
)
REQUIREMENTS = (
    "Praktiken ska ingå i din utbildning och ge högskolepoäng. Du skriver och talar svenska "
    "och engelska obehindrat. Praktiken är oavlönad.",
    "The internship must be part of your studies and give credits. You write and speak "
    "Swedish and English fluently. The internship is unpaid.",
)

APPLICANTS = [
    # (first, last, university, programme, level, statuses to walk through)
    ("Elin", "Andersson", "Göteborgs universitet", "Masterprogram i statsvetenskap", "master",
     [Status.UNDER_REVIEW, Status.SHORTLISTED, Status.INTERVIEW, Status.OFFERED, Status.ACCEPTED]),
    ("Johan", "Berg", "Uppsala universitet", "Masterprogram i offentlig förvaltning", "master",
     [Status.UNDER_REVIEW, Status.REJECTED]),
    ("Amira", "Haddad", "Lunds universitet", "Masterprogram i miljövetenskap", "master",
     [Status.UNDER_REVIEW, Status.SHORTLISTED, Status.INTERVIEW, Status.REJECTED]),
    ("Lukas", "Schneider", "Högskolan Väst", "Kandidatprogram i statsvetenskap", "bachelor",
     [Status.WITHDRAWN]),
]
OPEN_APPLICANTS = [
    ("Sofia", "Lindqvist", "Göteborgs universitet", "Masterprogram i europastudier", "master",
     []),
    ("Oskar", "Nilsson", "Stockholms universitet", "Masterprogram i statsvetenskap", "master",
     [Status.UNDER_REVIEW]),
]


def _at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _terms(today):
    """The next term (applications now), the current one and the one before it."""
    if today.month >= 7:
        return (Term.SPRING, today.year + 1), (Term.AUTUMN, today.year), (Term.SPRING, today.year)
    return (Term.AUTUMN, today.year), (Term.SPRING, today.year), (Term.AUTUMN, today.year - 1)


def _call(office, term, year, opens, closes, contact):
    term_sv = "vårterminen" if term == Term.SPRING else "höstterminen"
    term_en = "spring term" if term == Term.SPRING else "autumn term"
    short = "vt" if term == Term.SPRING else "ht"
    name, name_en = office.name, office.name_en or office.name
    texts = TEXTS[office.slug]
    call, _created = InternshipCall.objects.get_or_create(
        slug=f"praktik-{office.slug}-{short}-{year}",
        defaults={
            "title": f"Praktik i {name} {term_sv} {year}",
            "title_en": f"Internship in {name_en}, {term_en} {year}",
            "term": term,
            "year": year,
            "office": office,
            "places": 1 if office.slug == "bryssel" else 2,
            "who_we_look_for": WHO[0],
            "who_we_look_for_en": WHO[1],
            "requirements": REQUIREMENTS[0],
            "requirements_en": REQUIREMENTS[1],
            "period": (
                f"mitten av januari till början av juni {year}"
                if term == Term.SPRING
                else f"slutet av augusti till mitten av januari {year + 1}"
            ),
            "period_en": (
                f"mid January to early June {year}"
                if term == Term.SPRING
                else f"late August {year} to mid January {year + 1}"
            ),
            "opens_at": _at(opens, 8),
            "closes_at": _at(closes, 23),
            "contact": contact,
            "is_published": True,
            **texts,
        },
    )
    return call


def _demo_cv(first, last, university, programme):
    """A CV written once under a fixed name, so that reloading adds no file."""
    digest = hashlib.sha256(f"{first} {last}".encode()).hexdigest()[:16]
    name = f"applications/demo-{digest}.pdf"
    storage = file_storage()
    if not storage.exists(name):
        content = minimal_pdf(
            [f"{first} {last}", "Curriculum vitae", "", f"Utbildning: {programme}",
             f"Lärosäte: {university}", "Språk: svenska, engelska"]
        )
        storage.save(name, ContentFile(content))
    return name


def _applications(call, applicants):
    for first, last, university, programme, level, statuses in applicants:
        email = f"{first}.{last}@student.example.se".lower()
        if Application.objects.filter(call=call, email=email).exists():
            continue
        application = Application(
            call=call,
            reference=ReferenceCounter.next_reference(call.opens_at.year),
            first_name=first,
            last_name=last,
            email=email,
            phone="070-000 00 00",
            university=university,
            programme=programme,
            level=level,
            expected_graduation=f"juni {call.year + 1}",
            languages="svenska, engelska",
            cover_letter=(
                f"Jag studerar {programme.lower()} vid {university} och vill gärna göra min "
                "praktik hos er för att lära mig hur en region arbetar med påverkan i "
                "Sverige och i EU."
            ),
            information_confirmed=True,
            information_version=INFORMATION_VERSION,
            submitted_at=call.opens_at + timedelta(days=3),
        )
        application.cv.name = _demo_cv(first, last, university, programme)
        application.save()
        for status in statuses:
            application.change_status(status)


def load():
    offices = {}
    for slug, (name, name_en, address) in OFFICES.items():
        offices[slug], _created = Office.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "address": address,
                      "role": "Ett av enhetens kontor."},
        )
    contact = Contact.objects.filter(office=offices["goteborg"]).first()
    today = timezone.localdate()
    (next_term, next_year), (this_term, this_year), (last_term, last_year) = _terms(today)

    gbg_open = _call(offices["goteborg"], next_term, next_year,
                     today - timedelta(days=21), today + timedelta(days=21), contact)
    _call(offices["bryssel"], next_term, next_year,
          today + timedelta(days=7), today + timedelta(days=42), contact)
    gbg_closed = _call(offices["goteborg"], this_term, this_year,
                       today - timedelta(days=200), today - timedelta(days=160), contact)
    _call(offices["bryssel"], this_term, this_year,
          today - timedelta(days=200), today - timedelta(days=160), contact)
    _call(offices["goteborg"], last_term, last_year,
          today - timedelta(days=380), today - timedelta(days=340), contact)

    _applications(gbg_closed, APPLICANTS)
    _applications(gbg_open, OPEN_APPLICANTS)
