from events.models import Event
from portal.sitemaps import I18nSitemap, NamedPagesSitemap


class EventListSitemap(NamedPagesSitemap):
    changefreq = "daily"
    url_names = ["events:list"]


class EventSitemap(I18nSitemap):
    """Every public event, coming or past, in both languages."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at", "pk")

    def lastmod(self, item):
        return item.updated_at


class RegistrationFormSitemap(I18nSitemap):
    """The registration form of every event that takes registrations now."""

    changefreq = "daily"

    def items(self):
        events = Event.objects.published().with_confirmed_count().upcoming()
        return [event for event in events if event.accepts_registrations]

    def location(self, item):
        return item.get_register_url()


SITEMAPS = {
    "events": EventListSitemap,
    "event-pages": EventSitemap,
    "event-forms": RegistrationFormSitemap,
}
