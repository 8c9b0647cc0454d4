from events.models import REGISTRATION_STATE_FIELDS, Event
from portal.sitemaps import I18nSitemap, NamedPagesSitemap


class EventListSitemap(NamedPagesSitemap):
    changefreq = "daily"
    url_names = ["events:list"]


class EventSitemap(I18nSitemap):
    """Every public event, coming or past, in both languages."""

    changefreq = "weekly"
    lastmod_field = "updated_at"

    def items(self):
        return Event.objects.published().order_by("-starts_at", "pk")

    def lastmod(self, item):
        return item.updated_at


class RegistrationFormSitemap(I18nSitemap):
    """The registration form of every event that takes registrations now."""

    changefreq = "daily"

    def items(self):
        events = (
            Event.objects.published().with_confirmed_count().upcoming()
            .only(*REGISTRATION_STATE_FIELDS, "slug")
        )
        return [event for event in events if event.accepts_registrations]

    def location(self, item):
        return item.get_register_url()


SITEMAPS = {
    "events": EventListSitemap,
    "event-pages": EventSitemap,
    "event-forms": RegistrationFormSitemap,
}
