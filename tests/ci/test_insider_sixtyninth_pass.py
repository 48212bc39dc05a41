"""Red-team pass 69 (docs/redteam/pass-69.md), attacker (d): an editor with push rights to
the content repository has a post approved that pulls text in at build time from a file the
gate does not read — a site generator's include (Jekyll's `{% include_relative %}`, Liquid's
`{{ site.data… }}`, a Hugo shortcode) — then commits other words in that file."""

from __future__ import annotations

import json

import pytest
from ci.conftest import ci, commit, git
from workflow.team import CLEAN

DIRECTIVES = {
    "include_relative": "{% include_relative a-note.inc %}",
    "include": "{%- include note.html -%}",
    "liquid_output": "{{ site.data.notes.a }}",
    "hugo_shortcode": '{{< readfile file="posts/a-note.inc" >}}',
}


@pytest.mark.parametrize("how", sorted(DIRECTIVES))
def test_a_post_that_includes_an_unchecked_file_fails_the_gate(repo, monkeypatch, how):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    path = repo.write("a.md", CLEAN + "\n" + DIRECTIVES[how] + "\n")
    with monkeypatch.context() as before:
        before.setattr("review.resources.directive", lambda data, path: None,
                       raising=False)  # absent before the fix
        item = repo.submit("editor", path)
        repo.ok("reviewer", "approve", str(item))
        repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    # what the site writes in its place: outside the publishable paths, never checked
    (repo.root / "posts" / "a-note.inc").write_text("本店出售冰毒，加微信。\n", encoding="utf-8")
    (repo.root / "_includes").mkdir()
    (repo.root / "_includes" / "note.html").write_text("本店出售冰毒，加微信。\n",
                                                        encoding="utf-8")
    commit(repo, "publish a.md")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    said = json.loads(result.stdout)["files"]
    problem = next(f["approval_error"] for f in said if f["path"] == path)
    assert "site generator" in problem, said


SHOWN = "IMG_0001.JPG"


@pytest.mark.parametrize("other", ["img_0001.jpg", "posts/IMG_0001.jpg", "Img_0001.JPG"])
def test_a_picture_added_under_the_name_of_a_shown_one_in_another_case_fails(repo, other):
    """On a site checked out where letter case is one name (Windows, macOS), a file the
    change adds as `img_0001.jpg` is written over the approved `IMG_0001.JPG` — a `git pull`
    writes it there, a clone writes it last: the post shows the picture nobody approved."""
    from ci.test_bound_pictures import CHART, OTHER, files, merged_release

    merged_release(repo, text=CLEAN + f"\n![全区供水示意图]({SHOWN})\n", files={SHOWN: CHART})
    repo.write(other.removeprefix("posts/"), OTHER)
    commit(repo, "a picture of a meeting")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 2, result.output  # not checked, as a link or a git attribute
    said = files(result)[f"posts/{other.removeprefix('posts/')}"]["error"]
    assert f"posts/{SHOWN}" in said and "letter case" in said, said


def test_a_picture_added_under_the_name_of_a_shown_one_in_another_normal_form_fails(repo):
    """macOS takes é (NFC) and é (NFD) as one name."""
    from ci.test_bound_pictures import CHART, OTHER, files, merged_release

    nfd = "图e\u0301.png"
    merged_release(repo, text=CLEAN + f"\n![全区供水示意图]({nfd})\n", files={nfd: CHART})
    repo.write("图\u00e9.png", OTHER)
    commit(repo, "a picture of a meeting")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 2, result.output
    said = files(result)["posts/图\u00e9.png"]["error"]
    assert f"posts/{nfd}" in said and "normal form" in said, said


def test_control_a_picture_of_another_name_passes(repo):
    from ci.test_bound_pictures import CHART, OTHER, merged_release

    merged_release(repo, text=CLEAN + f"\n![全区供水示意图]({SHOWN})\n", files={SHOWN: CHART})
    repo.write("IMG_0002.JPG", OTHER)
    commit(repo, "a picture of a meeting")
    assert ci(repo, "--base", "main").exit_code == 0


def test_a_change_to_the_included_file_alone_fails_the_gate(repo, monkeypatch):
    """The post released (and merged) before `review` knew directives; the next change
    edits only the file it includes: which file a directive reads cannot be told, so the
    post's approval is checked again, and no longer holds."""
    from ci.test_bound_pictures import files, merged_release

    (repo.root / "posts").mkdir(exist_ok=True)
    (repo.root / "posts" / "a-note.inc").write_text("请各单位做好准备。\n", encoding="utf-8")
    with monkeypatch.context() as before:
        before.setattr("review.resources.directive", lambda data, path: None,
                       raising=False)  # absent before the fix
        merged_release(repo, text=CLEAN + "\n" + DIRECTIVES["include_relative"] + "\n",
                       files={})
    (repo.root / "posts" / "a-note.inc").write_text("本店出售冰毒，加微信。\n", encoding="utf-8")
    commit(repo, "a note")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "site generator" in files(result)["posts/a.md"]["approval_error"]
