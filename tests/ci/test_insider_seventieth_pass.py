"""Red-team pass 70 (docs/redteam/pass-69.md, Q8), attacker (d): an editor with push rights
commits a released post that shows a local page in a frame — released by a `review` that did
not know frames. The framed page's words were never checked."""

from __future__ import annotations

import json

from ci.conftest import ci, commit, git
from workflow.test_insider_seventieth_pass import FRAMED, PAGE, SAYS


def test_a_framing_draft_released_before_fails_the_gate(repo, monkeypatch):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md", "posts/**/*.html"]\nrequire_approval = true\n',
        encoding="utf-8")
    commit(repo, "require approval of HTML posts")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    repo.write("inner.htm", SAYS)  # outside the publishable paths: never checked itself
    path = repo.write("a.md", "# 通知\n\n今天开会。\n\n" + FRAMED["iframe"].replace(
        "inner.html", "inner.htm") + "\n")
    with monkeypatch.context() as before:
        before.setattr("review.markup._note_frame", lambda tag, values: None,
                       raising=False)  # absent before the fix
        item = repo.submit("editor", path)
        repo.ok("reviewer", "approve", str(item))
        repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "publish a.md")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    said = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert "in a frame" in said[path]["approval_error"], said


def test_control_a_post_with_pictures_and_a_video_frame_passes_the_gate(repo):
    from ci.test_bound_pictures import CHART, merged_release

    merged_release(repo, text=PAGE.format(
        '<img src="chart.png"><object data="chart.png"></object>'
        '<iframe src="https://player.example.com/embed/123"></iframe>'),
        files={"chart.png": CHART})
