"""CSV exports of memberships and projects for relations officers.

Excel is what the officers open these in, so the columns have Swedish names and amounts
decimal commas; the file itself is made as every export is (``portal.exports``).
"""

from django.utils import timezone

from portal.exports import csv_response


def _decimal(value, places=2):
    return "" if value is None else f"{value:.{places}f}".replace(".", ",")


def _date(value):
    return value.isoformat() if value else ""


def _names(objects):
    return ", ".join(str(obj) for obj in objects)


MEMBERSHIP_COLUMNS = [
    ("Organisation", lambda m: m.organisation.name),
    ("Förkortning", lambda m: m.organisation.acronym),
    ("Typ av organisation", lambda m: m.organisation.get_kind_display()),
    ("Regionens roll", lambda m: m.get_role_display()),
    ("Rollen i detalj", lambda m: m.role_detail),
    ("Från", lambda m: _date(m.since)),
    ("Till", lambda m: _date(m.until)),
    ("Företrädare", lambda m: m.representative_name),
    ("Företrädarens titel", lambda m: m.representative_title),
    ("Prioriterade frågor", lambda m: _names(m.topics.all())),
    ("Offentligt", lambda m: "ja" if m.is_public else "nej"),
    ("Årsavgift", lambda m: _decimal(m.annual_fee)),
    ("Valuta", lambda m: m.fee_currency if m.annual_fee is not None else ""),
    ("Förnyas senast", lambda m: _date(m.renewal_date)),
    ("Offentlig beskrivning", lambda m: m.public_notes),
    ("Interna anteckningar", lambda m: m.internal_notes),
]

PROJECT_COLUMNS = [
    ("Titel", lambda p: p.title),
    ("Program", lambda p: p.programme.name),
    ("Status", lambda p: p.get_status_display()),
    ("Regionens roll", lambda p: p.get_region_role_display()),
    ("Startdatum", lambda p: _date(p.start_date)),
    ("Slutdatum", lambda p: _date(p.end_date)),
    ("Total budget (euro)", lambda p: _decimal(p.total_budget)),
    ("EU-bidrag (euro)", lambda p: _decimal(p.eu_grant)),
    ("Växelkurs (kronor per euro)", lambda p: _decimal(p.exchange_rate, 4)),
    ("Växelkursens datum", lambda p: _date(p.exchange_rate_date)),
    ("Total budget (kronor)", lambda p: _decimal(p.total_budget_sek)),
    ("EU-bidrag (kronor)", lambda p: _decimal(p.eu_grant_sek)),
    ("Huvudpartner", lambda p: p.lead_partner.name if p.lead_partner else "Regionen"),
    ("Partner", lambda p: _names(p.partners.all())),
    ("Prioriterade frågor", lambda p: _names(p.topics.all())),
    ("Webbplats", lambda p: p.website),
]


def dated_csv(name, columns, objects):
    """An attachment ``<name>-<today>.csv``: one column per (title, value) pair in ``columns``."""
    return csv_response(
        f"{name}-{timezone.localdate().isoformat()}.csv",
        [title for title, _value in columns],
        ([value(obj) for _title, value in columns] for obj in objects),
    )


def memberships_csv(queryset):
    rows = queryset.select_related("organisation").prefetch_related("topics")
    return dated_csv("medlemskap", MEMBERSHIP_COLUMNS, rows)


def projects_csv(queryset):
    rows = queryset.select_related("programme", "lead_partner").prefetch_related(
        "partners", "topics"
    )
    return dated_csv("projekt", PROJECT_COLUMNS, rows)
