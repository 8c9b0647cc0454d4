"""Requests about personal data: find everything held about an e-mail address, export it as
a register extract, and erase what may be erased.

Each app that holds personal data answers through its ``personal_data.find(email)``, which
returns ``PersonalRecord``s: what the record is, the data it holds, and whether it may be
erased now, with the reason either way (a received application is a public record until its
retention date, for instance). A record's ``erase(user)`` removes the data and writes the
purge into the audit trail.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from config.registry import app_modules


@dataclass
class PersonalRecord:
    kind: str
    summary: str
    data: dict
    erasable: bool
    reason: str
    obj: Any = field(repr=False)
    erase: Any = field(repr=False)

    def as_json(self):
        return {
            "kind": str(self.kind),
            "summary": str(self.summary),
            "data": {str(label): str(value) for label, value in self.data.items()},
            "erasable": self.erasable,
            "reason": str(self.reason),
        }


def find(email):
    email = email.strip()
    records = []
    for module in app_modules("personal_data"):
        records += module.find(email)
    return records


def erase(email, user):
    """Erase every erasable record for ``email``; return (erased, kept) record lists."""
    erased, kept = [], []
    with transaction.atomic():
        for record in find(email):
            if not record.erasable:
                kept.append(record)
                continue
            record.erase(user)
            erased.append(record)
    return erased, kept
