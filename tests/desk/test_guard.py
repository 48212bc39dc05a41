"""Who may talk to the desk: the start token, the Host header, loopback peers, CSRF tokens on
every action, the passphrase asked again, and the headers every answer carries."""

from __future__ import annotations

import json

import pytest
from workflow.team import CLEAN

from desk.conftest import PORT, client_of, desk_of, form_of
from review.desk.pages import ACTIONS
from review.workflow import keys


def _records(team, item: int) -> list[str]:
    return [r["kind"] for r in json.loads(team.ok("admin", "log", str(item), "--format",
                                                     "json").stdout)]


@pytest.fixture
def item(team) -> int:
    return team.submit("editor", team.write("notice.txt", CLEAN))


def test_the_desk_needs_the_start_token(team, item, monkeypatch):
    desk = desk_of(team, "reviewer", monkeypatch)
    client = client_of(desk, signed_in=False)
    for path in ("/", f"/items/{item}", "/accounts", f"/items/{item}/record"):
        response = client.get(path)
        assert response.status_code == 403
        assert "start token" in response.text and "notice" not in response.text
    assert client.get("/?token=not-the-token").status_code == 403
    assert "review_desk" not in client.cookies.keys().__repr__()
    token = desk.guard.token
    response = client.get(f"/?token={token}")
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert "HttpOnly" in response.headers["set-cookie"]
    assert "samesite=strict" in response.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200
    # the address is spent: found later in the browser's history, it opens nothing
    later = client_of(desk, signed_in=False)
    response = later.get(f"/?token={token}")
    assert response.status_code == 403 and "spent" in response.text
    assert later.get("/").status_code == 403


def test_a_foreign_host_header_is_refused(team, item, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    # a page of another site whose name now resolves to 127.0.0.1 (DNS rebinding) sends its
    # own name: refused though the session cookie is right
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1:1", f"127.0.0.2:{PORT}"):
        response = client.get(f"/items/{item}", headers={"host": host})
        assert response.status_code == 400, host
        assert "address printed in the terminal" in response.text
    assert client.get(f"/items/{item}", headers={"host": f"localhost:{PORT}"}).status_code \
        == 200


def test_other_computers_are_refused_unless_started_with_host(team, item, monkeypatch):
    desk = desk_of(team, "reviewer", monkeypatch)
    client = client_of(desk, peer="192.0.2.7", signed_in=False)
    response = client.get(f"/?token={desk.guard.token}")
    assert response.status_code == 403 and "--host" in response.text
    remote = desk_of(team, "reviewer", monkeypatch, remote=True)
    assert client_of(remote, peer="192.0.2.7").get("/").status_code == 200


def test_every_action_needs_this_sessions_csrf_token(team, item, monkeypatch):
    desk = desk_of(team, "reviewer", monkeypatch)
    client = client_of(desk)
    fields = {**form_of(client, item), "reason": "r", "finding": "x", "ref": "文号"}
    before = _records(team, item)
    for action in ACTIONS:
        missing = {k: v for k, v in fields.items() if k != "csrf"}
        response = client.post(f"/items/{item}/{action}", data=missing)
        assert response.status_code == 403 and "CSRF" in response.text, action
        # a token of another session of the same desk (another browser) is no better
        other = client_of(desk)  # a second session of the run
        stolen = {**fields, "csrf": form_of(other, item)["csrf"]}
        assert client.post(f"/items/{item}/{action}", data=stolen).status_code == 403
    assert _records(team, item) == before  # nothing was signed


def test_an_action_needs_the_confirmation(team, item, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    fields = form_of(client, item)
    del fields["confirm"]
    response = client.post(f"/items/{item}/approve", data=fields)
    assert response.status_code == 400 and "confirmation" in response.text
    assert "approve" not in _records(team, item)


@pytest.fixture
def careful(team, monkeypatch):
    """The desk of a reviewer whose key has a passphrase, unlocked once at its start."""
    path = team.key("careful")
    keys.generate(path, "correct horse")
    team.ok("admin", "roster", "add", "careful", "--role", "reviewer", "--key", f"{path}.pub")
    monkeypatch.setenv("REVIEW_KEY_PASSPHRASE", "correct horse")
    return desk_of(team, "careful", monkeypatch)


def test_guessing_the_passphrase_stops_the_desk_signing(team, item, careful):
    client = client_of(careful)
    fields = form_of(client, item)
    for guess in ("a", "b", "c"):
        assert client.post(f"/items/{item}/approve",
                           data={**fields, "passphrase": guess}).status_code == 403
    right = client.post(f"/items/{item}/approve", data={**fields, "passphrase": "correct horse"})
    assert right.status_code == 403 and "run review serve again" in right.text
    assert "approve" not in _records(team, item)


def test_a_key_with_a_passphrase_is_asked_for_it_at_every_signature(team, item, careful):
    desk = careful
    assert desk.locked
    client = client_of(desk)
    fields = form_of(client, item)
    assert 'name="passphrase"' in client.get(f"/items/{item}").text
    assert client.post(f"/items/{item}/approve", data=fields).status_code == 403
    wrong = client.post(f"/items/{item}/approve", data={**fields, "passphrase": "wrong"})
    assert wrong.status_code == 403 and "wrong passphrase" in wrong.text
    assert "approve" not in _records(team, item)
    right = client.post(f"/items/{item}/approve", data={**fields, "passphrase": "correct horse"})
    assert right.status_code == 303
    assert _records(team, item)[-1] == "approve"


def test_every_answer_forbids_scripts_frames_and_the_referer(team, item, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    for path in ("/", f"/items/{item}", "/nowhere", "/static/desk.css"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path
        assert "frame-ancestors 'none'" in csp
        assert headers["referrer-policy"] == "no-referrer"  # the start token is in an address
        assert headers["cache-control"] == "no-store"


def test_serve_refuses_a_key_not_on_the_roster_and_a_busy_port(team, monkeypatch):
    import socket

    team.keygen("stranger")
    result = team.run("stranger", "serve", "--port", "0")
    assert result.exit_code == 1 and "not on the roster" in result.stderr
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        result = team.run("reviewer", "serve", "--port", str(busy.getsockname()[1]))
    finally:
        busy.close()
    assert result.exit_code == 2 and "cannot start the desk" in result.stderr
    assert result.stderr.count("\n") == 1


def test_serve_refuses_every_address_at_once(team):
    # a desk bound to 0.0.0.0 would have no name of its own to check the Host header against
    for host in ("0.0.0.0", "::", "0", "0x0", "::ffff:0.0.0.0"):
        result = team.run("reviewer", "serve", "--host", host, "--port", "0")
        assert result.exit_code == 2 and "every address" in result.stderr


def test_bad_input_is_one_line_never_a_crash(team, item, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    fields = {**form_of(client, item), "reason": "r"}
    for path in ("/items/9223372036854775808", "/items/0", "/items/2147483648/record",
                 "/items/99999999999999999999999999999"):
        response = client.get(path)
        assert response.status_code == 404, path
    response = client.post(f"/items/{2**63}/approve", data=fields)
    assert response.status_code == 404
    # a file where text is expected, a body past the limit, a form without a length
    response = client.post(f"/items/{item}/reject", data=fields,
                           files={"upload": ("evil.txt", b"x")})
    assert response.status_code == 400
    response = client.post(f"/items/{item}/reject", data={**fields, "reason": "x" * 70000})
    assert response.status_code == 413
    assert _records(team, item) == ["submit"]


def test_control_characters_are_never_signed_or_looked_up(team, item, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    fields = form_of(client, item)
    for reason in ("a\x00b", "ok\u202egnissim", "bell\x07"):
        response = client.post(f"/items/{item}/reject", data={**fields, "reason": reason})
        assert response.status_code == 400 and "control" in response.text
    assert client.get("/accounts/notice?unit=%00").status_code == 400
    assert _records(team, item) == ["submit"]
    team.ok("reviewer", "queue")  # the store still answers everyone


def test_a_link_cannot_make_the_page_say_something_was_signed(team, item, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    for action in ("approve", "reject"):
        assert 'id="done"' not in client.get(f"/items/{item}?done={action}").text
    client.post(f"/items/{item}/approve", data=form_of(client, item))
    assert 'id="done"' in client.get(f"/items/{item}?done=approve").text
    assert 'id="done"' not in client.get(f"/items/{item}?done=reject").text


def test_other_pages_cookies_hide_no_session(team, item, monkeypatch):
    """Any page on 127.0.0.1 may set cookies the desk's requests then carry."""
    desk = desk_of(team, "reviewer", monkeypatch)
    session = desk.guard.issue()
    client = client_of(desk, signed_in=False)
    for cookie in (f'prefs={{"theme": "dark"}}; {desk.guard.cookie}={session}',
                   f"{desk.guard.cookie}=forged; {desk.guard.cookie}={session}",
                   f"a=b c; {desk.guard.cookie}={session}; x=[1,2]"):
        response = client.get("/", headers={"cookie": cookie})
        assert response.status_code == 200, cookie
    # a browser whose session is lost is given a new address, the desk still running
    fresh = desk.guard.renew()
    assert client_of(desk, signed_in=False).get(f"/?token={fresh}").status_code == 303
