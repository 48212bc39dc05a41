"""Insider red-team pass 73 (docs/redteam/pass-73.md, T2): `[ci] paths` match in any letter
case (a wider gate), and so did `exclude` — which narrows it. Under `exclude =
["posts/archive/**"]` (the folder the site leaves out), a post added as `posts/ARCHIVE/x.md`
was "outside" and passed unchecked and unapproved, exit 0, while a site on a case-sensitive
file system publishes that other folder."""

import json

from ci.conftest import ci, commit, git
from workflow.team import CLEAN

BLOCK = CLEAN + "请加微信 abc_shop888 领取。\n"


def _excluding(repo):
    (repo.root / "review.toml").write_text(
        'exclude = ["posts/archive/**"]\n[ci]\npaths = ["posts/**/*.md"]\n'
        "require-approval = true\n", encoding="utf-8")
    commit(repo, "config")
    git(repo.root, "branch", "-f", "main", "HEAD")


def test_a_post_in_another_case_of_an_excluded_folder_is_checked(repo):
    _excluding(repo)
    repo.write("ARCHIVE/x.md", BLOCK)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["outside"] == []
    assert [f["path"] for f in data["files"]] == ["posts/ARCHIVE/x.md"]


def test_the_excluded_folder_as_written_stays_outside(repo):
    _excluding(repo)
    repo.write("archive/y.md", BLOCK)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outside"] == ["posts/archive/y.md"]
