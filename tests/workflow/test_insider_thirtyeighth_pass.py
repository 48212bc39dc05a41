"""Insider pass 38: what it got through, and what now stops it.

- Pass 37 refused two additions of names drawn alike waiting together, but not two additions
  (or rotations) of one name that differ. While an admin's addition of 张伟 with 张伟's key
  waited, the thief of admin2's key proposed 张伟 again with a key of his own, through the
  ordinary CLI. `roster pending` showed admin3 two lines of 张伟, told apart by a key's
  base64 alone; whichever he co-signed (or both, the second taken for a duplicate), the thief
  held a key of 张伟's and approved as him. An addition or rotation of a name another one
  still waiting (and standing) proposes otherwise is now refused, and so is its
  co-signature: neither gets in until the other has lapsed or its signer's key is revoked.
- `roster pending` showed a pinned list change by path, the last entry of a path winning. A
  `policy.set` pinning the office's term list twice (once at `info`) read "no change to the
  policy in force"; co-signed, every check then failed (a rule declared twice). A list pinned
  twice, or reordered, is now shown whole, before and after."""

from __future__ import annotations

import json

from workflow.team import CLEAN, Team, three_admins
from workflow.test_insider_thirtyseventh_pass import (
    _pending,
    thief_proposes,
    thief_revoked_then,
    zhang_proposed,
)

from review.workflow.policy import Policy

ORG = '[[lexicon]]\npath = "org/terms.txt"\ncategory = "illegal"\nseverity = "block"\n'


def _names(team: Team) -> dict[str, list[str]]:
    return {p["name"]: p["keys"] for p in json.loads(
        team.ok("admin", "roster", "list", "--format", "json").stdout)}


def test_two_additions_of_one_name_with_different_keys_are_neither_co_signed(
        team: Team, monkeypatch) -> None:
    zhang_proposed(team)
    # the thief of admin2's key: the same name, his own key (refused now by the CLI; made past
    # the check with his own copy of `review`)
    team.refused("admin2", "roster", "add", "张伟", "--role", "approver", "--key",
                 f"{team.key('thief2')}.pub", match="already proposes 张伟")
    thief_proposes(team, monkeypatch, "张伟")
    real, forged = (p["seq"] for p in _pending(team))
    team.refused("admin3", "roster", "cosign", str(forged), match="already proposes 张伟")
    team.refused("admin3", "roster", "cosign", str(real), match="already proposes 张伟")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("thief2", "approve", str(item), match="not on the roster")
    thief_revoked_then(team, real)
    assert len(_names(team)["张伟"]) == 1
    team.lang = ""
    team.keygen("other")
    team.ok("admin", "roster", "rotate", "张伟", "--key", f"{team.key('other')}.pub")
    team.refused("admin3", "roster", "rotate", "张伟", "--key", f"{team.key('thief2')}.pub",
                 match="待会签记录已提议")


def test_pending_shows_a_list_pinned_twice_whole(team: Team, monkeypatch) -> None:
    (team.root / "org").mkdir()
    (team.root / "org" / "terms.txt").write_text("青岚特供散装酒\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG, encoding="utf-8")
    team.ok("admin", "policy", "lists")
    three_admins(team)
    real = Policy.as_dict

    def forged(self: Policy) -> dict:  # the thief's own copy of `review`
        out = real(self)
        out["lists"] = [{**out["lists"][0], "severity": "info"}, out["lists"][0]]
        return out

    with monkeypatch.context() as thief:
        thief.setattr(Policy, "as_dict", forged)
        team.ok("admin2", "policy", "set", "--levels", "reviewer")
    shown = team.ok("admin3", "roster", "pending").stdout
    assert "no change" not in shown, shown
    assert "lists: [org/terms.txt " in shown and "severity=info" in shown, shown
    assert shown.count("org/terms.txt") == 3, shown
    team.lang = ""
    assert "审核策略不变" not in team.ok("admin3", "roster", "pending").stdout


def test_a_policy_with_no_review_level_made_by_hand_is_no_policy(team: Team,
                                                                 monkeypatch) -> None:
    """Left open by the pass: `Policy.read` took any levels a signed record stated. The thief
    of admin2's key proposes, with his own copy of `review`, a policy of no level at all (no
    approval needed); admin3 co-signs what `roster pending` shows (`levels: reviewer ⇒ `).
    The record is no policy now: the policy in force stays."""
    three_admins(team)
    real = Policy.as_dict

    def forged(self: Policy) -> dict:
        return {**real(self), "levels": []}

    with monkeypatch.context() as thief:
        thief.setattr(Policy, "as_dict", forged)
        team.ok("admin2", "policy", "set", "--levels", "reviewer")
    seq = _pending(team, "admin3")[-1]["seq"]
    team.run("admin3", "roster", "cosign", str(seq))
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("editor", "release", str(item))


def test_ids_swapped_between_the_office_check_and_the_action_are_caught_in_it(
        team: Team, request, monkeypatch) -> None:
    """Pass 38's D4: an office action checked the tables against the log before its own
    transaction. Ids swapped in that gap (the member's UPDATE racing the command) let an
    import sign one account's posts under the other's id and exit 0. The check runs again
    inside the action's transaction, after it read the ids: exit 3, nothing signed."""
    from workflow.test_insider_thirtyfifth_pass import _swap_account_ids

    from review.accounts import checked

    for name, unit in (("城东发布", "城东区某局"), ("城东应急", "城东区另一局")):
        team.ok("admin", "accounts", "add", name, "--unit", unit, "--platform", "微信公众号")
    (team.root / "act.csv").write_text("account,date\n城东应急,2026-12-08\n", encoding="utf-8")
    real = checked.office_checked

    def racing(service) -> None:
        real(service)
        _swap_account_ids(team, request)  # just after the command's own check

    with monkeypatch.context() as race:
        race.setattr(checked, "office_checked", racing)
        team.fails(3, "admin", "accounts", "activity", "import", "act.csv", match="id differs")
    _swap_account_ids(team, request)  # put back: the import signed nothing
    team.ok("admin", "audit", "verify")
