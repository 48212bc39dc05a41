"""`review audit verify` and `review audit anchor`: the whole chain, every signature, and
every anchor (a signed chain head committed elsewhere, which catches a rewritten tail)."""

from __future__ import annotations

from sqlalchemy import Connection

from review import jsonfile
from review.workflow import chain, witness
from review.workflow.keys import Identity
from review.workflow.roster import ROSTER_KINDS, Roster


def verify_chain(conn: Connection, anchors: list[dict] | None = None,
                 inert: list[str] | None = None) -> str | None:
    """None if the log is intact; otherwise a sentence naming the first broken record.

    A record that holds its place (links and hash) but that nobody entitled signed — a roster
    change by a member's own key, a record whose signature is no roster key's — counts for
    nothing anywhere (the roster and every history skip it) and does not break the chain:
    any member who may append could otherwise stop every export for good. `inert` receives
    one line for each, for `review audit verify` to name."""
    records = chain.records(conn)
    roster = Roster()
    prev = chain.GENESIS
    for expected_seq, r in enumerate(records, 1):
        if r.seq != expected_seq:
            return f"record {expected_seq} is missing (the next one is {r.seq})"
        if r.prev_hash != prev:
            return f"record {r.seq} does not follow record {r.seq - 1} (rows removed or reordered)"
        if chain.record_hash(r.seq, r.kind, r.item_id, r.actor, r.body, r.signature,
                             r.prev_hash) != r.hash:
            return f"record {r.seq} was altered (its hash does not match)"
        try:
            body = jsonfile.loads(r.body)
        except ValueError:
            return f"record {r.seq} is not readable"
        if body.get("kind") != r.kind or body.get("item") != r.item_id:
            return f"record {r.seq} was altered (kind or item differ from what was signed)"
        if r.kind in ROSTER_KINDS:
            if not roster.apply(r) and inert is not None:
                inert.append(f"record {r.seq} is a roster change nobody entitled signed: it "
                             "counts for nothing")
        elif roster.signer_of(r) is None and inert is not None:
            inert.append(f"record {r.seq} is not signed by a key on the roster at that time: "
                         "it counts for nothing")
        prev = r.hash
    problem = _broken_place(records, chain.workspace_id(conn))
    if problem:
        return problem
    for anchor in anchors or []:
        problem = check_anchor(anchor, records, roster)
        if problem:
            return problem
    return None


def _broken_place(records: list[chain.Record], workspace: str) -> str | None:
    """Every signature binds its place: the whole log, each item's history and the roster's
    and policy's own chain."""
    problem = chain.broken_link(records, "prev", workspace) or chain.stale_trust(records)
    if problem:
        return problem
    by_item: dict[int, list[chain.Record]] = {}
    for r in records:
        if r.item_id is not None:
            by_item.setdefault(r.item_id, []).append(r)
    for sub, link in [([r for r in records if r.kind in chain.TRUST_KINDS], "trust"),
                      *((rs, "item_prev") for rs in by_item.values())]:
        problem = chain.broken_link(sub, link, workspace)
        if problem:
            return problem
    return None


def make_anchor(head: chain.Record, identity: Identity) -> dict:
    """The same signed head as a witness (review.workflow.witness), to commit elsewhere."""
    return witness.signed(head.seq, head.hash, identity)


def check_anchor(anchor: dict, records: list[chain.Record], roster: Roster) -> str | None:
    try:
        signer, seq, digest = witness.opened(anchor)
    except ValueError:
        return "an anchor file is not a chain head signed by its key"
    if roster.key(signer) is None:
        return f"the anchor at record {seq} is not signed by a key on the roster"
    if seq > len(records):
        return f"the log ends at record {len(records)} but an anchor vouches for record {seq} " \
               "(records were removed from the end)"
    if records[seq - 1].hash != digest:
        return f"record {seq} differs from the anchored chain head (the log was rewritten)"
    return None
