import pytest
from hypothesis import given
from hypothesis import strategies as st

from review.normalize import View, compact, fold, normalize_term


def folded(text: str) -> str:
    return fold(View.identity(text)).text


def compacted(text: str) -> str:
    return compact(fold(View.identity(text))).text


def test_full_width_case_and_traditional_fold_to_one_form():
    assert folded("ＡＢＣ１２３") == "abc123"
    assert folded("臺灣法輪功") == "台湾法轮功"
    assert folded("WeChat") == "wechat"


def test_digit_variants_fold_to_ascii_digits():
    assert folded("①②③") == "123"
    assert folded("一三八一二三四五六七八") == "13812345678"
    assert folded("壹叁捌") == "壹叁捌"  # three numerals are not yet a digit string


def test_short_chinese_numerals_in_prose_stay_words():
    assert folded("十四五规划和一一对应") == "十四五规划和一一对应"


def test_invisible_characters_are_removed():
    assert folded("法\u200b轮\u200d功\ufe0f") == "法轮功"


def test_noise_between_characters_is_dropped_but_sentence_ends_kept():
    assert compacted("加 薇 信") == "加薇信"
    assert compacted("法*轮*功") == "法轮功"
    assert compacted("法·轮|功😀") == "法轮功"
    assert compacted("出售，冰毒") == "出售冰毒"
    assert compacted("出售。冰毒") == "出售。冰毒"
    assert compacted("出售\n冰毒") == "出售\n冰毒"


def test_compact_maps_every_character_back_to_its_original():
    original = "加 薇 信：ａｂｃ"
    view = compact(fold(View.identity(original)))
    start, end = view.span(0, 3)
    assert original[start:end] == "加 薇 信"
    start, end = view.span(3, 6)
    assert original[start:end] == "ａｂｃ"


def test_normalize_term_matches_the_text_form():
    assert normalize_term("加 V 信") == "加v信"


@given(st.text())
def test_views_map_into_the_original(text):
    for view in (fold(View.identity(text)), compact(fold(View.identity(text)))):
        assert len(view.starts) == len(view.ends) == len(view.text)
        for start, end in zip(view.starts, view.ends, strict=True):
            assert 0 <= start < end <= len(text)
        assert list(view.starts) == sorted(view.starts)


@given(st.lists(st.text(st.one_of(st.characters(), st.sampled_from("\u2028\n\r\x85 ，·")),
                        max_size=8), max_size=20))
def test_terms_normalised_together_equal_one_by_one(terms):
    from review.normalize import normalize_terms

    assert normalize_terms(terms) == [normalize_term(t) for t in terms]


def test_a_number_read_out_in_chinese_digit_groups_is_a_digit_string():
    from review.normalize import View, fold

    assert fold(View.identity("电话：一三八 七七二一 五六四三")).text.endswith("138 7721 5643")
    assert fold(View.identity("一三八-七七二一-五六四三")).text == "138-7721-5643"
    # short runs in prose stay words
    assert fold(View.identity("三 四 五年级")).text == "三 四 五年级"


@pytest.mark.parametrize("filler", ["\u115f", "\u1160", "\u3164", "\uffa0", "\u180b", "\u17b4"])
def test_a_character_drawn_as_nothing_does_not_hide_a_term(filler):
    """Red-team pass 15: a Hangul filler inside a block term (反<U+115F>送中) hid it from every
    check, though a reader sees 反送中."""
    from review.document import Document

    doc = Document("d", f"反{filler}送{filler}中")
    assert doc.compact.text == "反送中"


def test_a_text_without_a_character_t2s_changes_alone_is_left_as_written():
    """fold skips OpenCC (and its load) for a text holding none of the characters t2s changes
    one at a time. t2s's phrase table would change such a text only where a phrase of
    simplified characters is also a traditional spelling — the name 沈默 read as 沉默 —
    which a simplified draft does not mean: over the project's own prose that is the only
    kind of difference, in one sentence in thousands."""
    from pathlib import Path

    from review.normalize import _t2s, _tables

    traditional = _tables()[2]
    t2s = _t2s()
    corpus = Path(__file__).parent.parent / "fixtures" / "corpus"
    lines = [line.partition("\t")[2] for path in sorted(corpus.glob("*.tsv"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    plain = [text for text in lines if not traditional.search(text)]
    assert len(plain) > 10_000
    changed = [text for text in plain if t2s.convert(text) != text]
    assert len(changed) <= len(plain) // 1000
    assert all("沈" in text for text in changed)  # 沈默 → 沉默, and the like
    assert fold(View.identity("翻译家沈默")).text == "翻译家沈默"
    assert fold(View.identity("這是繁體字")).text == "这是繁体字"
    assert fold(View.identity("乾隆年間")).text == "乾隆年间"  # the phrase table, when loaded

