"""Fixtures for the desk's tests: a team on a workspace (tests/workflow/team.py) and the desk
of one of its members, served in this process (requests through Starlette's test client) or
as `review serve` in its own process (the browser tests)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

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
    # the test client's peer is no socket: whose it is cannot be asked of the kernel here
    # (test_served.py asks it of a desk served in its own process)
    guard = Guard.for_address("127.0.0.1", PORT, remote, "en", same_user=False)
    return Desk(open_service(identity=identity), guard, path, locked, "en")


def client_of(desk: Desk, peer: str = "127.0.0.1", signed_in: bool = True) -> TestClient:
    """A browser of the desk: the first one trades the start token, as a person's does; the
    token is spent then, so another one is given a session as the first was."""
    client = TestClient(create_app(desk), base_url=ORIGIN, client=(peer, 50000),
                        follow_redirects=False)
    if signed_in and desk.guard.token is not None:
        response = client.get(f"/?token={desk.guard.token}")
        assert response.status_code == 303, response.text
    elif signed_in:
        client.cookies.set(desk.guard.cookie, desk.guard.issue())
    return client


def form_of(client: TestClient, item: int) -> dict:
    """The hidden fields of the item page's forms: this session's CSRF token and the version
    the page shows."""
    import re

    page = client.get(f"/items/{item}").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    version = re.search(r'id="version">([0-9a-f]{64})<', page).group(1)
    return {"csrf": csrf, "version": version, "confirm": "yes"}


def serve(team, who: str, lang: str = "en"):
    """`review serve --port 0` as `who`, in its own process; its start address."""
    env = {**os.environ, **team.env(who), "REVIEW_LANG": lang}
    process = subprocess.Popen([sys.executable, "-m", "review", "serve", "--port", "0"],
                               cwd=team.root, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if "http://" in line:
            return process, line.strip()
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"the desk did not start: {process.stderr.read()}")


@pytest.fixture
def desks():
    started = []

    def start(team, who: str, lang: str = "en") -> str:
        process, url = serve(team, who, lang)
        started.append(process)
        return url

    yield start
    for process in started:
        process.terminate()
        process.wait(10)
