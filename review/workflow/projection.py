"""The tables checked against the signed log they project: `review audit verify` names every
row a hand edit made disagree (the decisions are taken from the log, so such a row misleads
people reading the store with SQL, nothing more — but an inspector must see it)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select

from review import jsonfile
from review.errors import StoreError
from review.i18n import Msg
from review.tables import decisions, items
from review.workflow import chain
from review.workflow.history import build as build_history
from review.workflow.roster import OFFICE_ROLES
from review.workflow.roster import build as build_roster

DECISION_KINDS = ("approve", "reject", "override", "consent")


def office_disagreements(conn: Connection) -> list[str]:
    """disagreements() of the office's own tables (accounts, events, activity, alerts, duty):
    what an account or alert action reads its ids from, and what the office's readers count
    (review.accounts.checked: in the snapshot they read)."""
    return disagreements(conn, items_too=False)


def disagreements(conn: Connection, items_too: bool = True) -> list[str]:
    """One line per table row that differs from the signed log (or that the log lacks)."""
    records = chain.records(conn, checked=False)
    trust = [r for r in records if r.kind in chain.TRUST_KINDS]
    roster = build_roster(trust)
    policy = roster.policy
    workspace = chain.workspace_id(conn)
    from review.accounts import projection as accounts  # the accounts' own tables

    # the office's records count when someone holding the office or admin role then signed
    # them (a member's own hand-made `alert.resolve` does not), against the roster in force
    stale = chain.misplaced([r for r in records if r.item_id is None], None, trust)

    def office(r: chain.Record) -> bool:
        signer = roster.signer_of(r)
        return signer is not None and bool(signer.at(r.seq).roles & set(OFFICE_ROLES)) \
            and r.seq not in stale

    def in_force(name: object, seq: int) -> bool:  # a person planned or swapped on duty
        # as the roster stood at the record (red-team pass 61 J2): `roster revoke --since`
        # from before an honest plan that named the person voided the whole plan, every
        # duty row disagreed, and every office command stopped with no way back but SQL
        person = roster.people.get(name) if isinstance(name, str) else None
        return person is not None and any(k.held_at(seq) for k in person.keys.values())

    return [*(_items(conn, records, roster, policy, workspace, trust) if items_too else ()),
            *(_decisions(conn, records, roster) if items_too else ()),
            *accounts.disagreements(conn, records, office, in_force)]


_STATE_KINDS = ("submit", "resubmit", "reject", "release")


def _items(conn, records, roster, policy, workspace, trust) -> list[str]:
    by_item: dict[int, list[chain.Record]] = {}
    for r in records:
        if r.item_id is not None:
            by_item.setdefault(r.item_id, []).append(r)
    from review.accounts.projection import by_key

    rows, out = by_key("review_items", ((row.id, row) for row in conn.execute(select(items))))
    for item_id in sorted(set(rows) | set(by_item)):
        row = rows.get(item_id)
        if row is None:
            out.append(Msg("item_no_row", item=item_id))
            continue
        if item_id not in by_item:
            out.append(Msg("item_not_logged", item=item_id))
            continue
        try:
            history = build_history(by_item[item_id], roster, policy, workspace, trust)
        except StoreError as err:
            out.append(Msg("table_row_problem", table="review_items", key=item_id, problem=err))
            continue
        version = history.version
        logged = by_item[item_id]
        expected = {"path": version.path, "content_sha256": version.content_sha256,
                    "content": version.content_sha256, "state": history.state,
                    "submitted_by": history.editor, "last_changed_by": version.person.name,
                    "submitted_seq": logged[0].seq,
                    # the queue's age counts from the last record that changed the item's state
                    "updated_seq": max(r.seq for r in logged if r.kind in _STATE_KINDS)}
        found = {"path": row.path, "content_sha256": row.content_sha256,
                 "content": hashlib.sha256(row.content).hexdigest()
                 if isinstance(row.content, bytes) else "not bytes", "state": row.state,
                 "submitted_by": row.submitted_by, "last_changed_by": row.last_changed_by,
                 "submitted_seq": row.submitted_seq, "updated_seq": row.updated_seq}
        if version.findings is not None:
            expected["findings"] = version.findings
            found["findings"] = _json(row.findings)
        if version.title is not None:
            expected["title"], found["title"] = version.title, row.title
        out.extend(Msg("table_differs", table="review_items", key=item_id, column=column)
                   for column in expected if expected[column] != found[column])
    return out


def _decisions(conn, records, roster) -> list[str]:
    signed = {r.seq: r for r in records if r.kind in DECISION_KINDS}
    from review.accounts.projection import by_key

    seqs, out = [], []
    for row in conn.execute(select(decisions)):
        if isinstance(row.seq, int):
            seqs.append((row.seq, row))
        else:  # SQLite keeps whatever a hand edit puts in a column
            out.append(Msg("decision_seq_odd", row=repr(row.seq)))
    rows, twice = by_key("review_decisions", seqs)
    out += twice
    for seq in sorted(set(rows) | set(signed)):
        row, r = rows.get(seq), signed.get(seq)
        if row is None:
            out.append(Msg("decision_no_row", seq=seq, kind=r.kind))
            continue
        if r is None:
            out.append(Msg("decision_not_logged", seq=seq))
            continue
        person = roster.signer_of(r)
        s = r.statement
        expected = {"item_id": r.item_id, "kind": r.kind, "key": r.actor,
                    "person": person.name if person else None,
                    "level": s.get("level") if r.kind in ("approve", "reject") else None,
                    "statement": s, "signature": r.signature,
                    "content_sha256": s.get("content_sha256")}
        found = {"item_id": row.item_id, "kind": row.kind, "key": row.key,
                 "person": row.person, "level": row.level, "statement": _json(row.statement),
                 "signature": row.signature, "content_sha256": row.content_sha256}
        out.extend(Msg("table_differs", table="review_decisions", key=seq, column=column)
                   for column in expected if expected[column] != found[column])
    return out


def _json(text: str) -> object:
    """A table's JSON column as a reader takes it, or None. A key written twice is no reading
    (review.jsonfile): a decision's copy with a `"decision": "reject"` put before the signed
    key read as signed in Python and as a rejection with SQL."""
    try:
        return jsonfile.loads(text)
    except (ValueError, TypeError):
        return None
