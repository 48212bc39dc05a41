"""Red-team pass 57 (docs/redteam/pass-57.md): the gate's judgement of a release by the policy
in force at the base revision's export (pass 42 F3, stop 39)."""

import json

from ci.conftest import ci, commit
from ci.test_gate import require_approval
from ci.test_policy_raise import _export_to_main
from workflow.team import CLEAN


def _released_by_two_reviewers(repo) -> str:
    """Two levels that both ask a reviewer (a policy the office may set); a draft released
    under it, the release within the export's reach."""
    require_approval(repo)
    repo.keygen("second")
    repo.add("second", "reviewer")
    repo.ok("admin", "policy", "set", "--levels", "reviewer,reviewer")
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("second", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo)
    assert ci(repo).exit_code == 0
    return path


def test_c1_a_level_approved_by_the_role_of_its_day_is_no_level_of_a_raised_role(repo):
    """C1: the office raised level 2 from a reviewer to an approver. The release's second
    level was a reviewer's: the base's policy asks two levels, the history holds two — but
    the second is not an approver's. The gate passed it (exit 0)."""
    path = _released_by_two_reviewers(repo)
    repo.keygen("approver")
    repo.add("approver", "approver")
    repo.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    _export_to_main(repo, "level 2 an approver's")
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"][0]["approval_error"]
    assert "the chain in force" in said and "approver" in said, said
    assert "released" in repo.ok("reviewer", "verify", path).stdout  # as of its day


def test_c1_control_the_same_roles_in_another_order_of_people(repo):
    """Control: the base's policy is the day's: nothing more is asked."""
    _released_by_two_reviewers(repo)
    repo.keygen("clerk")
    repo.add("clerk", "reviewer")
    _export_to_main(repo, "a new reviewer")
    assert ci(repo).exit_code == 0
