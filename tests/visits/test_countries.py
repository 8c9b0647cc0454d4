"""Country names in Swedish and English, in each language's alphabetical order."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from portal.collation import countries
from visits.factories import VisitFactory, in_days

pytestmark = pytest.mark.django_db

# Countries whose Swedish name is the English one; any other name that comes out in
# English on the Swedish site is a gap in the Swedish names.
SAME_IN_SWEDISH = {
    "AF", "AD", "AO", "AI", "AR", "AW", "BH", "BD", "BB", "BY", "BZ", "BJ", "BM", "BT", "BO",
    "BW", "BN", "BF", "BI", "CL", "CO", "CR", "CW", "DJ", "DM", "EC", "SV", "ER", "FJ", "FI",
    "GA", "GM", "GH", "GI", "GD", "GP", "GU", "GT", "GG", "GN", "GW", "GY", "HT", "HN", "IR",
    "IM", "IL", "JM", "JP", "JE", "KE", "KI", "KW", "LA", "LS", "LR", "LI", "MO", "MW", "MY",
    "ML", "MT", "MQ", "MU", "YT", "MC", "ME", "MS", "MM", "NA", "NP", "NI", "NE", "NG", "NU",
    "OM", "PK", "PW", "PA", "PY", "PE", "PT", "PR", "QA", "RE", "RW", "LC", "WS", "SM", "SN",
    "SL", "SG", "SO", "LK", "SD", "TW", "TZ", "TH", "TG", "TK", "TO", "TM", "TV", "UG", "UY",
    "UZ", "VU", "VE", "VN", "ZM", "ZW", "SZ",
}


def names(language):
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def option_names(html, name="country"):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group()
    return [label for value, label in re.findall(r'<option value="(\w*)"[^>]*>([^<]+)<', select)
            if value]


def test_no_country_keeps_its_english_name_in_swedish():
    swedish, english = names("sv"), names("en")
    untranslated = sorted(
        f"{code} {name}" for code, name in swedish.items()
        if name == english[code] and code not in SAME_IN_SWEDISH
    )
    assert not untranslated


def test_the_request_form_lists_countries_in_swedish_and_swedish_order(client):
    options = option_names(client.get(reverse("visits:request")).content.decode())
    for name in ("Brasilien", "Kanada", "Egypten", "Österrike", "Indien", "USA"):
        assert name in options
    for english in ("Brazil", "Canada", "Egypt", "Austria"):
        assert english not in options
    assert options[-5:] == ["Zambia", "Zimbabwe", "Åland", "Österrike", "Östtimor"]
    # Ä after Z within a word too: Färöarna after Frankrike; É as E.
    assert options.index("Fiji") < options.index("Frankrike") < options.index("Färöarna")
    assert options.index("Qatar") < options.index("Réunion") < options.index("Rumänien")


def test_the_english_form_keeps_english_names_in_english_order(client):
    with translation.override("en"):
        url = reverse("visits:request")
    options = option_names(client.get(url).content.decode())
    assert options.index("Afghanistan") < options.index("Åland Islands") < options.index(
        "Albania"
    )
    assert options.index("Austria") < options.index("Brazil") < options.index("Canada")
    assert options[-1] == "Zimbabwe"


def test_the_list_filter_offers_the_visits_countries_in_swedish_order(client):
    for number, code in enumerate(["AT", "ZW", "AX", "BR", "DK"]):
        VisitFactory(country=code, starts_at=in_days(number + 1), ends_at=in_days(number + 1))
    options = option_names(client.get(reverse("visits:list")).content.decode())
    assert options == ["Brasilien", "Danmark", "Zimbabwe", "Åland", "Österrike"]
