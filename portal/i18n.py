"""Content in two languages: Swedish fields with optional ``<field>_en`` twins."""

from django.utils import translation


def localized(obj, field):
    """The English twin of ``field`` on the English site when it is filled in, else Swedish."""
    if translation.get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field)
