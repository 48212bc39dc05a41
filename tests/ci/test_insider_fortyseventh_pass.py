"""Red-team pass 47 in CI (docs/redteam/pass-47.md)."""

from __future__ import annotations

import json
import shutil

from ci.conftest import commit, git
from ci.test_insider_fortysecond_pass import ROSTER, _branch
from click.testing import CliRunner
from workflow.team import CLEAN

from review.cli import main
from review.workflow import attest


# J2: the pin moved to the office's newest record (`roster export` prints it, an admin puts
# it in CI's REVIEW_TRUST_ROOT or review.toml) before that export is merged. The base's export
# lacks the record, so the base trusted nothing: the very change bringing the newest export
# was refused (RV002, "nothing to check it against") though the pin checks it — the office
# could merge no export through the gate again, and no draft was approved.
def test_the_change_bringing_the_pinned_export_is_taken(repo):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    _branch(repo, "export")  # the base keeps the older export
    repo.keygen("reviewer2")
    repo.add("reviewer2", "reviewer")
    path = repo.write("good.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer2", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    newest = json.loads((repo.root / ROSTER).read_text(encoding="utf-8"))
    pinned = str(attest.root_of(attest.read_roster(newest)))
    commit(repo, "the newest export")
    env = {**repo.env(None), "REVIEW_TRUST_ROOT": pinned}
    result = CliRunner().invoke(main, ["ci", "--base", "main", "--format", "json",
                                       "--lang", "en"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert [(f["path"], f["approval_error"]) for f in files] == [(path, None)], files


# J3: a pin the parser refuses (here the record's hash in upper case) was told the form
# without the record: the message now names the whole form, as `roster export` prints it.
def test_a_refused_pin_is_told_the_form_with_the_record(repo, monkeypatch):
    newest = json.loads((repo.root / ROSTER).read_text(encoding="utf-8"))
    pinned = str(attest.root_of(attest.read_roster(newest)))
    head, digest = pinned.rsplit(":", 1)
    env = {**repo.env(None), "REVIEW_TRUST_ROOT": f"{head}:{digest.upper()}"}
    result = CliRunner().invoke(main, ["verify", "posts/old.md", "--lang", "en"], env=env)
    assert result.exit_code == 2, result.output
    assert "[#<seq>:<hash>]" in result.output + result.stderr


# J4: `review verify --roster FILE` with an export older than the pinned record was refused
# outright, though the store beside the draft holds that record and every record the export
# does (verify without --roster passed): naming the export one was given cost the release.
# It is now taken where the store beside the draft shows it is of the pinned chain; without
# the store, nothing does, and it is still refused.
def test_an_older_export_named_beside_the_store_is_added_to_it(repo, tmp_path_factory):
    keep = tmp_path_factory.mktemp("keep")
    path = repo.write("good.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    shutil.copy(repo.root / ROSTER, keep / "older.json")
    repo.keygen("reviewer2")
    repo.add("reviewer2", "reviewer")
    repo.ok("admin", "roster", "export")
    newest = json.loads((repo.root / ROSTER).read_text(encoding="utf-8"))
    env = {**repo.env(None), "REVIEW_TRUST_ROOT": str(attest.root_of(attest.read_roster(newest)))}
    verify = ["verify", path, "--lang", "en", "--roster", str(keep / "older.json")]
    result = CliRunner().invoke(main, verify, env=env)
    assert result.exit_code == 0, result.output
    for db in (repo.root / ".review").glob("review.db*"):  # a clone: no store
        db.rename(keep / db.name)
    result = CliRunner().invoke(main, verify, env={**env, "REVIEW_STATE_DIR": str(keep / "s")})
    assert result.exit_code == 1 and "does not hold record" in result.stderr, result.output
