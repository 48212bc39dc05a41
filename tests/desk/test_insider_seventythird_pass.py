"""Insider red-team pass 73 (docs/redteam/pass-73.md, T1): the version a reviewer read was
named by the draft's hash alone. The editor resubmits the same bytes with another picture
(a new version binding another file) while the reviewer's page is open, or after his `review
show`: the stale form, or `review approve`, approved the picture he was never shown."""

from __future__ import annotations

import re

from workflow.team import CLEAN

from desk.conftest import client_of, desk_of, form_of

CHART = b"\x89PNG\r\n\x1a\n the chart the reviewer was shown"
OTHER = b"\x89PNG\r\n\x1a\n a picture nobody approved"
POST = CLEAN + "\n![全区供水示意图](chart.png)\n"


def _stale_form(team, monkeypatch):
    team.write("chart.png", CHART)
    path = team.write("a.md", POST)
    item = team.submit("editor", path)
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    page = client.get(f"/items/{item}").text
    form = {**form_of(client, item),
            "version": re.search(r'name="version" value="([^"]+)"', page).group(1)}
    return path, item, client, form


def test_a_stale_page_does_not_approve_a_picture_swapped_by_a_resubmission(team, monkeypatch):
    path, item, client, form = _stale_form(team, monkeypatch)
    team.write("chart.png", OTHER)
    assert team.submit("editor", path) == item  # the same draft bytes, another picture
    response = client.post(f"/items/{item}/approve", data=form)
    assert response.status_code == 409 and "resubmitted after you read it" in response.text
    assert response.status_code == 409
    assert client.post(f"/items/{item}/reject", data={**form, "reason": "x"}).status_code == 409
    # the page read again names the new version: its approval is his to sign
    page = client.get(f"/items/{item}").text
    form["version"] = re.search(r'name="version" value="([^"]+)"', page).group(1)
    assert client.post(f"/items/{item}/approve", data=form).status_code == 303


def test_the_stale_page_of_an_unchanged_version_still_approves(team, monkeypatch):
    _, item, client, form = _stale_form(team, monkeypatch)
    assert client.post(f"/items/{item}/approve", data=form).status_code == 303


def test_review_show_binds_the_version_not_only_its_bytes(team):
    team.write("chart.png", CHART)
    path = team.write("a.md", POST)
    item = team.submit("editor", path)
    team.ok("reviewer", "show", str(item))
    team.write("chart.png", OTHER)
    assert team.submit("editor", path) == item
    team.refused("reviewer", "approve", str(item), match="resubmitted after you read it")
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))


def test_a_version_naming_no_hash_before_its_record_is_too_short(team):
    path = team.write("a.md", CLEAN)
    item = team.submit("editor", path)
    team.usage_error("reviewer", "approve", str(item), "--version", "@" + "1" * 40,
                     match="at least")


def test_a_csrf_token_of_other_characters_is_refused_not_a_crash(sqlite_team, monkeypatch):
    """T3: `csrf=%ff` (any page on 127.0.0.1 gets the cookie sent: same site) reached
    hmac.compare_digest with a non-ASCII text, a TypeError: 500 and a crash log each time."""
    item = sqlite_team.submit("editor", sqlite_team.write("a.md", CLEAN))
    client = client_of(desk_of(sqlite_team, "reviewer", monkeypatch))
    for token in ("%ff%fe", "%E5%AE%A1"):
        response = client.post(f"/items/{item}/approve", content=f"csrf={token}&confirm=yes",
                               headers={"content-type": "application/x-www-form-urlencoded"})
        assert response.status_code == 403, response.text
