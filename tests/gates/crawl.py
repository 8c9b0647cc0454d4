"""Walk every page the sitemap lists, and read what the quality gates check on each."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.apps import apps
from django.urls import reverse
from django.utils.http import urlencode

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# Pages that are not in the sitemap but must pass the gates too.
EXTRA_PATHS = ["/konto/logga-in/", "/en/account/log-in/"]

# Staff pages behind a password login: enrolment (before a device exists), then the code.
ENROL_PATH = "/konto/tvafaktor/aktivera/"
VERIFY_PATH = "/konto/tvafaktor/"


def staff_login_pages(fetch, user):
    """Fetch the two-factor pages as ``user``, who has a password but no device yet.

    ``fetch(path)`` returns what the gate checks; the device is confirmed in between, as
    enrolment would, so that the code page shows instead of redirecting to enrolment.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    enrol = fetch(ENROL_PATH)
    TOTPDevice.objects.filter(user=user).update(confirmed=True)
    return {ENROL_PATH: enrol, VERIFY_PATH: fetch(VERIFY_PATH)}


def admin_paths(site, request):
    """Every admin page staff use, as ``request.user`` sees them: the index, each app's page,
    each model's list, add form and change form (of its first row), and the custom pages."""
    paths = [reverse("admin:index")]
    for app_label in sorted({model._meta.app_label for model in site._registry}):
        paths.append(reverse("admin:app_list", args=[app_label]))
    for model, model_admin in site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        paths.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(request):
            paths.append(reverse("admin:{}_{}_add".format(*info)))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            paths.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
    return paths + _admin_custom_pages()


def _admin_custom_pages():
    """The admin's own pages beside the models' lists and forms, with the demo's first rows."""

    def first(model):
        return apps.get_model(model)._default_manager.order_by("pk").first()

    applicant = first("internships.Application")
    issue = first("newsroom.NewsletterIssue")
    return [
        reverse("admin:personal-data"),
        reverse("admin:personal-data") + "?" + urlencode({"email": applicant.email}),
        reverse("admin:visits_visit_statistics"),
        reverse("admin:visits_visit_calendar_feed"),
        reverse("admin:visits_visit_programme", args=[first("visits.Visit").pk]),
        reverse("admin:internships_internshipcall_board", args=[applicant.call_id]),
        reverse("admin:internships_internshipcall_applicants", args=[applicant.call_id]),
        reverse("admin:internships_internshipcall_statistics", args=[applicant.call_id]),
        reverse("admin:newsroom_newsletterissue_send", args=[issue.pk]),
    ]


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _sitemap_locations(client):
    """Every path in /sitemap.xml, following the sections of a sitemap index."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, "/sitemap.xml does not answer 200"
    root = ElementTree.fromstring(response.content)
    documents = [root]
    if root.tag.endswith("sitemapindex"):
        documents = []
        for loc in root.findall("sm:sitemap/sm:loc", SITEMAP_NS):
            section = client.get(_path(loc.text))
            assert section.status_code == 200, f"{loc.text} does not answer 200"
            documents.append(ElementTree.fromstring(section.content))
    paths = []
    for document in documents:
        paths += [_path(loc.text) for loc in document.findall("sm:url/sm:loc", SITEMAP_NS)]
    return sorted(set(paths))


# A published file (a document: /dokument/5/remissvar.pdf) rather than a page.
FILE_PATH = re.compile(r"\.[a-z0-9]+$")


def sitemap_paths(client):
    """Every page in /sitemap.xml (and the extra pages that are in no sitemap)."""
    return [path for path in _sitemap_locations(client) if not FILE_PATH.search(path)] + EXTRA_PATHS


def sitemap_files(client):
    """Every file in /sitemap.xml: the public documents."""
    return [path for path in _sitemap_locations(client) if FILE_PATH.search(path)]


class PageFacts(HTMLParser):
    """What the crawl checks on a page: lang, title, h1s, hreflang alternates and links."""

    def __init__(self):
        super().__init__()
        self.lang = ""
        self.title = ""
        self.h1_count = 0
        self.hreflangs = {}
        self.links = set()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.hreflangs[attrs["hreflang"]] = attrs.get("href", "")
        elif tag == "a" and attrs.get("href"):
            self.links.add(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def page_facts(html):
    facts = PageFacts()
    facts.feed(html)
    facts.title = " ".join(facts.title.split())
    return facts


def internal_path(href):
    """The path of a same-site link, or None for external, mailto and fragment links."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != "testserver"):
        return None
    if not parts.path:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
