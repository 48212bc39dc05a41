"""A district government office's workspace, on SQLite and PostgreSQL."""

import pytest
from workflow.team import Team, store_url


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    url = store_url(request)
    team = Team(tmp_path, url)
    team.keygen("admin")
    team.ok("admin", "init", "--name", "admin")
    return team


@pytest.fixture(autouse=True)
def bundled_calendar():
    """Each test starts and ends on the bundled calendar: a command run in this process may
    have put a workspace's holiday files in force (review.accounts.calendar.use)."""
    from review.accounts import calendar

    calendar.use([])
    yield
    calendar.use([])
