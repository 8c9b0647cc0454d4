"""The gifts register as a CSV file per year, for the register a public body must keep.

Made as every export is (``portal.exports``): Swedish column names, amounts with a decimal
comma, as the officers open it in Excel.
"""

from django.utils import timezone

from portal.exports import csv_response
from visits.models import Gift

GIFT_COLUMNS = [
    ("Datum", lambda g: timezone.localdate(g.visit.starts_at).isoformat()),
    ("Besök", lambda g: g.visit.title),
    ("Given eller mottagen", lambda g: g.get_direction_display()),
    ("Beskrivning", lambda g: g.description),
    ("Givare", lambda g: g.giver),
    ("Mottagare", lambda g: g.recipient),
    (
        "Uppskattat värde (kronor)",
        lambda g: "" if g.estimated_value_sek is None
        else f"{g.estimated_value_sek:.2f}".replace(".", ","),
    ),
    ("Beslut", lambda g: g.get_decision_display() or "ej beslutat"),
]


def gifts_csv(year):
    """``gavoregister-<year>.csv``: every gift given or received at the year's visits."""
    return csv_response(
        f"gavoregister-{year}.csv",
        [title for title, _value in GIFT_COLUMNS],
        ([value(gift) for _title, value in GIFT_COLUMNS] for gift in Gift.objects.in_year(year)),
    )
