"""Working days on the official Chinese calendar (public holidays and adjusted working
weekends), from the maintained `chinese-calendar` package."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

from review.errors import ReviewError

FILING_DAYS = 7    # file a lifecycle event within 7 working days
NOTICE_DAYS = 15   # announce it publicly for at least 15 working days


class CalendarError(ReviewError):
    pass


def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        first, last = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
        raise CalendarError(
            f"{day.isoformat()} lies beyond the official holiday calendar this tool knows "
            f"({first}–{last}): upgrade the chinese-calendar package once the State Council "
            "publishes that year's holidays") from None


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (the start day itself is not counted)."""
    day, left = start, days
    while left:
        day += timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_workday(day)
    return count
