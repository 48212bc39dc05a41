"""What every reader of the office's records does first (the commands and the desk): the
tables must agree with the signed log, and deadlines follow the workspace's holiday files."""

from __future__ import annotations

from review.errors import StoreError


def office_checked(service) -> None:
    """The 二四六 level and the notices decide interviews, so they are read only from tables
    that agree with the signed log (a row deleted by hand from review_alerts must not lower a
    unit's count); then the workspace's calendar is put in force."""
    from review.workflow.projection import disagreements

    with service.store.reading() as conn:
        service.state(conn)  # the log's links and the witnesses
        problems = [line for line in disagreements(conn) if not line.startswith(
            ("review_items", "review_decisions"))]
    if problems:
        raise StoreError("office_tables_disagree", problem=problems[0])
    use_calendar(service)


def use_calendar(service) -> None:
    """The workspace config's holiday files (`[calendar] holidays`) over the bundled calendar;
    a bad file is one line, exit 2."""
    from review.accounts import calendar

    calendar.use(calendar.load_holidays(service.workspace.config().holiday_files()))
