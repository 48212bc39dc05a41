"""The audit log: every event, appended in the transaction of the change it records, signed by
its actor and hash-chained to the one before. Order is the log's sequence, never a time the
signer supplies.

What a signature covers binds the record to its place (body version 2): the workspace, the
sequence number, the previous record's hash, the previous record of the same item and the
latest roster or policy record (the trust head). A record copied to another place — later in
the log, to another item, to another workspace — no longer verifies there, and a record taken
out of an item's history or of the roster's breaks the links of the one after it. Records of
version 1 (bodies of `{kind, item, statement}` only, written before this) are read as long as
they all come before the first record of version 2: one after it can only be a replay."""

from __future__ import annotations

import base64
import bisect
import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sqlalchemy import Connection, select, text

from review import jsonfile
from review.i18n import Msg
from review.tables import SERVER_TIME_FROM, items, log, meta, metadata
from review.workflow.keys import Identity, canonical
from review.workflow.triggers import APPEND_ONLY

GENESIS = "0" * 64
BODY_VERSION = 2
# The records that make the roster and the policy: they form a chain of their own (each
# version-2 body names the one before), so that none can be dropped or replayed.
TRUST_KINDS = ("init", "roster.add", "roster.revoke", "roster.rotate", "policy.set",
               "trust.cosign")


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
    # PostgreSQL: when the server received it (its insert trigger's time, which no signer
    # chooses); None on SQLite, for a record a restore inserted anew, and for one carried
    # in an attestation or export. Not signed, not hashed.
    served: datetime | None = field(default=None, compare=False)

    @property
    def statement(self) -> dict:
        statement = self.signed.get("statement")
        return statement if isinstance(statement, dict) else {}

    @cached_property
    def signed(self) -> dict:
        """The signed body, parsed (what the signature covers); {} when it is not JSON, or not
        read one way only (review.jsonfile). Parsed once: a history reads each record's
        statement many times. (Not to be changed by its readers.)"""
        try:
            body = jsonfile.loads(self.body)
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}

    @property
    def version(self) -> int:
        return 2 if self.signed.get("v") == BODY_VERSION else 1

    def computed_hash(self) -> str:
        """The record's hash from its fields (not the stored `hash` column)."""
        return record_hash(self.seq, self.kind, self.item_id, self.actor, self.body,
                           self.signature, self.prev_hash)

    def signed_bytes(self) -> bytes:
        return self.body.encode()

    def signature_bytes(self) -> bytes:
        try:
            return base64.b64decode(self.signature, validate=True)
        except ValueError:
            return b""  # verifies against nothing


def record_hash(seq: int, kind: str, item_id: int | None, actor: str, body: str,
                signature: str, prev_hash: str) -> str:
    data = canonical({"seq": seq, "kind": kind, "item": item_id, "actor": actor, "body": body,
                      "sig": signature, "prev": prev_hash})
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Place:
    """Where a record stands, as its signature binds it."""

    workspace: str
    seq: int
    prev: str          # the previous record's hash
    item_prev: str     # the previous record of the same item (GENESIS: none; "" no item)
    trust: str         # the latest roster or policy record before it (GENESIS: none)


def body_of(kind: str, item_id: int | None, statement: dict, place: Place) -> str:
    """What the actor signs: the kind, the item, the statement and the record's place."""
    return canonical({"v": BODY_VERSION, "workspace": place.workspace, "seq": place.seq,
                      "prev": place.prev, "item_prev": place.item_prev, "trust": place.trust,
                      "kind": kind, "item": item_id, "statement": statement}).decode()


def place_of(record: Record) -> Place | None:
    """The place a version-2 record's signature binds, or None for version 1."""
    body = record.signed
    if body.get("v") != BODY_VERSION:
        return None
    return Place(*(body.get(name) for name in ("workspace", "seq", "prev", "item_prev",
                                                 "trust")))


def workspace_id(conn: Connection) -> str:
    """The workspace's identity: the random name its `init` record carries (or, for a store
    made before names existed, that record's hash)."""
    first = conn.execute(select(log).where(log.c.seq == 1)).first()
    if first is None:
        return ""
    record = _record(first)
    return record.statement.get("workspace") or record.hash


def _latest_hash(conn: Connection, *conditions) -> str:
    query = select(log).order_by(log.c.seq.desc()).limit(1)
    for condition in conditions:
        query = query.where(condition)
    row = conn.execute(query).first()
    return _record(row).computed_hash() if row is not None else GENESIS


def append(conn: Connection, identity: Identity, kind: str, item_id: int | None,
           statement: dict) -> Record:
    head = conn.execute(select(log.c.seq, log.c.hash).order_by(log.c.seq.desc()).limit(1)).first()
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    place = Place(statement["workspace"] if kind == "init" else workspace_id(conn), seq, prev,
                  "" if item_id is None else _latest_hash(conn, log.c.item_id == item_id),
                  _latest_hash(conn, log.c.kind.in_(TRUST_KINDS)))
    body = body_of(kind, item_id, statement, place)
    signature = base64.b64encode(identity.sign(body.encode())).decode()
    digest = record_hash(seq, kind, item_id, identity.fingerprint, body, signature, prev)
    # The head this computer wrote is remembered once the transaction commits (Store): a
    # record of its own taken away later shows on its next action.
    conn.info["review_head"] = (place.workspace, seq, digest, identity)
    conn.execute(log.insert().values(seq=seq, kind=kind, item_id=item_id,
                                     actor=identity.fingerprint, body=body, signature=signature,
                                     prev_hash=prev, hash=digest))
    return Record(seq, kind, item_id, identity.fingerprint, body, signature, prev, digest)


def records(conn: Connection, kinds: tuple[str, ...] | None = None,
            item_id: int | None = None, seqs: Collection[int] | None = None,
            checked: bool = True) -> list[Record]:
    """The log's records (in order), each read only if its stored hash is the hash of its
    fields: a signature or body changed in place (the column's hash left as it was, since the
    next record names it) would otherwise turn a colleague's rejection into a record "signed
    by nobody", which counts for nothing — without breaking any link. `checked=False` for
    `review audit verify`, which names such a record instead of stopping at it."""
    query = select(log).order_by(log.c.seq)
    if seqs is not None:
        query = query.where(log.c.seq.in_(seqs))
    if kinds:
        query = query.where(log.c.kind.in_(kinds))
    if item_id is not None:
        query = query.where(log.c.item_id == item_id)
    served_from = _served_from(conn)
    found = [_record(r, served_from) for r in conn.execute(query)]
    if checked:
        altered = next((r for r in found if r.computed_hash() != r.hash), None)
        if altered is not None:
            from review.errors import StoreError

            raise StoreError("record_altered", seq=altered.seq)
    return found


def head(conn: Connection) -> Record | None:
    row = conn.execute(select(log).order_by(log.c.seq.desc()).limit(1)).first()
    return None if row is None else _record(row)


def _record(row, served_from: int | None = None) -> Record:
    # SQLite keeps any value in any column: a body, signature or hash put in as a BLOB (or an
    # item as one) by whoever writes the file is no record any signer made, and must stop
    # the action as a damaged store naming it — never as an unexpected error in the hashing
    if not _typed(row.seq, row.kind, row.item_id, row.actor, row.body, row.signature,
                  row.prev_hash, row.hash):
        from review.errors import StoreError

        raise StoreError("record_altered", seq=row.seq)
    served = row.logged_at if served_from is not None and row.seq >= served_from else None
    return Record(row.seq, row.kind, row.item_id, row.actor, row.body, row.signature,
                  row.prev_hash, row.hash, served)


def _typed(seq, kind, item, actor, body, signature, prev, stored) -> bool:
    """Whether a log row's columns hold the types a record has (review.tables)."""
    return isinstance(seq, int) and (item is None or isinstance(item, int)) and all(
        isinstance(v, str) for v in (kind, actor, body, signature, prev, stored))


def server_now(conn: Connection) -> datetime | None:
    """The server's time now (what its insert trigger would stamp); None on SQLite."""
    if conn.dialect.name != "postgresql":
        return None
    return conn.execute(text("SELECT clock_timestamp()")).scalar_one()


def _served_from(conn: Connection) -> int | None:
    """The first record whose server time says when it was made: None on SQLite (whoever can
    write the file writes any time into it); after a restore, the first one after it (the
    restore inserted the others anew)."""
    if conn.dialect.name != "postgresql":
        return None
    value = conn.execute(select(meta.c.value).where(meta.c.key == SERVER_TIME_FROM)).scalar()
    return int(value) if value and str(value).isdigit() else 0


def broken_link(records: list[Record], link: str, workspace: str,
                after: Record | None = None, misplaced_apart: bool = False) -> str | None:
    """None when `records` (in log order) are a whole sub-chain: each record of version 2
    signed at its own sequence number, in this workspace, naming the one before it by `link`
    ("prev" for the whole log, "item_prev" for an item's history, "trust" for the roster's
    and policy's) — the first naming `after` (default: none before it); otherwise which
    record breaks it. A version-1 record after a version-2 one is a replay.
    `misplaced_apart`: a wrong `link` in a sub-chain is left to `misplaced`, which makes that
    one record count for nothing."""
    before = after.computed_hash() if after is not None else GENESIS
    modern = after is not None and after.version == BODY_VERSION
    for r in records:
        if (r.signed.get("kind"), r.signed.get("item")) != (r.kind, r.item_id):
            return Msg("chain_altered_kind", seq=r.seq)
        place = place_of(r)
        if place is None:
            if modern:
                return Msg("chain_old_format", seq=r.seq)
        else:
            modern = True
            if place.seq != r.seq or place.workspace != workspace:
                return Msg("chain_other_place", seq=r.seq)
            if getattr(place, link) != before and not misplaced_apart:
                return Msg("chain_removed_before", seq=r.seq)
        before = r.computed_hash()
    return None


def misplaced(records: list[Record], link: str | None,
              trust: list[Record] | None) -> dict[int, str]:
    """seq → why, for each version-2 record of a sub-chain (an item's history with `link`
    "item_prev", the roster's and policy's own with "trust", records of neither with None; in
    log order) that names another record than the log's as the one before it there, or —
    given the log's roster and policy records `trust` — a roster and policy other than those
    in force at its place (an editor's own release signed as if a raised policy had not been
    set).

    Such a record holds its place in the whole log — that is checked apart, and a break there
    stops everything, since a record taken out would otherwise turn the ones after it into
    nothing — so only its signer can have made it, by hand. It counts for nothing, and
    `review audit verify` names it; it stops nobody. Every writer names the log's latest
    records, made by hand or not, so a record after it is placed as usual."""
    heads = [(t.seq, t.computed_hash()) for t in trust or []]
    bad: dict[int, str] = {}
    before = GENESIS
    for r in records:
        place = place_of(r)
        if place is not None:
            if link is not None and getattr(place, link) != before:
                bad[r.seq] = Msg("chain_misplaced", seq=r.seq)
            elif trust is not None and place.trust != _in_force(heads, r.seq):
                bad[r.seq] = Msg("chain_stale_trust", seq=r.seq)
        before = r.computed_hash()
    return bad


def _in_force(heads: list[tuple[int, str]], seq: int) -> str:
    """The hash of the last roster or policy record before `seq` (GENESIS: none)."""
    i = bisect.bisect_left(heads, (seq, ""))
    return heads[i - 1][1] if i else GENESIS


def verify_links(conn: Connection, workspace: str) -> None:
    """The whole log's links, from the head this user last saw verified (review.workflow.
    heads) to the current one: numbered without gaps, each record signed at its place, the
    remembered head still there. Raises StoreError; cheap, since only new records are read."""
    from sqlalchemy import func

    from review.errors import StoreError
    from review.workflow import heads

    count, distinct, bottom, top = conn.execute(select(
        func.count(), func.count(log.c.seq.distinct()), func.min(log.c.seq),
        func.max(log.c.seq))).one()
    if not count:
        return
    if distinct != count:  # the table rebuilt without its key, a number used twice
        raise StoreError("log_seq_twice")
    # Who added a row, as the database says: on PostgreSQL a trigger stamps it (a member's
    # INSERT cannot choose it); on SQLite it is a column like any other, which whoever writes
    # the file fills in as he likes — a name there would blame someone else.
    stamped = conn.dialect.name == "postgresql"
    if count != top or bottom != 1:
        # a row numbered outside 1…count was put there (or the rows after a gap moved up):
        # the database role that added it, when the database says (PostgreSQL)
        odd = conn.execute(select(log.c.seq, log.c.inserted_by).where(
            (log.c.seq < 1) | (log.c.seq > count)).order_by(log.c.seq)).first()
        if stamped and odd is not None and odd.inserted_by:
            raise StoreError("log_gaps_role", seq=odd.seq, role=odd.inserted_by)
        raise StoreError("log_gaps")
    seen = heads.seen(workspace)
    older_snapshot = seen is not None and seen[0] > top and _committed_since(conn, seen)
    if older_snapshot:
        # Another process of this user committed the head it remembered after this
        # connection's snapshot began: this snapshot is verified whole, and not remembered
        # over the newer head.
        seen = None
    elif seen is not None and seen[0] > top:
        raise StoreError("log_cut_end", top=top, seen=seen[0])
    start = seen[0] if seen is not None else 1
    rows = [_record(r) for r in conn.execute(select(log).where(log.c.seq >= start)
                                             .order_by(log.c.seq))]
    if seen is not None and rows[0].computed_hash() != seen[1]:
        raise StoreError("log_rewritten", seq=seen[0])
    problem = broken_link(rows[1:], "prev", workspace, after=rows[0]) if seen is not None \
        else broken_link(rows, "prev", workspace)
    if problem:
        # a row numbered in its place but not made there (a member's INSERT by hand stays in
        # an append-only log): the database role that added it, when the database says
        seq = getattr(problem, "kwargs", {}).get("seq")
        role = conn.execute(select(log.c.inserted_by).where(log.c.seq == seq)).scalar() \
            if isinstance(seq, int) and stamped else None
        if role:
            raise StoreError("log_problem_role", problem=problem, seq=seq, role=role)
        raise StoreError("log_problem", problem=problem)
    problem = _relabelled(conn)
    if problem:
        raise StoreError("log_problem", problem=problem)
    altered = _rehashed(conn)
    if altered is not None:
        raise StoreError("record_altered", seq=altered)
    if conn.dialect.name == "sqlite":
        problem = sqlite_schema_problem(conn)
        if problem:
            raise StoreError("log_index_broken", problem=problem)
    if not older_snapshot:
        heads.remember(workspace, rows[-1].seq, rows[-1].computed_hash())


def _committed_since(conn: Connection, seen: tuple[int, str]) -> bool:
    """Whether the head remembered is in the log, committed after this connection's snapshot
    began: a PostgreSQL reading connection sees one snapshot (REPEATABLE READ, Store.reading),
    and another process of the same user may commit and remember a record meanwhile. Asked
    on a connection of its own, which sees what is committed now; a log really cut short
    does not hold the record there either."""
    if conn.dialect.name != "postgresql":
        return False  # SQLite's reads take the write lock: no snapshot older than a commit
    with conn.engine.connect() as now:
        row = now.execute(select(log).where(log.c.seq == seen[0])).first()
    return row is not None and _record(row).computed_hash() == seen[1]


def _rehashed(conn: Connection) -> int | None:
    """The first record of the whole log whose stored hash is not the hash of its fields, or
    None. Behind everyone's remembered head a record changed in place — its body relabelled
    as a note of no item, its hash column left as the next record names it — would drop out
    of every query that selects by kind or item, unseen by the links and the witnesses; only
    hashing every record again shows it. Hashing only (no signature), a few microseconds a
    record."""
    rows = conn.execute(select(log.c.seq, log.c.kind, log.c.item_id, log.c.actor, log.c.body,
                               log.c.signature, log.c.prev_hash, log.c.hash)
                        .order_by(log.c.seq))
    for seq, kind, item, actor, body, signature, prev, stored in rows:
        if not _typed(seq, kind, item, actor, body, signature, prev, stored) or \
                record_hash(seq, kind, item, actor, body, signature, prev) != stored:
            return seq
    return None


def _relabelled(conn: Connection) -> str | None:
    """The whole log's columns against what was signed, in two queries the database runs
    (no record read into Python): decisions select records by their `kind` and `item_id`
    columns, so a record re-labelled there — a rejection turned into a note — would drop out
    of an item's history unseen, however far back it lies. Each row's kind and item must be
    those its signed body names, its prev_hash the previous record its body names, and the
    previous row's hash that prev_hash. (A body rewritten with its hash left stale is found
    by `review audit verify`, which checks every signature.)"""
    # Python's JSON writes and reads NaN, Infinity and -Infinity, which SQLite's and
    # PostgreSQL's JSON refuse (PostgreSQL also a lone surrogate's escape, \ud800): a body with
    # one (signed by anyone's own copy of `review`) must not stop every member's every action,
    # so each is read as 0, or a character of no note: the fields compared here never hold any
    read = "body"
    for token, instead in (("NaN", "0"), ("Infinity", "0"), ("\\ud", "\\u0"),
                           ("\\uD", "\\u0")):
        read = f"replace({read}, '{token}', '{instead}')"
    if conn.dialect.name == "postgresql":  # typed columns: only the values can differ
        # PostgreSQL refuses to read a JSON text holding \u0000 at all; a body with one
        # (signed, or put in by hand) must not stop every member's every action, so the
        # escape is read as a space: the fields compared here never hold either
        body = f"replace({read}, '\\u0000', '\\u0020')::jsonb"
        signed = (f"({body}->>'kind') = kind AND ({body}->>'item') IS NOT DISTINCT "
                  f"FROM item_id::text AND (({body}->>'v') IS DISTINCT FROM '2' OR "
                  f"({body}->>'prev') = prev_hash)")
    else:  # SQLite keeps any value in any column: the types are compared too (no '%' item)
        signed = ("typeof(seq) = 'integer' AND typeof(kind) = 'text' AND "
                  "typeof(item_id) IN ('integer', 'null') AND "
                  f"json_extract({read}, '$.kind') = kind AND "
                  f"json_extract({read}, '$.item') IS item_id AND "
                  f"(json_extract({read}, '$.v') IS NOT 2 OR "
                  f"json_extract({read}, '$.prev') = prev_hash)")
    # a condition that comes out unknown (a NULL put in a column) counts as a difference
    false = "false" if conn.dialect.name == "postgresql" else "0"
    row = conn.execute(text(f"SELECT seq FROM review_log WHERE NOT COALESCE(({signed}), {false}) "
                            "ORDER BY seq LIMIT 1")).first()
    if row is not None:
        return Msg("chain_relabelled", seq=row.seq)
    row = conn.execute(text("SELECT b.seq FROM review_log a JOIN review_log b "
                            "ON b.seq = a.seq + 1 WHERE b.prev_hash <> a.hash "
                            "ORDER BY b.seq LIMIT 1")).first()
    if row is not None:
        return Msg("chain_replaced_before", seq=row.seq)
    return None


def _sqlite_triggers() -> dict[str, str]:
    """The only triggers the store makes in a SQLite file (review.workflow.store), by name,
    each as SQLite keeps its statement: a trigger of one of these names doing anything else
    — dropping a rejection as it is inserted (RAISE(IGNORE)) — is no part of the store."""
    made = [" ".join(s.replace(" IF NOT EXISTS", "", 1).split())
            for s in APPEND_ONLY["sqlite"] if s.startswith("CREATE TRIGGER")]
    return {statement.split()[2]: statement for statement in made}


# Roles the store trusts to own what its queries may resolve to on PostgreSQL: the tables'
# owner, the database's owner (PostgreSQL 15 gives it `public`), superusers, and the session's
# own role (whose objects act on its own queries alone).
_PG_TRUSTED = """
    SELECT oid FROM pg_roles WHERE rolsuper OR oid = (SELECT relowner FROM pg_class
        WHERE oid = to_regclass('review_log')) OR rolname = session_user
        OR oid = (SELECT datdba FROM pg_database WHERE datname = current_database())
        OR rolname = 'pg_database_owner'"""


def postgres_schema_problem(conn: Connection) -> Msg | None:
    """What is wrong with the schemas a PostgreSQL store's queries resolve names in, or None.
    An operator or function in a schema on the search path wins over pg_catalog's when its
    argument types match better (CVE-2018-1058): a member's own `=(varchar, varchar)` made
    `unit = '城东区某局'` match nothing, `alerts status` counted 0 of a unit's 4 alerts (no
    interview) and the notice said so, while `audit verify`, whose projection reads whole
    tables, said intact (red-team pass 77). PostgreSQL 14 and before let everyone CREATE in
    `public`; the README says to revoke it, and nothing refused a store where that was not
    done. So: no role the store does not trust may create in a schema of the search path,
    and no operator or function there may belong to one."""
    trusted = _PG_TRUSTED
    row = conn.execute(text(f"""
        SELECT n.nspname AS schema,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
               AS role
        FROM pg_namespace n
        CROSS JOIN LATERAL aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner))) a
        WHERE n.nspname = ANY(current_schemas(false)) AND a.privilege_type = 'CREATE'
          AND a.grantee NOT IN ({trusted})
        UNION ALL
        SELECT n.nspname, pg_get_userbyid(n.nspowner) FROM pg_namespace n
        WHERE n.nspname = ANY(current_schemas(false)) AND n.nspowner NOT IN ({trusted})
        ORDER BY 1, 2 LIMIT 1""")).first()
    if row is not None:
        return Msg("pg_schema_open", schema=row.schema, role=row.role)
    row = conn.execute(text(f"""
        SELECT n.nspname AS schema, 'operator' AS kind, o.oprname AS name,
               pg_get_userbyid(o.oprowner) AS role
        FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
        WHERE n.nspname = ANY(current_schemas(false)) AND o.oprowner NOT IN ({trusted})
        UNION ALL
        SELECT n.nspname, 'function', p.proname, pg_get_userbyid(p.proowner)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY(current_schemas(false)) AND p.proowner NOT IN ({trusted})
        ORDER BY 1, 2 DESC, 3 LIMIT 1""")).first()  # an operator first
    if row is not None:
        return Msg("pg_schema_foreign", schema=row.schema, kind=Msg(f"pg_{row.kind}"),
                   name=row.name, role=row.role)
    return None


def sqlite_schema_problem(conn: Connection) -> str | None:
    """What is wrong with a SQLite store's schema, or None. Decisions select records through
    the log's indexes, so an index made to lie (its stored definition rewritten) would hide a
    rejection from every query by kind or item while the table, which the other checks read,
    stays intact; the log renamed and replaced by a view of it would hide such an index from
    a check of `review_log`. So: `review_log` is a table, no view or foreign trigger exists,
    and the log passes `PRAGMA integrity_check(review_log)` (every index against the table),
    as does every other table but the items table (the drafts' bytes, which would make every
    action read the whole file; the store makes no index on it): the office's are read by
    key too, and a duty day's or an account's key index pointed at an empty one hid the day
    from `duty show` and `duty swap` and the account from `submit --account`, while the
    audit's projection, a full scan, found every row."""
    objects = conn.execute(text("SELECT type, name, sql, tbl_name FROM sqlite_master")).all()
    # SQLite's names ignore ASCII case: `review_duty` renamed REVIEW_DUTY is the table every
    # query reads still, and must be checked under either spelling (red-team pass 75)
    kinds = {name.lower(): kind for kind, name, _, _ in objects}
    if kinds.get("review_log") != "table":
        return "review_log is not a table"
    made = _sqlite_triggers()
    foreign = [name for kind, name, sql, table in objects if kind == "view"
               or (kind == "trigger" and made.get(name) != " ".join(str(sql).split()))
               or (kind == "index" and table.lower() == items.name)]
    if foreign:
        return f"{foreign[0]} is no part of the store"
    for table in [log, *(t for t in metadata.sorted_tables if t not in (log, items)
                         and kinds.get(t.name) == "table")]:  # an older schema's: not all
        said = conn.execute(text(f"PRAGMA integrity_check({table.name})")).scalars().all()
        if said != ["ok"]:
            return str(said[0])[:200]
    return None
