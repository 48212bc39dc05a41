"""The store: SQLite by default (`.review/review.db` under the workspace root), PostgreSQL by
URL. One schema, SQLAlchemy Core, versioned. Every change happens in `Store.transaction()`,
which serialises writers (SQLite `BEGIN IMMEDIATE`; PostgreSQL an advisory lock), so checks
and the writes they guard can never interleave with another writer's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from review.workflow.errors import WorkflowError

SCHEMA_VERSION = 2  # 1: workflow; 2: accounts and alerts
_LOCK_KEY = 7_274_231  # PostgreSQL advisory lock that serialises writers

metadata = MetaData()
meta = Table("review_meta", metadata,
             Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))
log = Table("review_log", metadata,
            Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                   autoincrement=False),
            Column("kind", String(32), nullable=False),
            Column("item_id", Integer),
            Column("actor", String(80), nullable=False),
            Column("body", Text, nullable=False),
            Column("signature", Text, nullable=False),
            Column("prev_hash", String(64), nullable=False),
            Column("hash", String(64), nullable=False))
items = Table("review_items", metadata,
              Column("id", Integer, primary_key=True, autoincrement=True),
              Column("path", Text, nullable=False),
              Column("title", Text, nullable=False),
              Column("content", LargeBinary, nullable=False),
              Column("content_sha256", String(64), nullable=False),
              Column("findings", Text, nullable=False),
              Column("state", String(16), nullable=False),
              Column("submitted_by", String(80), nullable=False),   # person name
              Column("last_changed_by", String(80), nullable=False),
              Column("submitted_seq", BigInteger, nullable=False),
              Column("updated_seq", BigInteger, nullable=False))
decisions = Table("review_decisions", metadata,
                  Column("seq", BigInteger, primary_key=True, autoincrement=False),
                  Column("item_id", Integer, nullable=False),
                  Column("kind", String(16), nullable=False),  # approve reject override consent
                  Column("level", Integer),
                  Column("person", String(80), nullable=False),
                  Column("key", String(80), nullable=False),
                  Column("statement", Text, nullable=False),
                  Column("signature", Text, nullable=False),
                  Column("content_sha256", String(64), nullable=False))

def _all_tables() -> None:
    """Every table registers on `metadata` when its module is imported."""
    import review.accounts.tables  # noqa: F401


MIGRATIONS = {1: lambda conn: metadata.create_all(conn),
              2: lambda conn: metadata.create_all(conn)}


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        try:
            self.engine = create_engine(url, future=True,
                                        **({"connect_args": {"timeout": 30}} if self.sqlite
                                           else {"pool_pre_ping": True}))
        except (SQLAlchemyError, ImportError, ValueError) as err:
            raise WorkflowError(f"cannot use the database URL: {err}") from None
        if self.sqlite:
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One serialised write transaction: all of it is recorded, or none of it."""
        try:
            with self.engine.begin() as conn:
                if not self.sqlite:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
                yield conn
        except OperationalError as err:
            raise WorkflowError(_operational(err)) from None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as err:
            raise WorkflowError(_operational(err)) from None

    def migrate(self) -> None:
        with self.transaction() as conn:
            metadata.tables["review_meta"].create(conn, checkfirst=True)
            row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
            current = int(row.value) if row else 0
            if current > SCHEMA_VERSION:
                raise WorkflowError(f"the store has schema version {current}; this review knows "
                                    f"up to {SCHEMA_VERSION}: upgrade review")
            _all_tables()
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
            try:
                row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")
                                   ).first()
            except SQLAlchemyError:
                row = None
        if row is None:
            raise WorkflowError("the store is not initialised: run `review init --name NAME`")
        if int(row.value) < SCHEMA_VERSION:
            self.migrate()  # an older store is upgraded in place, in one transaction
            return
        if int(row.value) != SCHEMA_VERSION:
            raise WorkflowError(f"the store has schema version {row.value}, expected "
                                f"{SCHEMA_VERSION}")


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _operational(err: OperationalError) -> str:
    message = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
    if "locked" in message or "busy" in message:
        return "the store is locked by another process; try again"
    return f"database error: {message}"


def sqlite_url(root: Path) -> str:
    return f"sqlite:///{root / '.review' / 'review.db'}"
