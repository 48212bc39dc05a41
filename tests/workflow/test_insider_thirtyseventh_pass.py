"""Insider pass 37: what it got through, and what now stops it.

- Pass 35's look-alike check compared a new name with the people on the roster only. Under an
  admins' threshold of two, while an admin's addition of 张伟 waited for a co-signature, the
  thief of admin2's key proposed 張伟 with a key of his own. admin3 co-signed the first of
  the two he read; the thief's got in, and the real 张伟's was then refused as the look-alike.
  An addition whose name is drawn as that of another addition still waiting (and standing) is
  now refused, and so is its co-signature: neither gets in until the other has lapsed.
- The fold missed letters drawn as Latin ones: the Cyrillic izhitsa ѵ (v), the Latin dotless ı
  (as Greek ι, already folded, is drawn), script ɡ and alpha ɑ. `reѵiewer` was added beside
  `reviewer`. They fold to the Latin letter.
- `roster pending` showed a proposed `policy.set` as the whole new policy: a level dropped and
  the separate publisher switched off, beside a dozen allowed phrases, read as "an allowed
  phrase added". It shows what the proposal changes in the policy in force (`levels:
  reviewer, approver ⇒ reviewer`), and `--format json` gives the same as `changes`."""

from __future__ import annotations

import json

import pytest
from workflow.team import CLEAN, Team, three_admins


def _pending(team: Team, who: str = "admin") -> list[dict]:
    return json.loads(team.ok(who, "roster", "pending", "--format", "json").stdout)


def zhang_proposed(team: Team) -> None:
    """Three admins under a threshold of two; admin proposes 张伟 as an approver with 张伟's
    key, and the thief of admin2's key has a key of his own ready (thief2)."""
    three_admins(team)
    team.keygen("zhang")
    team.keygen("thief2")
    team.ok("admin", "roster", "add", "张伟", "--role", "approver", "--key",
            f"{team.key('zhang')}.pub")


def thief_proposes(team: Team, monkeypatch, name: str) -> None:
    """The thief of admin2's key proposes `name` with his own key, with his own copy of
    `review` (no check he does not want)."""
    with monkeypatch.context() as thief:
        thief.setattr("review.workflow.service._not_drawn_as_proposed", lambda *a: None,
                      raising=False)
        team.ok("admin2", "roster", "add", name, "--role", "approver", "--key",
                f"{team.key('thief2')}.pub")


def thief_revoked_then(team: Team, real: int) -> None:
    """Once the thief's key is revoked, his proposal stands for nobody: the real 张伟's
    addition (record `real`) gets in, and the thief's key approves nothing."""
    team.ok("admin", "roster", "revoke", "admin2")
    team.ok("admin3", "roster", "cosign", str(_pending(team)[-1]["seq"]))
    team.ok("admin3", "roster", "cosign", str(real))
    item = team.submit("editor", team.write("after.md", CLEAN))
    team.refused("thief2", "approve", str(item), match="not on the roster")


def test_two_additions_drawn_alike_waiting_together_are_neither_co_signed(
        team: Team, monkeypatch) -> None:
    zhang_proposed(team)
    thief_proposes(team, monkeypatch, "張伟")
    seqs = {p["statement"]["name"]: p["seq"] for p in _pending(team)}
    team.refused("admin3", "roster", "cosign", str(seqs["張伟"]),
                 match="whose addition (record")
    team.refused("admin3", "roster", "cosign", str(seqs["张伟"]), match="looks the same")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("thief2", "approve", str(item), match="not on the roster")
    thief_revoked_then(team, seqs["张伟"])
    names = [p["name"] for p in json.loads(
        team.ok("admin", "roster", "list", "--format", "json").stdout)]
    assert "张伟" in names and "張伟" not in names


def test_adding_a_name_drawn_as_a_waiting_addition_is_refused(team: Team) -> None:
    zhang_proposed(team)
    team.refused("admin2", "roster", "add", "張伟", "--role", "approver", "--key",
                 f"{team.key('thief2')}.pub", match="looks the same as 张伟, whose addition")
    team.lang = ""
    team.refused("admin2", "roster", "add", "張伟", "--role", "approver", "--key",
                 f"{team.key('thief2')}.pub", match="待会签记录")


@pytest.mark.parametrize("name", ["re\u0475iewer", "rev\u0131ewer", "REѴIEWER"])
def test_an_izhitsa_or_a_dotless_i_is_drawn_as_the_latin_letter(team: Team, name: str) -> None:
    team.keygen("thief2")
    team.refused("admin", "roster", "add", name, "--role", "reviewer", "--key",
                 f"{team.key('thief2')}.pub", match="looks the same as reviewer")


def test_pending_shows_a_policy_change_as_what_it_changes(team: Team) -> None:
    three_admins(team)
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver", "--separate-publisher")
    team.ok("admin2", "roster", "cosign", str(_pending(team)[0]["seq"]))
    for i in range(6):
        team.ok("admin", "policy", "allow", f"短语{i}号示例")
        team.ok("admin2", "roster", "cosign", str(_pending(team)[0]["seq"]))
    # the thief of admin2's key: one level and the separate publisher gone, "a phrase added"
    team.ok("admin2", "policy", "set", "--levels", "reviewer")
    shown = team.ok("admin3", "roster", "pending").stdout
    assert "levels: reviewer, approver ⇒ reviewer" in shown, shown
    assert "separate_publisher: true ⇒ false" in shown
    assert "短语0号示例" not in shown  # unchanged: not in the way
    [proposal] = _pending(team, "admin3")
    assert proposal["changes"] == {
        "levels": {"was": ["reviewer", "approver"], "now": ["reviewer"]},
        "separate_publisher": {"was": True, "now": False}}
    team.ok("admin", "roster", "revoke", "admin2")
    team.ok("admin3", "roster", "cosign", str(_pending(team)[-1]["seq"]))
    team.ok("admin", "policy", "allow", "新短语", "--remove", "短语1号示例")
    team.lang = ""
    shown = team.ok("admin3", "roster", "pending").stdout
    assert "审核策略变更" in shown and "allow: − 短语1号示例; allow: + 新短语" in shown, shown
