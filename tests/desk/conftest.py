"""Fixtures for the desk's tests: a team on a workspace (tests/workflow/team.py) and the desk
of one of its members, served in this process (requests through Starlette's test client) or
as `review serve` in its own process (the browser tests)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient
from workflow.team import Team, store_url

from review.desk.app import create_app
from review.desk.context import Desk
from review.desk.guard import Guard

PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request, tmp_path, monkeypatch) -> Team:
    """The desk reads and signs through the same store as the command line: both kinds."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    return Team.small(tmp_path, store_url(request))


@pytest.fixture
def sqlite_team(tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    return Team.small(tmp_path)


def desk_of(team: Team, who: str, monkeypatch, remote: bool = False) -> Desk:
    """The desk `review serve` would start for `who` (in this process, his environment)."""
    from review.workflow import keys
    from review.workflow.commands import open_service

    for name, value in team.env(who).items():
        monkeypatch.setenv(name, value)
    path = keys.default_key_path()
    locked = keys.locked(path)
    identity = keys.load(path)
    return Desk(open_service(identity=identity), Guard.for_address("127.0.0.1", PORT, remote,
                                                                    "en"), path, locked, "en")


def client_of(desk: Desk, peer: str = "127.0.0.1", signed_in: bool = True) -> TestClient:
    client = TestClient(create_app(desk), base_url=ORIGIN, client=(peer, 50000),
                        follow_redirects=False)
    if signed_in:
        response = client.get(f"/?token={desk.guard.token}")
        assert response.status_code == 303, response.text
    return client


def form_of(client: TestClient, item: int) -> dict:
    """The hidden fields of the item page's forms: this session's CSRF token and the version
    the page shows."""
    import re

    page = client.get(f"/items/{item}").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    version = re.search(r'id="version">([0-9a-f]{64})<', page).group(1)
    return {"csrf": csrf, "version": version, "confirm": "yes"}
