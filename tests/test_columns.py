"""Text as a terminal shows it: display width, printable cells, aligned tables."""

from review.columns import printable, table, width


def test_a_chinese_character_takes_two_columns():
    assert width("通知 a") == 6 and width("e\u0301") == 1 and width("a\x07b") == 2


def test_spaces_of_every_kind_are_kept_and_hidden_characters_shown():
    # the ideographic space that indents a Chinese paragraph is a space, not a problem
    assert printable("\u3000\u3000关于\t通知") == "\u3000\u3000关于 通知"
    # a line break, a zero-width space, a file name's undecodable byte: U+FFFD
    assert printable("a\nb\u200bc\udcb6") == "a\ufffdb\ufffdc\ufffd"


def test_columns_start_at_the_same_display_column():
    lines = table([("名称", "单位", "x"), ("城东文化和旅游", "局", "y"), ("a", "b")])
    assert lines == ["名称            单位  x",
                     "城东文化和旅游  局    y",
                     "a               b"]
    assert table([]) == []


def test_widths_measured_without_wcwidth_are_what_wcwidth_says():
    """The characters `width` measures itself, one by one and in strings, against wcwidth."""
    import random

    from wcwidth import wcswidth

    from review.columns import _KNOWN

    known = [chr(c) for c in range(0x30000) if _KNOWN.fullmatch(chr(c))]
    assert len(known) > 27000  # ASCII, Latin-1, punctuation, CJK symbols, ideographs, forms
    assert [width(c) for c in known] == [wcswidth(c) for c in known]
    pick = random.Random(19)
    texts = ["".join(pick.choices(known, k=pick.randint(0, 40))) for _ in range(2000)]
    assert [width(t) for t in texts] == [wcswidth(t) for t in texts]
    assert width("中文\u0301x") == wcswidth("中文\u0301x") == 5  # a combining mark: wcwidth
