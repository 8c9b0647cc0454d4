"""schema.org data for search engines, as JSON-LD data blocks in the page."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# Inside <script type="application/ld+json"> the data must never end the element or start
# markup: <, > and & become JSON escapes, which mean the same to a JSON reader.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(data):
    """``data`` as JSON that is safe between ``<script type="application/ld+json">`` tags."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped above
