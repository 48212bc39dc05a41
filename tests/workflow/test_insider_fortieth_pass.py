"""Insider pass 40: policies whose levels repeat a role, or ask for more people than the roster
has, set by `policy set` or by the thief of one admin key with his own copy of `review` (a
hand-made record). Held: one person approves one level of an item only, so a repeated role
needs as many people; a level no one can fill leaves the item waiting, never released."""

from __future__ import annotations

import json

from workflow.team import CLEAN, Team, three_admins

from review.workflow.policy import Policy


def test_a_repeated_level_needs_a_second_person(team: Team) -> None:
    team.ok("admin", "policy", "set", "--levels", "reviewer,reviewer")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "approve", str(item))
    team.refused("reviewer", "approve", str(item))     # the same person at level 2
    team.refused("editor", "release", str(item))       # level 2 is still open
    team.keygen("reviewer2")
    team.add("reviewer2", "reviewer")
    team.ok("reviewer2", "approve", str(item))
    team.ok("editor", "release", str(item))


def test_a_forged_policy_of_levels_no_roster_fills_waits_and_releases_nothing(
        team: Team, monkeypatch) -> None:
    three_admins(team)
    real = Policy.as_dict

    def forged(self: Policy) -> dict:  # the thief's own copy of `review`
        return {**real(self), "levels": ["reviewer"] * 5}

    with monkeypatch.context() as thief:
        thief.setattr(Policy, "as_dict", forged)
        team.ok("admin2", "policy", "set", "--levels", "reviewer")
    pending = json.loads(team.ok("admin3", "roster", "pending", "--format", "json").stdout)
    assert pending[-1]["statement"]["levels"] == ["reviewer"] * 5 and pending[-1]["needs"] == 1
    # before a second admin signs, the old policy (one reviewer) holds
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    # co-signed (the second admin saw it), five levels need five people: one stops at level 2
    team.ok("admin3", "roster", "cosign", str(pending[-1]["seq"]))
    other = team.submit("editor", team.write("b.md", CLEAN.replace("12月10日", "12月11日")))
    team.ok("reviewer", "approve", str(other))
    team.refused("reviewer", "approve", str(other))
    team.refused("editor", "release", str(other))
