"""Insider pass 26: the term lists review.toml adds, and the pinning of the office's lists.

An editor writes the workspace's review.toml. The lists it adds to the check that gates release
take part in the check's merging of findings, so they could take findings away: an `info` term
of the model's category made the model's finding on its sentence give way, a longer entry
swallowed a bundled finding inside it, and a leaders file naming 李克強 (or 李克强出席) as
today's premier hid "a former office holder presented as current". An admin re-pinning the
lists after the editor dropped one from review.toml unpinned it without a word."""

from __future__ import annotations

import json

import pytest
from workflow.team import Team

HEAD = "关于近期情况的说明\n\n"
RUMOUR = "最近街上的人都在传，说上面马上要有大动作了，大家心里都没底。\n"
FORMER = HEAD + "国务院总理李克强出席会议并讲话。\n"


def _found(team: Team, item: int) -> list[tuple[str, str]]:
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    return [(f["rule"], f["severity"]) for f in shown["findings"]]


def _adds(team: Team, toml: str) -> None:
    (team.root / "review.toml").write_text(toml, encoding="utf-8")


def test_an_info_term_of_the_model_s_class_does_not_hide_its_finding(team: Team) -> None:
    assert ("SE901", "review") in _found(team, team.submit("editor", team.write("a.txt",
                                                                                HEAD + RUMOUR)))
    (team.root / "mild.txt").write_text("大动作\n", encoding="utf-8")
    _adds(team, '[[lexicon]]\npath = "mild.txt"\ncategory = "security"\nseverity = "info"\n')
    found = _found(team, team.submit("editor", team.write("b.txt", HEAD + RUMOUR)))
    assert ("SE901", "review") in found and ("mild:大动作", "info") in found


def test_a_longer_added_entry_does_not_swallow_a_bundled_finding(team: Team) -> None:
    (team.root / "sw.txt").write_text("国务院总理李克强出席会议\n", encoding="utf-8")
    _adds(team, '[[lexicon]]\npath = "sw.txt"\ncategory = "expression"\nseverity = "block"\n')
    found = _found(team, team.submit("editor", team.write("a.txt", FORMER)))
    assert ("EX9102", "block") in found and ("sw:国务院总理李克强出席会议", "block") in found


@pytest.mark.parametrize("name", ["李克強", "李克强出席"])
def test_an_added_leaders_file_does_not_make_a_former_premier_current(team: Team,
                                                                       name: str) -> None:
    (team.root / "leaders.toml").write_text(
        f'[[leader]]\nname = "{name}"\ntitle = "国务院总理"\n', encoding="utf-8")
    _adds(team, 'leaders = "leaders.toml"\n')
    assert ("EX9102", "block") in _found(team, team.submit("editor", team.write("a.txt", FORMER)))


def test_the_approval_holds_the_draft_to_the_same_findings(team: Team) -> None:
    """The approver's check runs the same way: with the editor's list in review.toml the
    finding it hid at submit is there at approval too, so the two agree and approval works."""
    (team.root / "mild.txt").write_text("大动作\n", encoding="utf-8")
    _adds(team, '[[lexicon]]\npath = "mild.txt"\ncategory = "security"\nseverity = "info"\n')
    item = team.submit("editor", team.write("a.txt", HEAD + RUMOUR))
    team.ok("reviewer", "approve", str(item))


ORG = '[[lexicon]]\npath = "org/terms.txt"\ncategory = "illegal"\nseverity = "block"\n'
NEW = '[[lexicon]]\npath = "org/new.txt"\ncategory = "ads"\n'
DRAFT = "关于开展冬季安全检查的通知\n\n近期发现有人兜售青岚特供散装酒，请群众注意。\n"


@pytest.fixture
def pinned(team: Team) -> Team:
    (team.root / "org").mkdir()
    (team.root / "org" / "terms.txt").write_text("青岚特供散装酒\n", encoding="utf-8")
    (team.root / "org" / "new.txt").write_text("新词汇表\n", encoding="utf-8")
    _adds(team, ORG)
    team.ok("admin", "policy", "lists")
    return team


def test_re_pinning_never_drops_a_list_taken_out_of_review_toml_unsaid(pinned: Team) -> None:
    _adds(pinned, NEW)  # the editor's edit: the office's list gone, a new one named
    pinned.refused("admin", "policy", "lists", match="--drop org/terms.txt")
    _adds(pinned, "")
    assert ("terms:青岚特供散装酒", "block") in _found(
        pinned, pinned.submit("editor", pinned.write("a.txt", DRAFT)))


def test_an_admin_drops_a_pinned_list_by_naming_it(pinned: Team) -> None:
    _adds(pinned, NEW)
    pinned.usage_error("admin", "policy", "lists", "--drop", "org/other.txt", match="other")
    out = pinned.ok("admin", "policy", "lists", "--drop", "org/terms.txt").stdout
    assert "org/new.txt" in out and "org/terms.txt" not in out
    _adds(pinned, "")
    found = _found(pinned, pinned.submit("editor", pinned.write("a.txt", DRAFT)))
    assert not [rule for rule, _ in found if rule.startswith("terms:")]


def test_re_pinning_says_which_list_s_content_changed(pinned: Team) -> None:
    (pinned.root / "org" / "terms.txt").write_text("别的词\n", encoding="utf-8")
    _adds(pinned, ORG + NEW)
    out = pinned.ok("admin", "policy", "lists", "--lang", "en").stdout
    line = next(x for x in out.splitlines() if "org/terms.txt" in x)
    assert "content differs" in line
    assert "content differs" not in next(x for x in out.splitlines() if "org/new.txt" in x)


@pytest.mark.parametrize("target", ["/etc/hostname", "other.txt"])
def test_ci_reads_the_base_s_list_when_the_change_makes_it_a_link(tmp_path, monkeypatch,
                                                                  target: str) -> None:
    """`review ci`: a change that made the base config's term list a link (to a file outside
    the repository, or to an unchanged one) had the gate read what the link leads to with no
    notice, the draft passing without the list's finding (the link itself was reported)."""
    import os
    import subprocess

    from click.testing import CliRunner
    from workflow.team import CLEAN

    from review.cli import main

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    monkeypatch.chdir(tmp_path)
    git("init", "-q", "-b", "main")
    git("config", "user.email", "ci@example.gov.cn")
    git("config", "user.name", "CI")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    (tmp_path / "org" / "other.txt").write_text("无关词语\n", encoding="utf-8")
    (tmp_path / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\n[[lexicon]]\npath = "org/terms.txt"\n'
        'category = "ads"\nseverity = "block"\n', encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "change")
    (tmp_path / "org" / "terms.txt").unlink()
    os.symlink(target, tmp_path / "org" / "terms.txt")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "bad.md").write_text(CLEAN + "推荐某某牌保健酒。\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "change")
    result = CliRunner().invoke(main, ["ci", "--format", "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert any("org/terms.txt" in n for n in data["notices"]), data["notices"]
    draft = next(f for f in data["files"] if f["path"] == "posts/bad.md")
    assert "terms:某某牌保健酒" in {f["rule"] for f in draft["findings"]}
    assert result.exit_code != 0
