"""Working days on the official Chinese calendar (public holidays and adjusted working
weekends), from the maintained `chinese-calendar` package, and from the organisation's own
holiday files (`[calendar] holidays` in the config) for the years they cover.

Past the last year either knows, a count of working days does not stop: it is provisional,
counting weekends and the statutory holidays that fall on fixed dates — 元旦 (1 January),
劳动节 (1–2 May) and 国庆节 (1–3 October), as the 全国年节及纪念日放假办法 of 2024 sets them.
Spring Festival, Qingming, Dragon Boat and Mid-Autumn move with the lunar calendar, and the
State Council's notice adds bridging days and adjusted working weekends (调休), so none of those
can be known in advance: a provisional deadline says which year's calendar it lacked, and the
office recomputes it (`review accounts recompute`) once the year's notice is on file."""

from __future__ import annotations

import calendar as months
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

from review.errors import ConfigError, UsageError
from review.i18n import Msg

# Dates outside are typing mistakes (and date arithmetic near year 1 or 9999 overflows).
FIRST_YEAR, LAST_YEAR = 1900, 2100
FILING_DAYS = 7    # file a lifecycle event within 7 working days
NOTICE_DAYS = 15   # announce it publicly for at least 15 working days
# The statutory holidays on fixed dates (month, day): what a provisional count can know.
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))


class CalendarError(UsageError):
    """A date the official calendar does not cover (exit 2)."""


@dataclass(frozen=True)
class HolidayYear:
    """One year of the State Council's notice: its days off and its adjusted working days."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str = ""

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


@dataclass(frozen=True)
class Deadline:
    """The `days`-th working day after a date; `missing`: the years whose official calendar
    the count lacked (then it is provisional)."""

    day: date
    missing: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.missing)


# The organisation's holiday files in force (commands.use_config sets them), by year.
_supplied: dict[int, HolidayYear] = {}


def use(years: Iterable[HolidayYear]) -> None:
    """From now on, these years' holidays count where the bundled calendar has none (a year
    it knows is never overridden: the file sits in a folder any member may write, and a
    false holiday moves every deadline)."""
    _supplied.clear()
    _supplied.update({y.year: y for y in years})


def bundled_years() -> tuple[int, int]:
    """The first and last year the `chinese-calendar` package knows."""
    return min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year


def official(day: date) -> bool | None:
    """Whether `day` is a working day on the official calendar; None when no official calendar
    covers its year."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        supplied = _supplied.get(day.year)
        return supplied.is_workday(day) if supplied is not None else None


def holiday(day: date) -> tuple[str, str] | None:
    """The statutory holiday `day` is a day off of (the weekend days inside its break too), by
    its Chinese and English names — empty for a holiday file's day, which names none; None
    when it is not one, or when no official calendar covers its year."""
    try:
        name = chinese_calendar.holidays.get(day) if chinese_calendar.is_holiday(day) else None
    except NotImplementedError:
        supplied = _supplied.get(day.year)
        return ("", "") if supplied is not None and day in supplied.holidays else None
    if name is None:
        return None
    known = {h.value: h.chinese for h in chinese_calendar.Holiday}
    return known.get(name, name), name


def provisional_workday(day: date) -> bool:
    """A working day as far as can be known before the State Council's notice."""
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def is_workday(day: date) -> bool:
    """The official answer, else the provisional one (a year before the calendar: refused)."""
    answer = official(day)
    if answer is None:
        _refuse_before(day)
        return provisional_workday(day)
    return answer


def deadline(start: date, days: int) -> Deadline:
    """The `days`-th working day after `start` (the start day itself is not counted)."""
    day, left, missing = start, days, []
    while left:
        day += timedelta(days=1)
        answer = official(day)
        if answer is None:
            _refuse_before(day)
            if day.year not in missing:
                missing.append(day.year)
            answer = provisional_workday(day)
        if answer:
            left -= 1
    return Deadline(day, tuple(missing))


def add_working_days(start: date, days: int) -> date:
    """The day of `deadline(start, days)`, provisional or not."""
    return deadline(start, days).day


def _refuse_before(day: date) -> None:
    first, last = bundled_years()
    if day.year < first:
        raise CalendarError("before_calendar", day=day.isoformat(), first=first, last=last)


# --- the organisation's holiday files ------------------------------------------------------


def load_holidays(files: Iterable[Path | tuple[Path, bytes]]) -> list[HolidayYear]:
    """Holiday files (paths, or paths with the bytes already read from them), each checked; a
    ConfigError (exit 2) of one line naming the file and the problem."""
    out: dict[int, HolidayYear] = {}
    for file in files:
        path, data = file if isinstance(file, tuple) else (file, None)
        year = read_holidays(path, data)
        if year.year in out:
            raise ConfigError(Msg("holiday_file", path=path, problem=Msg(
                "holiday_year_twice", year=year.year, other=out[year.year].source)))
        out[year.year] = year
    return list(out.values())


def read_holidays(path: Path, data: bytes | None = None) -> HolidayYear:
    """`year = 2027`, `holidays = [2027-01-01, …]`, `workdays = [2027-02-07, …]` (dates as
    TOML dates or "YYYY-MM-DD" strings): the State Council's notice for one year. `data`: the
    file's bytes when they were read already (checked against a signed digest)."""
    try:
        table = tomllib.loads((path.read_bytes() if data is None else data
                               ).decode("utf-8-sig"))
    except OSError as err:
        raise _bad(path, "holiday_unreadable", reason=err.strerror or err) from None
    except UnicodeDecodeError:
        raise _bad(path, "holiday_unreadable", reason="not UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise _bad(path, "holiday_not_toml", reason=err) from None
    extra = sorted(set(table) - {"year", "holidays", "workdays"})
    if extra:
        raise _bad(path, "holiday_unknown_key", key=extra[0])
    year = table.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise _bad(path, "holiday_needs_year")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _bad(path, "date_range", day=year, first=FIRST_YEAR, last=LAST_YEAR)
    lists = {}
    for key in ("holidays", "workdays"):
        value = table.get(key, [])
        if not isinstance(value, list):
            raise _bad(path, "holiday_not_list", key=key)
        days = []
        for item in value:
            day = _day(item)
            if day is None:
                raise _bad(path, "holiday_bad_date", key=key, value=item)
            if day.year != year:
                raise _bad(path, "holiday_other_year", key=key, day=day.isoformat(), year=year)
            days.append(day)
        lists[key] = frozenset(days)
    both = sorted(lists["holidays"] & lists["workdays"])
    if both:
        raise _bad(path, "holiday_and_workday", day=both[0].isoformat())
    weekdays = sorted(d for d in lists["workdays"] if d.weekday() < 5)
    if weekdays:
        raise _bad(path, "workday_not_weekend", day=weekdays[0].isoformat())
    return HolidayYear(year, lists["holidays"], lists["workdays"], str(path))


def _day(value: object) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
        except ValueError:
            return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    return None


def _bad(path: Path, message: str, /, **kwargs: object) -> ConfigError:
    return ConfigError(Msg("holiday_file", path=path, problem=Msg(message, **kwargs)))


# --- periods -------------------------------------------------------------------------------

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
