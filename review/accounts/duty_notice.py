"""A duty roster for the notice board: text, JSON, CSV or Markdown, in the command's language
(JSON's keys and kinds stay English, for programs; its labels follow the language)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from review.accounts.duty import DutyDay, counts
from review.columns import printable, table
from review.i18n import spoken
from review.language import say

FORMATS = ("text", "json", "csv", "markdown")


def label(d: DutyDay) -> str:
    """What the day is: the holiday's name, else 周末 / weekend."""
    if d.holiday is None:
        return say("duty_weekend")
    name = d.holiday[0 if spoken() == "zh" else 1]
    return name or say("duty_holiday")  # a holiday file names no holiday


def weekday(day: date) -> str:
    return say("weekday_names").split()[day.weekday()]


def as_dict(d: DutyDay) -> dict:
    return {"date": d.day.isoformat(), "weekday": weekday(d.day), "kind": d.kind,
            "label": label(d), "person": d.person}


def render(days: list[DutyDay], first: date, last: date, fmt: str, **extra: object) -> str:
    """The roster from `first` to `last` as `fmt`; `extra`: more fields of the JSON."""
    rows = [[d.day.isoformat(), weekday(d.day), label(d), d.person] for d in days]
    people = counts(days)
    if fmt == "json":
        return json.dumps({"from": first.isoformat(), "to": last.isoformat(), **extra,
                           "days": [as_dict(d) for d in days],
                           "people": [{"person": p, "days": n, "holidays": h}
                                      for p, (n, h) in people.items()]},
                          ensure_ascii=False, indent=2) + "\n"
    header = say("duty_columns").split(",")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows([header, *rows])
        return out.getvalue()
    title = say("duty_title", first=first.isoformat(), last=last.isoformat())
    summary = [say("duty_count", person=p, days=n, holidays=h) for p, (n, h) in people.items()]
    if not days:
        return "\n".join([title, say("duty_none", first=first.isoformat(),
                                     last=last.isoformat())]) + "\n"
    if fmt == "markdown":
        lines = [f"# {title}", "", _md(header), _md(["---"] * len(header)),
                 *(_md(row) for row in rows), "", *(f"- {line}" for line in summary)]
    else:
        lines = [title, "", *table([header, *rows]), "", *summary]
    return "\n".join(lines) + "\n"


def _md(cells: list[str]) -> str:
    # a name is whatever the roster says: one line, and no | to split its cell
    return "| " + " | ".join(printable(c).replace("|", "\\|") for c in cells) + " |"
