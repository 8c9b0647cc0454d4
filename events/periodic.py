from events import services


def send_event_reminders():
    """The reminder the day before an event, to those with a place."""
    return f"{services.send_reminders()} event reminders queued"


def erase_event_needs():
    """Dietary and accessibility needs, the day after the event."""
    return f"needs erased from {services.erase_needs()} event registrations"


def erase_old_registrations():
    """Registrations EVENT_RETENTION_MONTHS after the event; anonymous counts stay."""
    return f"{services.erase_registrations()} event registrations erased"


JOBS = [send_event_reminders, erase_event_needs, erase_old_registrations]
