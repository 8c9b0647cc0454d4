"""Date arithmetic the retention rules share."""

import calendar


def add_months(moment, months):
    """``moment`` moved by whole calendar months (31 January + 1 month is 28/29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))
