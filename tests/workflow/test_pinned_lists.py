"""The organisation's term lists pinned by the signed policy (`review policy lists`): an editor
who edits the working tree's review.toml, or the list itself, cannot take a term out of the
check that gates release (issue 16, scenario 7: "emptying an organisation term list used by
the gate passes without notice")."""

from __future__ import annotations

import json

import pytest
from workflow.team import Team

from review.workflow.policy import PinnedList, Policy

ORG = '[[lexicon]]\npath = "org/terms.txt"\ncategory = "illegal"\nseverity = "block"\n'
DRAFT = "关于开展冬季安全检查的通知\n\n近期发现有人兜售青岚特供散装酒，请群众注意。\n"


def _org_list(team: Team, terms: str = "青岚特供散装酒\n") -> None:
    (team.root / "org").mkdir(exist_ok=True)
    (team.root / "org" / "terms.txt").write_text(terms, encoding="utf-8")
    (team.root / "review.toml").write_text(ORG, encoding="utf-8")


def _rules(team: Team, item: int) -> set[str]:
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    return {f["rule"] for f in shown["findings"]}


@pytest.fixture
def pinned(team: Team) -> Team:
    _org_list(team)
    result = team.ok("admin", "policy", "lists")
    assert "org/terms.txt" in result.stdout
    return team


def _org_rules(rules: set[str]) -> set[str]:
    return {r for r in rules if r.startswith("terms:")}


def test_a_pinned_list_counts_when_review_toml_drops_it(pinned: Team) -> None:
    (pinned.root / "review.toml").write_text("", encoding="utf-8")  # the editor's edit
    item = pinned.submit("editor", pinned.write("a.txt", DRAFT))
    assert _org_rules(_rules(pinned, item)), "the office's term was not checked"


def test_review_toml_cannot_soften_a_pinned_list(pinned: Team) -> None:
    (pinned.root / "review.toml").write_text(ORG.replace('"block"', '"info"'), encoding="utf-8")
    item = pinned.submit("editor", pinned.write("a.txt", DRAFT))
    shown = json.loads(pinned.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert [f["severity"] for f in shown["findings"] if f["rule"].startswith("terms:")] == ["block"]


@pytest.mark.parametrize("edit", ["emptied", "deleted", "directory"])
def test_a_changed_pinned_list_refuses_the_check(pinned: Team, edit: str) -> None:
    terms = pinned.root / "org" / "terms.txt"
    if edit == "emptied":
        terms.write_text("", encoding="utf-8")
    else:
        terms.unlink()
        if edit == "directory":
            terms.mkdir()
    pinned.refused("editor", "submit", pinned.write("a.txt", DRAFT), match="org/terms.txt")
    assert json.loads(pinned.ok("reviewer", "queue", "--format", "json").stdout) == []


def test_a_list_changed_after_submit_stops_the_approval(pinned: Team) -> None:
    item = pinned.submit("editor", pinned.write("a.txt", DRAFT))
    pinned.ok("reviewer", "show", str(item))
    (pinned.root / "org" / "terms.txt").write_text("别的词\n", encoding="utf-8")
    pinned.refused("reviewer", "approve", str(item), match="review policy lists")


def test_an_admin_pins_the_new_content(pinned: Team) -> None:
    (pinned.root / "org" / "terms.txt").write_text("青岚特供散装酒\n兜售\n", encoding="utf-8")
    pinned.refused("editor", "submit", pinned.write("a.txt", DRAFT))
    pinned.refused("editor", "policy", "lists", match="admin")  # never the editor's to pin
    pinned.ok("admin", "policy", "lists")
    item = pinned.submit("editor", pinned.write("a.txt", DRAFT))
    assert len(_org_rules(_rules(pinned, item))) == 2


def test_lists_review_toml_adds_still_count(pinned: Team) -> None:
    (pinned.root / "org" / "more.txt").write_text("注意\n", encoding="utf-8")
    (pinned.root / "review.toml").write_text(
        ORG + '[[lexicon]]\npath = "org/more.txt"\ncategory = "opinion"\n', encoding="utf-8")
    item = pinned.submit("editor", pinned.write("a.txt", DRAFT))
    rules = _rules(pinned, item)
    assert _org_rules(rules) and any(r.startswith("more:") for r in rules)


def test_cleared_lists_follow_review_toml_again(pinned: Team) -> None:
    pinned.ok("admin", "policy", "lists", "--clear")
    (pinned.root / "review.toml").write_text("", encoding="utf-8")
    item = pinned.submit("editor", pinned.write("a.txt", DRAFT))
    assert not _org_rules(_rules(pinned, item))


def test_an_expressions_file_is_pinned_too(team: Team) -> None:
    (team.root / "org").mkdir()
    (team.root / "org" / "words.toml").write_text(
        '[[entry]]\nid = "EX8901"\nwrong = ["青岚老街区"]\nright = "青岚历史文化街区"\n'
        'reason = "本县规范名称"\nreason_en = "The county\'s name for it"\n'
        'hit = ["到青岚老街区走走"]\nmiss = ["到青岚历史文化街区走走"]\n', encoding="utf-8")
    (team.root / "review.toml").write_text('expressions = ["org/words.toml"]\n', encoding="utf-8")
    team.ok("admin", "policy", "lists")
    (team.root / "review.toml").write_text("", encoding="utf-8")
    item = team.submit("editor", team.write("a.txt", "周末到青岚老街区走走，感受烟火气。\n"))
    assert "EX8901" in _rules(team, item)


def test_a_list_the_check_cannot_read_is_not_pinned(team: Team) -> None:
    (team.root / "bad.toml").write_text('[[entry]]\nid = "EX8902"\n', encoding="utf-8")
    (team.root / "review.toml").write_text('expressions = ["bad.toml"]\n', encoding="utf-8")
    result = team.run("admin", "policy", "lists")
    assert result.exit_code == 2 and "bad.toml" in result.stderr, result.output
    assert "Traceback" not in result.output


def test_init_pins_the_lists_review_toml_names(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    team = Team(tmp_path, None)
    _org_list(team)
    for who in ("admin", "editor", "reviewer"):
        team.keygen(who)
    team.ok("admin", "init", "--name", "admin")
    team.add("editor", "editor")
    team.add("reviewer", "reviewer")
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    item = team.submit("editor", team.write("a.txt", DRAFT))
    assert _org_rules(_rules(team, item))


def test_a_list_outside_the_workspace_cannot_be_pinned(team: Team, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "terms.txt"
    outside.write_text("词\n", encoding="utf-8")
    (team.root / "review.toml").write_text(f'[[lexicon]]\npath = "{outside}"\n',
                                           encoding="utf-8")
    team.usage_error("admin", "policy", "lists", match="outside")


GOOD = {"kind": "lexicon", "path": "org/terms.txt", "sha256": "a" * 64, "category": "illegal"}


@pytest.mark.parametrize("bad", [
    {"path": "../terms.txt"}, {"path": "/etc/terms.txt"}, {"path": "org//terms.txt"},
    {"sha256": "A" * 64}, {"sha256": "a" * 63}, {"kind": "classes"}, {"category": "release"},
    {"severity": "loud"}, {"gate": 3}, {"extra": "x"},
])
def test_a_hand_written_policy_with_a_bad_list_is_not_in_force(bad: dict) -> None:
    statement = {"levels": ["reviewer"], "separate_publisher": False}
    assert Policy.read({**statement, "lists": [GOOD]}).lists == (PinnedList(**GOOD),)
    assert Policy.read({**statement, "lists": [{**GOOD, **bad}]}) is None


def test_the_checked_copy_is_kept_by_content_and_never_trusted(pinned: Team) -> None:
    """The check reads a copy of each pinned list, kept in the person's cache by its digest so
    that its compiled form stays cached; a copy found there is rewritten, never believed."""
    from review import cache

    pinned.submit("editor", pinned.write("a.txt", DRAFT))
    copies = sorted(p for p in (cache.cache_dir() / "pinned").rglob("terms.txt"))
    assert copies, "no checked copy in the cache"
    for copy in copies:
        copy.write_text("别的词\n", encoding="utf-8")  # tampered with between two runs
    item = pinned.submit("editor", pinned.write("b.txt", DRAFT))
    assert _org_rules(_rules(pinned, item)), "a tampered copy was read"
    assert sorted((cache.cache_dir() / "pinned").rglob("terms.txt")) == copies
