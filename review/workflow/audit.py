"""`review audit verify` and `review audit anchor`: the whole chain, every signature, and
every anchor (a signed chain head committed elsewhere, which catches a rewritten tail)."""

from __future__ import annotations

from sqlalchemy import Connection

from review import jsonfile
from review.i18n import Msg
from review.workflow import chain, witness
from review.workflow.keys import Identity
from review.workflow.roster import ROSTER_KINDS, Roster, drawn_as


def verify_chain(conn: Connection, anchors: list[dict] | None = None,
                 inert: list[str] | None = None) -> str | None:
    """None if the log is intact; otherwise a sentence naming the first broken record.

    A record that holds its place (links and hash) but that nobody entitled signed — a roster
    change by a member's own key, a record whose signature is no roster key's — counts for
    nothing anywhere (the roster and every history skip it) and does not break the chain:
    any member who may append could otherwise stop every export for good. `inert` receives
    one line for each, for `review audit verify` to name."""
    if conn.dialect.name == "sqlite":  # an index made to lie hides records from queries
        problem = chain.sqlite_schema_problem(conn)
        if problem:
            return Msg("log_index_broken", problem=problem)
    elif conn.dialect.name == "postgresql":  # an operator of a member's own (pass 77)
        problem = chain.postgres_schema_problem(conn)
        if problem:
            return problem
    records = chain.records(conn, checked=False)
    roster = Roster()
    prev = chain.GENESIS
    for expected_seq, r in enumerate(records, 1):
        if r.seq != expected_seq:
            return Msg("audit_missing", seq=expected_seq, next=r.seq)
        if r.prev_hash != prev:
            return Msg("audit_not_following", seq=r.seq, prev=r.seq - 1)
        if chain.record_hash(r.seq, r.kind, r.item_id, r.actor, r.body, r.signature,
                             r.prev_hash) != r.hash:
            return Msg("audit_hash", seq=r.seq)
        try:
            body = jsonfile.loads(r.body)
        except ValueError:
            return Msg("audit_unreadable", seq=r.seq)
        if body.get("kind") != r.kind or body.get("item") != r.item_id:
            return Msg("chain_altered_kind", seq=r.seq)
        if r.kind in ROSTER_KINDS:
            if not roster.apply(r) and inert is not None:
                inert.append(Msg("audit_unentitled", seq=r.seq))
        elif roster.signer_of(r) is None and inert is not None:
            inert.append(Msg("audit_unsigned", seq=r.seq))
        prev = r.hash
    problem = _broken_place(records, chain.workspace_id(conn), inert)
    if problem:
        return problem
    for anchor in anchors or []:
        problem = check_anchor(anchor, records, roster)
        if problem:
            return problem
    return None


def drawn_alike(roster: Roster) -> list[str]:
    """One line for each two people on the roster whose names a reader cannot tell apart:
    added before the look-alike check (or before it knew their characters), they stay until an
    admin revokes one; the log, the queue and an attestation name either as the other."""
    from review.columns import spelt

    first: dict[str, str] = {}
    lines = []
    for name in sorted(roster.people):
        if all(key.revoked_seq is not None for key in roster.people[name].keys.values()):
            continue  # revoked: no longer anyone a record can be taken for
        other = first.setdefault(drawn_as(name), name)
        if other != name:
            lines.append(Msg("audit_drawn_alike", name=spelt(name), other=spelt(other)))
    return lines


def _broken_place(records: list[chain.Record], workspace: str,
                  inert: list[str] | None) -> str | None:
    """Every signature binds its place: the whole log, each item's history and the roster's
    and policy's own chain. A record holding its place in the whole log but naming another
    earlier record of its item, or a roster and policy other than those in force there,
    counts for nothing (chain.misplaced): one line in `inert` each."""
    problem = chain.broken_link(records, "prev", workspace)
    if problem:
        return problem
    trust = [r for r in records if r.kind in chain.TRUST_KINDS]
    by_item: dict[int | None, list[chain.Record]] = {}
    for r in records:
        if r.kind not in chain.TRUST_KINDS:
            by_item.setdefault(r.item_id, []).append(r)
    misplaced: dict[int, str] = {}
    for sub, link in [(trust, "trust"), *((rs, None if item is None else "item_prev")
                                          for item, rs in by_item.items())]:
        problem = chain.broken_link(sub, link or "prev", workspace, misplaced_apart=True)
        if problem:
            return problem
        misplaced.update(chain.misplaced(sub, link, trust))
    if inert is not None:
        inert.extend(misplaced[seq] for seq in sorted(misplaced))
    return None


def make_anchor(head: chain.Record, identity: Identity) -> dict:
    """The same signed head as a witness (review.workflow.witness), to commit elsewhere."""
    return witness.signed(head.seq, head.hash, identity)


def check_anchor(anchor: dict, records: list[chain.Record], roster: Roster) -> str | None:
    try:
        signer, seq, digest = witness.opened(anchor)
    except ValueError:
        return Msg("anchor_unsigned")
    if roster.key(signer) is None:
        return Msg("anchor_not_roster", seq=seq)
    if seq > len(records):
        return Msg("anchor_beyond", end=len(records), seq=seq)
    if records[seq - 1].hash != digest:
        return Msg("anchor_differs", seq=seq)
    return None
