"""`review ci` and the pictures a post shows (docs/redteam/pictures.md; pass 42 F4): a change
that replaces, removes or newly shows a local file of an attested post fails the gate, naming
the post and the file — even when the post itself is not part of the change."""

from __future__ import annotations

import json

import pytest
from ci.conftest import ci, commit, git
from ci.test_gate import require_approval
from workflow.team import CLEAN

from review.workflow import chain, service

CHART = b"\x89PNG\r\n\x1a\n approved chart"
OTHER = b"\x89PNG\r\n\x1a\n a picture nobody approved"
POST = CLEAN + "\n![全区供水示意图](chart.png)\n"


def merged_release(repo, text: str = POST, files: dict[str, bytes] | None = None) -> str:
    """The post and its pictures (default: chart.png) released, exported and merged into
    main; the next change starts from there."""
    require_approval(repo)
    for name, data in (files if files is not None else {"chart.png": CHART}).items():
        repo.write(name, data)
    path = repo.write("a.md", text)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "release a post with its picture")
    assert ci(repo, "--base", "main").exit_code == 0
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", "change")
    git(repo.root, "checkout", "-q", "-b", "pictures")
    return path


def files(result) -> dict[str, dict]:
    return {f["path"]: f for f in json.loads(result.stdout)["files"]}


def test_a_change_replacing_only_the_picture_of_an_attested_post_fails(repo):
    merged_release(repo)
    repo.write("chart.png", OTHER)
    commit(repo, "a better chart")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    problem = files(result)["posts/a.md"]["approval_error"]
    assert "posts/chart.png" in problem and "replaced after approval" in problem
    text = ci(repo, "--base", "main", "--lang", "en").stdout
    assert "posts/a.md" in text and "posts/chart.png" in text


def test_a_change_removing_or_moving_the_picture_fails(repo):
    merged_release(repo)
    git(repo.root, "mv", "posts/chart.png", "posts/chart-old.png")
    commit(repo, "tidy up")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    assert "posts/chart.png, which does not exist" in \
        files(result)["posts/a.md"]["approval_error"]


def test_a_change_making_the_picture_a_link_fails(repo):
    merged_release(repo)
    repo.write("other.png", OTHER)
    (repo.root / "posts" / "chart.png").unlink()
    (repo.root / "posts" / "chart.png").symlink_to("other.png")
    commit(repo, "link")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 2  # a link in a change is an input error of its own (exit 2)
    assert "through a link" in files(result)["posts/a.md"]["approval_error"]


def test_an_unchanged_picture_and_an_unrelated_one_pass(repo):
    merged_release(repo)
    repo.write("unrelated.png", OTHER)
    commit(repo, "a picture no post shows")
    assert ci(repo, "--base", "main").exit_code == 0


def test_the_picture_replaced_and_the_post_released_again_passes(repo):
    path = merged_release(repo)
    repo.write("chart.png", OTHER)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "a better chart, approved")
    result = ci(repo, "--base", "main", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert files(result)["posts/a.md"]["status"] == "shows"


def test_a_changed_post_with_a_picture_replaced_before_the_commit_fails(repo):
    require_approval(repo)
    repo.write("chart.png", CHART)
    path = repo.write("a.md", POST)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    repo.write("chart.png", OTHER)
    commit(repo, "release")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    assert "posts/chart.png" in files(result)["posts/a.md"]["approval_error"]


def test_the_gate_says_it_in_chinese_by_default(repo):
    merged_release(repo)
    repo.write("chart.png", OTHER)
    commit(repo, "换图")
    repo.lang = ""
    out = ci(repo, "--base", "main").stdout
    assert "posts/a.md" in out and "本次变更修改了该稿件引用的 posts/chart.png" in out
    assert "在审核后已被替换" in out


@pytest.fixture
def before_binding():
    """Submissions signed as before files were bound, released as that version did."""
    with pytest.MonkeyPatch.context() as earlier:
        append = chain.append

        def old_append(conn, identity, kind, item_id, statement):
            if kind in ("submit", "resubmit"):
                statement = {k: v for k, v in statement.items()
                             if k not in ("resources", "remote")}
            return append(conn, identity, kind, item_id, statement)

        earlier.setattr(chain, "append", old_append)
        earlier.setattr(service.Service, "_resources_unchanged", lambda *a: None)
        yield earlier


def test_an_old_attestation_of_a_post_with_pictures_is_refused_with_advice(repo, before_binding):
    require_approval(repo)
    repo.write("chart.png", CHART)
    path = repo.write("a.md", POST)
    plain = repo.write("b.md", CLEAN)
    for draft in (path, plain):
        item = repo.submit("editor", draft)
        repo.ok("reviewer", "approve", str(item))
        repo.ok("editor", "release", str(item))
    before_binding.undo()
    repo.ok("admin", "roster", "export")
    commit(repo, "released by the earlier version")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    found = files(result)
    assert found["posts/b.md"]["approval_error"] is None  # shows no local file: as before
    assert "predates bound pictures and does not bind posts/chart.png" in \
        found["posts/a.md"]["approval_error"]
    assert "release the draft again" in found["posts/a.md"]["approval_error"]
