"""CSV exports of memberships and projects for relations officers.

Excel is what the officers open these in, so the file starts with a UTF-8 byte order mark
(without it Excel reads å, ä, ö wrongly), uses semicolons between columns and decimal
commas, as Swedish Excel expects, and has Swedish column names.
"""

import csv

from django.http import HttpResponse
from django.utils import timezone

BOM = "\ufeff"


def _decimal(value):
    return "" if value is None else f"{value:.2f}".replace(".", ",")


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
    ("Huvudpartner", lambda p: p.lead_partner.name if p.lead_partner else "Regionen"),
    ("Partner", lambda p: _names(p.partners.all())),
    ("Prioriterade frågor", lambda p: _names(p.topics.all())),
    ("Webbplats", lambda p: p.website),
]


def csv_response(filename, columns, rows):
    """An attachment ``<filename>-<date>.csv`` with a header row and one line per row."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([name for name, _value in columns])
    for row in rows:
        writer.writerow([value(row) for _name, value in columns])
    return response


def memberships_csv(queryset):
    rows = queryset.select_related("organisation").prefetch_related("topics")
    return csv_response("medlemskap", MEMBERSHIP_COLUMNS, rows)


def projects_csv(queryset):
    rows = queryset.select_related("programme", "lead_partner").prefetch_related(
        "partners", "topics"
    )
    return csv_response("projekt", PROJECT_COLUMNS, rows)
