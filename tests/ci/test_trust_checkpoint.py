"""A root pinned with a record of the roster's chain (`SHA256:…@<workspace>#<seq>:<hash>`, as
`roster export` prints it): red-team pass 44 G6. A computer that never verified the office's
newest export took an older one — or one the thief of a single admin key cut short before
the threshold was raised and signed alone — as the root's, and an approval made with a key
revoked since verified. Pinned with the newest record, an export without it is no root, and a
release from before it is taken only where an export holding it says the log held it."""

from __future__ import annotations

import json
import shutil
import subprocess

from ci.conftest import commit
from ci.test_insider_fortysecond_pass import DRAFT, ROSTER, _branch, _revoked_after_export
from click.testing import CliRunner

from review.cli import main
from review.workflow import attest


def test_a_root_pinned_with_its_newest_record_takes_no_older_export(
        repo, tmp_path, tmp_path_factory, monkeypatch):
    keep = tmp_path / "keep"
    keep.mkdir()
    _revoked_after_export(repo, keep)
    newest = json.loads((repo.root / ROSTER).read_text(encoding="utf-8"))
    pinned = str(attest.root_of(attest.read_roster(newest)))
    assert "#" in pinned  # as `roster export` prints it: the newest record's place and hash
    _branch(repo, "publish")
    repo.write("bad.md", DRAFT)
    shutil.copytree(keep / "att", repo.root / ".review" / "attestations")
    shutil.copy(keep / "e1.json", repo.root / ROSTER)  # the older export, put back
    commit(repo, "publish")
    clone = tmp_path_factory.mktemp("clone") / "site"
    subprocess.run(["git", "clone", "-q", "-b", "publish", str(repo.root), str(clone)],
                   check=True)
    monkeypatch.chdir(clone)  # no store here, and a computer that never verified before
    env = {**repo.env(None), "REVIEW_STATE_DIR": str(tmp_path / "fresh")}
    # the root pinned as before the fix: the older export is all this computer knows
    fooled = CliRunner().invoke(main, ["verify", "posts/bad.md"], env=env)
    assert fooled.exit_code == 0, fooled.output  # what the checkpoint is for
    env = {**env, "REVIEW_TRUST_ROOT": pinned, "REVIEW_STATE_DIR": str(tmp_path / "fresh2")}
    result = CliRunner().invoke(main, ["verify", "posts/bad.md", "--lang", "en"], env=env)
    assert result.exit_code == 1, result.output
    assert "comes before record" in result.output + result.stderr
    # with the office's export in the folder, the revocation it carries decides
    (clone / ROSTER).write_text(json.dumps(newest), encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "posts/bad.md", "--lang", "en"], env=env)
    assert result.exit_code == 1 and "revokes from record" in result.stderr, result.output
