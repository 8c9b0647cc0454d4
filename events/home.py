from events.models import Event

HOME_EVENT_COUNT = 3


def home_section(request):
    """The next public events on the home page; None when none are coming."""
    events = list(Event.objects.for_public_pages().upcoming()[:HOME_EVENT_COUNT])
    if not events:
        return None
    return {"template": "events/home_section.html", "events": events}
