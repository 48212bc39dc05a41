"""Red-team pass 53 in CI (docs/redteam/pass-53.md)."""

from __future__ import annotations

from ci.conftest import ci, commit, git
from workflow.team import CLEAN

# what nobody approved: any text will do, the gate must not pass it unseen
BLOCK = CLEAN + "周末到店另有优惠，名额以现场为准。\n"


def _sub_repository(where, text: str):
    sub = where / "sub-src"  # outside the content repository: `git add -A` must not take it
    git(where, "init", "-q", str(sub))
    (sub / "evil.md").write_text(text, encoding="utf-8")
    git(sub, "-c", "user.email=a@b", "-c", "user.name=a", "add", "-A")
    git(sub, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "-m", "x")
    return sub


# L1: `.gitmodules` says `ignore = all` for a submodule under posts/: `git diff` then leaves
# the submodule out of the change altogether (its path as well as its commit), and the gate
# saw only `.gitmodules`, outside the publishable paths — exit 0. A site checked out with its
# submodules publishes posts/news/evil.md, which nobody approved. Pass 5's refusal of a
# submodule (exit 2) never ran: the gate did not see it.
def test_a_submodule_the_gitmodules_file_hides_is_not_passed_over(repo, tmp_path_factory):
    sub = _sub_repository(tmp_path_factory.mktemp("elsewhere"), BLOCK)
    git(repo.root, "-c", "protocol.file.allow=always", "submodule", "add", "-q",
        str(sub), "posts/news")
    git(repo.root, "config", "-f", ".gitmodules", "submodule.posts/news.ignore", "all")
    commit(repo)
    result = ci(repo, "--base", "main", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "posts/news" in result.output and "link or a submodule" in result.output
