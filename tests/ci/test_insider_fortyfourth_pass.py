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
from ci.test_insider_fortysecond_pass import (
    ROSTER,
    _revoked_after_export,
    clone_publishing_the_revoked_draft,
)


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


def test_offline_verify_memory_is_not_erased_by_a_padded_export(
        repo, tmp_path, tmp_path_factory, monkeypatch):
    """The newest export verified is kept as the folder gave it: the office's own export with
    a field of padding added (the signatures do not cover it) was kept larger than it was read
    (json.dumps escapes each Chinese character as six bytes), larger than an export may be,
    and so no longer read back: forgotten, and the older export put back next verified."""
    from click.testing import CliRunner

    from review.cli import main
    from review.workflow import commands, heads

    clone, keep = clone_publishing_the_revoked_draft(repo, tmp_path, tmp_path_factory,
                                                     monkeypatch)
    env = repo.env(None)
    # a small limit stands for 64 MB: 22 million Chinese characters do the same at full size
    exported = json.loads((clone / ROSTER).read_text(encoding="utf-8"))
    limit = 4 * len(json.dumps(exported))
    monkeypatch.setattr(heads, "MAX_EXPORT", limit)
    monkeypatch.setattr(commands, "MAX_EXPORT", limit)
    padded = {**exported, "note": "汉" * (limit // 5)}
    (clone / ROSTER).write_text(json.dumps(padded, ensure_ascii=False), encoding="utf-8")
    assert (clone / ROSTER).stat().st_size < limit
    result = CliRunner().invoke(main, ["verify", "posts/bad.md"], env=env)
    assert result.exit_code == 1 and "revokes from record" in result.stderr
    shutil.copy(keep / "e1.json", clone / ROSTER)  # the older export put back
    result = CliRunner().invoke(main, ["verify", "posts/bad.md"], env=env)
    assert result.exit_code == 1, result.output
    assert "revokes from record" in result.stderr
