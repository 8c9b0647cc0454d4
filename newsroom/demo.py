"""Demo content of the newsroom: the unit's news over the last few years.

Modelled on the kind of news the unit publishes (calls for interns, the Brussels office's
film, conferences at the Committee of the Regions, information meetings with the ESF
Council, seminars, the newsletter, network meetings), in Swedish with a few English
translations, and one item scheduled for later that the public must not see yet.

Idempotent: each item is found by its language and slug and only saved when something
differs, so running ``load_demo`` twice changes nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import F
from django.utils import timezone

from newsroom.models import NewsItem
from relations.demo import topics_by_slug
from relations.models import Organisation
from visits.models import Visit

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SV, EN = NewsItem.Language.SWEDISH, NewsItem.Language.ENGLISH

# Topics the news use; the relations demo normally has them already (found by slug).

UNIT = "Enheten externa relationer"
BRUSSELS = "Brysselkontoret"
UNIT_EN = "The external relations unit"
BRUSSELS_EN = "The Brussels office"

INTERN_BODY = """Varje termin tar enheten externa relationer emot praktikanter på kontoren i
Göteborg och Bryssel. Praktiken passar dig som läser på avancerad nivå inom statsvetenskap,
europakunskap, juridik, ekonomi eller ett närliggande ämne.

## Det här får du göra

- bevaka EU:s politik och skriva korta analyser
- förbereda formella besök och delegationsresor
- delta i möten med nätverken CPMR, AER och ERRIN
- skriva för webbplatsen och nyhetsbrevet

## Så ansöker du

Ansök via webbplatsen med personligt brev och CV. Vi intervjuar löpande, så vänta inte
till sista dagen.
"""

INTERN_BODY_EN = """Every term the external relations unit welcomes interns at its offices in
Gothenburg and Brussels. The internship suits students at master's level in political
science, European studies, law, economics or a related field.

## What you will do

- follow EU policy and write short briefings
- prepare formal visits and delegation trips
- take part in meetings of the CPMR, AER and ERRIN networks
- write for the website and the newsletter

## How to apply

Apply on the website with a cover letter and a CV. We interview as applications come in,
so do not wait until the last day.
"""

NEWSLETTER_BODY = """I det här numret:

- läget i förhandlingarna om EU:s långtidsbudget och sammanhållningspolitiken
- nytt från Brysselkontoret och nätverken
- kommande seminarier och besök

Nyhetsbrevet kommer ut fyra gånger om året. Du kan prenumerera via webbplatsen.
"""

# (language, slug, title, lead, body, publish date, hour, author, topics, organisations,
#  visits, translation of (slug of the Swedish item) or None)
ITEMS = [
    (SV, "praktikanter-hosten-2024", "Vi söker praktikanter till hösten 2024",
     "Är du student och intresserad av EU, regional utveckling och påverkansarbete? Nu kan "
     "du söka praktik hos oss i Göteborg eller Bryssel.",
     INTERN_BODY, (2024, 2, 12), 9, UNIT, ["kompetensforsorjning"], [], [], None),
    (SV, "brysselkontoret-gor-film", "Brysselkontoret satsar på film",
     "Vad gör egentligen regionens kontor i Bryssel? Det svarar medarbetarna på i en kort "
     "film om uppdraget, nätverken och vardagen nära EU:s institutioner.",
     """Många frågar oss vad Brysselkontoret gör. I filmen berättar medarbetarna om hur de
bevakar EU:s politik, bygger kontakter med institutionerna och hjälper regionens aktörer
att delta i EU-program.

Filmen är textad på svenska och engelska.""",
     (2024, 3, 5), 10, BRUSSELS, ["sammanhallningspolitik"], [], [], None),
    (SV, "smarta-stader-regionkommitten", "Smarta städer och regioner: vi deltog i "
     "konferens hos Regionkommittén",
     "Brysselkontoret var på plats när Regionkommittén samlade städer och regioner för att "
     "diskutera investeringar i digitalisering och en smart omställning.",
     """Konferensen samlade förtroendevalda, tjänstepersoner och företrädare för
EU-kommissionen. Diskussionen handlade om hur städer och regioner kan gå samman för att
investera i digital infrastruktur.

## Det tar vi med oss

1. Regionerna behöver enklare regler för att kombinera EU-fonder.
2. Smart specialisering fungerar bäst när näringsliv och akademi deltar från början.
3. Västra Götalands erfarenheter från fordons- och life science-klustren väckte intresse.
""",
     (2024, 4, 18), 14, BRUSSELS, ["smarta-stader-och-regioner"], ["regionkommitten"],
     [], None),
    (SV, "informationsmoten-esf-radet", "Informationsmöten med Svenska ESF-rådet",
     "Svenska ESF-rådet bjuder in till informationsmöten om kommande utlysningar inom "
     "kompetensutveckling och omställning i Västsverige.",
     """Mötena vänder sig till kommuner, företag och organisationer som vill söka medel ur
Europeiska socialfonden.

| Ort | Datum |
| --- | --- |
| Göteborg | 28 maj |
| Skövde | 30 maj |
| Vänersborg | 4 juni |

Anmälan görs på [ESF-rådets webbplats](https://www.esf.se/).""",
     (2024, 5, 22), 9, UNIT, ["kompetensforsorjning"], ["svenska-esf-radet"], [], None),
    (SV, "nyhetsbrev-juni-2024", "Nyhetsbrevet om vårt externa arbete är ute",
     "Sommarens nyhetsbrev handlar om regionens arbete på nationell, europeisk och "
     "internationell nivå.",
     NEWSLETTER_BODY, (2024, 6, 10), 8, UNIT, [], [], [], None),
    (SV, "mot-hostens-praktikanter-2024", "Möt höstens praktikanter",
     "Fyra studenter gör praktik hos oss den här hösten, två i Göteborg och två i Bryssel.",
     """Praktikanterna läser statsvetenskap, europakunskap och juridik. Under hösten följer
de bland annat förhandlingarna om sammanhållningspolitiken och förbereder EU-regionernas
vecka i Bryssel.""",
     (2024, 9, 2), 11, UNIT, ["kompetensforsorjning"], [], [], None),
    (SV, "forslag-battre-regionalpolitik", "Förslag för att förbättra EU:s regionalpolitik",
     "Regionen har lämnat sina förslag om sammanhållningspolitiken efter 2027, tillsammans "
     "med de andra regionerna i CPMR.",
     """Sammanhållningspolitiken är EU:s viktigaste investeringspolitik för regionerna. Vi
vill att den

- omfattar alla regioner, inte bara de med lägst inkomster
- bygger på partnerskap där regionerna är med och beslutar
- blir enklare att använda för mindre aktörer

Förslagen togs fram med stöd av en kollega från avdelningen näringsliv, som arbetade en
vecka på Brysselkontoret.""",
     (2024, 10, 15), 13, BRUSSELS, ["sammanhallningspolitik"], ["cpmr"], [], None),
    (SV, "going-green-aer", "Going green: AER samlade projektintressenter",
     "Regionens företrädare i Europeiska regionförsamlingen AER deltog i ett möte där "
     "regioner sökte partner till projekt om klimat och förnybar energi.",
     """Mötet var ett av flera inom AER:s satsning *Going green*, där regioner med liknande
mål kan hitta varandra. Västra Götaland berättade om arbetet med biodrivmedel och om
hur regionen stöttar kommunernas klimatarbete.""",
     (2024, 11, 20), 15, UNIT, ["bioenergi-och-biodrivmedel"], ["aer"], [], None),
    (SV, "seminarium-valrorelsen", "Välkommen till seminarium om den kommande valrörelsen",
     "Tillsammans med Västsvenska Arenan bjuder vi in till ett seminarium om vilka "
     "EU-frågor som kommer att prägla valrörelsen.",
     """Seminariet hålls på Västsvenska Handelskammaren i Göteborg. Forskare och
journalister samtalar om hur EU-frågorna påverkar väljarna och vad det betyder för
regionens påverkansarbete.

Seminariet är kostnadsfritt men kräver anmälan.""",
     (2025, 1, 14), 9, UNIT, [], [], [], None),
    (SV, "praktikanter-hosten-2025", "Vi söker praktikanter till hösten 2025",
     "Vill du lära dig hur en region arbetar med EU och påverkan? Sök praktik hos "
     "enheten externa relationer i Göteborg eller Bryssel.",
     INTERN_BODY, (2025, 2, 20), 9, UNIT, ["kompetensforsorjning"], [], [], None),
    (SV, "samtal-europa-transport", "Samtal Europa: delaktighet i EU med fokus på "
     "transportpolitik",
     "Hur kan fler vara delaktiga i EU-samarbetet? I ett samtal i Göteborg diskuterades "
     "transportpolitiken och regionens prioriteringar.",
     """Samtalet var en del av en nationell satsning på att öka kunskapen om EU. Fokus låg
på det transeuropeiska transportnätet och vikten av en modern järnväg mellan Oslo,
Göteborg och Köpenhamn.""",
     (2025, 3, 18), 10, UNIT, ["transport-och-infrastruktur"], [], [], None),
    (SV, "ostersjokommissionen-arsmote", "Östersjökommissionen samlade regionerna",
     "Regionerna runt Östersjön möttes för att diskutera EU:s strategi för regionen och "
     "samarbetet om transporter och kompetens.",
     """Västra Götaland deltog i diskussionerna om hur Östersjöstrategin kan kopplas
tydligare till EU-programmen under nästa programperiod.""",
     (2025, 4, 8), 12, UNIT, ["ostersjosamarbetet"], ["cpmr-ostersjokommissionen"],
     ["cpmr-ostersjokommissionen-arsmote"], None),
    (SV, "bredband-samrad", "Bredband på landsbygden: regionens svar till kommissionen",
     "Regionen har svarat på EU-kommissionens samråd om reglerna för statligt stöd till "
     "bredbandsutbyggnad.",
     """Vi vill att reglerna gör det möjligt att bygga ut snabbt bredband också där
marknaden inte gör det på egen hand. Svaret togs fram tillsammans med kommunerna.""",
     (2025, 5, 6), 9, UNIT, ["bredband"], [], [], None),
    (SV, "nyhetsbrev-juni-2025", "Sommarens nyhetsbrev: EU:s nya långtidsbudget",
     "Nyhetsbrevet handlar om förhandlingarna om EU:s nästa långtidsbudget och vad de "
     "kan betyda för Västra Götaland.",
     NEWSLETTER_BODY, (2025, 6, 12), 8, UNIT, ["sammanhallningspolitik"], [], [], None),
    (SV, "mot-hostens-praktikanter-2025", "Möt höstens praktikanter i Göteborg och Bryssel",
     "Den här hösten gör fyra mastersstudenter praktik hos enheten externa relationer.",
     """Praktikanterna kommer från Göteborgs universitet, Lunds universitet och
Uppsala universitet. De kommer bland annat att arbeta med EU-regionernas vecka och
förberedelserna inför CPMR:s generalförsamling.""",
     (2025, 9, 1), 11, UNIT, ["kompetensforsorjning"], [], [], None),
    (SV, "eu-regionernas-vecka-2025", "EU-regionernas vecka: workshop om kompetens",
     "Under EU-regionernas vecka i Bryssel arrangerade regionen en workshop om hur "
     "EU-fonderna kan stödja omställning och livslångt lärande.",
     """Workshopen samlade regioner från fem länder. Deltagarna delade erfarenheter av
ESF+-projekt och diskuterade hur kompetensförsörjningen kan få en starkare plats i
sammanhållningspolitiken.""",
     (2025, 10, 9), 16, BRUSSELS, ["kompetensforsorjning", "sammanhallningspolitik"],
     ["regionkommitten"], ["eu-regionernas-vecka"], None),
    (SV, "praktikanter-hosten-2026", "Vi söker praktikanter till hösten 2026",
     "Nu kan du söka praktik hos enheten externa relationer för hösten 2026, i Göteborg "
     "eller i Bryssel.",
     INTERN_BODY, (2026, 2, 10), 9, UNIT, ["kompetensforsorjning"], [], [], None),
    (SV, "esf-plus-informationsmote", "Informationsmöte om ESF+ och nya utlysningar",
     "Svenska ESF-rådet berättar om årets utlysningar för kompetensutveckling och "
     "omställning. Mötet hålls digitalt.",
     """Informationsmötet vänder sig till dig som funderar på att söka medel ur
Europeiska socialfonden+. Efteråt finns tid för frågor.""",
     (2026, 3, 24), 9, UNIT, ["kompetensforsorjning"], ["svenska-esf-radet"], [], None),
    (SV, "korridoren-oslo-goteborg-kopenhamn", "Korridoren Oslo–Göteborg–Köpenhamn på "
     "agendan i Bryssel",
     "Regionen och våra grannar i Norge och Danmark träffade EU-kommissionen för att "
     "driva på utbyggnaden av järnvägen mellan de tre huvudstadsregionerna.",
     """Sträckan är en del av det transeuropeiska transportnätet. Vid mötet presenterade
regionerna en gemensam lägesbild och bad kommissionen prioritera sträckan i nästa
budget för infrastruktur.""",
     (2026, 5, 19), 13, BRUSSELS, ["transport-och-infrastruktur"], ["ostfold"], [], None),
    (SV, "seminarium-efter-valet", "Seminarium: vad betyder valet för regionens EU-arbete?",
     "Efter valet bjuder vi in till ett seminarium om vad den nya mandatperioden kan "
     "innebära för regionens arbete i Stockholm och Bryssel.",
     """Seminariet hålls i Regionens hus i Göteborg. Anmälan är öppen för förtroendevalda
och tjänstepersoner i regionen och kommunerna.""",
     (2026, 9, 15), 10, UNIT, [], [], [], None),
    (SV, "nyhetsbrev-november-2026", "Nyhetsbrevet i november",
     "Höstens sista nyhetsbrev handlar om EU-budgeten, Brysselkontorets arbete och "
     "vårens praktikanter.",
     NEWSLETTER_BODY, (2026, 11, 10), 8, UNIT, ["sammanhallningspolitik"], [], [], None),
    # The English versions of a few items, linked to their Swedish originals.
    (EN, "smart-cities-committee-of-the-regions", "Smart cities and regions: at the "
     "Committee of the Regions",
     "The Brussels office attended the Committee of the Regions' conference on investing "
     "in digitalisation and a smart transition.",
     """The conference brought together elected representatives, officials and the
European Commission to discuss how cities and regions can invest jointly in digital
infrastructure.

## What we take home

1. Regions need simpler rules for combining EU funds.
2. Smart specialisation works best with business and academia involved from the start.
3. West Sweden's experience from its automotive and life science clusters drew interest.
""",
     (2024, 4, 18), 15, BRUSSELS_EN, ["smarta-stader-och-regioner"], ["regionkommitten"], [],
     "smarta-stader-regionkommitten"),
    (EN, "going-green-aer", "Going green: AER brings project partners together",
     "The region's representative in the Assembly of European Regions joined a meeting "
     "where regions looked for partners in climate and renewable energy projects.",
     """The meeting was part of AER's *Going green* initiative, which helps regions with
similar goals find each other. Västra Götaland presented its work on biofuels and its
support for the climate work of the municipalities.""",
     (2024, 11, 20), 16, UNIT_EN, ["bioenergi-och-biodrivmedel"], ["aer"], [],
     "going-green-aer"),
    (EN, "internships-autumn-2025", "Internships in autumn 2025",
     "Would you like to learn how a region works with the EU? Apply for an internship "
     "with the external relations unit in Gothenburg or Brussels.",
     INTERN_BODY_EN, (2025, 2, 20), 10, UNIT_EN, ["kompetensforsorjning"], [], [],
     "praktikanter-hosten-2025"),
    (EN, "internships-autumn-2026", "Internships in autumn 2026",
     "Applications are open for internships with the external relations unit in autumn "
     "2026, in Gothenburg or in Brussels.",
     INTERN_BODY_EN, (2026, 2, 10), 10, UNIT_EN, ["kompetensforsorjning"], [], [],
     "praktikanter-hosten-2026"),
    (EN, "oslo-gothenburg-copenhagen-corridor", "The Oslo–Gothenburg–Copenhagen corridor "
     "on the agenda in Brussels",
     "The region and its Norwegian and Danish neighbours met the European Commission to "
     "press for the railway between the three capital regions.",
     """The line is part of the trans-European transport network. The regions presented a
shared picture of the situation and asked the Commission to give the line priority in
the next infrastructure budget.""",
     (2026, 5, 19), 14, BRUSSELS_EN, ["transport-och-infrastruktur"], ["ostfold"], [],
     "korridoren-oslo-goteborg-kopenhamn"),
]

# Written ahead and scheduled: invisible to the public until its time comes.
SCHEDULED = (
    SV, "praktikanter-varen-2027", "Vi söker praktikanter till våren 2027",
    "Nu öppnar ansökan till praktik hos enheten externa relationer under vårterminen 2027.",
    INTERN_BODY, ["kompetensforsorjning"],
)
SCHEDULED_AHEAD = datetime.timedelta(days=75)

# A few items were corrected some days after publication ("updated" shows on the page).
UPDATED_AFTER = {"informationsmoten-esf-radet": datetime.timedelta(days=3)}


def load():
    topics = topics_by_slug()
    organisations = {o.slug: o for o in Organisation.objects.all()}
    visits = {v.slug: v for v in Visit.objects.public()}
    for row in ITEMS:
        (language, slug, title, lead, body, day, hour, author, topic_slugs, org_slugs,
         visit_slugs, original) = row
        publish_at = datetime.datetime(*day, hour, tzinfo=STOCKHOLM)
        item = _item(language, slug, {
            "title": title, "lead": lead, "body": body, "author_name": author,
            "status": NewsItem.Status.PUBLISHED, "publish_at": publish_at,
        }, updated_after=UPDATED_AFTER.get(slug))
        item.topics.set([topics[name] for name in topic_slugs])
        item.related_organisations.set(
            [organisations[name] for name in org_slugs if name in organisations]
        )
        item.related_visits.set([visits[name] for name in visit_slugs if name in visits])
        if original:
            _link_translation(item, NewsItem.objects.get(language=SV, slug=original))
    _scheduled(topics)
    _newsletters()



def _item(language, slug, values, updated_after=None):
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
    updated_at = values["publish_at"] + (updated_after or datetime.timedelta())
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


def _scheduled(topics):
    language, slug, title, lead, body, topic_slugs = SCHEDULED
    item, created = NewsItem.objects.get_or_create(
        language=language,
        slug=slug,
        defaults={
            "title": title, "lead": lead, "body": body, "author_name": UNIT,
            "status": NewsItem.Status.PUBLISHED,
            "publish_at": timezone.now() + SCHEDULED_AHEAD,
        },
    )
    if created:
        item.topics.set([topics[name] for name in topic_slugs])


# Newsletter issues already sent, so that the archive has something to show. No demo
# subscribers: they would be personal data, even invented.
NEWSLETTERS = [
    (SV, "Nyhetsbrev från Externa relationer, vintern 2025",
     "Under hösten har Brysselkontoret följt förhandlingarna om EU:s nästa långtidsbudget, "
     "och regionen har tagit emot flera delegationer. Här är ett urval av det som hänt.",
     (2025, 12, 10, 9)),
    (EN, "Newsletter from External Relations, winter 2025",
     "This autumn the Brussels office followed the negotiations on the EU's next long-term "
     "budget, and the region welcomed several delegations. Here is a selection.",
     (2025, 12, 10, 9)),
]


def _newsletters():
    from newsroom.models import IssueItem, NewsletterIssue

    for language, subject, intro, moment in NEWSLETTERS:
        sent_at = datetime.datetime(*moment, tzinfo=STOCKHOLM)
        issue, _created = NewsletterIssue.objects.get_or_create(
            language=language, subject=subject,
            defaults={"intro": intro, "status": NewsletterIssue.Status.SENT,
                      "sent_at": sent_at},
        )
        items = (
            NewsItem.objects.published(now=sent_at).in_language(language)
            .order_by("-publish_at", "-pk")[:3]
        )
        for position, item in enumerate(items):
            IssueItem.objects.get_or_create(
                issue=issue, news_item=item, defaults={"position": position}
            )
