"""Red-team pass 62 (docs/redteam/pass-62.md): attacker (d), an editor with push rights to the
content repository `review ci` gates, his own key and the office's shared folder."""

from __future__ import annotations

import json

from ci.conftest import commit, git
from ci.test_gate import require_approval
from click.testing import CliRunner
from workflow.team import CLEAN

from review.cli import main
from review.workflow import attest

ROSTER = ".review/roster.json"


def _gate(repo, pinned: str | None = None):
    env = repo.env(None) if pinned is None else {**repo.env(None), "REVIEW_TRUST_ROOT": pinned}
    return CliRunner().invoke(main, ["ci", "--base", "main", "--format", "json",
                                     "--lang", "en"], env=env, catch_exceptions=False)


def _pinned_newest(repo) -> str:
    newest = json.loads((repo.root / ROSTER).read_text(encoding="utf-8"))
    return str(attest.root_of(attest.read_roster(newest)))


def _released_then_raised(repo) -> tuple[str, str]:
    """On the change: a draft released under the one-level policy (one reviewer), never
    merged. Then the office adds an approver, raises the policy to two levels and exports
    (into the shared folder: the workspace); the pin names that newest record. The export is
    not yet on main. Returns the draft's path and the pin."""
    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.keygen("approver")
    repo.add("approver", "approver")
    repo.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    repo.ok("admin", "roster", "export")  # the office's newest export, in the shared folder
    return path, _pinned_newest(repo)


# K1 (pass 57's open C4): with no export at the base that the gate trusts — here the pin moved
# to the office's newest record before that export was merged, so the base's older export is
# no root — the gate judged a release by the policy of its day only. The editor commits the
# office's newest export (from the shared folder) with a draft released under one level
# before the raise: exit 0, one reviewer, though two levels are in force.
def test_k1_a_release_before_a_raise_is_judged_by_the_change_export_policy_pin_moved(repo):
    _, pinned = _released_then_raised(repo)
    commit(repo, "publish a.md with the office's newest export")
    result = _gate(repo, pinned)
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"][0]["approval_error"]
    assert "level 2 (approver)" in said, said


def test_k1_the_same_with_no_export_at_the_base(repo):
    """The base holds no export at all (the office never committed one after pinning)."""
    _released_then_raised(repo)
    commit(repo, "publish a.md with the office's newest export")
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "rm", "-q", ROSTER)
    commit(repo, "no export at the base")
    git(repo.root, "checkout", "-q", "change")
    result = _gate(repo, _pinned_newest(repo))  # the pin names the newest record
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"][0]["approval_error"]
    assert "level 2 (approver)" in said, said
    # control, before the fix too: pinned without a record, the change's export anchors
    # nothing and no release is within reach
    result = _gate(repo)
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"][0]["approval_error"]
    assert "newer than the committed roster export" in said, said


def test_k1_control_released_again_under_two_levels_passes(repo):
    path, pinned = _released_then_raised(repo)
    again = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(again))
    repo.ok("approver", "approve", str(again))
    repo.ok("editor", "release", str(again))
    repo.ok("admin", "roster", "export")
    commit(repo, "released again")
    result = _gate(repo, pinned)
    assert result.exit_code == 0, result.output


# K7: an approved draft shows an SVG chart holding `$Format:%s$` (tiny, pale: the reviewer
# sees a placeholder). The change adds only `*.svg export-subst` to .gitattributes (outside
# the publishable paths) and commits with the message it wants shown: `git archive` writes
# the message into the chart. The gate checked `export-subst` on drafts only: exit 0.
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
       '<text x="0" y="20" font-size="2" fill="#eee">$Format:%s$</text></svg>\n')


def _chart_released_and_merged(repo) -> str:
    require_approval(repo)
    (repo.root / "posts").mkdir(exist_ok=True)
    (repo.root / "posts" / "chart.svg").write_text(SVG, encoding="utf-8")
    path = repo.write("a.md", CLEAN + "\n![图表](chart.svg)\n")
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "a.md with its chart")
    assert _gate(repo).exit_code == 0
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", "change")
    git(repo.root, "checkout", "-q", "change")
    return path


def test_k7_a_picture_git_archive_rewrites_stops_the_draft_that_shows_it(repo):
    path = _chart_released_and_merged(repo)
    (repo.root / ".gitattributes").write_text("*.svg export-subst\n", encoding="utf-8")
    commit(repo, "出售冰毒，加微信")
    result = _gate(repo)
    assert result.exit_code == 2, result.output
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == [path], files
    said = files[0]["error"]  # the picture named, and why the draft is not checked
    assert "posts/chart.svg" in said and "export-subst" in said, files


def test_k7_control_other_attributes_on_a_picture_stop_nothing(repo):
    """Checkout applies these on the site as here (Git LFS's filter is one): not refused."""
    _chart_released_and_merged(repo)
    (repo.root / ".gitattributes").write_text("*.svg -text ident\n", encoding="utf-8")
    commit(repo, "attributes")
    result = _gate(repo)
    assert result.exit_code == 0, result.output
