"""How the lexicon stage matches: evasions, boundaries, context, allow, noise = false."""

from review.document import Document
from review.findings import Category, Gate, Rule, Severity
from review.normalize import normalize_term
from review.rules.lexicons import Entry
from review.stages.lexicon import LexiconStage


def entry(term, **kwargs) -> Entry:
    rule = Rule("IL999", Category.ILLEGAL, Gate.LEGAL, Severity.BLOCK, "测试", "test")
    norm = {k: tuple(normalize_term(x) for x in v) for k, v in kwargs.items() if k != "noise"}
    return Entry(rule, (normalize_term(term),), noise=kwargs.get("noise", True), **norm)


def found(e: Entry, text: str) -> list[str]:
    return [text[h.start:h.end] for h in LexiconStage([e]).scan(Document("d", text))]


def test_evasive_spellings_are_found_with_the_original_span():
    e = entry("法轮功")
    assert found(e, "宣扬法*轮*功") == ["法*轮*功"]
    assert found(e, "宣扬法 轮 功") == ["法 轮 功"]
    assert found(e, "宣揚法輪功") == ["法輪功"]
    assert found(e, "宣扬法\u200b轮\u200b功") == ["法\u200b轮\u200b功"]


def test_terms_never_span_a_sentence_end_or_a_line_break():
    e = entry("出售冰毒")
    assert found(e, "出售，冰毒") == ["出售，冰毒"]
    assert found(e, "出售。冰毒") == []
    assert found(e, "出售\n冰毒") == []


def test_every_occurrence_is_reported():
    assert found(entry("出售冰毒"), "出售冰毒，出售冰毒") == ["出售冰毒", "出售冰毒"]


def test_context_words_must_be_near():
    e = entry("代开发票", context=("联系", "微信"))
    assert found(e, "代开发票请联系") == ["代开发票"]
    assert found(e, "严厉打击虚开和代开发票违法行为") == []


def test_a_longer_allowed_phrase_beats_the_term_inside_it():
    e = entry("出售冰毒", allow=("打击出售冰毒",))
    assert found(e, "警方严厉打击出售冰毒行为") == []
    assert found(e, "本店出售冰毒") == ["出售冰毒"]


def test_noise_false_requires_a_contiguous_term():
    e = entry("vx", noise=False)
    assert found(e, "加vx") == ["vx"]
    assert found(e, "v x") == []
