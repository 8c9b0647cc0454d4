from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from config.registry import app_modules
from portal import dates, i18n
from portal.navigation import MAIN_NAVIGATION
from portal.pages.models import site_pages

register = template.Library()


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    alternates = context.get("alternates") or {}
    # The Swedish version is the default; a page in one other language only is its own.
    default = alternates.get(settings.LANGUAGE_CODE) or (
        next(iter(alternates.values())) if len(alternates) == 1 else None
    )
    return {"alternates": sorted(alternates.items()), "x_default": default}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Plain links to this page in the other languages, keeping its query (search, filters,
    page); where the page has no such version, to the nearest page that has, with a notice."""
    alternates = context.get("alternates") or {}
    request = context.get("request")
    # Pages name their nearest translated ancestor themselves (portal.pages).
    fallbacks = context.get("language_fallbacks") or {}
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = alternates.get(code)
        if url is not None:
            query = request.GET.urlencode() if request else ""
        else:
            url = fallbacks.get(code) or i18n.nearest_translated_url(
                request.path if request else "/", code
            )
            query = urlencode({i18n.UNTRANSLATED_PARAMETER: current})
        if query:
            url = f"{url}?{query}"
        with translation.override(code):
            links.append({"code": code, "name": str(name), "native": _native_name(code),
                          "url": url})
    return {"links": links}


def _native_name(code):
    return translation.get_language_info(code)["name_local"]


def _site_pages(context):
    # The context processor's, read once per page; a template rendered without it asks anew.
    return context.get("site_pages") or site_pages()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    # The bare error page of a test URLconf has no request to mark the current section by.
    path = getattr(context.get("request"), "path", "")
    links = []
    for url_name, label in MAIN_NAVIGATION:
        try:
            links.append((reverse(url_name), label))
        except NoReverseMatch:
            continue
    for page in _site_pages(context).navigation():
        links.append((page.get_absolute_url(), page.menu_label()))
    return {
        "items": [
            {"url": url, "label": label, "current": path.startswith(url)} for url, label in links
        ]
    }


@register.inclusion_tag("includes/footer_pages.html", takes_context=True)
def footer_pages(context):
    """The links to the pages the editors put in the footer, in their order."""
    pages = _site_pages(context).footer()
    return {
        "links": [(page.get_absolute_url(), page.menu_label()) for page in pages]
    }


@register.simple_tag(takes_context=True)
def page_url(context, key):
    """``{% page_url "about" %}``: the page with that key, wherever the editors moved it."""
    return _site_pages(context).url(key)


@register.filter
def localized(obj, field):
    """``{{ organisation|localized:"description" }}``: the field in the page's language."""
    return i18n.localized(obj, field)


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """Why the visitor landed here: the page they switched language on has no version here."""
    request = context.get("request")
    code = request.GET.get(i18n.UNTRANSLATED_PARAMETER) if request else None
    languages = dict(settings.LANGUAGES)
    if code not in languages or code == translation.get_language():
        return {}
    return {"show": True}


@register.inclusion_tag("includes/related_sections.html", takes_context=True)
def related_sections(context, obj):
    """What other apps relate to ``obj`` (news of a topic, visits of an organisation …).

    Each app that relates things to other apps' pages defines ``related.sections(obj)``,
    returning a list of dicts with a ``template`` key and that template's context.
    """
    sections = []
    for module in app_modules("related"):
        sections += module.sections(obj)
    return {"sections": sections, "request": context.get("request")}


@register.filter
def machine_readable(value):
    """``<time datetime="{{ value|machine_readable }}">``: what HTML accepts (no microseconds)."""
    return dates.machine_readable(value)


@register.filter
def in_words(value, end=None):
    """``{{ start|in_words }}`` or ``{{ start|in_words:end }}``: "15–16 mars 2027"."""
    if not value:
        return ""
    return dates.range_in_words(value, end or None)


@register.simple_tag
def staff_idle_seconds():
    """How long a staff session lasts without a request, for the idle warning's script."""
    return settings.STAFF_IDLE_MINUTES * 60
