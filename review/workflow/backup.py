"""`review backup` and `review restore` (POLICY.md §6: backups and recovery of the review data).

A backup is one SQLite file holding the store's tables as they were at one moment: SQLite's
online backup of a SQLite store (a consistent copy taken while others keep working), or a
logical copy of a PostgreSQL store read in one repeatable-read transaction. Either way the copy
is checked before it is kept — every record's hash, link and signature (review.workflow.audit)
and every table row against the log (review.workflow.projection) — so a backup that exists is a
backup that restores. `restore` checks it again, since a file can change after it was written,
and brings it into a workspace whose store is empty, SQLite or PostgreSQL.

What a backup does not hold: the witnesses (each member's signed head, review.workflow.witness)
and the heads each computer remembers. After a restore, a witness or a computer that saw records
later than the backup says so at the next action — the records taken after the backup are lost,
and the office must know which."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, create_engine, func, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from review.errors import StoreError, UsageError
from review.files import discard
from review.tables import SCHEMA_VERSION, SERVER_TIME_FROM, log, meta, metadata
from review.workflow import chain
from review.workflow.store import Store, append_only

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Summary:
    records: int          # log records
    head: str             # the last record's hash
    workspace: str        # the workspace's identity (its init record)
    owner: int | None     # the OS account signed into the init record as owner of .review/
    rows: dict[str, int]  # rows per table


def backup(store: Store, out: Path) -> Summary:
    """Copy the store to `out` (replaced only once the copy is whole and checked)."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # a folder that is no folder is the output's problem, said as such (SQLite would say
        # only "unable to open database file", which reads as the store's)
        out.parent.mkdir(parents=True, exist_ok=True)
        if store.sqlite:
            _sqlite_copy(Path(store.engine.url.database), tmp)
        else:
            _logical_copy(store, tmp)
        summary = check(tmp)
        os.replace(tmp, out)
    except OSError as err:
        raise UsageError("cannot_write", path=out, reason=err.strerror or err) from None
    finally:
        discard(tmp)
    return summary


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: page by page, consistent, while writers keep writing. The copy
    is made a single file (no write-ahead log beside it) to be moved and kept as one."""
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as err:
        raise StoreError("store_damaged", detail=str(err)) from None


def _logical_copy(store: Store, target: Path) -> None:
    """Every table of a PostgreSQL store into a new SQLite file, read in one snapshot."""
    dst = create_engine(f"sqlite:///{target}")
    try:
        with store.engine.connect().execution_options(
                isolation_level="REPEATABLE READ") as src, dst.begin() as out:
            append_only(out)  # the triggers refuse updates and deletes, not these inserts
            for table in metadata.sorted_tables:
                rows = [dict(r) for r in src.execute(select(table)).mappings()]
                if rows:
                    out.execute(table.insert(), rows)
    except DBAPIError as err:
        raise StoreError("database_error", detail=str(err.orig or err).splitlines()[0]) \
            from None
    finally:
        dst.dispose()


def _require_backup(path: Path, shown: Path) -> None:
    """UsageError (one line, naming `shown`) unless `path` begins as a SQLite database does."""
    try:
        with open(path, "rb") as f:
            magic = f.read(len(_SQLITE_MAGIC))
    except OSError as err:
        raise UsageError("cannot_read", path=shown, reason=err.strerror or err) from None
    if magic != _SQLITE_MAGIC:
        raise UsageError("not_backup", path=shown)


@contextmanager
def _opened(path: Path, shown: Path | None = None) -> Iterator[Connection]:
    """A backup file, read-only and never changed by reading it (no journal made beside it);
    `shown`: the name its messages give it (the user's file, not restore's private copy)."""
    shown = shown or path
    _require_backup(path, shown)
    engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&immutable=1&uri=true")
    try:
        with engine.connect() as conn:
            yield conn
    except DBAPIError as err:
        raise StoreError("backup_damaged", path=shown,
                         problem=str(err.orig or err).splitlines()[0]) from None
    finally:
        engine.dispose()


@contextmanager
def private_copy(path: Path) -> Iterator[Path]:
    """The backup and its signature copied, once, to a directory only this user can write:
    `restore` checks, vouches for and restores those same bytes. Read three times where it
    lies (a shared backup folder), the file could be swapped between the check and the copy
    by any member who can write there — an older signed backup, before a rejection, restored
    under the report of the newer one."""
    import shutil
    import tempfile

    _require_backup(path, path)
    with tempfile.TemporaryDirectory(prefix="review-restore-") as private:
        copy = Path(private) / path.name
        try:
            shutil.copyfile(path, copy)
            if signature_path(path).is_file():
                shutil.copyfile(signature_path(path), signature_path(copy))
        except OSError as err:
            raise UsageError("cannot_read", path=path, reason=err.strerror or err) from None
        _brought_up_to_date(copy)
        yield copy


def _brought_up_to_date(copy: Path) -> None:
    """A backup an earlier version made, brought to this version's schema in the private copy,
    as a store is when a newer `review` opens it: last night's backup stays restorable after
    an upgrade. Its records and their signatures are untouched (check() reads them next)."""
    try:
        with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM review_meta WHERE key = 'schema_version'"
                               ).fetchone()
    except sqlite3.Error:
        return  # no store's backup: check() says so
    if row and str(row[0]).isdigit() and int(row[0]) < SCHEMA_VERSION:
        store = Store(f"sqlite:///{copy}")
        try:
            store.migrate()
        finally:
            store.engine.dispose()


def check(path: Path, shown: Path | None = None) -> Summary:
    """The backup's schema, its whole chain and every table row against the log; raises
    StoreError naming the first problem (UsageError: not a backup of a store at all)."""
    shown = shown or path
    from review.i18n import said, spoken
    from review.workflow import audit, projection

    with _opened(path, shown) as conn:
        try:
            row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")
                               ).first()
        except SQLAlchemyError:
            raise UsageError("not_backup", path=shown) from None
        if row is None or row.value != str(SCHEMA_VERSION):
            raise StoreError("backup_version", path=shown,
                             version=row.value if row else "?", expected=SCHEMA_VERSION)
        problem = audit.verify_chain(conn)
        if problem is None:
            lines = projection.disagreements(conn)
            problem = lines[0] if lines else None
        if problem is not None:
            raise StoreError("backup_broken", path=shown, problem=said(problem, spoken()))
        records = chain.records(conn, checked=False)
        if not records:
            raise StoreError("backup_empty", path=shown)
        owner = records[0].statement.get("owner")
        rows = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in metadata.sorted_tables}
        return Summary(records[-1].seq, records[-1].hash, chain.workspace_id(conn),
                       owner if isinstance(owner, int) else None, rows)


SIGNED = ".signed.json"  # beside a backup: its head signed by the office or an admin
BACKUP = "backup"  # what that signature is for (review.workflow.witness.signed)


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + SIGNED)


def entitled(roster, fingerprint: str, seq: int):
    """The person whose key this is, if it was valid at record `seq` and held the office or
    admin role there; None otherwise."""
    from review.workflow.roster import OFFICE_ROLES

    person = roster.active(fingerprint, seq)
    return person if person is not None and person.at(seq + 1).roles & set(OFFICE_ROLES) \
        else None


def sign(path: Path, summary: Summary, identity) -> None:
    """Sign the backup's head (the hash of its last record, which chains every record before
    it) into the file beside it: a restore takes only a backup the office vouched for, not a
    copy a member carried on with somewhere of his own."""
    from review.files import write_replacing
    from review.workflow import witness

    write_replacing(signature_path(path), json.dumps(
        witness.signed(summary.records, summary.head, identity, BACKUP), indent=2) + "\n")


def signer(path: Path, summary: Summary, shown: Path | None = None) -> str | None:
    """Who of the office or the admins signed the backup's head; None when it carries no
    signature. StoreError for a signature of another head, by nobody entitled, or broken."""
    from review import jsonfile
    from review.workflow import witness
    from review.workflow.roster import build as build_roster

    shown = shown or path
    try:
        data = jsonfile.loads(signature_path(path).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise StoreError("backup_signature_bad", path=signature_path(shown)) from None
    try:
        # signed as a backup's: a member's witness (or anchor) is his head as he saw it, not
        # a backup he vouched for — one cut to that head would pass for his
        fingerprint, seq, digest = witness.opened(data, BACKUP)
    except ValueError:
        raise StoreError("backup_signature_bad", path=signature_path(shown)) from None
    if (seq, digest) != (summary.records, summary.head):
        raise StoreError("backup_signature_other", path=signature_path(shown))
    with _opened(path, shown) as conn:
        roster = build_roster(chain.records(conn, kinds=chain.TRUST_KINDS, checked=False))
    person = entitled(roster, fingerprint, seq)
    if person is None:
        raise StoreError("backup_signer_not_office", path=signature_path(shown))
    return person.name


def hash_at(path: Path, seq: int) -> str | None:
    """The hash of the backup's record `seq`, or None when it holds none of that number."""
    with _opened(path) as conn:
        return conn.execute(select(log.c.hash).where(log.c.seq == seq)).scalar()


def restore(path: Path, store: Store) -> None:
    """Bring a backup `check` passed into an empty store."""
    if store.sqlite:
        target = Path(store.engine.url.database)
        if target.exists() and target.stat().st_size:
            raise UsageError("restore_not_empty", store=target)
        try:
            with closing(sqlite3.connect(f"file:{path.resolve()}?mode=ro&immutable=1",
                                         uri=True)) as src, \
                    closing(sqlite3.connect(target)) as dst:
                src.backup(dst)
        except sqlite3.Error as err:
            raise StoreError("store_damaged", detail=str(err)) from None
        return
    store.migrate()
    with _opened(path) as src, store.transaction() as dst:
        if dst.execute(select(func.count()).select_from(log)).scalar_one():
            raise UsageError("restore_not_empty", store=store.engine.url.render_as_string())
        for table in metadata.sorted_tables:
            if table is meta:
                continue  # the target's own, made by migrate()
            rows = [dict(r) for r in src.execute(select(table)).mappings()]
            if rows:
                dst.execute(table.insert(), rows)
            # explicit ids leave PostgreSQL's sequences behind: the next insert would collide
            serial = [c for c in table.primary_key.columns if c.autoincrement is True]
            for column in serial:
                dst.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))
        # the restored records reached this server now, not when they were signed: their
        # days are their signers' again (review.workflow.judged.server_times)
        head = dst.execute(select(func.max(log.c.seq))).scalar() or 0
        dst.execute(meta.insert().values(key=SERVER_TIME_FROM, value=str(head + 1)))
