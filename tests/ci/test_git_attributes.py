"""Git attributes that make what goes out differ from the blob the gate checked (red-team pass
37, D5): `git archive` fills `$Format:%B$` in under export-subst, so a draft approved with the
placeholder in it was deployed with a commit message in its place; `ident`, a smudge `filter`
and `working-tree-encoding` rewrite a file on checkout. A publishable file under any of them is
not checked (exit 2, named with the attribute), whether the change touches the draft or only
.gitattributes."""

import json

import pytest
from ci.conftest import ci, commit, git
from ci.test_gate import require_approval
from workflow.team import CLEAN


def _released(repo, name: str, text: str) -> None:
    """A draft approved, released and exported, merged into main; the change branch after it."""
    require_approval(repo)
    item = repo.submit("editor", repo.write(name, text))
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "release")
    assert ci(repo).exit_code == 0
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", "change")
    git(repo.root, "checkout", "-q", "-b", "next")


@pytest.mark.parametrize("attribute", ["export-subst", "ident", "filter=smudged"])
def test_a_change_to_gitattributes_alone_stops_an_approved_draft_it_rewrites(repo, attribute):
    _released(repo, "notice.md", CLEAN + "本通知由 $Format:%B$ 发布。\n")
    (repo.root / ".gitattributes").write_text(f"posts/*.md {attribute}\n", encoding="utf-8")
    commit(repo, "attributes")
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 2, result.output
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == ["posts/notice.md", "posts/old.md"]
    assert all(attribute in f["error"] for f in files)


def test_a_new_draft_under_export_subst_is_not_checked(repo):
    (repo.root / ".gitattributes").write_text("*.md export-subst\n", encoding="utf-8")
    repo.write("a.md", CLEAN)
    commit(repo)
    result = ci(repo, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "posts/a.md" in result.output and "export-subst" in result.output


def test_attributes_that_rewrite_nothing_or_only_unpublished_files_change_nothing(repo):
    (repo.root / ".gitattributes").write_text(
        "*.md text eol=lf diff working-tree-encoding=UTF-8\ndocs/*.txt export-subst\n"
        "*.md -export-subst\n",
        encoding="utf-8")
    (repo.root / "docs").mkdir()
    (repo.root / "docs" / "readme.txt").write_text("$Format:%H$\n", encoding="utf-8")
    repo.write("a.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["posts/a.md"]


@pytest.mark.parametrize("line", ["POSTS/*.md export-subst", "posts/A.MD ident",
                                  "posts/a.md export-subst\nPOSTS/A.md -export-subst"])
def test_a_pattern_in_another_case_is_matched_as_a_case_blind_checkout_matches_it(repo, line):
    """Red-team pass 39, D2: git matches attributes without case where core.ignorecase is
    true, as it is in every clone on Windows or macOS, where `git archive` then fills
    `$Format:%B$` in; the gate's Linux clone did not match `POSTS/*.md` at all. The last
    case: the other way round, a case-blind clone unsets what the Linux one sets."""
    (repo.root / ".gitattributes").write_text(line + "\n", encoding="utf-8")
    repo.write("a.md", CLEAN + "本通知由 $Format:%B$ 发布。\n")
    commit(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 2, result.output
    files = {f["path"]: f["error"] for f in json.loads(result.stdout)["files"]}
    assert "posts/a.md" in files and line.split()[1] in files["posts/a.md"]
