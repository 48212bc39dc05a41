"""What reviewers decided, version by version, as the signed log says: the overrides and the
rejection that counted on each version of each item (review.workflow.history's rules: a
record no key on the roster signed, or one an author made of his own draft, counts for
nothing here either). What `review feedback export` and `review stats` read.

An item's history keeps only its current version's votes, so it is built once more at each
resubmission, on the records before it: that prefix's history is the earlier version's."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Published:
    """A release that counted, of an item submitted for an account (`submit --account`)."""

    account: str
    day: str     # the release's date, never before the decisions it needed ("" before dates)
    errors: int  # 表述错误 the check found in what went out and no reviewer overrode
    item: int = 0  # the item released


def published(conn: Connection, state) -> Iterator[Published]:
    """What the 内容 index counts (review.accounts.scores): each released version of an
    account's item, with the wrong expressions and typos (category `expression`, at `review`
    or `block`) of its signed findings that went out — an override says the finding was
    wrong, so it is no error."""
    numbers = conn.execute(select(log.c.item_id).where(log.c.kind == "release").distinct()
                           .order_by(log.c.item_id)).scalars().all()
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
        yield Published(account, released_on(history), errors, item_id)


def released_on(history) -> str:
    """The day a release went out, for the month it is listed in: its own date, but never
    before the approvals, overrides and consents it needed. The release is signed on the
    releaser's own clock — under the default policy the editor's — and one set back would
    otherwise date it into an earlier month (before its own submission, even), out of the
    inspectors' record of the month it went out; the decisions it needed were signed before
    it, on other people's clocks."""
    day = dated(history.released[0])
    if not day:
        return day  # signed before decisions carried their time
    needed = [r for r, _ in [*history.approvals.values(), *history.overrides,
                             *history.consents]]
    return max([day, *(d for d in map(dated, needed) if d)])
