"""Red-team pass 57 (docs/redteam/pass-57.md), the check's side: Word's theme colours (pass 55
W1) read otherwise than Word paints them.

Each hiding draft is 本人长期出<甲>售冰毒 with 甲 drawn so that no reader sees it: the check must
read 出售冰毒 whole (part 不含隐藏文字). The honest counterparts draw 甲 where a reader sees it."""

from __future__ import annotations

import io
import zipfile

import pytest
from test_word_unseen import _PARTED, _drug, _parted, _styled, word


def _edited(data: bytes, edits: dict[str, tuple[bytes, bytes]],
            added: dict[str, bytes] | None = None) -> bytes:
    """The Word file with `old` replaced by `new` in the parts named, and parts added."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name in edits:
                old, new = edits[name]
                assert old in part, (name, old)
                part = part.replace(old, new)
            target.writestr(name, part)
        for name, part in (added or {}).items():
            target.writestr(name, part)
    return out.getvalue()


_THEME = "word/theme/theme1.xml"
_RELS = "word/_rels/document.xml.rels"
_WINDOW_TEXT = b'<a:sysClr val="windowText" lastClr="000000"/>'
_ACCENT1 = "<w:color w:val='000000' w:themeColor='accent1'/><w:shd w:val='clear' w:fill='4F81BD'/>"


def _theme_of(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(_THEME)


def test_w1_a_relationship_of_another_type_ending_in_theme_names_no_theme(pipeline):
    """W1: a relationship whose type merely ends in /theme (`urn:x/theme`), listed before the
    document's theme relationship, named a decoy theme (accent1 black) to the check; Word
    reads the theme its relationship type names (accent1 4F81BD): 甲 in accent1 on a 4F81BD
    ground is unseen. The check read it as black on blue, seen, and 出售冰毒 was not found."""
    data = word(_parted(_styled(_ACCENT1)))
    assert b'<a:srgbClr val="4F81BD"/>' in _theme_of(data)  # the real theme's accent1
    assert _drug(pipeline, data) == [_PARTED]  # as Word paints it: unseen
    decoy = _theme_of(data).replace(b'<a:srgbClr val="4F81BD"/>', b'<a:srgbClr val="000000"/>')
    rels = zipfile.ZipFile(io.BytesIO(data)).read(_RELS)
    head = rels.index(b"<Relationship ")
    attacked = _edited(data, {_RELS: (rels[head:head + 14], b'<Relationship Id="rId900" '
                                      b'Type="urn:x/theme" Target="theme/theme9.xml"/>'
                                      b'<Relationship ')}, {"word/theme/theme9.xml": decoy})
    assert _drug(pipeline, attacked) == [_PARTED]


def test_w2_a_system_colour_is_the_systems_not_its_last_computed_value(pipeline):
    """W2: dark1 written `<a:sysClr val="windowText" lastClr="FFFFFF"/>`: Word and LibreOffice
    paint the system's window text (black), lastClr is only the value the writer last saw.
    The check took lastClr: text1 white, so 甲 in text1 on a black highlight was seen to it
    and unseen to readers."""
    text1 = _styled("<w:color w:val='000000' w:themeColor='text1'/><w:highlight w:val='black'/>")
    data = _edited(word(_parted(text1)), {_THEME: (_WINDOW_TEXT, _WINDOW_TEXT.replace(
        b'lastClr="000000"', b'lastClr="FFFFFF"'))})
    assert _drug(pipeline, data) == [_PARTED]


def test_w2_control_white_written_as_a_colour_is_white(pipeline):
    """Control: a theme whose dark1 is written white (srgbClr) paints text1 white: seen on
    black, as before."""
    text1 = _styled("<w:color w:val='000000' w:themeColor='text1'/><w:highlight w:val='black'/>")
    data = _edited(word(_parted(text1)), {_THEME: (_WINDOW_TEXT, b'<a:srgbClr val="FFFFFF"/>')})
    assert _drug(pipeline, data) == []


# P1: a dashed stroke was no ground at all (pass 55: "dashed: not known"), even where its
# dash paints the whole line: a dash longer than the line, or gaps of nothing.
_LINE = "131 733 m 150 733 l S"  # through 甲's cell, 19 units long


@pytest.mark.parametrize("dash", ["[1000 1] 0 d", "[5 0] 0 d", "[19 3] 0 d", "[1 5 30] 6 d",
                                  "[10 0 10 2] 0 d"])
def test_p1_a_dash_that_paints_the_whole_line_is_a_ground(dash):
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted(f"{dash} 0 G 16 w {_LINE} 0 g")))
    assert "本人长期出 售冰毒" in parts[None], dash
    assert parts["不可见文字"] == "甲\n"


@pytest.mark.parametrize("dash", ["[2 2] 0 d", "[10 1] 0 d", "[1000 1] 1000 d", "[18 3] 0 d",
                                  "[10 0 5 2] 0 d", "[1000 -1] 0 d"])
def test_p1_a_dash_that_leaves_gaps_in_the_line_is_no_ground(dash):
    from test_pdf_seen_attacks import _page, _parted, _parts

    assert "不可见文字" not in _parts(_page(_parted(f"{dash} 0 G 16 w {_LINE} 0 g"))), dash
