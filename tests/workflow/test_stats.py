"""Rule health from a small scripted history: `review stats` counts, rates, periods, the rules
overridden too often and `--suggest`, through the real CLI on SQLite and PostgreSQL."""

import json

import pytest
from workflow.team import clock

from review.config import parse_config

# Each draft's one finding is AD001 (加微信 with 咨询 near it) at offset 9.
BOOKING = "社区通知\n\n{}\n"
DECEMBER_OVERRIDDEN = ("居民可加微信咨询订餐事宜。", "家长可加微信咨询报名事宜。")
DECEMBER_REJECTED = "商家称加微信咨询可享优惠。另外，我觉得这次活动办得真烂。"
NOVEMBER_OVERRIDDEN = "老人可加微信咨询体检事宜。"


def _on(team, monkeypatch, day: str) -> None:
    clock(team, monkeypatch, f"{day}T09:30:00+08:00")


def _overridden(team, name: str, sentence: str) -> None:
    item = str(team.submit("editor", team.write(name, BOOKING.format(sentence))))
    team.ok("reviewer", "show", item)
    team.ok("reviewer", "override", item, "AD001@9", "--reason", "本单位自己的咨询微信")


@pytest.fixture
def history(team, monkeypatch):
    """November: one AD001 finding, overridden. December: three, two overridden and one
    rejected with a reason naming AD001 and a mark of another sentence as opinion."""
    _on(team, monkeypatch, "2026-11-20")
    _overridden(team, "nov.txt", NOVEMBER_OVERRIDDEN)
    _on(team, monkeypatch, "2026-12-03")
    for n, sentence in enumerate(DECEMBER_OVERRIDDEN):
        _overridden(team, f"dec{n}.txt", sentence)
    draft = BOOKING.format(DECEMBER_REJECTED)
    item = str(team.submit("editor", team.write("shop.txt", draft)))
    start = draft.index("我觉得")
    team.ok("reviewer", "reject", item, "--reason", "AD001 确为商家广告；另有个人情绪",
            "--mark", f"{start}:{len(draft) - 1}:opinion")
    return team


def _stats(team, *args: str) -> dict:
    return json.loads(team.ok(None, "stats", "--format", "json", *args).stdout)


def _row(rows: list[dict], name: str) -> dict:
    return next(r for r in rows if r["name"] == name)


def test_counts_and_rates_per_rule_and_category(history):
    december = _stats(history, "--period", "2026-12")
    rule = _row(december["rules"], "AD001")
    assert (rule["category"], rule["findings"], rule["overrides"], rule["rejections"]) == \
        ("ads", 3, 2, 1)
    assert rule["rate"] == pytest.approx(2 / 3)
    assert rule["phrases"] == [{"text": "加微信", "count": 2}]
    ads, opinion = _row(december["categories"], "ads"), _row(december["categories"], "opinion")
    assert (ads["findings"], ads["overrides"], ads["rejections"]) == (3, 2, 1)
    assert (opinion["overrides"], opinion["rejections"]) == (0, 1)  # the mark
    assert december["flagged"] == ["AD001"]
    everything = _row(_stats(history)["rules"], "AD001")
    assert (everything["findings"], everything["overrides"]) == (4, 3)
    november = _stats(history, "--period", "2026-11")
    assert (_row(november["rules"], "AD001")["findings"], november["flagged"]) == (1, [])
    assert _stats(history, "--since", "2026-12-01")["rules"] == december["rules"]
    # a rate at the threshold is not above it; fewer findings than the minimum are not listed
    assert _stats(history, "--period", "2026-12", "--threshold", "0.7")["flagged"] == []
    assert _stats(history, "--period", "2026-12", "--min-findings", "4")["flagged"] == []


def test_the_text_report_lists_the_rules_overridden_too_often(history):
    lines = history.ok(None, "stats", "--period", "2026-12").stdout.splitlines()
    assert lines[0].split() == ["rule", "category", "findings", "overrides", "rejections",
                                "rate"]
    assert lines[1].split() == ["AD001", "ads", "3", "2", "1", "67%"]
    assert "rules overridden above 50% (at least 3 findings):" in lines
    assert any(line.startswith("  AD001 ") and "2/3 overridden (67%)" in line
               and "“加微信”×2" in line for line in lines)
    chinese = history.run(None, "stats", "--period", "2026-12", "--lang", "zh").stdout
    assert "规则" in chinese and "放行率高于 50% 的规则（至少 3 条发现）：" in chinese


def test_suggest_writes_allow_phrases_in_the_config_s_format(history, tmp_path):
    out = tmp_path / "suggested.toml"
    history.ok(None, "stats", "--period", "2026-12", "--suggest", "--out", str(out))
    suggested = out.read_text(encoding="utf-8")
    config = parse_config(suggested, str(out), tmp_path)
    assert sorted(config.allow) == ["家长可加微信咨询报名", "居民可加微信咨询订餐"]
    assert "AD001" in suggested and "本单位自己的咨询微信" in suggested
    # adopted, the phrases keep the overridden sentences quiet and no other
    draft = history.root / "posts" / "dec0.txt"
    found = json.loads(history.ok(None, "check", str(draft), "--config", str(out),
                                  "--format", "json").stdout)
    assert found["files"][0]["findings"] == []
    shop = history.root / "posts" / "shop.txt"
    found = json.loads(history.ok(None, "check", str(shop), "--config", str(out),
                                  "--format", "json", "--fail-on", "never").stdout)
    assert "AD001" in {f["rule"] for f in found["files"][0]["findings"]}
    # nothing flagged: an empty list, still a config file
    empty = history.ok(None, "stats", "--period", "2026-11", "--suggest").stdout
    assert parse_config(empty, "s.toml", tmp_path).allow == []


def test_bad_periods_are_usage_errors(team):
    team.usage_error(None, "stats", "--period", "2026-13", match="expected a month")
    team.usage_error(None, "stats", "--since", "yesterday", match="yesterday")
    team.usage_error(None, "stats", "--period", "2026-12", "--since", "2026-12-01",
                     match="not both")


def test_the_loop_overridden_then_suggested_then_signed_into_the_policy_then_passing(
        history, tmp_path):
    """A rule overridden again and again → `stats` lists it → `--suggest` proposes the phrases
    → an admin signs them into the policy → the same drafts go through the gate with nothing
    to override, and a shop's advert still does not."""
    assert _stats(history, "--period", "2026-12")["flagged"] == ["AD001"]
    out = tmp_path / "suggested.toml"
    history.ok(None, "stats", "--period", "2026-12", "--suggest", "--out", str(out))
    phrases = parse_config(out.read_text(encoding="utf-8"), str(out), tmp_path).allow
    assert phrases
    history.refused("editor", "policy", "allow", *phrases)  # an admin's, not an editor's
    said = history.ok("admin", "policy", "allow", *phrases).stdout
    assert f"{len(phrases)} allowed phrases" in said and "in force" in said
    # the same drafts again, as new items: nothing to override, released after one approval
    for n, sentence in enumerate(DECEMBER_OVERRIDDEN):
        item = str(history.submit("editor", history.write(f"again{n}.txt",
                                                          BOOKING.format(sentence))))
        shown = json.loads(history.ok("reviewer", "show", item, "--format", "json").stdout)
        assert [f for f in shown["findings"] if f["rule"] == "AD001"] == []
        history.ok("reviewer", "approve", item)
        history.ok("editor", "release", item)
    shop = str(history.submit("editor", history.write("shop2.txt",
                                                      BOOKING.format("商家称加微信咨询可享优惠。"))))
    shown = json.loads(history.ok("reviewer", "show", shop, "--format", "json").stdout)
    assert "AD001" in {f["rule"] for f in shown["findings"]}
    # taken back, the phrase is reported again
    history.ok("admin", "policy", "allow", "--remove", phrases[0])
    item = str(history.submit("editor", history.write("again9.txt", BOOKING.format(
        next(s for s in DECEMBER_OVERRIDDEN if phrases[0] in s)))))
    shown = json.loads(history.ok("reviewer", "show", item, "--format", "json").stdout)
    assert "AD001" in {f["rule"] for f in shown["findings"]}
