"""Demo content of the relations app: the unit's networks, programmes, projects and offices.

Idempotent: every row is found by its slug (or natural key) and brought up to date, so
running ``load_demo`` twice changes nothing. The other apps look these rows up by slug.
"""

import datetime
from decimal import Decimal

from relations.models import Contact, Membership, Office, Organisation, Programme, Project, Topic

Kind = Organisation.Kind
Role = Membership.Role
Fund = Programme.Fund

TOPICS = [
    ("sammanhallningspolitik", "Sammanhållningspolitik", "Cohesion policy",
     "EU:s regionalpolitik och strukturfonder efter 2027: en politik för alla regioner, "
     "med regionerna som medbeslutande i genomförandet.",
     "EU regional policy and the structural funds after 2027: a policy for all regions, "
     "with the regions sharing in its delivery."),
    ("transport-och-infrastruktur", "Transport och infrastruktur",
     "Transport and infrastructure",
     "Det transeuropeiska transportnätet, Västlänken, Göteborgs hamn och stambanan mellan "
     "Oslo, Göteborg och Köpenhamn.",
     "The trans-European transport network, Gothenburg's port and the main line between "
     "Oslo, Gothenburg and Copenhagen."),
    ("bredband", "Bredband", "Broadband",
     "Snabbt bredband i hela Västra Götaland, också på landsbygden, och EU:s regler för "
     "statligt stöd till utbyggnaden.",
     "Fast broadband across Västra Götaland, rural areas included, and the EU state-aid "
     "rules for building it."),
    ("bioenergi-och-biodrivmedel", "Bioenergi och biodrivmedel", "Bioenergy and biofuels",
     "EU:s lagstiftning om förnybar energi och hållbara biodrivmedel, där västsvensk "
     "industri och forskning ligger långt fram.",
     "EU legislation on renewable energy and sustainable biofuels, where West Swedish "
     "industry and research are at the forefront."),
    ("kompetensforsorjning", "Kompetensförsörjning och livslångt lärande",
     "Skills and lifelong learning",
     "Att arbetslivet får den kompetens det behöver: yrkesutbildning, omställning och "
     "lärande genom hela livet.",
     "Making sure employers find the skills they need: vocational training, transition "
     "and learning throughout life."),
    ("ostersjosamarbetet", "Östersjösamarbetet", "Baltic Sea cooperation",
     "EU:s strategi för Östersjöregionen och samarbetet med regionerna runt Östersjön.",
     "The EU Strategy for the Baltic Sea Region and cooperation with the regions around "
     "the Baltic Sea."),
    ("smarta-stader-och-regioner", "Smarta städer och regioner", "Smart cities and regions",
     "Digitalisering, smart specialisering och innovation i städer och regioner.",
     "Digitalisation, smart specialisation and innovation in cities and regions."),
]

# slug: (kind, name, name_en, acronym, country, website, description, description_en, topics)
ORGANISATIONS = {
    "cpmr": (Kind.NETWORK, "Konferensen för Europas perifera kust- och havsregioner",
             "Conference of Peripheral Maritime Regions", "CPMR", "FR", "https://cpmr.org/",
             "Ett nätverk av omkring 150 kust- och havsregioner som driver frågor om "
             "sammanhållning, transporter och havspolitik.",
             "A network of some 150 coastal and maritime regions working on cohesion, "
             "transport and maritime policy.",
             ["sammanhallningspolitik", "transport-och-infrastruktur"]),
    "cpmr-nordsjokommissionen": (
        Kind.NETWORK, "Nordsjökommissionen", "North Sea Commission", "NSC", "BE",
        "https://cpmr-northsea.org/",
        "CPMR:s geografiska kommission för regionerna runt Nordsjön.",
        "CPMR's geographical commission for the regions around the North Sea.",
        ["transport-och-infrastruktur", "bioenergi-och-biodrivmedel"]),
    "cpmr-ostersjokommissionen": (
        Kind.NETWORK, "Östersjökommissionen", "Baltic Sea Commission", "BSC", "BE",
        "https://cpmr-balticsea.org/",
        "CPMR:s geografiska kommission för regionerna runt Östersjön.",
        "CPMR's geographical commission for the regions around the Baltic Sea.",
        ["ostersjosamarbetet"]),
    "aer": (Kind.NETWORK, "Europeiska regionförsamlingen", "Assembly of European Regions",
            "AER", "BE", "https://aer.eu/",
            "Ett politiskt nätverk av regioner från hela Europa, också utanför EU, med fokus "
            "på regional demokrati och utbyte mellan regioner.",
            "A political network of regions from all over Europe, also outside the EU, "
            "focused on regional democracy and exchange between regions.",
            ["sammanhallningspolitik", "kompetensforsorjning"]),
    "errin": (Kind.NETWORK, "Europeiska nätverket för forskning och innovation i regionerna",
              "European Regions Research and Innovation Network", "ERRIN", "BE",
              "https://errin.eu/",
              "Ett nätverk av Brysselkontor som arbetar med forskning och innovation.",
              "A network of Brussels offices working on research and innovation.",
              ["smarta-stader-och-regioner"]),
    "vanguard-initiative": (
        Kind.NETWORK, "Vanguard Initiative", "", "", "BE", "https://www.s3vanguardinitiative.eu/",
        "Regioner som samarbetar om smart specialisering och industriell förnyelse.",
        "Regions cooperating on smart specialisation and industrial renewal.",
        ["smarta-stader-och-regioner"]),
    "scandria-alliance": (
        Kind.NETWORK, "Scandria-alliansen", "Scandria Alliance", "", "DE",
        "https://scandria-corridor.eu/",
        "Regioner längs transportkorridoren från Skandinavien till Adriatiska havet.",
        "Regions along the transport corridor from Scandinavia to the Adriatic.",
        ["transport-och-infrastruktur"]),
    "regionkommitten": (
        Kind.INSTITUTION, "Europeiska regionkommittén", "European Committee of the Regions",
        "ReK", "BE", "https://cor.europa.eu/",
        "EU:s rådgivande organ för lokala och regionala företrädare.",
        "The EU's advisory body of local and regional representatives.",
        ["sammanhallningspolitik"]),
    "europeiska-kommissionen-gd-regio": (
        Kind.INSTITUTION, "Europeiska kommissionen, generaldirektoratet för regional- och "
        "stadspolitik", "European Commission, Directorate-General for Regional and Urban "
        "Policy", "GD Regio", "BE", "https://commission.europa.eu/",
        "Ansvarar för EU:s regionalpolitik och Eruf.",
        "Responsible for EU regional policy and the ERDF.", ["sammanhallningspolitik"]),
    "svenska-esf-radet": (
        Kind.AUTHORITY, "Svenska ESF-rådet", "Swedish ESF Council", "", "SE",
        "https://www.esf.se/",
        "Förvaltande myndighet för Europeiska socialfonden+ i Sverige.",
        "The managing authority of the European Social Fund+ in Sweden.",
        ["kompetensforsorjning"]),
    "tillvaxtverket": (
        Kind.AUTHORITY, "Tillväxtverket", "Swedish Agency for Economic and Regional Growth", "",
        "SE", "https://tillvaxtverket.se/",
        "Förvaltande myndighet för regionalfonden i Sverige.",
        "The managing authority of the Regional Development Fund in Sweden.",
        ["sammanhallningspolitik", "bredband"]),
    "west-sweden": (
        Kind.OFFICE, "West Sweden", "West Sweden", "", "BE", "https://www.westsweden.eu/",
        "Västsvenska kommuners och regioners gemensamma kontor i Bryssel.",
        "The joint Brussels office of West Swedish municipalities and regions.",
        ["sammanhallningspolitik", "smarta-stader-och-regioner"]),
    "emilia-romagna": (
        Kind.REGION, "Emilia-Romagna", "Emilia-Romagna", "", "IT", "https://www.regione.emilia-romagna.it/",
        "Italiensk region som regionen samarbetar med om fordonsindustri och life science.",
        "Italian region that we work with on the automotive industry and life science.",
        ["smarta-stader-och-regioner"]),
    "hauts-de-france": (
        Kind.REGION, "Hauts-de-France", "Hauts-de-France", "", "FR",
        "https://www.hautsdefrance.fr/",
        "Fransk region och långvarig partner inom bioekonomi och kompetensförsörjning.",
        "French region and long-standing partner in the bioeconomy and skills.",
        ["bioenergi-och-biodrivmedel", "kompetensforsorjning"]),
    "pomorskie": (
        Kind.REGION, "Pommerns vojvodskap", "Pomorskie Voivodeship", "", "PL",
        "https://pomorskie.eu/",
        "Polsk region vid Östersjön, partner i flera Interregprojekt.",
        "Polish Baltic Sea region, partner in several Interreg projects.",
        ["ostersjosamarbetet"]),
    "ostfold": (
        Kind.REGION, "Østfold fylkeskommune", "Østfold County Council", "", "NO",
        "https://www.ostfoldfk.no/",
        "Norskt grannlän och partner i Interreg Öresund-Kattegat-Skagerrak.",
        "Neighbouring Norwegian county and partner in Interreg Öresund-Kattegat-Skagerrak.",
        ["transport-och-infrastruktur"]),
    "region-halland": (
        Kind.REGION, "Region Halland", "Region Halland", "", "SE",
        "https://www.regionhalland.se/",
        "Grannregion och samarbetspartner i Västsverige.",
        "Neighbouring region and partner in West Sweden.", ["bredband"]),
    "region-skane": (
        Kind.REGION, "Region Skåne", "Region Skåne", "", "SE", "https://www.skane.se/",
        "Partner i samarbetet om Öresund, Kattegatt och Skagerrak.",
        "Partner in the Öresund, Kattegat and Skagerrak cooperation.",
        ["transport-och-infrastruktur"]),
    "chalmers": (
        Kind.OTHER, "Chalmers tekniska högskola", "Chalmers University of Technology", "", "SE",
        "https://www.chalmers.se/",
        "Tekniskt universitet i Göteborg och partner i forskningsprojekt.",
        "Technical university in Gothenburg and partner in research projects.",
        ["smarta-stader-och-regioner", "bioenergi-och-biodrivmedel"]),
}

# (organisation slug, role, role_detail, since, until, representative, title, title_en,
#  topics, public notes, public notes en, internal notes, is_public)
MEMBERSHIPS = [
    ("cpmr", Role.BOARD_MEMBER, "ledamot i CPMR:s politiska byrå", (2012, 1, 1), None,
     "Lena Ekholm", "regionråd", "Regional Commissioner", ["sammanhallningspolitik"],
     "Regionen driver i CPMR att sammanhållningspolitiken ska omfatta alla regioner.",
     "In CPMR the region argues that cohesion policy must cover every region.",
     "Inför generalförsamlingen: stäm av ståndpunkt om nationella planer med SKR.", True),
    ("cpmr-nordsjokommissionen", Role.WORKING_GROUP_CHAIR,
     "ordförande i arbetsgruppen för transport", (2016, 3, 1), None, "Per Lindahl",
     "ledamot i regionutvecklingsnämnden", "Member of the Regional Development Committee",
     ["transport-och-infrastruktur"],
     "Arbetsgruppen arbetar för bättre förbindelser över Nordsjön och grön sjöfart.",
     "The working group works for better links across the North Sea and green shipping.",
     "", True),
    ("cpmr-ostersjokommissionen", Role.MEMBER, "", (2010, 1, 1), None, "Sara Holm",
     "EU-strateg", "EU strategist", ["ostersjosamarbetet"], "", "", "", True),
    ("aer", Role.VICE_PRESIDENT, "vice ordförande med ansvar för innovation", (2015, 11, 1),
     None, "Johan Berglind", "vice ordförande i regionfullmäktige",
     "Vice-Chair of the Regional Council", ["sammanhallningspolitik", "kompetensforsorjning"],
     "Som vice ordförande i AER företräder regionen organisationen vid möten med EU:s "
     "institutioner och leder arbetet med innovation.",
     "As Vice-President of AER the region represents the organisation in meetings with the "
     "EU institutions and leads its work on innovation.",
     "Valberedningen har frågat om omval; besked senast i mars.", True),
    ("errin", Role.WORKING_GROUP_CHAIR, "medordförande i arbetsgruppen för smarta städer",
     (2014, 1, 1), None, "Anders Nyberg", "EU-handläggare, Brysselkontoret",
     "EU officer, Brussels office", ["smarta-stader-och-regioner"],
     "Brysselkontoret leder tillsammans med en annan region arbetsgruppen för smarta städer.",
     "The Brussels office co-chairs the working group on smart cities.", "", True),
    ("vanguard-initiative", Role.OBSERVER, "", (2025, 9, 1), None, "Anders Nyberg",
     "EU-handläggare", "EU officer", ["smarta-stader-och-regioner"], "", "",
     "Intern bedömning pågår om fullt medlemskap; avgiften är inte budgeterad.", False),
    ("scandria-alliance", Role.MEMBER, "", (2019, 5, 1), None, "", "", "",
     ["transport-och-infrastruktur"],
     "Regionen deltar i arbetet för en grön transportkorridor från Oslo via Göteborg.",
     "The region takes part in the work for a green transport corridor from Oslo via "
     "Gothenburg.",
     "Medlemskapet ses över inför nästa budgetår.", True),
    ("regionkommitten", Role.MEMBER, "ledamot i utskottet för sammanhållningspolitik (COTER)",
     (2020, 2, 1), None, "Lena Ekholm", "regionråd", "Regional Commissioner",
     ["sammanhallningspolitik"],
     "Regionen har en ordinarie ledamot i Europeiska regionkommittén.",
     "The region has a full member of the European Committee of the Regions.", "", True),
    ("svenska-esf-radet", Role.PARTNER, "ledamot i det regionala partnerskapet",
     (2021, 1, 1), None, "Karin Svärd", "regionutvecklingsdirektör",
     "Director of Regional Development", ["kompetensforsorjning"],
     "Regionen prioriterar ansökningar till socialfonden i Västsverige.",
     "The region ranks applications to the Social Fund in West Sweden.", "", True),
    ("west-sweden", Role.MEMBER, "", (2005, 1, 1), None, "", "", "",
     ["sammanhallningspolitik"],
     "Brysselkontoret delar lokaler och arbete med West Sweden.",
     "The Brussels office shares premises and work with West Sweden.", "", True),
    ("emilia-romagna", Role.PARTNER, "samförståndsavtal", (2018, 6, 1), None, "", "", "",
     ["smarta-stader-och-regioner"],
     "Samförståndsavtal om samarbete inom fordonsindustri och life science.",
     "Memorandum of understanding on the automotive industry and life science.", "", True),
    ("hauts-de-france", Role.PARTNER, "samförståndsavtal", (2009, 4, 1), (2020, 12, 31), "",
     "", "", ["bioenergi-och-biodrivmedel"],
     "Ett avslutat samarbete om bioekonomi.", "A completed cooperation on the bioeconomy.",
     "", True),
    ("pomorskie", Role.PARTNER, "avsiktsförklaring under förhandling", (2026, 1, 1), None,
     "", "", "", ["ostersjosamarbetet"], "", "",
     "Utkast till avsiktsförklaring; får inte kommuniceras före regionstyrelsens beslut.",
     False),
]

# slug: (name, name_en, fund, start, end, role, role_en, description, description_en, website)
PROGRAMMES = {
    "interreg-central-baltic-2021-2027": (
        "Interreg Central Baltic 2021–2027", "Interreg Central Baltic 2021–2027",
        Fund.INTERREG, 2021, 2027, "Contact Point för Sverige", "Contact Point for Sweden",
        "Gränsöverskridande samarbete mellan Finland, Estland, Lettland, Sverige och Åland.",
        "Cross-border cooperation between Finland, Estonia, Latvia, Sweden and Åland.",
        "https://centralbaltic.eu/"),
    "interreg-oks-2021-2027": (
        "Interreg Öresund-Kattegat-Skagerrak 2021–2027",
        "Interreg Öresund-Kattegat-Skagerrak 2021–2027", Fund.INTERREG, 2021, 2027,
        "medlem i övervakningskommittén", "Member of the Monitoring Committee",
        "Samarbete mellan Sverige, Danmark och Norge kring Öresund, Kattegatt och Skagerrak.",
        "Cooperation between Sweden, Denmark and Norway around the Öresund, Kattegat and "
        "Skagerrak.", "https://interreg-oks.eu/"),
    "interreg-north-sea-2021-2027": (
        "Interreg Nordsjöprogrammet 2021–2027", "Interreg North Sea 2021–2027", Fund.INTERREG,
        2021, 2027, "", "",
        "Transnationellt samarbete mellan regionerna runt Nordsjön.",
        "Transnational cooperation between the regions around the North Sea.",
        "https://www.interregnorthsea.eu/"),
    "esf-plus-2021-2027": (
        "Europeiska socialfonden+ 2021–2027", "European Social Fund+ 2021–2027", Fund.ESF,
        2021, 2027, "ledamot i det regionala partnerskapet", "Member of the regional partnership",
        "Socialfonden stöder kompetensutveckling, omställning och vägar till arbete.",
        "The Social Fund supports skills, transition and pathways into work.",
        "https://www.esf.se/"),
    "eruf-vastsverige-2021-2027": (
        "Regionalfondsprogram Västsverige 2021–2027",
        "Regional Fund programme West Sweden 2021–2027", Fund.ERDF, 2021, 2027,
        "prioriterar ansökningar", "Ranks applications",
        "Regionalfonden i Västsverige stöder innovation, digitalisering och omställning.",
        "The Regional Fund in West Sweden supports innovation, digitalisation and transition.",
        "https://tillvaxtverket.se/"),
    "horisont-europa-2021-2027": (
        "Horisont Europa 2021–2027", "Horizon Europe 2021–2027", Fund.HORIZON, 2021, 2027,
        "", "", "EU:s ramprogram för forskning och innovation.",
        "The EU framework programme for research and innovation.",
        "https://research-and-innovation.ec.europa.eu/"),
    "erasmus-plus-2021-2027": (
        "Erasmus+ 2021–2027", "Erasmus+ 2021–2027", Fund.ERASMUS, 2021, 2027, "", "",
        "EU:s program för utbildning, ungdom och idrott.",
        "The EU programme for education, youth and sport.", "https://erasmus-plus.ec.europa.eu/"),
}

# slug: (title, title_en, programme, start, end, total, grant, lead, partners, role, status,
#        topics, description, description_en)
P = Project.Role
S = Project.Status
PROJECTS = {
    "green-corridor-baltic": (
        "Grön korridor över Östersjön", "Green Corridor across the Baltic",
        "interreg-central-baltic-2021-2027", (2023, 3, 1), (2026, 2, 28), "2400000", "1800000",
        "pomorskie", ["pomorskie", "chalmers"], P.PARTNER, S.ONGOING,
        ["ostersjosamarbetet", "transport-och-infrastruktur"],
        "Fossilfria godstransporter mellan hamnarna i Östersjön.",
        "Fossil-free freight between the Baltic Sea ports."),
    "skills-baltic": (
        "Kompetens för omställning i Östersjöregionen", "Skills for Transition in the Baltic",
        "interreg-central-baltic-2021-2027", (2024, 1, 1), (2026, 12, 31), "1200000", "960000",
        None, ["pomorskie"], P.LEAD_PARTNER, S.ONGOING,
        ["kompetensforsorjning", "ostersjosamarbetet"],
        "Gemensamma utbildningar för industrins omställning.",
        "Joint training for the transition of industry."),
    "oks-rail": (
        "Gränsregional järnväg Oslo–Göteborg", "Cross-border Rail Oslo–Gothenburg",
        "interreg-oks-2021-2027", (2022, 9, 1), (2025, 8, 31), "3100000", "1550000", "ostfold",
        ["ostfold", "region-halland"], P.PARTNER, S.COMPLETED, ["transport-och-infrastruktur"],
        "Underlag för snabbare tåg mellan Oslo och Göteborg.",
        "Evidence for faster trains between Oslo and Gothenburg."),
    "oks-health-skills": (
        "Vårdens kompetens över gränsen", "Health Skills across the Border",
        "interreg-oks-2021-2027", (2024, 5, 1), (2027, 4, 30), "1800000", "900000", None,
        ["region-skane"], P.LEAD_PARTNER, S.ONGOING, ["kompetensforsorjning"],
        "Gemensam kompetensförsörjning i vården i Sverige, Danmark och Norge.",
        "Joint skills supply in health care in Sweden, Denmark and Norway."),
    "north-sea-biofuels": (
        "Biodrivmedel för sjöfarten", "Biofuels for Shipping", "interreg-north-sea-2021-2027",
        (2023, 9, 1), (2027, 8, 31), "4200000", "2520000", "chalmers", ["chalmers"],
        P.PARTNER, S.ONGOING, ["bioenergi-och-biodrivmedel"],
        "Demonstration av förnybara bränslen i Nordsjöns hamnar.",
        "Demonstrating renewable fuels in the North Sea ports."),
    "esf-omstallning-vast": (
        "Omställning Väst", "Transition West", "esf-plus-2021-2027", (2023, 1, 1),
        (2025, 12, 31), "2000000", "1100000", None, ["region-halland"], P.LEAD_PARTNER,
        S.ONGOING, ["kompetensforsorjning"],
        "Kompetensutveckling för anställda i fordonsindustrins omställning.",
        "Skills development for employees in the transition of the automotive industry."),
    "esf-unga-vagar": (
        "Unga vägar till arbete", "Young Pathways to Work", "esf-plus-2021-2027",
        (2027, 1, 1), (2029, 12, 31), "900000", "495000", None, [], P.LEAD_PARTNER, S.PLANNED,
        ["kompetensforsorjning"], "Stöd till unga som varken arbetar eller studerar.",
        "Support for young people not in work or education."),
    "bredband-landsbygd": (
        "Bredband på landsbygden", "Rural Broadband", "eruf-vastsverige-2021-2027",
        (2022, 1, 1), (2024, 12, 31), "5000000", "2000000", None, ["region-halland"],
        P.LEAD_PARTNER, S.COMPLETED, ["bredband"],
        "Utbyggnad av stamnät till orter utan snabbt bredband.",
        "Backbone network to villages without fast broadband."),
    "smart-region-vast": (
        "Smart region Väst", "Smart Region West", "eruf-vastsverige-2021-2027", (2024, 3, 1),
        (2027, 2, 28), "3600000", "1440000", None, ["chalmers"], P.LEAD_PARTNER, S.ONGOING,
        ["smarta-stader-och-regioner"], "Testbäddar för digitala tjänster i kommunerna.",
        "Test beds for digital services in the municipalities."),
    "horizon-cities-climate": (
        "Klimatneutrala städer", "Climate-neutral Cities", "horisont-europa-2021-2027",
        (2023, 1, 1), (2026, 12, 31), "8500000", "8500000", "chalmers",
        ["chalmers", "emilia-romagna"], P.PARTNER, S.ONGOING,
        ["smarta-stader-och-regioner"], "Forskning om vägar till klimatneutrala städer.",
        "Research on pathways to climate-neutral cities."),
    "horizon-bioregions": (
        "Bioregioner", "Bioregions", "horisont-europa-2021-2027", (2022, 6, 1), (2025, 5, 31),
        "3000000", "3000000", "hauts-de-france", ["hauts-de-france"], P.ASSOCIATED,
        S.COMPLETED, ["bioenergi-och-biodrivmedel"],
        "Regionala strategier för bioekonomi.", "Regional bioeconomy strategies."),
    "erasmus-eu-praktik": (
        "EU-praktik för studenter", "EU Traineeships for Students", "erasmus-plus-2021-2027",
        (2024, 8, 1), (2026, 7, 31), "250000", "200000", None, ["emilia-romagna"],
        P.LEAD_PARTNER, S.ONGOING, ["kompetensforsorjning"],
        "Praktik på Brysselkontoret och hos partnerregioner.",
        "Traineeships at the Brussels office and with partner regions."),
}

# slug: (name, name_en, address, address_en, role, role_en, phone, email, map, position)
OFFICES = {
    "goteborg": (
        "Göteborg", "Gothenburg", "Regionens hus, Norra Hamngatan 14, 411 06 Göteborg",
        "Regionens hus, Norra Hamngatan 14, SE-411 06 Gothenburg, Sweden",
        "Enhetens huvudkontor, där vi samordnar regionens externa arbete och tar emot de "
        "flesta formella besök.",
        "The unit's main office, where we coordinate the region's external work and receive "
        "most formal visits.",
        "010-441 00 00", "externa.relationer@example.se",
        "https://www.openstreetmap.org/search?query=Norra%20Hamngatan%2014%20G%C3%B6teborg", 1),
    "bryssel": (
        "Bryssel", "Brussels", "Rue du Luxembourg 3, 1000 Bryssel, Belgien",
        "Rue du Luxembourg 3, 1000 Brussels, Belgium",
        "Brysselkontoret bevakar EU:s politik och företräder regionen gentemot EU:s "
        "institutioner.",
        "The Brussels office follows EU policy and represents the region to the EU "
        "institutions.",
        "+32 2 501 08 00", "bryssel@example.se",
        "https://www.openstreetmap.org/search?query=Rue%20du%20Luxembourg%203%20Bruxelles", 2),
    "stockholm": (
        "Stockholm", "Stockholm", "Kungsgatan 12, 111 35 Stockholm",
        "Kungsgatan 12, SE-111 35 Stockholm, Sweden",
        "Härifrån arbetar vi med nationell påverkan gentemot riksdag, regeringskansli och "
        "myndigheter.",
        "From here we work with the Riksdag, the Government Offices and the national "
        "agencies.",
        "010-441 00 50", "stockholm@example.se",
        "https://www.openstreetmap.org/search?query=Kungsgatan%2012%20Stockholm", 3),
}

# email: (name, title, title_en, office, phone, topics, position)
CONTACTS = {
    "maria.lund@example.se": ("Maria Lund", "enhetschef", "Head of Unit", "goteborg",
                              "010-441 00 10", ["sammanhallningspolitik"], 1),
    "erik.dahl@example.se": ("Erik Dahl", "strateg för nationell påverkan",
                             "Strategist, national affairs", "stockholm", "010-441 00 51",
                             ["transport-och-infrastruktur", "bredband"], 2),
    "anders.nyberg@example.se": ("Anders Nyberg", "EU-handläggare", "EU officer", "bryssel",
                                 "+32 2 501 08 02", ["smarta-stader-och-regioner"], 3),
    "sara.holm@example.se": ("Sara Holm", "EU-strateg", "EU strategist", "bryssel",
                             "+32 2 501 08 03", ["ostersjosamarbetet",
                                                 "bioenergi-och-biodrivmedel"], 4),
    "lina.berg@example.se": ("Lina Berg", "samordnare för EU-program",
                             "EU programmes coordinator", "goteborg", "010-441 00 12",
                             ["kompetensforsorjning", "sammanhallningspolitik"], 5),
    "omar.haddad@example.se": ("Omar Haddad", "besökssamordnare", "Visits coordinator",
                               "goteborg", "010-441 00 14", [], 6),
}


def _date(parts):
    return datetime.date(*parts) if parts else None


def load():
    topics = {}
    for slug, name, name_en, description, description_en in TOPICS:
        topics[slug], _created = Topic.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "description": description,
                      "description_en": description_en},
        )

    organisations = {}
    for slug, row in ORGANISATIONS.items():
        kind, name, name_en, acronym, country, website, description, description_en, tags = row
        organisation, _created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={"kind": kind, "name": name, "name_en": name_en, "acronym": acronym,
                      "country": country, "website": website, "description": description,
                      "description_en": description_en},
        )
        organisation.topics.set([topics[t] for t in tags])
        organisations[slug] = organisation

    for row in MEMBERSHIPS:
        (slug, role, role_detail, since, until, person, title, title_en, tags, notes, notes_en,
         internal, is_public) = row
        membership, _created = Membership.objects.update_or_create(
            organisation=organisations[slug],
            since=_date(since),
            defaults={"role": role, "role_detail": role_detail, "until": _date(until),
                      "representative_name": person, "representative_title": title,
                      "representative_title_en": title_en, "public_notes": notes,
                      "public_notes_en": notes_en, "internal_notes": internal,
                      "is_public": is_public},
        )
        membership.topics.set([topics[t] for t in tags])

    programmes = {}
    for slug, row in PROGRAMMES.items():
        name, name_en, fund, start, end, role, role_en, description, description_en, url = row
        programmes[slug], _created = Programme.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "fund": fund, "period_start": start,
                      "period_end": end, "region_role": role, "region_role_en": role_en,
                      "description": description, "description_en": description_en,
                      "website": url},
        )

    for slug, row in PROJECTS.items():
        (title, title_en, programme, start, end, total, grant, lead, partners, role, status,
         tags, description, description_en) = row
        project, _created = Project.objects.update_or_create(
            slug=slug,
            defaults={"title": title, "title_en": title_en, "programme": programmes[programme],
                      "start_date": _date(start), "end_date": _date(end),
                      "total_budget": Decimal(total), "eu_grant": Decimal(grant),
                      "lead_partner": organisations[lead] if lead else None,
                      "region_role": role, "status": status, "description": description,
                      "description_en": description_en},
        )
        project.partners.set([organisations[p] for p in partners])
        project.topics.set([topics[t] for t in tags])

    offices = {}
    for slug, row in OFFICES.items():
        name, name_en, address, address_en, role, role_en, phone, email, map_url, pos = row
        offices[slug], _created = Office.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "address": address,
                      "address_en": address_en, "role": role, "role_en": role_en,
                      "phone": phone, "email": email, "map_url": map_url, "position": pos},
        )

    for email, (name, title, title_en, office, phone, tags, position) in CONTACTS.items():
        contact, _created = Contact.objects.update_or_create(
            email=email,
            defaults={"name": name, "title": title, "title_en": title_en,
                      "office": offices[office], "phone": phone, "position": position},
        )
        contact.topics.set([topics[t] for t in tags])
