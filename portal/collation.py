"""Alphabetical order as a Swedish reader expects it, without leaning on the system's locales.

The servers have no Swedish locale, and Unicode's default order files Å, Ä and Ö under A
and O. Swedish dictionaries put them last, after Z, and treat the other accented letters as
their base letter (É as E), Ü as Y, Æ as Ä and Ø as Ö.
"""

import unicodedata

from django.utils import translation
from django_countries import Countries

# Stand-ins that come right after "z", in Swedish order: "{", "|", "}".
_SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def _without_accents(text):
    return "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    )


def swedish_sort_key(text):
    """The key that sorts ``text`` in Swedish order, case and other accents aside."""
    return _without_accents(str(text).casefold().translate(_SWEDISH_LETTERS))


def sort_key(text):
    """The key that sorts ``text`` in the order of the active language."""
    if translation.get_language() == "sv":
        return swedish_sort_key(text)
    return _without_accents(str(text).casefold())


class CollatedCountries(Countries):
    """The country library's list, in the alphabetical order of the active language.

    Sorted once per language: the names do not change while the process runs, and every
    form page with a country list would otherwise sort some 250 names again.
    """

    sorted_by_language = {}

    def __iter__(self):
        language = translation.get_language()
        if language not in self.sorted_by_language:
            self.sorted_by_language[language] = sorted(
                super().__iter__(), key=lambda country: sort_key(country.name)
            )
        yield from self.sorted_by_language[language]


countries = CollatedCountries()
