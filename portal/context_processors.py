from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from portal.pages.models import site_pages


def site(request):
    """The unit's name, the page's versions in each language for hreflang and the switcher,
    and the pages the layout links to (menu, footer), read once per page when used.

    Pages that exist in every language get their alternates from the URL itself; a
    view whose page exists in fewer languages (a news item has one language) passes
    ``alternates`` in its own context, which takes precedence over this default.
    """
    current = translation.get_language()
    alternates = {}
    if getattr(request, "resolver_match", None) is not None:
        for code, _name in settings.LANGUAGES:
            alternates[code] = request.build_absolute_uri(translate_url(request.path, code))
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_organisation": settings.PORTAL_ORGANISATION,
        "alternates": alternates,
        "site_pages": SimpleLazyObject(site_pages),
        "other_languages": [
            (code, name) for code, name in settings.LANGUAGES if code != current
        ],
    }
