from django.utils import timezone

from portal.dates import add_months


def test_add_months_clamps_to_the_end_of_the_month():
    moment = timezone.make_aware(timezone.datetime(2027, 1, 31, 12))
    assert add_months(moment, 1).day == 28
    assert add_months(moment, 13).day == 29  # February 2028 is a leap month
    assert add_months(moment, 24).year == 2029
    assert add_months(moment, -2).month == 11
