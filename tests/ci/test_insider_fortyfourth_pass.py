"""Insider pass 44, in CI: what it got through, and what now stops it.

- RV002 asked whether the change itself wrote `.review/roster.json` by comparing it with the
  export at one merge base of HEAD and the base. Where the base branch holds a merge of a
  branch made before a newer export (any merged pull request forked before it), an editor's
  own merge of that branch and the newer export's commit has two merge bases: `git merge-base`
  named the one with the older export, which he had put back in his merge, so the change
  "did not write it" (exit 0, notices only). Git merges from the two bases merged together,
  which hold the newer export: merged, the older export was the base's, and the next change's
  draft, approved with a key revoked since, passed. Now the export must equal the one at every
  merge base to count as untouched."""

import json
import os
import shutil
import subprocess

from ci.conftest import ci, commit, git
from ci.test_insider_fortysecond_pass import ROSTER, _revoked_after_export


def _rev(root, name):
    return subprocess.run(["git", "rev-parse", name], cwd=root, check=True,
                          capture_output=True, text=True).stdout.strip()


def test_a_merge_with_two_merge_bases_cannot_put_back_an_older_export(repo, tmp_path):
    keep = tmp_path / "keep"
    keep.mkdir()
    _revoked_after_export(repo, keep)
    root = repo.root
    newer = _rev(root, "main")
    # someone's branch made before the newer export, merged after it with a merge commit;
    # its commit date later than the export's (anyone's to set)
    git(root, "checkout", "-q", "-b", "other", "main~1")
    repo.write("notes.txt", "not a draft\n")
    git(root, "add", "-A")
    subprocess.run(["git", "commit", "-q", "-m", "other"], cwd=root, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2030-01-01T00:00:00"})
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "merge other", "other")
    # the editor: his own merge of that branch and the newer export's commit, resolved to
    # the older export
    git(root, "checkout", "-q", "-b", "evil", "other")
    git(root, "merge", "-q", "--no-ff", "--no-commit", newer)
    shutil.copy(keep / "e1.json", root / ROSTER)
    commit(repo, "merge main")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    problem = json.loads(result.stdout)["files"][-1]
    assert (problem["path"], problem["approval_rule"]) == (ROSTER, "RV002")
