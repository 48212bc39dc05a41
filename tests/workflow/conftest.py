"""Fixtures for the workflow tests (helpers in team.py)."""

from __future__ import annotations

import pytest
from workflow.team import Team, postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request, tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    url = None
    if request.param == "postgresql":
        admin, name, url = postgres_database()

        def drop():
            from sqlalchemy.pool import NullPool  # noqa: F401  (engines are per command)

            admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.close()

        request.addfinalizer(drop)
    t = Team(tmp_path, url)
    for who in ("admin", "editor", "editor2", "reviewer", "approver", "outsider"):
        t.keygen(who)
    t.ok("admin", "init", "--name", "admin")
    t.add("editor", "editor")
    t.add("editor2", "editor")
    t.add("reviewer", "reviewer")
    t.add("approver", "approver")
    return t
