"""The pages the site cannot do without: the home page's introduction, about, contact, the
accessibility statement and the personal-data page, with the text they start from.

Created by the data migration that turned the old templates into pages, and again after
every migrate where one is missing (a database flushed by the tests, or restored from an
old backup), the way Django keeps its content types and permissions.
"""

from django.db import DEFAULT_DB_ALIAS

from portal.markdown import render_markdown

STANDARD_PAGES = [
    {
        "key": "home",
        "order": 0,
        "title": "Externa relationer och nationell påverkan",
        "lead": (
            "Västra Götalands framtid avgörs också av beslut som fattas i Stockholm och Bryssel. "
            "Enheten externa relationer följer och påverkar dessa beslut, tar emot och genomför "
            "formella besök, deltar i europeiska nätverk och EU-program och driver "
            "Brysselkontoret."
        ),
        "body": "",
        "title_en": "External relations and national influence",
        "lead_en": (
            "West Sweden's future is also shaped by decisions made in Stockholm and Brussels. "
            "The External Relations unit follows and influences those decisions, hosts and makes "
            "formal visits, takes part in European networks and EU programmes, and runs the "
            "Brussels office."
        ),
        "body_en": "",
    },
    {
        "key": "about",
        "slug": "om-oss",
        "slug_en": "about",
        "menu_title": "Om oss",
        "menu_title_en": "About us",
        "show_in_navigation": True,
        "show_in_footer": True,
        "order": 10,
        "title": "Om enheten externa relationer",
        "lead": (
            "Enheten externa relationer driver och samordnar Västra Götalandsregionens "
            "strategiska arbete på nationell, europeisk och internationell nivå. Uppdraget är att "
            "göra regionen och Västra Götaland synliga där besluten fattas, utifrån de frågor som "
            "regionen prioriterar."
        ),
        "body": """## Nationell påverkan

Mycket av det som avgör Västra Götalands utveckling bestäms i riksdagen, i regeringskansliet och hos statliga myndigheter. Vi bygger relationer med nationella beslutsfattare så att regionens behov och prioriteringar blir kända och förstådda. Arbetet sker från Göteborg och från vårt kontor i Stockholm, genom omvärldsbevakning, nätverk och kontakter.

## EU-arbete och Brysselkontoret

Regionen deltar i flera EU-program, främst inom sammanhållningspolitiken, och i projekt som betyder mycket för den regionala utvecklingen. Brysselkontoret bevakar EU:s politik, för fram regionens synpunkter i tidiga skeden och hjälper aktörer i Västra Götaland att hitta partner och finansiering.

## Nätverk och organisationer

Europas regioner samarbetar för att påverka EU:s beslut, lära av varandra och lösa gemensamma utmaningar. Regionen är medlem i bland annat CPMR, AER och ERRIN och deltar i Europeiska regionkommitténs arbete.

## Formella besök och delegationsresor

Regionens politiska ledning tar varje år emot ett stort antal formella besök från regioner i andra länder, från andra delar av Sverige och från andra länders myndigheter. Besöken ger kontakter och kunskap och är ett tillfälle att visa upp lösningar och innovationer i Västra Götaland. Den politiska ledningen gör också delegationsresor och deltar i kongresser och möten utomlands.

## Praktik

Varje termin erbjuder vi praktik inom regional utveckling och externa relationer på kontoren i Göteborg och Bryssel. Vi vänder oss i första hand till mastersstudenter inom offentlig förvaltning, statsvetenskap, miljövetenskap och närliggande utbildningar.
""",
        "title_en": "About the External Relations unit",
        "lead_en": (
            "The External Relations unit leads and coordinates Region Västra Götaland's strategic "
            "work at national, European and international level. Our task is to make the region "
            "and West Sweden visible where decisions are made, guided by the issues the region "
            "has prioritised."
        ),
        "body_en": """## National influence

Much of what shapes West Sweden's development is decided by the Swedish parliament, the Government Offices and national agencies. We build relationships with national decision-makers so that the region's needs and priorities are known and understood. The work is done from Gothenburg and from our office in Stockholm, through horizon scanning, networks and contacts.

## EU affairs and the Brussels office

The region takes part in several EU programmes, mainly under cohesion policy, and in projects of great importance to regional development. The Brussels office follows EU policy, brings the region's views in at an early stage and helps organisations in West Sweden find partners and funding.

## Networks and organisations

Europe's regions work together to influence EU decisions, learn from one another and solve shared challenges. The region is a member of CPMR, AER and ERRIN, among others, and takes part in the work of the European Committee of the Regions.

## Formal visits and delegation trips

Every year the region's political leadership receives many formal visits from regions abroad, from other parts of Sweden and from other countries' authorities. Visits create contacts and knowledge and are a chance to show solutions and innovations from West Sweden. The political leadership also makes delegation trips and takes part in congresses and meetings abroad.

## Internships

Every term we offer internships in regional development and external relations at our offices in Gothenburg and Brussels, mainly to master's students in public administration, political science, environmental science and related fields.
""",
    },
    {
        "key": "contact",
        "slug": "kontakt",
        "slug_en": "contact",
        "menu_title": "Kontakt",
        "menu_title_en": "Contact",
        "show_in_footer": True,
        "order": 20,
        "title": "Kontakta oss",
        "lead": (
            "Du når enheten externa relationer via e-post "
            "[externa.relationer@example.se](mailto:externa.relationer@example.se) eller via "
            "regionens växel 010-441 00 00."
        ),
        "body": "",
        "title_en": "Contact us",
        "lead_en": (
            "You can reach the External Relations unit by e-mail at "
            "[externa.relationer@example.se](mailto:externa.relationer@example.se) or through "
            "the region's switchboard, +46 10 441 00 00."
        ),
        "body_en": "",
    },
    {
        "key": "accessibility",
        "slug": "tillganglighet",
        "slug_en": "accessibility",
        "menu_title": "Tillgänglighetsredogörelse",
        "menu_title_en": "Accessibility statement",
        "show_in_footer": True,
        "order": 30,
        "title": "Tillgänglighetsredogörelse",
        "lead": (
            "Västra Götalandsregionen står bakom den här webbplatsen. Vi vill att så många som "
            "möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen "
            "(2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur "
            "du kan rapportera problem."
        ),
        "body": """## Hur tillgänglig är webbplatsen?

Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.

## Innehåll som inte är tillgängligt

- Dokument som besökande delegationer och partner skickar till oss, till exempel program och presentationer i PDF, publiceras ibland som de är och kan sakna rubrikstruktur och bildtexter. Det beror på att vi inte är upphovsmän till dokumenten. Be oss om innehållet i ett annat format så hjälper vi dig.
- Administrationsgränssnittet som medarbetarna använder är testat automatiskt och med tangentbord men ännu inte granskat med skärmläsare.

## Hur vi testat webbplatsen

Vi har gjort en självskattning (intern testning) av webbplatsen. Varje sida som finns i webbplatskartan kontrolleras automatiskt vid varje ändring med verktyget axe mot WCAG 2.1 nivå AA och med Nu Html Checker. Vi har också testat flödena med enbart tangentbord.

Senaste bedömningen gjordes den 28 november 2026. Redogörelsen uppdaterades senast den 28 november 2026.

## Rapportera brister

Om du upptäcker problem som inte beskrivs på den här sidan, eller om du behöver innehåll i ett annat format, kontakta oss på [externa.relationer@example.se](mailto:externa.relationer@example.se) eller ring 010-441 00 00. Vi svarar inom fem arbetsdagar.

## Tillsyn

Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du [kontakta Digg och påtala det](https://www.digg.se/tdosanmalan).
""",
        "title_en": "Accessibility statement",
        "lead_en": (
            "Region Västra Götaland is responsible for this website. We want as many people as "
            "possible to be able to use it. This statement describes how the website complies "
            "with the Swedish Act (2018:1937) on accessibility to digital public services, the "
            "known shortcomings and how to report a problem."
        ),
        "body_en": """## How accessible is this website?

This website is partially compliant with the Act on accessibility to digital public services, due to the shortcomings described below.

## Content that is not accessible

- Documents that visiting delegations and partners send us, such as programmes and presentations in PDF, are sometimes published as received and may lack heading structure and image descriptions, because we are not their authors. Ask us for the content in another format and we will help you.
- The back office used by staff has been tested automatically and with the keyboard, but not yet reviewed with a screen reader.

## How we tested the website

We have carried out a self-assessment (internal testing) of the website. Every page in the sitemap is checked automatically at every change with axe against WCAG 2.1 level AA and with the Nu Html Checker. We have also tested the flows using only the keyboard.

The latest assessment was made on 28 November 2026. This statement was last updated on 28 November 2026.

## Report a problem

If you find a problem not described on this page, or need content in another format, contact us at [externa.relationer@example.se](mailto:externa.relationer@example.se) or call +46 10 441 00 00. We reply within five working days.

## Enforcement

The Agency for Digital Government (Digg) is responsible for enforcing the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can [notify Digg](https://www.digg.se/tdosanmalan){: hreflang="sv"} (form in Swedish).
""",
    },
    {
        "key": "personal-data",
        "slug": "personuppgifter",
        "slug_en": "personal-data",
        "menu_title": "Så hanterar vi personuppgifter",
        "menu_title_en": "How we handle personal data",
        "show_in_footer": True,
        "order": 40,
        "title": "Så hanterar vi personuppgifter",
        "lead": (
            "Västra Götalandsregionen är personuppgiftsansvarig för de uppgifter som lämnas på den "
            "här webbplatsen. Här står vad vi sparar i varje formulär, varför, hur länge och vilka "
            "rättigheter du har."
        ),
        "body": """## Nyhetsbrevet {#newsletter}

Vi sparar din e-postadress, vilket språk du vill ha nyhetsbrevet på, när du anmälde dig och när du bekräftade anmälan, och vilken text du godkände. Rättslig grund är ditt samtycke. En anmälan som inte bekräftas tas bort efter 30 dagar. När du avslutar prenumerationen slutar vi genast att skicka till adressen. Begär du att bli raderad tar vi bort uppgifterna och sparar bara en envägskod av adressen (en så kallad hash), så att vi aldrig skickar till den igen av misstag. Varje utskick innehåller en länk för att avsluta.

## Förfrågan om besök {#visit-requests}

Vi sparar kontaktpersonens namn, e-postadress och telefonnummer samt uppgifterna om besöket. Rättslig grund är regionens uppgift av allmänt intresse. Kontaktuppgifterna tas bort tolv månader efter besöket, eller tolv månader efter att vi tackat nej. Uppgifter om deltagare i ett besök, som namn och eventuella behov av specialkost eller tillgänglighet, ser bara de medarbetare som planerar besök, och de tas bort tolv månader efter besöket.

## Ansökan om praktik {#applications}

Vi sparar de uppgifter du lämnar i ansökan: namn, kontaktuppgifter, utbildning, personligt brev, cv och eventuellt betygsutdrag. Rättslig grund är regionens uppgift av allmänt intresse och åtgärder innan ett avtal ingås (artikel 6.1 e och b i dataskyddsförordningen). Bara de som rekryterar ser ansökan. En inkommen ansökan är en allmän handling som kan lämnas ut efter sekretessprövning. Ansökningar från sökande som inte får en plats tas bort 24 månader efter att ansökningstiden gått ut; den tiden motsvarar tiden för att väcka talan om diskriminering. Har du skyddade personuppgifter ska du inte använda formuläret, utan kontakta oss på telefon 010-441 00 00.

## Anmälan till evenemang {#events}

När du anmäler dig till ett seminarium, informationsmöte eller en utbildning sparar vi namn, e-postadress, organisation, typ av organisation och roll, dina svar på evenemangets frågor och eventuella behov av kost eller tillgänglighet. Rättslig grund är regionens uppgift av allmänt intresse. Uppgifterna används för att ordna evenemanget och för att skicka bekräftelse, påminnelse och besked om ändringar; bara de som ordnar evenemang ser dem. Kost och behov för att kunna delta tas bort dagen efter evenemanget, och hela anmälan tas bort tolv månader efter evenemanget. Därefter finns bara antalet deltagare per typ av organisation kvar. Du kan när som helst avboka med länken i bekräftelsen.

## Dina rättigheter

Du har rätt att få veta vilka uppgifter vi har om dig (registerutdrag), att få felaktiga uppgifter rättade, att få uppgifter raderade när det inte längre finns skäl att spara dem och att invända mot behandlingen. Allmänna handlingar får dock bara gallras enligt regionens arkivregler. Du kan klaga hos Integritetsskyddsmyndigheten (IMY) om du anser att vi behandlar dina uppgifter felaktigt.

## Kontakt

Frågor om personuppgifter: [externa.relationer@example.se](mailto:externa.relationer@example.se). Regionens dataskyddsombud nås på [dataskyddsombud@example.se](mailto:dataskyddsombud@example.se).
""",
        "title_en": "How we handle personal data",
        "lead_en": (
            "Region Västra Götaland is the controller of the personal data given on this website. "
            "This page says what each form stores, why, for how long, and what your rights are."
        ),
        "body_en": """## The newsletter {#newsletter}

We store your e-mail address, the language you want the newsletter in, when you subscribed and confirmed, and the text you agreed to. The legal basis is your consent. A subscription that is not confirmed is deleted after 30 days. When you unsubscribe we stop mailing the address at once. If you ask to be erased, we delete your data and keep only a one-way code of the address (a hash), so that it is never mailed again by mistake. Every issue carries a link to unsubscribe.

## Visit requests {#visit-requests}

We store the contact person's name, e-mail address and phone number and the details of the visit. The legal basis is the region's task in the public interest. Contact details are deleted twelve months after the visit, or twelve months after we decline. Details of the participants in a visit, such as names and any dietary or accessibility needs, are seen only by the staff who plan visits and are deleted twelve months after the visit.

## Internship applications {#applications}

We store what you give in your application: name, contact details, education, cover letter, CV and any transcript. The legal basis is the region's task in the public interest and steps taken before entering into an agreement (Article 6(1)(e) and (b) GDPR). Only the recruiters see the application. A received application is a public record that may be released after a secrecy review. Applications from applicants who are not offered a place are deleted 24 months after the call closes, which matches the time within which a discrimination claim can be brought. If you have protected personal data, do not use the form; call us on +46 10 441 00 00 instead.

## Event registrations {#events}

When you register for a seminar, information meeting or training we store your name, e-mail address, organisation, type of organisation and role, your answers to the event's questions and any dietary or accessibility needs. The legal basis is the region's task in the public interest. The details are used to organise the event and to send a confirmation, a reminder and news of any changes; only the staff who organise events see them. Dietary and accessibility needs are deleted the day after the event, and the whole registration twelve months after the event. After that only the number of participants by type of organisation remains. You can cancel at any time with the link in the confirmation.

## Your rights

You have the right to know what data we hold about you (a register extract), to have wrong data corrected, to have data erased when there is no longer a reason to keep it, and to object to the processing. Public records, however, may only be disposed of under the region's archive rules. You can complain to the Swedish Authority for Privacy Protection (IMY) if you think we handle your data wrongly.

## Contact

Questions about personal data: [externa.relationer@example.se](mailto:externa.relationer@example.se). The region's data protection officer: [dataskyddsombud@example.se](mailto:dataskyddsombud@example.se).
""",
    },
]


def create_standard_pages(page_model, using=DEFAULT_DB_ALIAS, **fields):
    """Create each standard page whose key is not taken, with ``fields`` besides its text;
    ``page_model`` may be a migration's historical model."""
    existing = set(page_model._default_manager.using(using).values_list("key", flat=True))
    for row in STANDARD_PAGES:
        if row["key"] in existing:
            continue
        slug, slug_en = row.get("slug", ""), row.get("slug_en", "")
        page_model._default_manager.using(using).create(
            **row,
            **fields,
            path=f"{slug}/" if slug else "",
            path_en=f"{slug_en}/" if slug_en else "",
            lead_html=render_markdown(row["lead"]),
            body_html=render_markdown(row["body"]),
            lead_html_en=render_markdown(row["lead_en"]),
            body_html_en=render_markdown(row["body_en"]),
        )


def ensure_standard_pages(using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler: put back any standard page that is missing, published."""
    from portal.pages.models import Page

    create_standard_pages(Page, using=using, is_published=True)
