"""What an insider does to the office's records without the commands: SQL on the store as
sqlite3 on the shared file or psql would run it, and a record signed with a key he holds and
appended to the log as his own copy of `review` would (the red-team passes' tests)."""

from sqlalchemy import text

from review.workflow import chain, keys
from review.workflow.store import Store, sqlite_url


def member_sql(office, sql: str) -> None:
    """`sql` (statements joined by "; ") in one transaction on a connection of his own."""
    store = Store(office.url or sqlite_url(office.root))
    with store.engine.begin() as conn:
        for statement in filter(None, sql.split("; ")):
            conn.execute(text(statement))
    store.engine.dispose()


def signed_by_hand(office, who: str, kind: str, statement: dict, sql: str = "") -> None:
    """`statement` signed by `who`'s key into the log, and the office's table edited to agree
    by `sql`, in one transaction."""
    store = Store(office.url or sqlite_url(office.root))
    with store.engine.begin() as conn:
        for edit in filter(None, sql.split("; ")):
            conn.execute(text(edit))
        chain.append(conn, keys.load(office.key(who)), kind, None, statement)
    store.engine.dispose()
