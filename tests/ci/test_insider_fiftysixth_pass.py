"""Insider red-team pass 56 (docs/redteam/pass-56.md), attacker (d): an editor with push
rights to a branch the CI gate checks replaces a picture an attested post shows — one the
check's parse did not find as the browser finds it — and the gate said nothing."""

from __future__ import annotations

import pytest
from ci.conftest import ci, commit, git
from ci.test_bound_pictures import (
    before_binding,  # noqa: F401 — a fixture
    merged_release,
)
from ci.test_gate import require_approval
from workflow.team import CLEAN

from review import resources
from review.workflow import service

OK = b"\x89PNG\r\n\x1a\n the picture the reviewer approved"
SHOWN = b"\x89PNG\r\n\x1a\n the picture readers are shown"
LATER = b"\x89PNG\r\n\x1a\n a picture put in after the release"


@pytest.mark.parametrize("page, loaded", [
    ('\n<img src="shown.png" src="ok.png" alt="图">\n', "shown.png"),
    ('\n![图](https:shown.png)\n', "shown.png"),
    ('\n![图](<shown\\>x.png>)\n', "shown>x.png"),
    ('\n<svg><image href="ok.png" width="9" height="9"><set attributeName="href" '
     'to="shown.png"/></image></svg>\n', "shown.png"),
])
def test_a_change_replacing_the_picture_a_browser_loads_fails(repo, page, loaded):
    merged_release(repo, CLEAN + page, {"ok.png": OK, "shown.png": SHOWN, "shown>x.png": SHOWN})
    repo.write(loaded, LATER)
    commit(repo, "a better chart")
    result = ci(repo, "--base", "main", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "posts/a.md" in result.stdout and f"posts/{loaded}" in result.stdout


def test_an_old_release_of_a_page_with_base_is_checked_when_its_picture_changes(
        repo, before_binding):  # noqa: F811 — the fixture
    """A post released before pictures were bound, with a `<base href>`: `verify` refuses it
    (which files it shows cannot be told), but the gate skipped it as `refused when it is
    checked` — and an unchanged post is not checked: its picture was replaced, exit 0."""
    require_approval(repo)
    before_binding.setattr(service.Service, "_shown", lambda *a: resources.Shown())
    repo.write("chart.png", OK)
    path = repo.write("a.md", CLEAN + '\n<base href="/posts/">\n\n<img src="chart.png" '
                      'alt="图">\n')
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    before_binding.undo()
    repo.ok("admin", "roster", "export")
    commit(repo, "released by the earlier version")
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", "change")
    git(repo.root, "checkout", "-q", "-b", "pictures")
    repo.write("chart.png", LATER)
    repo.write("unrelated.png", LATER)
    commit(repo, "a better chart")
    result = ci(repo, "--base", "main", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "posts/a.md" in result.stdout and "posts/chart.png" in result.stdout
