"""What reviewers decided, version by version, as the signed log says: the overrides and the
rejection that counted on each version of each item (review.workflow.history's rules: a
record no key on the roster signed, or one an author made of his own draft, counts for
nothing here either). What `review feedback export` and `review stats` read.

An item's history keeps only its current version's votes, so it is built once more at each
resubmission, on the records before it: that prefix's history is the earlier version's."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, select

from review.errors import StoreError
from review.findings import Finding
from review.tables import items, log
from review.workflow import chain
from review.workflow.chain import Record
from review.workflow.history import VERSION_KINDS, Version, build, finding_key


@dataclass(frozen=True)
class Judged:
    """One version of an item and the decisions that counted on it."""

    item: int
    version: Version
    overrides: list[Record]
    rejection: Record | None

    def findings(self) -> dict[str, Finding]:
        """The version's signed findings by key (`AD001@12`); none when unreadable."""
        return {finding_key(f): f for f in map(Finding.from_dict, self.version.findings or [])}


def judged(conn: Connection, state) -> Iterator[Judged]:
    """Every version of every item the log holds, in log order. `state` is the roster and
    policy the caller loaded — after the log's links and witnesses were checked."""
    numbers = conn.execute(select(log.c.item_id).where(log.c.kind == "submit").distinct()
                           .order_by(log.c.item_id)).scalars().all()
    for item_id in numbers:
        records = chain.records(conn, item_id=item_id)
        cuts = [i for i, r in enumerate(records) if i and r.kind in VERSION_KINDS]
        versions: dict[int, Judged] = {}
        for cut in [*cuts, len(records)]:
            try:
                history = build(records[:cut], state.roster, state.policy, state.workspace,
                                state.trust)
            except StoreError as err:
                if err.key == "item_no_submission":
                    break  # records of an item nobody submitted count for nothing
                raise
            # a resubmission that did not count leaves the version as it was: the longer
            # prefix holds every vote on it
            versions[history.version.record.seq] = Judged(
                item_id, history.version, [r for r, _ in history.overrides],
                history.rejection[0] if history.rejection else None)
        yield from versions.values()


def content_of(conn: Connection, judged: Judged) -> bytes | None:
    """The version's bytes from the items table, only when they hash to what the log signed
    (the table keeps the current version; any member may write it)."""
    row = conn.execute(select(items.c.content).where(items.c.id == judged.item)).first()
    if row is None or not isinstance(row.content, bytes):
        return None
    if hashlib.sha256(row.content).hexdigest() != judged.version.content_sha256:
        return None
    return row.content


def dated(record: Record) -> str:
    """The date a record was signed on (YYYY-MM-DD, the signer's clock), or "" for one
    signed before decisions carried their time."""
    at = record.statement.get("at")
    return at[:10] if isinstance(at, str) and len(at) >= 10 else ""


def log_days(conn: Connection, today: str | None = None) -> dict[int, str]:
    """The day each dated record of an item counts on (seq → YYYY-MM-DD), by the log's order
    as well as the signer's clock. A date is the signer's to choose: an editor who sets his
    clock back or forward moves his submission (and so its findings and decisions) into
    another period of `review stats`, and a reviewer's forward-dated override comes back in
    every later `review feedback export --since`. The log's order is the truth about which
    came first, so the dates most of the log agrees with — its longest run in order, after
    any date past the reader's `today` is taken as today — are kept, and every other date is
    placed between its kept neighbours. On PostgreSQL a record's date is the day the server
    received it (chain.Record.served): no signer's clock moves it."""
    today = today or reader_today()
    # a record signed before decisions carried their time stays undated, served or not
    dated_records = [(r.seq, _ordinal(_served(r) if r.served and dated(r) else dated(r),
                                      today))
                     for r in chain.records(conn) if r.item_id is not None]
    dated_records = [(seq, day) for seq, day in dated_records if day is not None]
    days = [day for _, day in dated_records]
    kept = _in_order(days)
    out: dict[int, str] = {}
    low, following = 0, _following(days, kept)
    for i, (seq, day) in enumerate(dated_records):
        if i in kept:
            low = day
        placed = min(max(day, low), following[i])
        out[seq] = date.fromordinal(placed).isoformat()
    return out


def _served(record: Record) -> str:
    """The day the server received `record` (chain.Record.served), in the time zone its
    signer stated (an offset is at most a day off: the date moves by one at most)."""
    try:
        zone = datetime.fromisoformat(record.statement.get("at", "")).tzinfo
    except (TypeError, ValueError):
        zone = None
    return record.served.astimezone(zone or UTC).date().isoformat()


def reader_today() -> str:
    """Today by the reader's clock: the one that dates what he signs (service.signed_time)."""
    from review.workflow import service

    return service.signed_time()[:10]


def _ordinal(day: str, today: str) -> int | None:
    try:
        return min(date.fromisoformat(day).toordinal(), date.fromisoformat(today).toordinal())
    except ValueError:
        return None  # undated, or a date that is none


def _in_order(days: list[int]) -> set[int]:
    """The positions of a longest non-decreasing run of `days`; among runs as long, the one
    of the earliest records (which a later record dated back cannot displace)."""
    longest = [0] * len(days)  # the longest run starting at each position
    tails: list[int] = []      # by length - 1: minus the latest day such a run starts on
    for i in range(len(days) - 1, -1, -1):
        k = bisect_right(tails, -days[i])
        longest[i] = k + 1
        if k == len(tails):
            tails.append(-days[i])
        else:
            tails[k] = min(tails[k], -days[i])
    kept: set[int] = set()
    need, floor = max(longest, default=0), 0
    for i, day in enumerate(days):
        if need and longest[i] == need and day >= floor:
            kept.add(i)
            need, floor = need - 1, day
    return kept


def _following(days: list[int], kept: set[int]) -> list[int]:
    """For each position, the day of the next kept record at or after it (no bound after the
    last one)."""
    out, bound = [0] * len(days), date.max.toordinal()
    for i in range(len(days) - 1, -1, -1):
        if i in kept:
            bound = days[i]
        out[i] = bound
    return out


@dataclass(frozen=True)
class Published:
    """A release that counted, of an item submitted for an account (`submit --account`)."""

    account: str
    day: str     # the release's date, never before the decisions it needed ("" before dates)
    errors: int  # 表述错误 the check found in what went out and no reviewer overrode
    item: int = 0  # the item released


def published(conn: Connection, state, today: str | None = None) -> Iterator[Published]:
    """What the 内容 index counts (review.accounts.scores): each released version of an
    account's item, with the wrong expressions and typos (category `expression`, at `review`
    or `block`) of its signed findings that went out — an override says the finding was
    wrong, so it is no error."""
    numbers = conn.execute(select(log.c.item_id).where(log.c.kind == "release").distinct()
                           .order_by(log.c.item_id)).scalars().all()
    days = log_days(conn, today) if numbers else {}
    for item_id in numbers:
        try:
            history = build(chain.records(conn, item_id=item_id), state.roster, state.policy,
                            state.workspace, state.trust)
        except StoreError as err:
            if err.key == "item_no_submission":
                continue
            raise
        account = history.version.record.statement.get("account")
        if history.released is None or not isinstance(account, str):
            continue
        overridden = {r.statement.get("finding") for r, _ in history.overrides}
        errors = sum(1 for f in map(Finding.from_dict, history.version.findings or [])
                     if f.category == "expression" and f.severity != "info"
                     and finding_key(f) not in overridden)
        yield Published(account, released_on(history, days), errors, item_id)


def released_on(history, days: dict[int, str]) -> str:
    """The day a release went out, for the month it is listed in: its own date, but never
    before the approvals, overrides and consents it needed. The release is signed on the
    releaser's own clock — under the default policy the editor's — and one set back would
    otherwise date it into an earlier month (before its own submission, even), out of the
    inspectors' record of the month it went out; the decisions it needed were signed before
    it, on other people's clocks."""
    day = days.get(history.released[0].seq, "")
    if not day:
        return day  # signed before decisions carried their time
    needed = [r for r, _ in [*history.approvals.values(), *history.overrides,
                             *history.consents]]
    return max([day, *(d for d in (days.get(r.seq, "") for r in needed) if d)])
