"""A readable comparison of two revisions: field by field, words added and removed marked.

Added and removed words are ``<ins>`` and ``<del>`` with a text label each, so the change
is not told by colour (or by strike-through) alone.
"""

import datetime
import difflib
import re

from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(old, new):
    """``new`` compared with ``old``, as HTML with the removed and added words marked."""
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = "".join(old_words[old_start:old_end])
        added = "".join(new_words[new_start:new_end])
        if tag == "equal":
            parts.append(format_html("{}", added))
            continue
        if removed:
            parts.append(_marked("del", gettext("borttaget:"), removed))
        if added:
            parts.append(_marked("ins", gettext("tillagt:"), added))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def _marked(tag, label, text):
    return format_html(
        '<{tag}><span class="editorial-diff-label">[{label}</span>{text}'
        '<span class="editorial-diff-label">]</span></{tag}>',
        tag=tag, label=label, text=text,
    )


def readable(field, value):
    """A stored value as the editor knows it: a name for a relation, a label for a choice."""
    if value in (None, "", []):
        return ""
    if field.many_to_many:
        related = field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in related))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    # A browser sends line breaks as CRLF; a stored text may have plain LF.
    return str(value).replace("\r\n", "\n").strip()


def differences(fields, old_values, new_values):
    """One row per field of ``fields`` whose value differs: label, old, new and the word diff."""
    rows = []
    for field in fields:
        old = readable(field, old_values.get(field.attname))
        new = readable(field, new_values.get(field.attname))
        if old != new:
            rows.append(
                {"label": field.verbose_name, "old": old, "new": new, "diff": word_diff(old, new)}
            )
    return rows

