"""The one CSV export: Swedish Excel opens it in columns and finds no formula in it."""

import re
from pathlib import Path

import pytest

from portal.exports import csv_response, spreadsheet_text
from tests.portal.spreadsheets import HOSTILE, formula_fields, read


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Göteborg", "Göteborg"),
        ("070-123 45 67", "070-123 45 67"),
        ("1234,50", "1234,50"),
        ("Rad ett; rad två", "Rad ett; rad två"),
        (None, ""),
        (12, "12"),
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+46 70", "'+46 70"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r'=1"),
        ("sv;=1+2;", "sv;'=1+2;"),
        ("a,=1", "a,'=1"),
        ("rad\n-1", "rad\n'-1"),
        ('a,"=1', "a,\"'=1"),
    ],
)
def test_cells_that_could_start_a_formula_get_an_apostrophe(value, cell):
    assert spreadsheet_text(value) == cell


def test_the_response_is_a_private_semicolon_separated_attachment_with_a_bom():
    response = csv_response(
        "ansökningar.csv", ["Namn", "Ort"], [["Åsa Öberg", "Borås; Ulricehamn"]]
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''ans%C3%B6kningar.csv"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.decode("utf-8") == (
        '\ufeff"Namn";"Ort"\r\n"Åsa Öberg";"Borås; Ulricehamn"\r\n'
    )


def test_read_either_way_no_field_starts_a_formula():
    rows = [[HOSTILE, "x" + HOSTILE, HOSTILE[::-1], '""' + HOSTILE]] * 2
    response = csv_response("fientligt.csv", [HOSTILE, "rubrik"], rows)
    assert formula_fields(response) == []
    assert read(response)[1] == [spreadsheet_text(value) for value in rows[0]]


def test_the_check_finds_a_formula_where_there_is_one():
    naive = csv_response("naiv.csv", ["a"], [["x"]])
    naive.content = '\ufeff"x";"a,=1"\r\n'.encode()
    assert formula_fields(naive) == ["=1\""]


def test_every_export_goes_through_the_one_helper():
    """No module but portal/exports.py writes CSV, so no export escapes the formula guard."""
    root = Path(__file__).resolve().parents[2]
    writers = [
        str(path.relative_to(root))
        for package in ("portal", "relations", "visits", "newsroom", "internships", "events")
        for path in (root / package).rglob("*.py")
        if re.search(r"^\s*(import csv|from csv import)|text/csv", path.read_text(), re.M)
    ]
    assert writers == ["portal/exports.py"]
