"""Insider red-team pass 58 (docs/redteam/pass-58.md): what `review show`, `review queue`
and the desk say a post shows besides its text — its bound pictures and the addresses it
loads from outside — against an editor with his own key."""

from __future__ import annotations

import json

import pytest
from workflow.team import CLEAN

from review.workflow import chain

PAGE = CLEAN + "\n![全区供水示意图](https://cdn.example.com/a.png)\n"


def _signed_without_remote(monkeypatch) -> None:
    """The editor signs his submission by hand (his own key): the statement says the post
    loads nothing from outside."""
    append = chain.append

    def forged(conn, identity, kind, item_id, statement):
        if kind in ("submit", "resubmit"):
            statement = {**statement, "remote": []}
        return append(conn, identity, kind, item_id, statement)

    monkeypatch.setattr(chain, "append", forged)


# F1: the remote addresses a reviewer is shown are the editor's word; approve compared only
# the local files with what the draft loads
def test_a_submission_hiding_its_remote_addresses_is_not_approved(team, monkeypatch):
    path = team.write("a.md", PAGE)
    with monkeypatch.context() as m:
        _signed_without_remote(m)
        item = team.submit("editor", path)
    data = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert data["remote"] == []  # what the reviewer is told
    team.refused("reviewer", "approve", str(item), match="cdn.example.com")


def test_an_honest_submission_with_remote_addresses_is_still_approved(team):
    path = team.write("a.md", PAGE)
    item = team.submit("editor", path)
    data = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert data["remote"] == ["https://cdn.example.com/a.png"]
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    assert "released" in team.ok("reviewer", "verify", path).stdout


# F2: a direction mark, a zero-width space or a line separator in an address (written as a
# character reference) reached the reviewer's terminal raw; only what moves the cursor and the
# direction overrides were named
HIDDEN = {"\u200f": "⟦U+200F⟧", "\u061c": "⟦U+061C⟧", "\u200b": "⟦U+200B⟧",
          "\u2028": "⟦U+2028⟧", "\u202e": "⟦U+202E⟧"}


@pytest.mark.parametrize("page", [
    "\n![图](https://cdn.example.com/a&#x200f;b&#x61c;c&#x200b;d&#x2028;e&#x202e;f.png)\n",
    '\n<p><img src="https://cdn.example.com/a&#x200f;b&#x61c;c&#x200b;d&#x2028;e&#x202e;f.png">'
    "</p>\n",
])
def test_an_address_is_shown_with_every_unprintable_character_named(team, page):
    path = team.write("a.md", CLEAN + page)
    item = team.submit("editor", path)
    out = team.ok("reviewer", "show", str(item)).stdout
    listed = out[out.index("cdn.example.com/a", out.index("(1)")):].split("\n")[0]
    assert listed == "cdn.example.com/a⟦U+200F⟧b⟦U+061C⟧c⟦U+200B⟧d⟦U+2028⟧e⟦U+202E⟧f.png"
    assert not any(c in listed for c in HIDDEN)
