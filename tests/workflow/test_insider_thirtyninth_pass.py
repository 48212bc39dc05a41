"""Insider pass 39: what it got through, and what now stops it.

- Python's JSON writes and reads Infinity and NaN; SQLite's and PostgreSQL's JSON refuse them.
  The thief of admin2's key signed, with his own copy of `review`, a `policy.set` whose
  `admin_threshold` is Infinity (a proposal, under a threshold of two). The check of the
  whole log's columns, run in SQL before every action, then failed on that body: every
  member's every command exited 3 ("the store is damaged") until a restore. The check now
  reads those tokens as 0, and `Policy.read` takes a threshold only as an integer of at least
  1 and the separate publisher only as a flag: the record is shown, and is no policy."""

from __future__ import annotations

import json

import pytest
from workflow.team import CLEAN, Team, three_admins

from review.workflow.policy import Policy


@pytest.mark.parametrize("threshold", [float("inf"), float("nan"), True, 0])
def test_a_threshold_no_integer_holds_stops_nothing_and_is_no_policy(
        team: Team, monkeypatch, threshold) -> None:
    three_admins(team)
    real = Policy.as_dict

    def forged(self: Policy) -> dict:  # the thief's own copy of `review`
        return {**real(self), "levels": ["reviewer"], "admin_threshold": threshold}

    with monkeypatch.context() as thief:
        thief.setattr(Policy, "as_dict", forged)
        team.ok("admin2", "policy", "set", "--levels", "reviewer")
    pending = json.loads(team.ok("admin3", "roster", "pending", "--format", "json").stdout)
    team.ok("admin3", "roster", "list")
    team.run("admin3", "roster", "cosign", str(pending[-1]["seq"]))
    # the threshold of two is still in force: one admin's change waits for another
    team.ok("admin2", "policy", "set", "--levels", "reviewer,approver")
    waiting = json.loads(team.ok("admin", "roster", "pending", "--format", "json").stdout)
    assert [(p["statement"]["levels"], p["needs"]) for p in waiting] == \
        [(["reviewer", "approver"], 1)]
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
