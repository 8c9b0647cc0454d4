"""schema.org Event data for an event's page, so that search engines list it."""

from django.conf import settings
from django.utils.html import strip_tags

from events.models import Event
from portal.i18n import localized
from portal.links import absolute_url
from portal.structured_data import json_ld

STATUS = {
    Event.Status.PUBLISHED: "https://schema.org/EventScheduled",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
}


def attendance_mode(event):
    if event.is_online and event.is_in_person:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.is_online:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def organisation(organisation):
    data = {"@type": "Organization", "name": organisation.display_name}
    if organisation.website:
        data["url"] = organisation.website
    return data


def location(event):
    places = []
    if event.is_in_person:
        places.append({
            "@type": "Place",
            "name": event.venue,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.address,
                "addressLocality": event.city,
            },
        })
    if event.is_online:
        # The broadcast's own link goes only to those registered; the event's page stands in.
        places.append({"@type": "VirtualLocation", "url": absolute_url(event.get_absolute_url())})
    return places[0] if len(places) == 1 else places


def event_data(event):
    organisers = [organisation(event.organiser)] if event.organiser else [
        {"@type": "Organization", "name": settings.PORTAL_ORGANISATION, "url": settings.SITE_URL}
    ]
    organisers += [organisation(other) for other in event.co_organisers.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": localized(event, "title"),
        "description": strip_tags(localized(event, "lead")),
        "startDate": event.local_starts_at.isoformat(),
        "endDate": event.local_ends_at.isoformat(),
        "eventStatus": STATUS.get(event.status, STATUS[Event.Status.PUBLISHED]),
        "eventAttendanceMode": attendance_mode(event),
        "location": location(event),
        "organizer": organisers if len(organisers) > 1 else organisers[0],
        "inLanguage": event.language,
        "url": absolute_url(event.get_absolute_url()),
        "isAccessibleForFree": True,
    }
    if event.registration_required:
        offer = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "SEK",
            "url": absolute_url(event.get_register_url()),
            "availability": (
                "https://schema.org/SoldOut" if event.places_left() == 0
                else "https://schema.org/InStock"
            ),
        }
        if event.registration_opens_at:
            offer["validFrom"] = event.registration_opens_at.astimezone(event.zone).isoformat()
        data["offers"] = offer
    return data


def event_json_ld(event):
    """The Event as JSON safe to place inside a script data block."""
    return json_ld(event_data(event))
