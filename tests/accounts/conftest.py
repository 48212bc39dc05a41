"""A district government office's workspace, on SQLite and PostgreSQL."""

import pytest
from workflow.team import Team, postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    url = None
    if request.param == "postgresql":
        admin, name, url = postgres_database()

        def drop():
            admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.close()

        request.addfinalizer(drop)
    team = Team(tmp_path, url)
    team.keygen("admin")
    team.ok("admin", "init", "--name", "admin")
    return team
