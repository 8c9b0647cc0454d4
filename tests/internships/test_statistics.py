"""A call's statistics: anonymous counts per dimension, and held applications per status."""

import pytest

from internships import services
from internships.factories import ApplicationFactory
from internships.statistics import call_statistics

pytestmark = pytest.mark.django_db


def test_counts_per_dimension_survive_the_applications(open_call):
    ApplicationFactory(call=open_call, university="Lunds universitet", level="bachelor")
    ApplicationFactory(call=open_call, university="Lunds  universitet")
    withdrawn = ApplicationFactory(call=open_call, university="Umeå universitet")
    withdrawn.withdraw()

    shown = call_statistics(open_call)
    assert shown["total"] == 3
    assert shown["by_university"] == [("Lunds universitet", 2), ("Umeå universitet", 1)]
    assert shown["by_level"] == [("masternivå", 2), ("kandidatnivå", 1)]
    assert sorted(shown["by_status"]) == [("mottagen", 2), ("återkallad", 1)]

    services.delete_application(withdrawn)
    shown = call_statistics(open_call)
    assert shown["total"] == 3 and sorted(shown["by_status"]) == [("mottagen", 2)]
