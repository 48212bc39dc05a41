"""The audit log: every event, appended in the transaction of the change it records, signed by
its actor and hash-chained to the one before. Order is the log's sequence, never a time the
signer supplies."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select

from review.tables import log
from review.workflow.keys import Identity, canonical

GENESIS = "0" * 64


@dataclass(frozen=True)
class Record:
    seq: int
    kind: str
    item_id: int | None
    actor: str
    body: str
    signature: str
    prev_hash: str
    hash: str

    @property
    def statement(self) -> dict:
        return json.loads(self.body)["statement"]

    def signed_bytes(self) -> bytes:
        return self.body.encode()

    def signature_bytes(self) -> bytes:
        return base64.b64decode(self.signature)


def record_hash(seq: int, kind: str, item_id: int | None, actor: str, body: str,
                signature: str, prev_hash: str) -> str:
    data = canonical({"seq": seq, "kind": kind, "item": item_id, "actor": actor, "body": body,
                      "sig": signature, "prev": prev_hash})
    return hashlib.sha256(data).hexdigest()


def body_of(kind: str, item_id: int | None, statement: dict) -> str:
    """What the actor signs: the kind, the item and the statement (never the sequence, which
    the store assigns)."""
    return canonical({"kind": kind, "item": item_id, "statement": statement}).decode()


def append(conn: Connection, identity: Identity, kind: str, item_id: int | None,
           statement: dict) -> Record:
    head = conn.execute(select(log.c.seq, log.c.hash).order_by(log.c.seq.desc()).limit(1)).first()
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    body = body_of(kind, item_id, statement)
    signature = base64.b64encode(identity.sign(body.encode())).decode()
    digest = record_hash(seq, kind, item_id, identity.fingerprint, body, signature, prev)
    conn.execute(log.insert().values(seq=seq, kind=kind, item_id=item_id,
                                     actor=identity.fingerprint, body=body, signature=signature,
                                     prev_hash=prev, hash=digest))
    return Record(seq, kind, item_id, identity.fingerprint, body, signature, prev, digest)


def records(conn: Connection, kinds: tuple[str, ...] | None = None,
            item_id: int | None = None) -> list[Record]:
    query = select(log).order_by(log.c.seq)
    if kinds:
        query = query.where(log.c.kind.in_(kinds))
    if item_id is not None:
        query = query.where(log.c.item_id == item_id)
    return [Record(r.seq, r.kind, r.item_id, r.actor, r.body, r.signature, r.prev_hash, r.hash)
            for r in conn.execute(query)]


def head(conn: Connection) -> Record | None:
    rows = conn.execute(select(log).order_by(log.c.seq.desc()).limit(1)).first()
    if rows is None:
        return None
    return Record(rows.seq, rows.kind, rows.item_id, rows.actor, rows.body, rows.signature,
                  rows.prev_hash, rows.hash)
