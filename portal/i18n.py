"""Content in two languages: Swedish fields with optional ``<field>_en`` twins."""

from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

# The query parameter on the page the language switcher falls back to, asking for a notice.
UNTRANSLATED_PARAMETER = "untranslated"


def localized(obj, field):
    """The English twin of ``field`` on the English site when it is filled in, else Swedish."""
    if translation.get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field)


def nearest_translated_url(path, language):
    """The nearest list page above ``path`` in ``language``, or that language's home page.

    For content without a version in ``language`` (a news item written in Swedish only).
    A list page takes no arguments, so it exists in every language; a parent that resolves
    with arguments (``/nyheter/arkiv/`` read as a news item's slug) is passed over.
    """
    parents = path.rstrip("/").split("/")[:-1]
    while len(parents) > 1:
        candidate = "/".join(parents) + "/"
        parents.pop()
        try:
            match = resolve(candidate)
        except Resolver404:
            continue
        if not match.args and not match.kwargs:
            return translate_url(candidate, language)
    with translation.override(language):
        return reverse("home")
