"""Insider pass 33, in CI: what it got through, and what now stops it.

- With no roster export at the base revision (the root pinned by `trust-root` in its
  config), the change's own export set how far CI's reach went. The editor kept a copy of
  the shared store from the days admin2 was added, when one admin was the threshold; after
  the office raised it to two admins and two review levels, the thief of admin2's key made,
  in that copy, a reviewer of his own, approved and released the editor's draft, and
  exported — one signature, as many as the fork's threshold asked. CI passed it. With no
  export at the base, the change's export counts for nothing now."""

import json
import shutil

from ci.conftest import ci, commit, git
from workflow.team import CLEAN, Team


def test_a_fork_from_the_days_one_admin_was_enough_does_not_pass_ci(repo, tmp_path_factory,
                                                                     monkeypatch):
    for who in ("admin2", "ghost"):
        repo.keygen(who)
    repo.add("admin2", "admin")
    fork = tmp_path_factory.mktemp("fork")
    shutil.copytree(repo.root / "keys", fork / "keys")
    shutil.copytree(repo.root / ".review", fork / ".review",
                    ignore=shutil.ignore_patterns("witness", "attestations", "roster.json"))
    (fork / "review.toml").write_text("", encoding="utf-8")
    repo.ok("admin", "policy", "set", "--levels", "reviewer,approver",
            "--admin-threshold", "2")
    # the base: the root pinned in the config, no export committed
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "rm", "-q", "--cached", ".review/roster.json")
    (repo.root / ".review" / "roster.json").unlink()
    (repo.root / "review.toml").write_text(
        f'trust-root = "{repo.env(None)["REVIEW_TRUST_ROOT"]}"\n'
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    # the fork: admin2 alone is the threshold there
    monkeypatch.chdir(fork)
    forked = Team(fork, None)
    forked.ok("admin2", "roster", "add", "ghost", "--role", "reviewer,approver,publisher",
              "--key", f"{forked.key('ghost')}.pub")
    item = forked.submit("editor", forked.write("a.md", CLEAN))
    forked.ok("ghost", "approve", str(item))
    forked.ok("editor", "release", str(item))
    forked.ok("admin2", "roster", "export")
    monkeypatch.chdir(repo.root)
    repo.write("a.md", CLEAN)
    shutil.copytree(fork / ".review" / "attestations", repo.root / ".review" / "attestations")
    shutil.copy(fork / ".review" / "roster.json", repo.root / ".review" / "roster.json")
    commit(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert any("no roster export at the base revision" in n for n in data["notices"])
    assert "newer than the committed roster export" in data["files"][0]["approval_error"]
