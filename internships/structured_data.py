"""schema.org JobPosting for open calls, so that job search engines list them."""

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from portal.i18n import localized
from portal.structured_data import json_ld


def job_posting(call, request):
    office = call.office
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": localized(call, "title"),
        "description": strip_tags(localized(call, "description")),
        "datePosted": timezone.localtime(call.opens_at).date().isoformat(),
        "validThrough": timezone.localtime(call.closes_at).isoformat(),
        "employmentType": "INTERN",
        "hiringOrganization": {
            "@type": "Organization",
            "name": settings.PORTAL_ORGANISATION,
            "sameAs": settings.SITE_URL,
        },
        "jobLocation": {
            "@type": "Place",
            "name": localized(office, "name"),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": " ".join(office.address.split()),
                "addressLocality": localized(office, "name"),
                "addressCountry": "BE" if office.slug == "bryssel" else "SE",
            },
        },
        "totalJobOpenings": call.places,
        "directApply": True,
        "url": request.build_absolute_uri(call.get_absolute_url()),
    }
    if call.period_start:
        posting["jobStartDate"] = call.period_start.isoformat()
    return posting


def job_posting_json(call, request):
    """The JobPosting as JSON safe to place inside a script data block."""
    return json_ld(job_posting(call, request))
