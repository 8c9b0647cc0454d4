"""A new visit's slug when another request takes the same one at the same moment."""

import pytest
from django.db import IntegrityError

from visits.factories import VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_a_slug_taken_between_the_check_and_the_insert_is_looked_for_again(monkeypatch):
    # Found by `make chaos`: concurrent requests from one organisation for the same days
    # answered 500 (the unique index refused the second INSERT).
    first = VisitFactory(title="Besök från Region Kaos")
    look_for_free_slug = Visit._unique_slug
    # The other request's row was not there when this one looked: it found the slug free.
    stale_answers = iter([first.slug])
    monkeypatch.setattr(
        Visit, "_unique_slug", lambda visit: next(stale_answers, None) or look_for_free_slug(visit)
    )
    second = VisitFactory(title=first.title, starts_at=first.starts_at)
    assert second.slug == f"{first.slug}-2"
    assert Visit.objects.count() == 2


def test_another_integrity_error_is_not_mistaken_for_a_taken_slug(monkeypatch):
    def refused(*args, **kwargs):
        raise IntegrityError("another constraint")

    monkeypatch.setattr("portal.redirects.models.KeepsOldURLs.save", refused, raising=False)
    with pytest.raises(IntegrityError, match="another constraint"):
        VisitFactory(title="Besök från Region Kaos")
