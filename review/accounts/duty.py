"""Holiday duty (节假日值班): who is on duty on each weekend and statutory holiday.

Duty days come from the official calendar (review.accounts.calendar): a day that is not a
working day — a weekend, or a holiday on a weekday — while a weekend worked in lieu (调休上班)
is no duty day. A year no official calendar covers is refused: a roster that guesses at Spring
Festival would leave its days uncovered.

Who: the people on the roster with a key in force holding one of the chosen roles. Each day
goes to the first of them by
  1. not on duty the day before (no runs of days while anyone else is free),
  2. fewest duty days, then
  3. on a holiday the fewest holiday days, on a weekend the most (so that whoever has carried
     fewer holidays is left for the next one),
  4. longest since their last duty day, then the name (deterministic).
Within a plan rule 1 costs no balance (max − min ≤ 1): whoever just took a day had the
fewest, so someone else has as few now. Duty saved in the year before the plan counts too, so
consecutive plans share the load instead of starting over.

A saved plan is a compliance record: its days, and each swap, are signed records of the log
(`duty.plan`, `duty.swap`) and rows of `review_duty`, which `review audit verify` checks
against them (review.accounts.projection)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from review.accounts import calendar
from review.accounts.registry import AccountError, Sign
from review.errors import Refused, UsageError
from review.i18n import either
from review.tables import duty
from review.workflow.roster import Roster
from review.workflow.store import Store

MAX_DAYS = 366       # a plan covers at most a year (a longer one is a typing mistake)
HISTORY_DAYS = 365   # saved duty this far before a plan counts towards its balance
DEFAULT_ROLES = ("reviewer", "office", "admin")


@dataclass(frozen=True)
class DutyDay:
    day: date
    person: str
    holiday: tuple[str, str] | None  # the holiday's (Chinese, English) name; None: a weekend

    @property
    def kind(self) -> str:
        return "weekend" if self.holiday is None else "holiday"


def span(first: date, last: date) -> tuple[date, date]:
    """The plan's first and last day, checked: in order, within the years dates may take, at
    most MAX_DAYS long."""
    for day in (first, last):
        calendar.checked(day)
    if first > last:
        raise UsageError("duty_from_after_to", first=first.isoformat(), last=last.isoformat())
    if (last - first).days + 1 > MAX_DAYS:
        raise UsageError("duty_too_long", first=first.isoformat(), last=last.isoformat(),
                         limit=MAX_DAYS)
    return first, last


def duty_days(first: date, last: date) -> list[tuple[date, tuple[str, str] | None]]:
    """The days off between `first` and `last` (both included), each with its holiday."""
    out = []
    day = first
    while day <= last:
        working = calendar.official(day)
        if working is None:
            raise calendar.CalendarError("duty_calendar_unknown", year=day.year)
        if not working:
            out.append((day, calendar.holiday(day)))
        day += timedelta(days=1)
    return out


def eligible(roster: Roster, roles: tuple[str, ...]) -> list[str]:
    """The names of the people with a key in force who hold one of `roles` now."""
    names = sorted(p.name for p in roster.people.values()
                   if p.revoked_seq is None and p.roles & set(roles)
                   and any(k.revoked_seq is None for k in p.keys.values()))
    if not names:
        raise UsageError("duty_nobody", roles=either(roles))
    return names


def propose(days: list[tuple[date, tuple[str, str] | None]], people: list[str],
            history: Iterable[tuple[date, str]] = ()) -> list[DutyDay]:
    """Each day to one of `people` by the rules of this module's docstring; `history`: the
    duty days already served (day, person), oldest first."""
    total = dict.fromkeys(people, 0)
    holidays = dict.fromkeys(people, 0)
    last = dict.fromkeys(people, date.min)

    def serve(day: date, person: str, holiday: bool) -> None:
        total[person] += 1
        holidays[person] += holiday
        last[person] = day

    for day, person in history:
        if person in total:
            serve(day, person, calendar.holiday(day) is not None)
    plan = []
    for day, holiday in days:
        sign = 1 if holiday else -1
        person = min(people, key=lambda p: (last[p] == day - timedelta(days=1), total[p],
                                            sign * holidays[p], last[p], p))
        serve(day, person, holiday is not None)
        plan.append(DutyDay(day, person, holiday))
    return plan


def plan(store: Store, roster: Roster, first: date, last: date,
         roles: tuple[str, ...] = DEFAULT_ROLES) -> list[DutyDay]:
    """The proposed duty of every day off from `first` to `last`."""
    first, last = span(first, last)
    days = duty_days(first, last)
    people = eligible(roster, roles)
    history = [(d.day, d.person) for d in saved(store, first - timedelta(days=HISTORY_DAYS),
                                                 first - timedelta(days=1))]
    return propose(days, people, history)


def saved(store: Store, first: date, last: date) -> list[DutyDay]:
    """The saved duty from `first` to `last`."""
    with store.reading() as conn:
        rows = conn.execute(select(duty).where(duty.c.day >= first).where(duty.c.day <= last)
                            .order_by(duty.c.day)).all()
    return [DutyDay(r.day, r.person, calendar.holiday(r.day)) for r in rows]


def on(store: Store, day: date) -> DutyDay | None:
    found = saved(store, day, day)
    return found[0] if found else None


def save(store: Store, sign: Sign, first: date, last: date, days: list[DutyDay]) -> None:
    """The plan in force from `first` to `last`: it replaces what was saved for those days
    (swaps included), in one signed record."""
    with store.transaction() as conn:
        conn.execute(duty.delete().where(duty.c.day >= first).where(duty.c.day <= last))
        if days:
            conn.execute(duty.insert(), [{"day": d.day, "person": d.person} for d in days])
        sign(conn, "duty.plan", {"from": first.isoformat(), "to": last.isoformat(),
                                 "days": [{"date": d.day.isoformat(), "person": d.person,
                                           "kind": d.kind} for d in days]})


def swap(store: Store, sign: Sign, roster: Roster, day: date, person: str) -> dict:
    """Another person on duty on a saved day: someone on the roster with a key in force (the
    office decides who may stand in; the plan's roles only choose whom it proposes)."""
    known = roster.people.get(person)
    if known is None:
        raise UsageError("no_such_person", name=person)
    if known.revoked_seq is not None or all(k.revoked_seq is not None
                                            for k in known.keys.values()):
        raise Refused("duty_person_revoked", name=person)
    with store.transaction() as conn:
        row = conn.execute(select(duty).where(duty.c.day == day)).first()
        if row is None:
            raise AccountError("duty_no_plan", day=day.isoformat())
        if row.person == person:
            raise Refused("duty_already", name=person, day=day.isoformat())
        conn.execute(duty.update().where(duty.c.day == day).values(person=person))
        change = {"date": day.isoformat(), "person": person, "was": row.person}
        sign(conn, "duty.swap", change)
    return change


def counts(days: list[DutyDay]) -> dict[str, tuple[int, int]]:
    """Each person's (duty days, holiday days), by name."""
    out: dict[str, tuple[int, int]] = {}
    for d in days:
        n, h = out.get(d.person, (0, 0))
        out[d.person] = (n + 1, h + (d.holiday is not None))
    return dict(sorted(out.items()))
