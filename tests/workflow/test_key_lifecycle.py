"""Key lifecycle (issue 16 #9): rotation, revocation from an earlier point of the log, a
threshold of admins for every roster and policy change, and recovery of a lost admin key."""

import json

from workflow.team import CLEAN

from .test_attacks import approved_item


def three_admins(team) -> None:
    for who in ("admin2", "admin3"):
        team.keygen(who)
        team.add(who, "admin")
    team.ok("admin", "policy", "set", "--levels", "reviewer", "--admin-threshold", "2")


def test_a_rotated_key_replaces_the_old_one(team):
    team.keygen("reviewer-new")
    result = team.ok("admin", "roster", "rotate", "reviewer", "--key",
                     f"{team.key('reviewer-new')}.pub")
    assert "in force" in result.stdout
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.refused("reviewer", "approve", str(item), match="revoked")
    team.ok("reviewer-new", "approve", str(item))
    team.ok("editor", "release", str(item))
    team.ok(None, "verify", "posts/a.txt")


def test_a_revocation_from_an_earlier_record_voids_what_the_key_signed_since(team):
    """The reviewer's key was stolen before it approved: revoked --since a record before the
    approval, the approval no longer counts, in the store and in verification."""
    _, item = approved_item(team)
    history = json.loads(team.ok(None, "log", str(item), "--format", "json").stdout)
    approval = next(r["seq"] for r in history if r["kind"] == "approve")
    team.ok("admin", "roster", "revoke", "reviewer", "--since", str(approval - 1))
    team.refused("editor", "release", str(item), match="needs approval")
    team.usage_error("admin", "roster", "revoke", "editor", "--since", "9999", match="--since")


def test_under_a_threshold_one_admin_only_proposes(team):
    three_admins(team)
    result = team.ok("admin", "roster", "add", "outsider", "--role", "reviewer", "--key",
                     f"{team.key('outsider')}.pub")
    assert "proposed, needs 1 more" in result.stdout
    seq = result.stdout.split("record ")[1].split(":")[0]
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.refused("outsider", "approve", str(item), match="not on the roster")
    pending = json.loads(team.ok(None, "roster", "pending", "--format", "json").stdout)
    assert [p["seq"] for p in pending] == [int(seq)] and pending[0]["signed_by"] == ["admin"]
    team.refused("admin", "roster", "cosign", seq, match="already signed")
    team.refused("editor", "roster", "cosign", seq, match="admin")
    assert "in force" in team.ok("admin2", "roster", "cosign", seq).stdout
    team.ok("outsider", "approve", str(item))
    team.usage_error("admin3", "roster", "cosign", seq, match="not a proposed")


def test_a_lost_admin_key_is_recovered_by_the_other_admins(team):
    three_admins(team)
    team.keygen("admin-new")
    result = team.ok("admin2", "roster", "rotate", "admin", "--key",
                     f"{team.key('admin-new')}.pub")
    seq = result.stdout.split("record ")[1].split(":")[0]
    team.ok("admin3", "roster", "cosign", seq)
    team.refused("admin", "roster", "add", "x", "--role", "editor", "--key",
                 f"{team.key('outsider')}.pub", match="revoked")
    result = team.ok("admin-new", "roster", "add", "x", "--role", "editor", "--key",
                     f"{team.key('outsider')}.pub")
    assert "proposed" in result.stdout


def test_the_threshold_never_locks_the_roster(team):
    team.refused("admin", "policy", "set", "--levels", "reviewer", "--admin-threshold", "2",
                 match="1 to 1")
    team.keygen("admin2")
    team.add("admin2", "admin")
    team.ok("admin", "policy", "set", "--levels", "reviewer", "--admin-threshold", "2")
    result = team.refused("admin", "roster", "revoke", "admin2", match="only 1 would be left")
    assert result.exit_code == 1


def test_crossing_proposals_cannot_lock_the_roster(team):
    """Red team A09: two revocations proposed while three admins remain, then both
    co-signed; the second would leave one admin under a threshold of two."""
    three_admins(team)
    first = team.ok("admin", "roster", "revoke", "admin2").stdout.split("record ")[1]
    second = team.ok("admin", "roster", "revoke", "admin3").stdout.split("record ")[1]
    team.ok("admin2", "roster", "cosign", second.split(":")[0])  # admin3 revoked: 2 remain
    result = team.ok("admin2", "roster", "cosign", first.split(":")[0])  # 1 left under 2
    assert "not in force" in result.stdout
    admins = [p["name"] for p in json.loads(team.ok(None, "roster", "list", "--format",
                                                    "json").stdout)
              if "admin" in p["roles"] and not p["revoked"]]
    assert sorted(admins) == ["admin", "admin2"]  # the second revocation did not take effect
    team.keygen("admin4")
    added = team.ok("admin", "roster", "add", "admin4", "--role", "admin", "--key",
                    f"{team.key('admin4')}.pub").stdout.split("record ")[1].split(":")[0]
    assert "in force" in team.ok("admin2", "roster", "cosign", added).stdout
    team.ok(None, "audit", "verify")
