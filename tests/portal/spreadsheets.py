"""How a spreadsheet reads an export back: with semicolons, as meant, or with commas."""

import csv
import io

# Every way into a formula: at the start, after each delimiter, after a line break and
# after a quote; short enough for the narrowest text field exported.
HOSTILE = '=1;+2,-3\n@4,"\t5\r,=6'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read(response, delimiter=";"):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def formula_fields(response):
    """The fields that start like a formula, read with ``;`` and with ``,`` as delimiter."""
    return [
        field
        for delimiter in ";,"
        for row in read(response, delimiter)
        for field in row
        if field.startswith(FORMULA_STARTS)
    ]
