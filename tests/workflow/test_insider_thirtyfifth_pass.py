"""Insider pass 35: what it got through, and what now stops it.

- A person could be added under a name drawn exactly as a colleague's — `rеviewer` with a
  Cyrillic е, a name with a space or a zero-width space at its end, a full-width letter, a
  traditional character. Under an admins' threshold of two, the thief of admin2's key proposed
  `rеviewer` with a key of his own; admin3 read `rеviewer: reviewer` in `roster pending`, took
  it for the reviewer's new key and co-signed. The thief then approved the editor's draft as
  `rеviewer`, and the log, the queue and the attestation said the reviewer had approved it.
  Adding (and co-signing the addition of) a name that looks like another person's on the
  roster is now refused, the two names shown with the characters that differ spelt out."""

from __future__ import annotations

import json

import pytest
from workflow.team import CLEAN, Team, three_admins

from review.workflow.roster import Roster

LOOKALIKES = ["r\u0435viewer",  # a Cyrillic е
              "reviewer ", "reviewer\u200b", "Ｒeviewer"]


def _pending(team: Team) -> str:
    out = team.ok("admin", "roster", "pending", "--format", "json").stdout
    return str(json.loads(out)[0]["seq"])


@pytest.mark.parametrize("name", LOOKALIKES)
def test_a_name_drawn_as_a_colleagues_is_refused(team: Team, name: str) -> None:
    team.keygen("thief2")
    team.refused("admin", "roster", "add", name, "--role", "reviewer", "--key",
                 f"{team.key('thief2')}.pub", match="looks the same as reviewer")
    team.lang = ""  # Chinese by default, the character that differs spelt out
    result = team.refused("admin", "roster", "add", name, "--role", "reviewer", "--key",
                          f"{team.key('thief2')}.pub", match="看起来相同")
    assert "⟦U+" in result.stderr
    # the reviewer's own name, with a second key of his, is still his
    team.ok("admin", "roster", "add", "reviewer", "--role", "reviewer", "--key",
            f"{team.key('thief2')}.pub")


def test_a_chinese_name_and_its_traditional_or_spaced_spelling_are_one_name(team: Team) -> None:
    team.keygen("zhang")
    team.keygen("thief2")
    team.ok("admin", "roster", "add", "张三", "--role", "reviewer", "--key",
            f"{team.key('zhang')}.pub")
    for name in ("張三", "张 三", "张三\u3000"):
        team.refused("admin", "roster", "add", name, "--role", "approver", "--key",
                     f"{team.key('thief2')}.pub", match="looks the same as 张三")


def test_a_lookalike_proposed_by_hand_with_a_stolen_key_is_not_co_signed(
        team: Team, monkeypatch) -> None:
    three_admins(team)
    team.keygen("thief2")
    with monkeypatch.context() as thief:  # his own copy of `review`, without the check
        thief.setattr(Roster, "looks_like", lambda self, name: None, raising=False)
        team.ok("admin2", "roster", "add", "r\u0435viewer", "--role", "reviewer", "--key",
                f"{team.key('thief2')}.pub")
    team.refused("admin3", "roster", "cosign", _pending(team), match="looks the same")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("thief2", "approve", str(item), match="not on the roster")
