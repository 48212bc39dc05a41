"""A release is published when its change is merged, under the policy in force then: a draft
released under one level before the office raised its policy to two is not published on one
(red-team pass 42 F3, open until stop 39: the gate judged a release by the policy of its day
only)."""

import json

from ci.conftest import ci, commit, git
from ci.test_gate import require_approval
from workflow.team import CLEAN


def _released_under_one_level(repo) -> str:
    """A clean draft submitted, approved at the one level, released, exported, committed."""
    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")  # the log's reach holds the release
    commit(repo)
    return path


def _raised_on_main(repo) -> None:
    """The office adds an approver, sets two levels and commits its export to main."""
    repo.keygen("approver")
    repo.add("approver", "approver")
    repo.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    _export_to_main(repo, "two levels")


def _export_to_main(repo, message: str) -> None:
    """The office's new export committed to main, and main merged into the change."""
    repo.ok("admin", "roster", "export")
    commit(repo, message)
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "checkout", "change", "--", ".review/roster.json")
    commit(repo, message)
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")


def test_a_release_from_before_a_policy_raise_is_published_only_once_released_again(repo):
    path = _released_under_one_level(repo)
    assert ci(repo).exit_code == 0  # one level is the policy at the base: published
    _raised_on_main(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"][0]["approval_error"]
    assert "the chain in force" in said and "level 2" in said, said
    assert "released" in repo.ok("reviewer", "verify", path).stdout  # released, as of its day
    # released again under two levels: published
    again = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(again))
    repo.ok("approver", "approve", str(again))
    repo.ok("editor", "release", str(again))
    repo.ok("admin", "roster", "export")
    commit(repo, "released again")
    result = ci(repo)
    assert result.exit_code == 0, result.output


def test_a_policy_unchanged_since_the_release_publishes_it(repo):
    """The base's export names the same policy: nothing more is asked (a roster change, a new
    person, is no policy change)."""
    _released_under_one_level(repo)
    assert ci(repo).exit_code == 0
    repo.keygen("clerk")
    repo.add("clerk", "reviewer")
    _export_to_main(repo, "a new reviewer")
    assert ci(repo).exit_code == 0
