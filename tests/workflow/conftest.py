"""Fixtures for the workflow tests (helpers in team.py)."""

from __future__ import annotations

import pytest
from workflow.team import Team, store_url


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request, tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    url = store_url(request)
    t = Team(tmp_path, url)
    for who in ("admin", "editor", "editor2", "reviewer", "approver", "outsider"):
        t.keygen(who)
    t.ok("admin", "init", "--name", "admin")
    t.add("editor", "editor")
    t.add("editor2", "editor")
    t.add("reviewer", "reviewer")
    t.add("approver", "approver")
    return t
