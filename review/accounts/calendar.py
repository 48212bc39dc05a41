"""Working days on the official Chinese calendar (public holidays and adjusted working
weekends), from the maintained `chinese-calendar` package."""

from __future__ import annotations

import calendar as months
import re
from datetime import date, timedelta

import chinese_calendar

from review.errors import UsageError

# Dates outside are typing mistakes (and date arithmetic near year 1 or 9999 overflows).
FIRST_YEAR, LAST_YEAR = 1900, 2100
FILING_DAYS = 7    # file a lifecycle event within 7 working days
NOTICE_DAYS = 15   # announce it publicly for at least 15 working days


class CalendarError(UsageError):
    """A date the official calendar does not cover (exit 2)."""


def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        first, last = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
        raise CalendarError("beyond_calendar", day=day.isoformat(), first=first,
                            last=last) from None


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (the start day itself is not counted)."""
    day, left = start, days
    while left:
        day += timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day


_PERIOD = re.compile(r"(\d{4})(?:-(\d{2}))?|(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})", re.ASCII)


def period(text: str) -> tuple[date, date]:
    """The first and last day of `2026` (a year), `2026-10` (a month) or
    `2026-10-01:2026-10-31` (both days included)."""
    try:
        first, last = _bounds(text.strip())
    except ValueError:
        first, last = date.max, date.min  # not a period: refused below
    if first > last:
        raise CalendarError("bad_period", text=text)
    return checked(first), checked(last)


def checked(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CalendarError("date_range", day=day.isoformat(), first=FIRST_YEAR,
                            last=LAST_YEAR)
    return day


def _bounds(text: str) -> tuple[date, date]:
    match = _PERIOD.fullmatch(text)
    if match is None:
        raise ValueError(text)
    if match[3]:
        return date.fromisoformat(match[3]), date.fromisoformat(match[4])
    year = int(match[1])
    if match[2]:
        month = int(match[2])
        return date(year, month, 1), date(year, month, months.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def year_of(day: date) -> tuple[date, date]:
    return date(day.year, 1, 1), date(day.year, 12, 31)
