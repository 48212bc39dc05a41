"""Red-team pass 67 (docs/redteam/pass-67.md), attacker (d): an editor with push rights to
the content repository commits a released draft whose script writes on the page what
readers see — released by a `review` that did not know scripts."""

from __future__ import annotations

import json

from ci.conftest import ci, commit, git
from workflow.test_insider_sixtyseventh_pass import PAGE, SCRIPTED, WRITES


def test_a_scripted_draft_released_before_fails_the_gate(repo, monkeypatch):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md", "posts/**/*.html"]\nrequire_approval = true\n',
        encoding="utf-8")
    commit(repo, "require approval of HTML posts")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    (repo.root / "posts" / "app.js").parent.mkdir(exist_ok=True)
    (repo.root / "posts" / "app.js").write_text(f"document.write({WRITES})\n", encoding="utf-8")
    path = repo.write("a.html", PAGE.format(SCRIPTED["source"]))
    with monkeypatch.context() as before:
        before.setattr("review.markup._note_script", lambda tag, values: None,
                       raising=False)  # absent before the fix
        item = repo.submit("editor", path)
        repo.ok("reviewer", "approve", str(item))
        repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "publish a.html")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"]
    assert "runs a script" in said[0]["approval_error"], said[0]
