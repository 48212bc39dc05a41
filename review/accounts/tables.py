"""The accounts' tables, in the workflow store's schema (version 2)."""

from sqlalchemy import Boolean, Column, Date, Integer, String, Table, Text, UniqueConstraint

from review.workflow.store import metadata

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
