"""What every reader of the office's records does first (the commands and the desk): the
tables must agree with the signed log, and deadlines follow the holiday files the signed
policy pins."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from review.errors import StoreError

# the office's tables (review.tables), which the office's records project
OFFICE_TABLES = ("review_accounts", "review_account_events", "review_activity",
                 "review_alerts", "review_duty")


class CheckedStore:
    """The store as the office's readers use it: every reading first finds, in its own
    connection (one snapshot on PostgreSQL, one locked read on SQLite), that the office's
    tables agree with the signed log, and the reader counts from that same connection. A check
    in one connection and the count in the next let a member take an alert out between the
    two and put it back after: the 二四六 level came out lower and nothing was left to find."""

    def __init__(self, store) -> None:
        self.store = store

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    @contextmanager
    def reading(self) -> Iterator:
        with self.store.reading() as conn:
            _agreeing(conn)
            yield conn

    @contextmanager
    def transaction(self) -> Iterator:
        """A change of the office's records, in the transaction that found its tables agree
        with the log: a duty row edited between a check and the write was signed as the
        swap's `was`."""
        with self.store.transaction() as conn:
            if not self.store.sqlite:
                # PostgreSQL: the transaction reads committed rows statement by statement,
                # so a member's UPDATE committed after the check was what the action read
                # next (red-team pass 61 J1: two accounts' names swapped after the check
                # and back before the record's own check bound an import's posts to the
                # other account, signed, the audit intact). SHARE lets others read and keeps
                # every write out of these tables until this transaction ends; it needs
                # the UPDATE grant members hold (store.MEMBER_GRANTS). SQLite's writer
                # holds the file (BEGIN IMMEDIATE).
                conn.exec_driver_sql(f"LOCK TABLE {', '.join(OFFICE_TABLES)} IN SHARE MODE")
            _agreeing(conn)
            yield conn


def _agreeing(conn) -> None:
    from review.workflow import chain
    from review.workflow.projection import office_disagreements

    if conn.dialect.name == "postgresql":  # in the connection that counts (pass 77)
        problem = chain.postgres_schema_problem(conn)
        if problem:
            raise StoreError("store_schema_unsafe", problem=problem)

    problems = office_disagreements(conn)
    if problems:
        raise StoreError("office_tables_disagree", problem=problems[0])


def office_checked(service) -> None:
    """The 二四六 level and the notices decide interviews, so they are read only from tables
    that agree with the signed log (a row deleted by hand from review_alerts must not lower a
    unit's count); then the workspace's calendar is put in force."""
    from review.workflow.projection import office_disagreements

    with service.store.reading() as conn:
        state = service.state(conn)  # the log's links and the witnesses
        problems = office_disagreements(conn)
    if problems:
        raise StoreError("office_tables_disagree", problem=problems[0])
    use_calendar(service, state.policy)


def use_calendar(service, policy=None) -> None:
    """The holiday files an admin pinned (`[calendar] holidays`, `review policy lists`), at
    the content signed, over the bundled calendar; a bad file is one line, exit 2.

    review.toml and the files sit where any member may write: an editor's own file for a year
    the bundled calendar lacks would move every deadline of that year, what `accounts due`
    calls overdue and when a 整改 is late. A file review.toml names that is not pinned is said
    and not used (those deadlines stay provisional); a pinned one that changed is refused."""
    import click

    from review.accounts import calendar
    from review.language import say
    from review.workflow import pinned

    if policy is None:
        with service.store.reading() as conn:
            policy = service.state(conn).policy
    root = service.workspace.root
    files = [x for x in policy.lists if x.kind == "holidays"]
    calendar.use(calendar.load_holidays(
        (root / x.path, pinned.signed_bytes(x, root)) for x in files))
    taken = {(root / x.path).resolve() for x in files}
    for path in service.workspace.config().holiday_files():
        if path.resolve() not in taken:
            click.echo(f"review: {say('holidays_not_pinned', path=path)}", err=True)
