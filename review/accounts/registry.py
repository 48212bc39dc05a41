"""The registry, activity imports, update duty and 一近三低 candidates."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Connection, func, select

from review.accounts import calendar
from review.errors import UsageError
from review.i18n import Msg
from review.tables import accounts, activity, alerts, events
from review.workflow.store import Store

# Records an office action in the signed log, in the transaction that makes it (checking that
# the acting key may): account and alert records are compliance records (整改), not notes.
Sign = Callable[[Connection, str, dict], None]

EVENT_KINDS = ("open", "merge", "change", "close")
STALE_DAYS, STALE_DAYS_HIGH = 14, 7


class AccountError(UsageError):
    """An account, event or file that does not exist or cannot be used (exit 2)."""


def units_drawn_as(conn, unit: str) -> list[str]:
    """Every unit on file (an account's or an alert's) drawn as `unit` (review.workflow.
    roster.drawn_as: Unicode fold, invisible characters gone, look-alike characters made one),
    `unit` itself included. The 二四六 count is a unit's: an account put on file under
    城东区某局 with a zero-width space, an ideographic space or as 城東区某局 had its stale alerts
    counted apart, and `alerts status 城东区某局` said deputy for a unit at the head's level
    (red-team pass 77)."""
    from review.workflow.roster import drawn_as

    drawn = drawn_as(unit)
    return sorted(u for u in _units(conn) | {unit} if drawn_as(u) == drawn)


def _units(conn) -> set[str]:
    found = {r.unit for r in conn.execute(select(accounts.c.unit).distinct())} | \
        {r.unit for r in conn.execute(select(alerts.c.unit).distinct())}
    return {u for u in found if isinstance(u, str)}


def new_unit_drawn_alike(conn, unit: str) -> None:
    """A unit given to a new account or alert must be one on file as spelt, or drawn as none
    (a store holding two spellings already goes on under either: both count as one unit)."""
    if unit in _units(conn):
        return
    other = next((u for u in units_drawn_as(conn, unit) if u != unit), None)
    if other is not None:
        raise AccountError("unit_drawn_alike", unit=unit, other=other)


def _account(conn, name: str):
    row = conn.execute(select(accounts).where(accounts.c.name == name)).first()
    if row is None:
        raise AccountError("no_account", name=name)
    return row


def add(store: Store, sign: Sign, name: str, unit: str, platform: str, high_attention: bool,
        operator: str | None, contact: str | None) -> dict:
    with store.transaction() as conn:
        if conn.execute(select(accounts.c.id).where(accounts.c.name == name)).first():
            raise AccountError("account_exists", name=name)
        new_unit_drawn_alike(conn, unit)
        values = {"name": name, "unit": unit, "platform": platform,
                  "high_attention": high_attention, "operator": operator, "contact": contact}
        new_id = conn.execute(accounts.insert().values(**values, status="open")
                              ).inserted_primary_key[0]
        # the id signed too: activity rows and alerts name an account by it, so a row whose id
        # was swapped with another account's would move their posts to it
        sign(conn, "account.add", {"id": new_id, **values})
    return show(store, name)


def import_registry(store: Store, sign: Sign, path: Path) -> tuple[int, list[str]]:
    """Bulk `add` from a CSV (name, unit, platform, high_attention, operator, contact); an
    account already on file is reported and left as it is."""
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise AccountError("file_unreadable", path=path, reason=err) from None
    added, problems = 0, []
    for line, row in enumerate(rows, start=2):
        name, unit, platform = (row.get(k, "").strip() for k in ("name", "unit", "platform"))
        if not (name and unit and platform):
            problems.append(Msg("row_needs_fields", file=path.name, line=line))
            continue
        try:
            add(store, sign, name, unit, platform,
                row.get("high_attention", "").strip().lower() in ("yes", "true", "1", "是"),
                row.get("operator") or None, row.get("contact") or None)
            added += 1
        except AccountError as err:
            problems.append(Msg("row_problem", file=path.name, line=line, problem=err))
    return added, problems


def listing(store: Store) -> list[dict]:
    with store.reading() as conn:
        return [_as_dict(r) for r in conn.execute(select(accounts).order_by(accounts.c.unit,
                                                                            accounts.c.name))]


def show(store: Store, name: str) -> dict:
    with store.reading() as conn:
        row = _account(conn, name)
        history = conn.execute(select(events).where(events.c.account_id == row.id)
                               .order_by(events.c.date, events.c.id)).all()
        last = conn.execute(select(func.max(activity.c.date))
                            .where(activity.c.account_id == row.id)).scalar()
    return {**_as_dict(row), "last_post": last.isoformat() if last else None,
            "events": [_shown(e) for e in history]}


def _as_dict(row) -> dict:
    return {"name": row.name, "unit": row.unit, "platform": row.platform,
            "high_attention": bool(row.high_attention), "operator": row.operator,
            "contact": row.contact, "status": row.status}


def _event(e) -> dict:
    return {"id": e.id, "kind": e.kind, "date": e.date.isoformat(), "decision": e.decision,
            "filing_deadline": e.filing_deadline.isoformat(),
            "notice_end": e.notice_end.isoformat(),
            "filed": e.filed.isoformat() if e.filed else None}


def deadlines(day: date) -> tuple[calendar.Deadline, calendar.Deadline]:
    """An event's filing deadline and the earliest end of its public notice."""
    return (calendar.deadline(day, calendar.FILING_DAYS),
            calendar.deadline(day, calendar.NOTICE_DAYS))


def _state(filing: calendar.Deadline, notice: calendar.Deadline) -> dict:
    """Whether the deadlines are provisional: which of them, and the years whose official
    calendar they lacked."""
    which = [k for k, d in (("filing_deadline", filing), ("notice_end", notice))
             if d.provisional]
    return {"provisional": bool(which), "provisional_deadlines": which,
            "calendar_missing": sorted(set(filing.missing) | set(notice.missing))}


def _shown(e) -> dict:
    """An event as read: its stored deadlines, and whether they are final on the calendar now
    known. Stored deadlines the calendar now puts elsewhere (a provisional one, once the year's
    holidays are known) are provisional too, with what `recompute` would make them."""
    filing, notice = deadlines(e.date)
    out = {**_event(e), **_state(filing, notice)}
    if (filing.day, notice.day) != (e.filing_deadline, e.notice_end):
        which = [k for k, new, old in (("filing_deadline", filing.day, e.filing_deadline),
                                       ("notice_end", notice.day, e.notice_end)) if new != old]
        out.update(provisional=True,
                   provisional_deadlines=sorted(set(out["provisional_deadlines"]) | set(which)),
                   recompute={"filing_deadline": filing.day.isoformat(),
                              "notice_end": notice.day.isoformat(),
                              **_state(filing, notice)})
    return out


def event(store: Store, sign: Sign, name: str, kind: str, day: date, decision: str) -> dict:
    """A lifecycle event with its basis; the filing deadline is the 7th working day after it
    and the public notice may end on the 15th working day after it at the earliest. Past the
    official calendar they are provisional (review.accounts.calendar), never refused."""
    if kind not in EVENT_KINDS:
        raise AccountError("unknown_event", kind=kind, kinds=", ".join(EVENT_KINDS))
    if not decision.strip():
        raise AccountError("event_needs_basis")
    filing, notice = deadlines(day)
    state = _state(filing, notice)
    with store.transaction() as conn:
        row = _account(conn, name)
        new_id = conn.execute(events.insert().values(
            account_id=row.id, kind=kind, date=day, decision=decision,
            filing_deadline=filing.day, notice_end=notice.day)).inserted_primary_key[0]
        if kind in ("close", "merge"):
            conn.execute(accounts.update().where(accounts.c.id == row.id)
                         .values(status="closed"))
        elif kind == "open":
            conn.execute(accounts.update().where(accounts.c.id == row.id).values(status="open"))
        e = conn.execute(select(events).where(events.c.id == new_id)).first()
        sign(conn, "account.event", {"account": name, **_event(e), **state})
    return {"account": name, **_event(e), **state}


def recompute(store: Store, sign: Sign) -> list[dict]:
    """Every event whose stored deadlines the calendar now known puts elsewhere — provisional
    ones, once the year's holidays are in a holiday file or a newer package — gets the new
    ones, each change a signed record (`account.deadlines`); the changes, old and new."""
    changes = []
    with store.transaction() as conn:
        rows = conn.execute(select(events, accounts.c.name)
                            .join(accounts, accounts.c.id == events.c.account_id)
                            .order_by(events.c.id)).all()
        for r in rows:
            filing, notice = deadlines(r.date)
            if (filing.day, notice.day) == (r.filing_deadline, r.notice_end):
                continue
            conn.execute(events.update().where(events.c.id == r.id).values(
                filing_deadline=filing.day, notice_end=notice.day))
            change = {"event": r.id, "account": r.name, "kind": r.kind,
                      "date": r.date.isoformat(),
                      "was": {"filing_deadline": r.filing_deadline.isoformat(),
                              "notice_end": r.notice_end.isoformat()},
                      "filing_deadline": filing.day.isoformat(),
                      "notice_end": notice.day.isoformat(), **_state(filing, notice)}
            sign(conn, "account.deadlines", change)
            changes.append(change)
    return changes


def filed(store: Store, sign: Sign, event_id: int, day: date) -> None:
    with store.transaction() as conn:
        if conn.execute(events.update().where(events.c.id == event_id)
                        .values(filed=day)).rowcount == 0:
            raise AccountError("no_event", event=event_id)
        sign(conn, "account.filed", {"event": event_id, "date": day.isoformat()})


def due(store: Store, as_of: date, within: int = 3) -> list[dict]:
    """Unfiled events: overdue, or due within `within` working days (a deadline the calendar
    now puts elsewhere counts at its new day: `recompute` has yet to record it)."""
    horizon = calendar.add_working_days(as_of, within)
    with store.reading() as conn:
        rows = conn.execute(select(events, accounts.c.name)
                            .join(accounts, accounts.c.id == events.c.account_id)
                            .where(events.c.filed.is_(None))
                            .order_by(events.c.filing_deadline)).all()
    out = []
    for r in rows:
        shown = _shown(r)
        deadline = date.fromisoformat(shown.get("recompute", shown)["filing_deadline"])
        if deadline <= horizon:
            out.append({"account": r.name, **shown,
                        "status": "overdue" if deadline < as_of else "due", "_by": deadline})
    out.sort(key=lambda d: d.pop("_by"))
    return out


# --- activity ------------------------------------------------------------------------------

COLUMNS = ("reads", "zaikan", "likes", "shares", "comments", "errors")
HEADER_ALIASES = {"在看": "zaikan", "阅读": "reads", "点赞": "likes", "转发": "shares",
                  "评论": "comments", "错误": "errors", "账号": "account", "日期": "date",
                  "发布日期": "date"}


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    problems: list[str] | None = None


def import_activity(store: Store, sign: Sign, path: Path) -> ImportReport:
    """One row per post: account, date, and when known reads, 在看, likes, shares, comments,
    errors. Bad rows are reported with their line numbers and skipped; a row already imported
    is not added again."""
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise AccountError("file_unreadable", path=path, reason=err) from None
    fields = [HEADER_ALIASES.get((f or "").strip(), (f or "").strip().lower())
              for f in reader.fieldnames or []]
    if "account" not in fields or "date" not in fields:
        raise AccountError("activity_columns", path=path, columns=", ".join(COLUMNS))
    report = ImportReport(problems=[])
    added: list[str] = []
    with store.transaction() as conn:
        known = {r.name: r.id for r in conn.execute(select(accounts.c.name, accounts.c.id))}
        for line, raw in enumerate(rows, start=2):
            row = {fields[i]: (v or "").strip() for i, v in enumerate(raw.values())
                   if i < len(fields)}
            problem, values = _parse_row(row, known)
            if problem:
                report.problems.append(Msg("row_problem", file=path.name, line=line,
                                           problem=problem))
                continue
            digest = row_hash(values)
            if conn.execute(select(activity.c.id).where(activity.c.row_hash == digest)).first():
                report.duplicates += 1
                continue
            conn.execute(activity.insert().values(**values, row_hash=digest))
            added.append(digest)
        report.added = len(added)
        sign(conn, "account.activity", {
            "file": path.name, "added": report.added, "duplicates": report.duplicates,
            "sha256": hashlib.sha256("\n".join(map(repr, rows)).encode()).hexdigest(),
            "rows": added})  # each row's hash: the audit names a row nobody imported
    return report


def row_hash(values: dict) -> str:
    """An activity row's identity: its account, date and counts."""
    return hashlib.sha256(repr(sorted(values.items())).encode()).hexdigest()


def _parse_row(row: dict, known: dict[str, int]) -> tuple[str | None, dict]:
    name = row.get("account", "")
    if name not in known:
        return Msg("unknown_account", name=name), {}
    try:
        day = date.fromisoformat(row.get("date", ""))
    except ValueError:
        return Msg("bad_date", value=row.get("date")), {}
    values: dict = {"account_id": known[name], "date": day}
    for column in COLUMNS:
        cell = row.get(column, "")
        if cell == "":
            values[column] = None
            continue
        try:
            number = int(cell)
        except ValueError:
            return Msg("not_whole_number", column=column, cell=cell), {}
        if number < 0:
            return Msg("negative", column=column, number=number), {}
        values[column] = number
    return None, values


def stale(store: Store, as_of: date) -> list[dict]:
    """Open accounts with no post in 14 days (7 for high-attention accounts)."""
    out = []
    with store.reading() as conn:
        for a in conn.execute(select(accounts).where(accounts.c.status == "open")
                              .order_by(accounts.c.name)):
            last = conn.execute(select(func.max(activity.c.date))
                                .where(activity.c.account_id == a.id)
                                .where(activity.c.date <= as_of)).scalar()
            limit = STALE_DAYS_HIGH if a.high_attention else STALE_DAYS
            since = last or _opened(conn, a.id)
            days = (as_of - since).days if since else None
            if days is None or days >= limit:
                out.append({"account": a.name, "unit": a.unit, "last_post":
                            last.isoformat() if last else None, "days": days, "limit": limit,
                            "high_attention": bool(a.high_attention)})
    return out


def _opened(conn, account_id: int) -> date | None:
    return conn.execute(select(func.max(events.c.date)).where(events.c.account_id == account_id)
                        .where(events.c.kind == "open")).scalar()


@dataclass(frozen=True)
class Consolidation:
    """一近三低 thresholds over the last `days` days (configurable)."""

    days: int = 90
    max_posts: int = 6            # low use: fewer posts than this
    max_avg_reads: float = 200    # low follower attention
    max_avg_interactions: float = 5  # low originality/engagement: 在看+likes+shares+comments


def consolidate(store: Store, as_of: date, rule: Consolidation | None = None) -> list[dict]:
    """Candidates: another open account of the same unit on the same platform (近, similar
    function) and low use, low attention and low engagement (三低), with the figures."""
    rule = rule or Consolidation()
    start = as_of - timedelta(days=rule.days)
    out = []
    with store.reading() as conn:
        open_accounts = conn.execute(select(accounts).where(accounts.c.status == "open")).all()
        for a in open_accounts:
            siblings = [b.name for b in open_accounts if b.id != a.id and b.unit == a.unit
                        and b.platform == a.platform]
            rows = conn.execute(select(activity).where(activity.c.account_id == a.id)
                                .where(activity.c.date > start)
                                .where(activity.c.date <= as_of)).all()
            posts = len(rows)
            reads = sum(r.reads or 0 for r in rows)
            interactions = sum((r.zaikan or 0) + (r.likes or 0) + (r.shares or 0)
                               + (r.comments or 0) for r in rows)
            avg_reads = reads / posts if posts else 0.0
            avg_interactions = interactions / posts if posts else 0.0
            lows = {"low_use": posts < rule.max_posts,
                    "low_attention": avg_reads < rule.max_avg_reads,
                    "low_engagement": avg_interactions < rule.max_avg_interactions}
            if siblings and all(lows.values()):
                out.append({"account": a.name, "unit": a.unit, "platform": a.platform,
                            "similar_to": siblings, "posts": posts,
                            "avg_reads": round(avg_reads, 1),
                            "avg_interactions": round(avg_interactions, 1), **lows})
    return sorted(out, key=lambda c: (c["unit"], c["account"]))
