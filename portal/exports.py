"""CSV exports for staff, made to be opened in a Swedish spreadsheet.

The file starts with a UTF-8 byte order mark (without it Excel reads å, ä, ö wrongly),
separates columns with semicolons as Swedish Excel expects, and quotes every field.

A cell is data, never a formula: wherever a spreadsheet could start reading a field at
one of ``= + - @``, a tab or a carriage return, a ``'`` goes first. That is the start of
the cell, and also every place after a comma, a semicolon or a line break in it (past any
double quotes), since a program reading the file with the other delimiter, or without
respecting the quoting, begins a field there.
"""

import csv
import re

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FORMULA_START = re.compile(r'(^|[,;\r\n]"*)(?=[=+\-@\t\r])')


def spreadsheet_text(value):
    """``value`` as the text of a cell that no spreadsheet reads as a formula."""
    return FORMULA_START.sub(r"\1'", "" if value is None else str(value))


def csv_response(filename, header, rows):
    """An attachment ``filename`` with the ``header`` row and then ``rows``, private to its reader.

    Exports hold names and notes, so no cache keeps them and no browser guesses their type.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in [header, *rows]:
        writer.writerow([spreadsheet_text(value) for value in row])
    return response
