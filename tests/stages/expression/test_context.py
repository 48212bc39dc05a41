"""EX9502, two-character typos judged in context: a slip found where the sentence reads far
better corrected, fixed when the correction is unambiguous, and never in names, numbers, titles,
quotations, repeated strings or correct near-miss words."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from review import fix
from review.stages.expression import context, context_data

ROOT = Path(__file__).resolve().parents[3]


def findings(pipeline, text: str, rule: str = "EX9502") -> list:
    return [f for f in pipeline.check_text(text).findings if f.rule == rule]


@pytest.mark.parametrize(("text", "written", "right"), [
    ("全市各级工昨人员要坚守岗位。", "工昨", "工作"),
    ("本周六上午在市民广场举办辛闻发布会。", "辛闻", "新闻"),
    ("欢迎广大蹲众积极参与。", "蹲众", "群众"),
    ("今年全市地区生单总值稳步增长。", "生单", "生产"),
])
def test_a_two_character_typo_is_found_in_context_and_fixed(pipeline, text, written, right):
    # found as the two characters (EX9502), or as the longer word they misspell (EX9501:
    # 生单总值 → 生产总值): one finding either way
    found = findings(pipeline, text) + findings(pipeline, text, "EX9501")
    assert len(found) == 1 and written in found[0].text
    fixed = fix.apply(text, fix.fixable(pipeline.check_text(text).findings))
    assert fixed == text.replace(written, right)


def test_one_typo_is_one_finding_even_when_two_words_fit_it(pipeline):
    """周 for 调 makes 协周 (协调) and 周解 (调解): one wrong character, one finding, and the
    fix puts the one character both agree on."""
    text = "现场协周解决问题8个。"
    found = findings(pipeline, text)
    assert len(found) == 1 and "周" in found[0].text
    assert fix.apply(text, fix.fixable(found)) == "现场协调解决问题8个。"


@pytest.mark.parametrize("text", [
    "全市各级工作人员要坚守岗位。",        # the correct sentences
    "本周六上午在市民广场举办新闻发布会。",
    "欢迎广大群众积极参与。",
    "张工昨天到村里走访。",                # 工昨 is where 张工 meets 昨天
    "李辛闻同志在会上发言。",              # a person's name
    "编辑：陈默",                          # a byline: 陈默 is no typo of 沉默
    "请到辛闻村村委会领取。",              # a place
    "《工昨手记》一书出版。",              # a title
    "“辛闻”是他的笔名。",                  # a quotation
    "辛闻工作室成立于2019年。辛闻工作室现有成员8人。",  # a name repeats
    "2023年全市生产总值增长5.2%，其中第一季度增长4.8%。",  # numbers
    "他逐件核对了材料，矛盾纠纷逐件明确责任人。",  # a rare but correct compound
])
def test_correct_prose_names_and_near_misses_are_left_alone(pipeline, text):
    assert findings(pipeline, text) == []


def test_ex9501_and_ex9502_never_report_the_same_characters(pipeline):
    text = "我们要坚持实事求事，把工昨做实做细。"
    spans = [(f.rule, f.start, f.end) for f in pipeline.check_text(text).findings
             if f.rule in ("EX9501", "EX9502")]
    assert {rule for rule, _, _ in spans} == {"EX9501", "EX9502"}
    for _, start, end in spans:
        assert sum(a < end and start < b for _, a, b in spans) == 1


def test_the_bundled_correct_government_prose_gets_no_typo_finding(pipeline):
    text = (ROOT / "fixtures" / "prose" / "correct_government.txt").read_text(encoding="utf-8")
    assert [f.text for f in pipeline.check_text(text).findings if f.rule.startswith("EX95")] == []


def test_the_context_table_names_its_source():
    head = context_data.context_file().read_text(encoding="utf-8").splitlines()[:4]
    assert any("fixtures/corpus" in line for line in head)
    assert all(line.startswith("#") for line in head[:3])


def test_the_tables_come_back_from_the_cache_as_they_were_compiled(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    compiled = context_data.build()
    assert list(tmp_path.glob("typo_context-*.bin"))
    assert context_data.build() == compiled
    # a slip, a word, a character-pair count and the smoothed reading of a pair never seen
    assert 2 in compiled.slip_starts("各级工昨人员") and "工作" in compiled.words
    assert 2 not in compiled.slip_starts("各级工作人员")
    assert compiled.count("工", "作") > 100 and compiled.count("工", "昨") == 0
    assert compiled.log_follow("工", "作") > compiled.log_follow("工", "昨") > -30


def test_a_check_of_a_short_draft_imports_neither_jieba_pypinyin_nor_numpy(tmp_path):
    """The tables are plain strings in the cache: the first check compiles them (pypinyin
    then), later ones only read them."""
    code = ("import sys\nfrom review.config import Config\nfrom review.pipeline import Pipeline\n"
            "found = Pipeline(Config()).check_text('全市各级工昨人员要坚守岗位。').findings\n"
            "print('EX9502' in {f.rule for f in found},"
            " *(m in sys.modules for m in ('pypinyin', 'jieba', 'numpy')))")
    env = {**os.environ, "REVIEW_CACHE_DIR": str(tmp_path)}
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, capture_output=True, check=True)  # fills the cache
    out = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False", "False", "False"]


def test_the_score_weighs_both_gains_and_the_written_pair():
    """A slip the project's prose has seen reads as less of a typo (the weight is negative),
    and both gains count for it."""
    gain, pair_gain, seen = context.WEIGHTS[:3]
    assert gain > 0 and pair_gain > 0 and seen < 0


def test_the_corrections_of_a_slip_are_those_of_the_tables_strings():
    """A slip's corrections come from the characters' sets, made once each: the same
    corrections in the same order as the intersection of the tables' strings."""
    import random

    from review.stages.expression import typos

    detector = context.ContextTypos(lambda: typos.build().lexicon)
    tables = detector.tables
    prose = (Path(__file__).resolve().parents[3] / "fixtures/prose/correct_government.txt"
             ).read_text(encoding="utf-8")
    rng = random.Random(9)
    characters = sorted(set(prose) | set(tables.sources))
    pairs = [prose[s:s + 2] for s in tables.slip_starts(prose)]
    pairs += ["".join(rng.choices(characters, k=2)) for _ in range(3000)] + ["工昨", "辛闻"]
    for a, b in pairs:
        expected = [(0, s, s + b) for s in sorted(
            set(tables.sources.get(a, "")).intersection(tables.words.before.get(b, "")))]
        expected += [(1, s, a + s) for s in sorted(
            set(tables.sources.get(b, "")).intersection(tables.words.after.get(a, "")))]
        assert list(detector._corrections(a + b)) == expected, a + b
    assert list(detector._corrections("工昨")) == [(1, "作", "工作")]
