"""The store: SQLite by default (`.review/review.db` under the workspace root), PostgreSQL by
URL. One schema, SQLAlchemy Core, versioned. Every change happens in `Store.transaction()`,
which serialises writers (SQLite `BEGIN IMMEDIATE`; PostgreSQL an advisory lock), so checks
and the writes they guard can never interleave with another writer's."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, create_engine, event, inspect, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from review.errors import ConfigError, StoreError, UsageError
from review.i18n import Msg, said, spoken
from review.tables import SCHEMA_VERSION, meta, metadata
from review.workflow.triggers import APPEND_ONLY

_LOCK_KEY = 7_274_231  # PostgreSQL advisory lock that serialises writers
# Only an argument can carry bytes that are not UTF-8 (the shell passes them on as they are).
_NOT_UTF8 = "not_utf8"

# Each version's step; every table of every part is declared in review.tables, so creating
# what is missing brings a store of any earlier version up to date.
MIGRATIONS = {1: lambda conn: metadata.create_all(conn),
              2: lambda conn: metadata.create_all(conn),
              3: lambda conn: append_only(conn),
              4: lambda conn: metadata.create_all(conn),
              5: lambda conn: append_only(conn),
              6: lambda conn: append_only(conn)}

# What a member's role may do on PostgreSQL: everything `review` does, and nothing to the log
# but read and add (the README's team setup runs this with the member's role for :role).
MEMBER_GRANTS = """\
GRANT USAGE ON SCHEMA {schema} TO {role};
GRANT SELECT, INSERT ON review_log TO {role};
GRANT SELECT ON review_meta TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON review_items, review_decisions, review_accounts,
    review_account_events, review_activity, review_alerts, review_duty TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
"""


def append_only(conn: Connection) -> None:
    """Every table of the schema, and the log append-only (a new store, a backup's copy)."""
    metadata.create_all(conn)
    # a log made by this version has the columns already; one made before gets them
    columns = {c["name"] for c in inspect(conn).get_columns("review_log")}
    for statement in APPEND_ONLY[conn.dialect.name]:
        if not (statement.startswith("ALTER TABLE") and statement.split()[-2] in columns):
            conn.exec_driver_sql(statement)


class Store:
    def __init__(self, url: str, review_dir: Path | None = None) -> None:
        self.url = url
        self.review_dir = review_dir  # the workspace's .review/, where its witnesses are kept
        self.sqlite = url.startswith("sqlite")
        try:
            self.engine = create_engine(url, future=True,
                                        **({"connect_args": {"timeout": 30}} if self.sqlite
                                           else {"pool_pre_ping": True}))
        except (SQLAlchemyError, ImportError, ValueError) as err:
            raise ConfigError("bad_database_url", reason=err) from None
        if self.sqlite:
            shared = _share_files_with_the_group(url)
            event.listen(self.engine, "connect",
                         _sqlite_connect_shared if shared else _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One serialised write transaction: all of it is recorded, or none of it."""
        staged = None
        try:
            with self.engine.begin() as conn:
                if not self.sqlite:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
                conn.info.pop("review_head", None)
                yield conn
                head = conn.info.pop("review_head", None)
                if head is not None:
                    staged = self._stage_witness(*head)  # before the commit: or not at all
        except BaseException as err:
            if staged is not None:  # nothing was committed: the staged witness vouches for none
                staged.unlink(missing_ok=True)
            if isinstance(err, DBAPIError):
                raise StoreError(_database_error(err)) from None
            if isinstance(err, UnicodeEncodeError):
                raise UsageError(_NOT_UTF8) from None
            raise
        if head is not None:
            self._remember(*head, staged)

    def _stage_witness(self, _workspace: str, seq: int, digest: str, identity) -> Path | None:
        from review.workflow import witness

        if self.review_dir is None:
            return None
        try:
            staged = witness.stage(self.review_dir, seq, digest, identity)
        except OSError as err:
            raise StoreError("witness_unstageable", path=self.review_dir,
                             reason=err.strerror or err) from None
        if staged is None:  # said on every action until the workspace's owner makes them
            print(f"review: {said(witness.missing(self.review_dir), spoken())}", file=sys.stderr)
        return staged

    def _remember(self, workspace: str, seq: int, digest: str, identity,
                  staged: Path | None) -> None:
        """An own record, once committed: remembered on this computer (review.workflow.heads)
        and witnessed in the workspace (review.workflow.witness)."""
        from review.workflow import heads, witness

        heads.remember(workspace, seq, digest)
        if staged is not None:
            warning = witness.publish(staged, identity)
            if warning:
                print(f"review: {said(warning, spoken())}", file=sys.stderr)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection whose statements all read one state of the store. On PostgreSQL that
        is one snapshot (REPEATABLE READ): under READ COMMITTED each statement sees what was
        committed before it, so `roster export` judged the log's later records by the roster
        it had read before them — a roster record committed in between made an honest
        release, approved and released meanwhile, read as misplaced and void in an export the
        admin signed. SQLite's reads begin as its writes do (`BEGIN IMMEDIATE`)."""
        try:
            with self.engine.connect() as conn:
                if not self.sqlite:
                    conn.execution_options(isolation_level="REPEATABLE READ")
                yield conn
        except DBAPIError as err:
            raise StoreError(_database_error(err)) from None
        except UnicodeEncodeError:
            raise UsageError(_NOT_UTF8) from None

    def migrate(self) -> None:
        with self.transaction() as conn:
            metadata.tables["review_meta"].create(conn, checkfirst=True)
            row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
            current = _version(row.value) if row else 0
            if current > SCHEMA_VERSION:
                raise StoreError("schema_newer", current=current, known=SCHEMA_VERSION)
            for version in range(current + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[version](conn)
            if current != SCHEMA_VERSION:
                if row:
                    conn.execute(meta.update().where(meta.c.key == "schema_version")
                                 .values(value=str(SCHEMA_VERSION)))
                else:
                    conn.execute(meta.insert().values(key="schema_version",
                                                      value=str(SCHEMA_VERSION)))

    def check_version(self) -> None:
        with self.reading() as conn:
            row = None
            if inspect(conn).has_table(meta.name):
                row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")
                                   ).first()
        if row is None:
            raise UsageError("store_not_initialised")
        version = _version(row.value)
        if version < SCHEMA_VERSION:
            self.migrate()  # an older store is upgraded in place, in one transaction
        elif version != SCHEMA_VERSION:
            raise StoreError("schema_other", version=version, expected=SCHEMA_VERSION)


def _version(value: object) -> int:
    """The schema version a store's meta row says. On SQLite anyone who writes the file can
    put anything there (the table rebuilt without NOT NULL): a NULL, or a number below 1 —
    which would run migrations that do not exist — is a damaged store, not an unexpected
    error (red-team pass 63)."""
    try:
        version = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        raise StoreError("schema_not_number", value=value) from None
    if version < 1:
        raise StoreError("schema_not_number", value=value)
    return version


def _share_files_with_the_group(url: str) -> bool:
    """In a workspace shared with a group (`review init --group`: its directory has the
    set-group-ID bit), files this process makes — the database, its journal, attestations —
    are group-writable, or the next member could not write them."""
    directory = Path(url.removeprefix("sqlite:///")).parent
    try:
        shared = bool(directory.stat().st_mode & stat.S_ISGID)
    except OSError:
        return False
    if shared:
        os.umask(0o007)
    return shared


def _sqlite_connect(dbapi_connection, _record, journal: str = "WAL") -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA journal_mode={journal}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_connect_shared(dbapi_connection, record) -> None:
    """A shared folder: WAL needs memory shared between the processes of one computer and
    does not work over a network file system; and the workspace directory is sticky (only a
    file's owner may delete it, see review.workflow.witness), so the journal must be one that
    stays — TRUNCATE empties it instead of deleting it."""
    _sqlite_connect(dbapi_connection, record, journal="TRUNCATE")


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _database_error(err: DBAPIError) -> str:
    message = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
    if "locked" in message or "busy" in message:
        return Msg("store_locked")
    if "not a database" in message or "malformed" in message:
        return Msg("store_damaged", detail=message)
    return Msg("database_error", detail=message)


def sqlite_url(root: Path) -> str:
    return f"sqlite:///{root / '.review' / 'review.db'}"
