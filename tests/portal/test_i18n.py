"""Every UI string is translated into English, and no translation is left fuzzy."""

from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings


def catalogues():
    base = Path(settings.BASE_DIR)
    return sorted(base.glob("locale/en/LC_MESSAGES/django.po")) + sorted(
        base.glob("*/locale/en/LC_MESSAGES/django.po")
    )


def test_english_catalogue_exists():
    assert catalogues()


def test_every_message_is_translated_and_none_is_fuzzy():
    problems = []
    for path in catalogues():
        with path.open("rb") as file:
            catalogue = read_po(file)
        for message in catalogue:
            if not message.id:
                continue
            untranslated = (
                not all(message.string) if message.pluralizable else not message.string
            )
            if untranslated or message.fuzzy:
                problems.append(f"{path}: {message.id!r}")
    assert not problems, "\n".join(problems)
