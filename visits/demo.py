"""Demo content: a year of formal visits and delegation trips around today's date.

Dates are counted from today so that the site always has upcoming and past visits.
Idempotent: each visit is found by its slug, programme items by their activity,
participants and gifts by their natural keys.
"""

import datetime

from django.utils import timezone

from relations.demo import topics_by_slug
from relations.models import Organisation, Project
from visits.models import Gift, Participant, ProgrammeItem, Visit, local_datetime

IN = Visit.Direction.INCOMING
OUT = Visit.Direction.OUTGOING
PUBLIC = Visit.Visibility.PUBLIC
INTERNAL = Visit.Visibility.INTERNAL
S = Visit.Status

# Organisations the visits need: the relations demo usually has them already (by slug).
ORGANISATIONS = {
    "regionkommitten": (Organisation.Kind.INSTITUTION, "Europeiska regionkommittén",
                        "European Committee of the Regions", "ReK", "BE"),
    "cpmr": (Organisation.Kind.NETWORK, "Konferensen för Europas perifera kust- och havsregioner",
             "Conference of Peripheral Maritime Regions", "CPMR", "FR"),
    "cpmr-ostersjokommissionen": (Organisation.Kind.NETWORK, "CPMR:s Östersjökommission",
                                  "CPMR Baltic Sea Commission", "BSC", "FR"),
    "aer": (Organisation.Kind.NETWORK, "Europeiska regionförsamlingen",
            "Assembly of European Regions", "AER", "FR"),
    "pomorskie": (Organisation.Kind.REGION, "Pommerns vojvodskap", "Pomorskie Voivodeship",
                  "", "PL"),
    "emilia-romagna": (Organisation.Kind.REGION, "Emilia-Romagna", "Emilia-Romagna", "", "IT"),
    "hauts-de-france": (Organisation.Kind.REGION, "Hauts-de-France", "Hauts-de-France", "",
                        "FR"),
    "ostfold": (Organisation.Kind.REGION, "Østfold fylke", "Østfold County", "", "NO"),
    "egentliga-finland": (Organisation.Kind.REGION, "Egentliga Finlands förbund",
                          "Regional Council of Southwest Finland", "", "FI"),
    "schleswig-holstein": (Organisation.Kind.REGION, "Schleswig-Holstein", "Schleswig-Holstein",
                           "", "DE"),
}
# The relations demo may call the Committee of the Regions by another slug.
ORGANISATION_ALIASES = {"regionkommitten": ["europeiska-regionkommitten"]}


HOSTS_CHAIR = "Helena Lindqvist, regionstyrelsens ordförande"
HOSTS_VICE = "Johan Berg, regionråd"
HOSTS_INTL = "Sara Nilsson, ordförande i beredningen för internationella frågor"

# slug: (direction, title, title_en, organisation, country, city, venue, day offset, days,
#        visibility, status, topics, hosts, size, purpose, purpose_en, summary, summary_en,
#        registration number, programme [(day, start hour, end hour, activity, activity_en,
#        place, public)])
VISITS = {
    "pomorskie-delegation-ostersjon": (
        IN, "Delegation från Pommerns vojvodskap", "Delegation from Pomorskie Voivodeship",
        "pomorskie", "PL", "Göteborg", "Regionens hus, Norra Hamngatan 14", -150, 2,
        PUBLIC, S.COMPLETED, ["ostersjosamarbetet", "transport-och-infrastruktur"],
        f"{HOSTS_CHAIR}\n{HOSTS_INTL}", 12,
        "Samarbetet kring fossilfria godstransporter över Östersjön och hamnarnas roll i "
        "omställningen.",
        "Cooperation on fossil-free freight across the Baltic Sea and the role of the ports in "
        "the transition.",
        "Delegationen besökte Göteborgs hamn och diskuterade hur projektet Grön korridor över "
        "Östersjön kan förlängas. Regionerna enades om att ta fram en gemensam ansökan till "
        "nästa utlysning.",
        "The delegation visited the Port of Gothenburg and discussed how the Green Corridor "
        "project can be extended. The regions agreed to prepare a joint application.",
        "RS 2026-00412",
        [(0, 9, 10, "Välkomstmöte med regionstyrelsens ordförande",
          "Welcome meeting with the chair of the regional executive board",
          "Regionens hus", True),
         (0, 13, 16, "Studiebesök i Göteborgs hamn", "Study visit to the Port of Gothenburg",
          "Skandiahamnen", True),
         (0, 19, 21, "Middag för delegationen", "Dinner for the delegation",
          "Restaurang vid Packhuskajen", False),
         (1, 9, 12, "Arbetsmöte om projektansökan", "Working meeting on the project application",
          "Regionens hus", False)],
    ),
    "emilia-romagna-smart-specialisering": (
        IN, "Besök från Emilia-Romagna om smart specialisering",
        "Visit from Emilia-Romagna on smart specialisation",
        "emilia-romagna", "IT", "Göteborg", "Lindholmen Science Park", -95, 1,
        PUBLIC, S.COMPLETED, ["smarta-stader-och-regioner"], HOSTS_VICE, 9,
        "Erfarenhetsutbyte om regionala innovationsstrategier och fordonsindustrins omställning.",
        "Exchange of experience on regional innovation strategies and the transition of the "
        "automotive industry.",
        "Besöket visade hur båda regionerna använder Vanguard-samarbetet för att bygga "
        "gemensamma pilotprojekt inom elektrifiering.",
        "The visit showed how both regions use the Vanguard Initiative to build joint pilot "
        "projects in electrification.",
        "RS 2026-00388",
        [(0, 10, 12, "Presentation av Västra Götalands innovationsstrategi",
          "Presentation of Västra Götaland's innovation strategy", "Lindholmen Science Park",
          True),
         (0, 13, 15, "Besök på testbädd för elektrifierade transporter",
          "Visit to a test bed for electrified transport", "Lindholmen", True)],
    ),
    "ostfold-jarnvag-oslo-goteborg": (
        IN, "Østfold fylke om järnvägen Oslo–Göteborg",
        "Østfold County on the Oslo–Gothenburg rail link",
        "ostfold", "NO", "Trollhättan", "Innovatum", -40, 1,
        PUBLIC, S.COMPLETED, ["transport-och-infrastruktur"], HOSTS_CHAIR, 6,
        "Gemensam påverkan för en utbyggd järnväg mellan Oslo och Göteborg.",
        "Joint advocacy for an upgraded railway between Oslo and Gothenburg.",
        "Regionerna antog ett gemensamt uttalande till de båda ländernas regeringar om "
        "järnvägen.",
        "The regions adopted a joint statement to both national governments on the railway.",
        "RS 2026-00501",
        [(0, 10, 12, "Möte om gemensamt uttalande", "Meeting on a joint statement", "Innovatum",
          True)],
    ),
    "hauts-de-france-havsplanering": (
        IN, "Delegation från Hauts-de-France om havsplanering",
        "Delegation from Hauts-de-France on maritime spatial planning",
        "hauts-de-france", "FR", "Göteborg", "Regionens hus, Norra Hamngatan 14", 20, 2,
        PUBLIC, S.CONFIRMED, ["sammanhallningspolitik"], f"{HOSTS_INTL}", 10,
        "Havsplanering, havsbaserad vindkraft och samarbetet i CPMR:s Nordsjökommission.",
        "Maritime spatial planning, offshore wind and cooperation in the CPMR North Sea "
        "Commission.",
        "", "", "RS 2026-00623",
        [(0, 9, 10, "Välkomstmöte", "Welcome meeting", "Regionens hus", True),
         (0, 10, 12, "Seminarium om havsbaserad vindkraft", "Seminar on offshore wind",
          "Regionens hus", True),
         (0, 12, 13, "Lunch med värdarna", "Lunch with the hosts", "Regionens hus", False),
         (1, 9, 11, "Båttur i Göteborgs skärgård", "Boat trip in the Gothenburg archipelago",
          "Stenpiren", True)],
    ),
    "egentliga-finland-kompetens": (
        IN, "Egentliga Finlands förbund om kompetensförsörjning",
        "Regional Council of Southwest Finland on skills",
        "egentliga-finland", "FI", "Borås", "Textile Fashion Center", 45, 1,
        PUBLIC, S.CONFIRMED, ["kompetensforsorjning", "ostersjosamarbetet"], HOSTS_VICE, 7,
        "Hur regioner kan möta industrins behov av kompetens i omställningen.",
        "How regions can meet industry's need for skills in the transition.",
        "", "", "RS 2026-00650",
        [(0, 10, 12, "Rundtur på Textile Fashion Center", "Tour of Textile Fashion Center",
          "Borås", True)],
    ),
    "ambassadorsbesok-intern": (
        IN, "Ambassadörsbesök (internt)", "Ambassador's visit (internal)",
        None, "JP", "Göteborg", "Regionens hus, Norra Hamngatan 14", 12, 1,
        INTERNAL, S.CONFIRMED, [], HOSTS_CHAIR, 4,
        "Inledande samtal om forskningssamarbete inom life science.",
        "Introductory talks on research cooperation in life science.",
        "", "", "RS 2026-00640",
        [(0, 14, 15, "Samtal med regionstyrelsens ordförande",
          "Talks with the chair of the regional executive board", "Regionens hus", False)],
    ),
    "schleswig-holstein-vatgas": (
        IN, "Schleswig-Holstein om vätgas", "Schleswig-Holstein on hydrogen",
        "schleswig-holstein", "DE", "Stenungsund", "", 60, 2,
        PUBLIC, S.PLANNING, ["ostersjosamarbetet"], HOSTS_INTL, 15,
        "Vätgas i industrin och i sjöfarten.", "Hydrogen in industry and shipping.",
        "", "", "", [],
    ),
    "regionkommittens-plenarsession-hosten": (
        OUT, "Regionkommitténs plenarsession", "Plenary session of the Committee of the Regions",
        "regionkommitten", "BE", "Bryssel", "Europaparlamentet, Hemicycle", -60, 2,
        PUBLIC, S.COMPLETED, ["sammanhallningspolitik"], HOSTS_CHAIR, 2,
        "Regionens ledamot deltar i plenarsessionen, där kommittén antar yttrandet om "
        "sammanhållningspolitiken efter 2027.",
        "The region's member takes part in the plenary session, which adopts the opinion on "
        "cohesion policy after 2027.",
        "Yttrandet antogs med stor majoritet. Regionens ändringsförslag om starkare regionalt "
        "inflytande över programmen kom med i texten.",
        "The opinion was adopted by a large majority. The region's amendment on a stronger "
        "regional say over the programmes was included.",
        "RS 2026-00455",
        [(0, 9, 17, "Plenarsession, dag 1", "Plenary session, day 1", "Hemicycle", True),
         (0, 18, 20, "Möte med de svenska ledamöterna", "Meeting of the Swedish members",
          "Brysselkontoret", False),
         (1, 9, 13, "Plenarsession, dag 2", "Plenary session, day 2", "Hemicycle", True)],
    ),
    "eu-regionernas-vecka": (
        OUT, "Europeiska veckan för regioner och städer", "European Week of Regions and Cities",
        "regionkommitten", "BE", "Bryssel", "", -20, 3,
        PUBLIC, S.COMPLETED, ["sammanhallningspolitik", "smarta-stader-och-regioner"],
        f"{HOSTS_VICE}\n{HOSTS_INTL}", 5,
        "Regionen arrangerar ett seminarium om smart specialisering tillsammans med "
        "partnerregioner.",
        "The region organises a seminar on smart specialisation with partner regions.",
        "Seminariet samlade över hundra deltagare. Brysselkontoret följer upp kontakterna.",
        "The seminar gathered over a hundred participants. The Brussels office follows up the "
        "contacts.",
        "RS 2026-00590",
        [(1, 14, 16, "Seminarium om smart specialisering", "Seminar on smart specialisation",
          "SQUARE, Bryssel", True)],
    ),
    "cpmr-ostersjokommissionen-arsmote": (
        OUT, "Årsmöte i CPMR:s Östersjökommission",
        "Annual meeting of the CPMR Baltic Sea Commission",
        "cpmr-ostersjokommissionen", "PL", "Gdańsk", "Marshal's Office of Pomorskie", 30, 2,
        PUBLIC, S.CONFIRMED, ["ostersjosamarbetet"], HOSTS_INTL, 3,
        "Årsmötet antar kommissionens arbetsprogram och ett uttalande om EU:s Östersjöstrategi.",
        "The annual meeting adopts the commission's work programme and a statement on the EU "
        "Strategy for the Baltic Sea Region.",
        "", "", "RS 2026-00611",
        [(0, 9, 17, "Årsmöte", "Annual meeting", "Marshal's Office", True),
         (1, 9, 12, "Studiebesök i Gdańsks hamn", "Study visit to the Port of Gdańsk",
          "Port of Gdańsk", True)],
    ),
    "aer-generalforsamling": (
        OUT, "AER:s generalförsamling", "General Assembly of the Assembly of European Regions",
        "aer", "ES", "Valencia", "", 70, 2,
        PUBLIC, S.CONFIRMED, ["kompetensforsorjning"], HOSTS_VICE, 2,
        "Generalförsamlingen väljer ny styrelse och diskuterar ungas delaktighet.",
        "The General Assembly elects a new board and discusses youth participation.",
        "", "", "RS 2026-00660", [],
    ),
    "cpmr-generalforsamling": (
        OUT, "CPMR:s generalförsamling", "General Assembly of the CPMR",
        "cpmr", "PT", "Funchal", "", 100, 3,
        PUBLIC, S.CONFIRMED, ["sammanhallningspolitik", "transport-och-infrastruktur"],
        f"{HOSTS_CHAIR}\n{HOSTS_INTL}", 4,
        "Perifera regioners syn på EU:s nästa långtidsbudget och tillgänglighet till havs.",
        "Peripheral regions' view of the next EU long-term budget and maritime accessibility.",
        "", "", "RS 2026-00671",
        [(0, 9, 18, "Generalförsamling", "General Assembly", "Funchal", True)],
    ),
    "studieresa-oslo-intern": (
        OUT, "Studieresa till Oslo om gränsöverskridande tåg",
        "Study trip to Oslo on cross-border rail",
        "ostfold", "NO", "Oslo", "", -10, 1,
        INTERNAL, S.COMPLETED, ["transport-och-infrastruktur"], HOSTS_CHAIR, 3,
        "Förberedande samtal inför regeringsmötet.", "Preparatory talks before the government "
        "meeting.",
        "", "", "RS 2026-00602", [],
    ),
    "emilia-romagna-aterbesok-installt": (
        OUT, "Återbesök i Emilia-Romagna", "Return visit to Emilia-Romagna",
        "emilia-romagna", "IT", "Bologna", "", 35, 2,
        INTERNAL, S.CANCELLED, ["smarta-stader-och-regioner"], HOSTS_VICE, 4,
        "Inställt på grund av regionfullmäktiges extra sammanträde.",
        "Cancelled because of an extra meeting of the regional council.",
        "", "", "RS 2026-00633", [],
    ),
}

# A request from the public form, still waiting for the coordinators.
REQUEST = {
    "slug": "forfragan-region-vasterbotten",
    "title": "Besök från Region Västerbotten",
    "country": "SE",
    "offset": 80,
    "days": 1,
    "purpose": "Vi vill lära oss mer om hur Västra Götalandsregionen arbetar med EU-påverkan "
               "i Bryssel.",
    "delegation_size": 8,
    "requester_organisation": "Region Västerbotten",
    "requester_name": "Exempel Exempelsson",
    "requester_email": "exempel@example.se",
    "requester_phone": "090-000 00 00",
}

PARTICIPANTS = {
    "hauts-de-france-havsplanering": [
        ("Exemple Dupont", "Vice-président", "Hauts-de-France", Participant.Role.DELEGATE,
         "delegation@example.fr", "Vegetarisk", ""),
        ("Tolk Tolksson", "Tolk", "Tolkförmedlingen Väst", Participant.Role.INTERPRETER,
         "tolk@example.se", "", ""),
    ],
    "cpmr-ostersjokommissionen-arsmote": [
        ("Sara Nilsson", "Ordförande i beredningen för internationella frågor",
         "Västra Götalandsregionen", Participant.Role.DELEGATE, "", "", "Hörslinga"),
    ],
}

GIFTS = {
    "pomorskie-delegation-ostersjon": [
        (Gift.Direction.GIVEN, "Glasskål från ett glasbruk i Västra Götaland",
         "Regionstyrelsens ordförande", "Marskalken i Pommerns vojvodskap", 600),
        (Gift.Direction.RECEIVED, "Bok om Gdańsks hamns historia",
         "Marskalken i Pommerns vojvodskap", "Regionstyrelsens ordförande", 300),
    ],
}


def _organisations():
    found = {}
    for slug, (kind, name, name_en, acronym, country) in ORGANISATIONS.items():
        existing = Organisation.objects.filter(
            slug__in=[slug, *ORGANISATION_ALIASES.get(slug, [])]
        ).first()
        if existing is None:
            existing, _created = Organisation.objects.get_or_create(
                slug=slug,
                defaults={"kind": kind, "name": name, "name_en": name_en, "acronym": acronym,
                          "country": country},
            )
        found[slug] = existing
    return found



def load():
    today = timezone.localdate()
    organisations = _organisations()
    topics = topics_by_slug()
    project = Project.objects.filter(slug="green-corridor-baltic").first()
    for slug, row in VISITS.items():
        (direction, title, title_en, organisation, country, city, venue, offset, days,
         visibility, status, topic_slugs, hosts, size, purpose, purpose_en, summary, summary_en,
         registration, programme) = row
        first_day = today + datetime.timedelta(days=offset)
        last_day = first_day + datetime.timedelta(days=days - 1)
        visit, _created = Visit.objects.update_or_create(
            slug=slug,
            defaults={
                "direction": direction, "title": title, "title_en": title_en,
                "organisation": organisations.get(organisation), "country": country,
                "city": city, "venue": venue,
                "starts_at": local_datetime(first_day, 9), "ends_at": local_datetime(last_day, 17),
                "visibility": visibility, "status": status, "hosts": hosts,
                "delegation_size": size, "purpose": purpose, "purpose_en": purpose_en,
                "summary": summary, "summary_en": summary_en,
                "registration_number": registration,
                "cancelled_at": local_datetime(today, 8) if status == S.CANCELLED else None,
            },
        )
        visit.topics.set([topics[name] for name in topic_slugs])
        if project and slug == "pomorskie-delegation-ostersjon":
            visit.projects.set([project])
        for day, start, end, activity, activity_en, place, is_public in programme:
            item_day = first_day + datetime.timedelta(days=day)
            ProgrammeItem.objects.update_or_create(
                visit=visit, activity=activity,
                defaults={"activity_en": activity_en, "place": place, "is_public": is_public,
                          "starts_at": local_datetime(item_day, start),
                          "ends_at": local_datetime(item_day, end),
                          "responsible": "Externa relationer"},
            )
        for name, title_, org, role, email, dietary, access in PARTICIPANTS.get(slug, []):
            Participant.objects.update_or_create(
                visit=visit, name=name,
                defaults={"title": title_, "organisation": org, "role": role, "email": email,
                          "dietary_needs": dietary, "accessibility_needs": access},
            )
        for direction_, description, giver, recipient, value in GIFTS.get(slug, []):
            Gift.objects.update_or_create(
                visit=visit, description=description,
                defaults={"direction": direction_, "giver": giver, "recipient": recipient,
                          "estimated_value_sek": value},
            )

    first_day = today + datetime.timedelta(days=REQUEST["offset"])
    request_visit, _created = Visit.objects.update_or_create(
        slug=REQUEST["slug"],
        defaults={
            "direction": IN, "title": REQUEST["title"], "country": REQUEST["country"],
            "starts_at": local_datetime(first_day, 9), "ends_at": local_datetime(first_day, 17),
            "visibility": INTERNAL, "status": S.REQUESTED, "purpose": REQUEST["purpose"],
            "delegation_size": REQUEST["delegation_size"],
            "requester_organisation": REQUEST["requester_organisation"],
            "requester_name": REQUEST["requester_name"],
            "requester_email": REQUEST["requester_email"],
            "requester_phone": REQUEST["requester_phone"],
        },
    )
    request_visit.topics.set([topics["sammanhallningspolitik"]])
