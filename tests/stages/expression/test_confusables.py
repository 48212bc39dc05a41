"""EX9511…: function characters confused in context (的/地/得, 在/再, 那/哪 …). Beyond each
rule's own examples (tests/rules): the readings that look alike and are right — 的 before a
nominalised verb, a relative clause before 很, a 的 phrase as a subject — and the file's
machinery (classes, lookbehinds moved behind the word, the correction offered)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from review.document import Document
from review.errors import ConfigError
from review.stages.expression import confusables
from review.stages.expression.data import CONFUSABLES_FILE, expression_dir


@cache
def rules() -> list[confusables.Confusable]:
    return confusables.load_confusables(expression_dir() / CONFUSABLES_FILE)


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(h.rule.id, text[h.start:h.end], h.replacement)
            for h in confusables.detect(Document("t", text), rules())]


@pytest.mark.parametrize("text, rule, span", [
    # 地: a modal or adverb before the adverbial, an aspect after the verb, a verb phrase after
    ("各级领导干部要认真的听取群众意见。", "EX9511", "要认真的听取"),
    ("我们将继续积极的探索新路子。", "EX9511", "继续积极的探索"),
    ("全体干部职工都兢兢业业的坚守在岗位上。", "EX9511", "都兢兢业业的坚守"),
    ("街道干部深入细致的走访了辖区企业。", "EX9511", "深入细致的走访"),
    ("消防员迅速的赶到了事故现场。", "EX9511", "迅速的赶到"),
    ("他默默的为乡亲们修了十年路。", "EX9511", "默默的为"),
    ("大家要好好的把这项工作抓实抓细。", "EX9511", "好好的把"),
    ("网格员耐心的向老人讲解防诈骗知识。", "EX9511", "耐心的向"),
    ("各单位要严格的按照规定执行。", "EX9511", "严格的按照"),
    ("县里正在稳步的推进高标准农田建设。", "EX9511", "正在稳步的推进"),
    ("党员志愿者积极得参与了社区防疫工作。", "EX9511", "积极得参与"),
    # 得: a complement after a verb the topic or the verb's kind makes the predicate
    ("今年全县农业生产发展的十分平稳。", "EX9512", "发展的十分平稳"),
    ("项目推进的非常顺利，预计年底完工。", "EX9512", "推进的非常顺利"),
    ("整改工作落实的很到位。", "EX9512", "工作落实的很到位"),
    ("文艺晚会办的热热闹闹，群众拍手叫好。", "EX9512", "晚会办的热热闹闹"),
    ("各项准备工作安排的井井有条。", "EX9512", "工作安排的井井有条"),
    ("村民们的日子过的越来越好。", "EX9512", "日子过的"),
    ("新建的学校要比原来大的多。", "EX9512", "要比原来大的多"),
    ("时间紧，但只要抓紧还来的及。", "EX9512", "来的及"),
    ("群众的钱袋子鼓起来了，腰杆也硬起来了，日子变的越来越好。", "EX9512", "变的越来越好"),
        ("孩子们的字写的工工整整，作业写的很认真。", "EX9512", "作业写的很认真"),
    # 显得, 觉得, 值得, 得到
    ("改造后的街道显的更加整洁有序。", "EX9513", "显的"),
    ("群众都觉的这项政策办到了心坎上。", "EX9513", "都觉的"),
    ("这种做法值的借鉴。", "EX9513", "值的"),
    ("困难群众的基本生活的到有效保障。", "EX9513", "的到有效保障"),
    # 在/再, 那/哪, 以/已, 象/像, 即/既, 付/副
    ("这场比赛在一次证明了团结的力量。", "EX9515", "在一次"),
    ("再此期间，各项工作有序开展。", "EX9516", "再此期间"),
    ("无论在那里，都要守住初心。", "EX9517", "无论在那"),
    ("我们以经连续三年超额完成任务。", "EX9518", "以经"),
    ("他好象一团火，温暖着身边的人。", "EX9519", "好象"),
    ("我们即要抓发展，又要抓安全。", "EX9520", "即要抓发展，又要"),
    ("付局长王强主持会议。", "EX9521", "付"),
])
def test_found(text, rule, span):
    assert [(r, s) for r, s, _ in found(text)] == [(rule, span)]


@pytest.mark.parametrize("text", [
    # 的 before a verb that heads a noun phrase: after 进行/得到/给予/在…下, before a noun
    "全县上下对这项工作给予了大力的支持。",
    "这些做法得到了群众积极的响应。",
    "我们对此进行了深入的研究，形成了调研报告。",
    "在上级部门有力的指导下，项目顺利推进。",
    "这次培训对提高干部素质起到了积极的促进作用。",
    "他们认真的工作作风给群众留下了深刻印象。",
    "要形成全面的开放格局。",
    "我们要实行积极的就业政策。",
    "经过认真的准备，活动如期举行。",
    "主动的服务意识需要长期培养。",
    "这是一次有益的探索，也是一次积极的尝试。",
    "对于群众积极的参与，我们表示衷心感谢。",
    "要把有效的监督贯穿始终。",
    "还要坚持科学的决策机制。",
    "坚定的理想信念是共产党人的精神之钙。",
    # 的 after a verb that heads a relative clause: what was done, said, made
    "他说的很有道理。",
    "我们做的很多工作群众看在眼里。",
    "你们反映的很及时，我们立即处理。",
    "领导交办的很多事项已经办结。",
    "上级部署的很重要的一项任务是防汛。",
    "这是他们发展的很关键的一步。",
    "参加的很多是返乡创业青年。",
    "去年完成的十分艰巨的任务有三项。",
    "全县发展的更高水平体现在民生上。",
    "以更加积极的姿态融入发展大局。",
    "大家讲的很实在，我们都记下了。",
    "他们写的很感人，值得一读。",
    # 得, 到, 显, 觉, 值 … in words that are right with 的
    "新年的到来让大家倍感振奋。",
    "明显的变化体现在群众的笑脸上。",
    "产值的增长来自新兴产业。",
    "感觉的偏差需要数据来纠正。",
    "他看的到底是不是原件？",
    "所做的一切都是为了群众。",
    "会议的到会率达到98%。",
    # 在, 那, 以, 象, 即, 付 where they are right
    "在一次座谈会上，他谈到了这个问题。",
    "那时候，村里还没有通公路。",
    "不管那些传言，我们只用事实说话。",
    "以经济建设为中心。",
    "这一现象值得深思。",
    "气象部门发布暴雨预警。",
    "即日起，各办事窗口延时服务。",
    "及时支付农民工工资。",
    "今年的收入比去年高的多，低的少。",
])
def test_right_prose_is_not_found(text):
    assert found(text) == []


def test_two_slips_in_one_sentence_are_two_findings():
    assert [s for _, s, _ in found("这些干部靠的住、信的过。")] == ["靠的住", "信的过"]


def test_the_correction_replaces_only_the_character():
    assert found("各部门要认真的贯彻落实。") == [("EX9511", "要认真的贯彻", "要认真地贯彻")]
    # from the original text: its traditional characters and full-width marks stay
    text = "各部門要認真的貫徹落實。"
    assert [r for _, _, r in found(text)] == ["要認真地貫徹"]


def test_a_lookbehind_is_moved_behind_the_word():
    words = {"verb": ["(?<![改转])变", "发展", "做(?![法])"]}
    pattern = confusables.expand("(?<!所){verb}(?P<w>的)", words)
    assert pattern.startswith("(?:发展(?<!所发展)|变(?<![改转]变)(?<!所变)|做(?<!所做)(?![法]))")
    import re

    compiled = re.compile(pattern)
    assert [bool(compiled.search(t)) for t in ("变的", "改变的", "所变的", "做的", "做法的",
                                               "所做的", "发展的")] == \
        [True, False, False, True, False, False, True]
    # a quantifier stays with its character: the lookbehind goes before it
    assert confusables.expand("{w}", {"w": ["(?<!x)ab?c"]}) == "(?:a(?<!xa)b?c)"


def test_classes_may_be_joined_and_must_be_known():
    assert confusables.expand("{a|b}", {"a": ["x"], "b": ["yy"]}) == "(?:yy|x)"
    assert confusables.expand("x{1,4}", {}) == "x{1,4}"
    with pytest.raises(ConfigError, match="unknown word class"):
        confusables.expand("{nothing}", {})


def test_a_pattern_without_its_character_group_is_refused(tmp_path):
    path = tmp_path / "confusables.toml"
    path.write_text('[[rule]]\nid = "EX9590"\nwrong = "的"\nright = "地"\nreason = "r"\n'
                    'reason_en = "r"\npatterns = ["认真的"]\nhit = ["认真的"]\n',
                    encoding="utf-8")
    with pytest.raises(ConfigError, match="group"):
        confusables._compiled(path)


def test_a_whole_draft_takes_well_under_a_millisecond_a_thousand_characters():
    import time

    prose = "各部门要认真地贯彻落实会议精神，我们做的很多工作得到了群众积极的响应。" * 150
    doc = Document("t", prose)
    list(confusables.detect(doc, rules()))  # the patterns compiled
    start = time.perf_counter()
    list(confusables.detect(doc, rules()))
    assert time.perf_counter() - start < 0.05


@pytest.mark.parametrize("pattern, tail", [
    ("认真(?P<w>的)学习", "(?P<w>的)学习"),
    ("(?:认真|积极)(?<!不)(?P<w>的)(?=学)", "(?P<w>的)(?=学)"),
    ("(?P<w>的)学习", None),               # the group opens the pattern: nothing to skip
    ("认真(?P<w>的)学习|积极", None),      # inside a top-level alternation
    ("认真(?P<w>的)?学习", None),          # repeated: not one item
    ("(认真)(?P<w>的)\\1", None),          # refers to a group before it
    ("(?P<a>认真)(?P<w>的)(?P=a)", None),
    ("(?i)认真(?P<w>的)", None),           # a flag for the whole pattern
])
def test_a_tail_is_taken_only_where_it_is_the_rest_of_the_pattern(pattern, tail):
    assert confusables._tail(pattern) == tail


def test_the_tails_refuse_no_draft_a_pattern_matches():
    """A tail is found wherever its pattern matches, so drafts find the same with tails (the
    bulk path) as without; over every rule's examples and the bundled drafts."""
    from pathlib import Path

    tail_of = confusables.tails(rules())
    assert tail_of  # the large classes before 的/地/得 have them
    root = Path(__file__).resolve().parents[3]
    texts = [t for c in rules() for t in (*c.hit, *c.miss)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures/drafts").glob("*"))
              if p.suffix in (".txt", ".md")]
    texts.append("\n".join(texts))
    assert sum(tail.pairs is not None for tail in tail_of.by_pattern.values()) > 10
    for text in texts:
        for pattern, tail in tail_of.by_pattern.items():
            for m in re.finditer(pattern, text):
                assert tail.pattern.match(text, m.start("w")), (pattern[:40], m.group())
                # and opens with one of its pairs: a draft without them cannot match
                assert tail.pairs is None or text[m.start("w"):m.start("w") + 2] in tail.pairs
        doc = Document("t", text)
        assert list(confusables.detect(doc, rules(), tail_of)) == \
            list(confusables.detect(doc, rules()))


@pytest.mark.parametrize("tail, pairs", [
    ("(?P<w>的)(?:学习|发展)", ("的发", "的学")),
    ("(?P<w>[的得])(?:好|快)", ("得好", "得快", "的好", "的快")),
    ("(?P<w>的)(?=很|更)", ("的很", "的更")),
    ("(?P<w>的)(?<![目])(?:见|懂)(?!了)", ("的懂", "的见")),
    ("(?P<w>的)(?:认真)?学", ("的学", "的认")),
    ("(?P<w>的)[\u4e00-\u9fff]", None),   # a range: not listed
    ("(?P<w>的)(?=[\u4e00-\u9fff])", None),
    ("(?P<w>的)(?:学)*", None),              # may take nothing: whatever follows
    ("(?P<w>的地)学", None),                 # the group is two characters
    ("(?P<w>的|得)学", ("得学", "的学")),
])
def test_the_pairs_a_tail_opens_with(tail, pairs):
    assert confusables._pairs(tail) == pairs
