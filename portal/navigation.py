"""The site's navigation outside the editors' pages: the main menu's sections, and the
breadcrumbs of every page below them (``templates/includes/breadcrumbs.html``)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The main menu: an entry appears once the app that owns its page provides it; the pages
# the editors put in the menu follow (portal.templatetags.portal.main_navigation).
MAIN_NAVIGATION = [
    ("newsroom:list", _("Nyheter")),
    ("visits:list", _("Besök")),
    ("internships:list", _("Praktik")),
    ("events:list", _("Evenemang")),
    ("relations:index", _("Nätverk och EU")),
]


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb trail; the page itself, last, has no URL."""

    label: str
    url: str = ""


def section(url_name):
    """The crumb of a main-menu section, named as in the menu."""
    return Crumb(dict(MAIN_NAVIGATION)[url_name], reverse(url_name))


def trail(crumbs):
    """The whole trail of a page below the top level: the home page, then ``crumbs``."""
    return [Crumb(_("Startsida"), reverse("home")), *crumbs]


class BreadcrumbsMixin:
    """For the views of pages below the top level (the home page, the menu's sections and
    the editors' top pages have none): ``get_breadcrumbs()`` returns the pages from the
    section down to this one, which the context gets behind the home page's crumb; or
    nothing, for a page that turns out to be at the top.

    Only the pages above are links; each label comes from what the view has already read,
    so the trail costs no query.
    """

    def get_breadcrumbs(self):
        raise NotImplementedError(f"{type(self).__name__} names its breadcrumbs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        crumbs = self.get_breadcrumbs()
        if crumbs:
            context["breadcrumbs"] = trail(crumbs)
        return context
