"""The store's tables: every table of the workflow and of the accounts, on one MetaData, with
one version. Declared here, apart from the store, so that the store (workflow) and the accounts
both import it and neither imports the other."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# 1: workflow; 2: accounts and alerts; 3: the log append-only; 4: duty; 5: the server's time;
# 6: that time taken when the row arrives, not when its transaction began
SCHEMA_VERSION = 6
MAX_ID = 2**31 - 1  # ids are INTEGER columns: 32 bits in PostgreSQL

metadata = MetaData()
meta = Table("review_meta", metadata,
             Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))
# review_meta's key for the first record the PostgreSQL server's insert time dates (a restore
# inserts old records anew: theirs is the restore's time)
SERVER_TIME_FROM = "server_time_from"
log = Table("review_log", metadata,
            Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                   autoincrement=False),
            Column("kind", String(32), nullable=False),
            Column("item_id", Integer),
            Column("actor", String(80), nullable=False),
            Column("body", Text, nullable=False),
            Column("signature", Text, nullable=False),
            Column("prev_hash", String(64), nullable=False),
            Column("hash", String(64), nullable=False),
            # PostgreSQL: the database role that added the row, set by a trigger (not by the
            # writer), so that a row nobody signed still names who put it there
            Column("inserted_by", Text),
            # PostgreSQL: the server's time of the insert, set by the same trigger — a clock
            # the signer does not control (review.workflow.judged.log_days); SQLite: none
            # (SQLite: read as the text it holds, never parsed — nothing there reads it, and
            # whoever writes the file can put any value in: `garbage` stopped every action
            # with an unexpected error while rows were fetched, red-team pass 63)
            Column("logged_at", DateTime(timezone=True).with_variant(Text, "sqlite")))
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

# The accounts (schema version 2).
accounts = Table("review_accounts", metadata,
                 Column("id", Integer, primary_key=True, autoincrement=True),
                 Column("name", String(200), nullable=False, unique=True),
                 Column("unit", String(200), nullable=False),
                 Column("platform", String(50), nullable=False),
                 Column("high_attention", Boolean, nullable=False, default=False),
                 Column("operator", String(100)),
                 Column("contact", String(100)),
                 Column("status", String(16), nullable=False, default="open"))
events = Table("review_account_events", metadata,
               Column("id", Integer, primary_key=True, autoincrement=True),
               Column("account_id", Integer, nullable=False),
               Column("kind", String(16), nullable=False),
               Column("date", Date, nullable=False),
               Column("decision", Text, nullable=False),
               Column("filing_deadline", Date, nullable=False),
               Column("notice_end", Date, nullable=False),
               Column("filed", Date))
activity = Table("review_activity", metadata,
                 Column("id", Integer, primary_key=True, autoincrement=True),
                 Column("account_id", Integer, nullable=False),
                 Column("date", Date, nullable=False),
                 Column("reads", Integer), Column("zaikan", Integer), Column("likes", Integer),
                 Column("shares", Integer), Column("comments", Integer), Column("errors", Integer),
                 Column("row_hash", String(64), nullable=False),
                 UniqueConstraint("row_hash", name="review_activity_row"))
alerts = Table("review_alerts", metadata,
               Column("id", Integer, primary_key=True, autoincrement=True),
               Column("unit", String(200), nullable=False),
               Column("account_id", Integer),
               Column("kind", String(20), nullable=False),
               Column("date", Date, nullable=False),
               Column("note", Text, nullable=False, default=""),
               Column("source", String(16), nullable=False, default="manual"),
               Column("resolved", Date),
               Column("report", Text))

# The holiday duty roster (schema version 4): one row per weekend or holiday day planned.
duty = Table("review_duty", metadata,
             Column("day", Date, primary_key=True),
             Column("person", String(80), nullable=False))
