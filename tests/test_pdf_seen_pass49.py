"""Red-team pass 49 on PDF text drawn on a ground of its own colour: a black 甲 on a black box
painted just before it (a redaction bar drawn under the text, not over it), or red on red,
parted 出甲售冰毒 for the check while a reader saw 出■售冰毒. The last opaque paint under a glyph
is now its ground; text alike it is unseen, as white text on the bare page is."""

from __future__ import annotations

import pytest
from test_pdf_seen_attacks import _page, _parted, _parts

_BOX = "130 725 16 16 re f"


@pytest.mark.parametrize("setup", [
    f"0 g {_BOX}",                                  # black on black
    f"1 0 0 rg {_BOX} 1 0 0 rg",                    # red on red
    f"0 0 0 1 k {_BOX} 0 g",                        # CMYK black, gray black text
    f"/DeviceRGB cs 0.2 0.3 0.8 sc {_BOX} 0.22 0.3 0.8 rg",  # a blue on a blue
    f"1 g {_BOX} 0 g {_BOX} /DeviceCMYK cs",       # a space's first colour: black
])
def test_text_on_a_ground_of_its_own_colour_parts_no_words(setup):
    parts = _parts(_page(_parted(setup)))
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"


@pytest.mark.parametrize("setup", [
    f"0 g {_BOX} 1 g",                              # white on black: a band's title
    f"0 g {_BOX} 1 0 0 rg",                         # red on black
    f"0 g {_BOX} 1 g 128 720 20 26 re f 0 g",       # a white box over the black one
    f"0 g {_BOX} 0.5 g",                            # grey on black
    f"0 g {_BOX} /Pattern cs",                      # a colour not judged
])
def test_text_on_a_ground_of_another_colour_is_seen(setup):
    parts = _parts(_page(_parted(setup)))
    assert "本人长期出甲售冰毒" in parts[None], setup
    assert "不可见文字" not in parts
