"""Red-team pass 55: grounds and text colours the earlier passes left open.

Word: a theme's colour (accent1, text1 shaded, a theme whose dark1 is white) read from the
theme part; a style's shading written `nil` (or clear on auto) stops its base style's; a table
style's shading as a cell's ground. PDF: Indexed, Lab, Separation and DeviceN colours of text
and grounds; `rg`/`g`/`k` with too many operands (viewers take the last); a wide stroke as a
ground.

Each hiding draft is 本人长期出<甲>售冰毒 with 甲 drawn so that no reader sees it: the check
must read 出售冰毒 whole (part 不含隐藏文字 / 不可见文字). The honest counterparts draw 甲 where
a reader sees it: it must never be called hidden."""

from __future__ import annotations

import io
import zipfile

import pytest
from test_word_unseen import _PARTED, _drug, _parted, _styled, word


def _rethemed(data: bytes, dark1: str | None = None, mapping: str | None = None) -> bytes:
    """The Word file with its theme's dark1 painted `dark1` (RRGGBB), and/or its settings'
    w:clrSchemeMapping's t1 mapped to `mapping`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/theme/theme1.xml" and dark1:
                part = part.replace(b'<a:sysClr val="windowText" lastClr="000000"/>',
                                    f'<a:srgbClr val="{dark1}"/>'.encode())
                assert dark1.encode() in part
            if name == "word/settings.xml" and mapping:
                part = part.replace(b'w:t1="dark1"', f'w:t1="{mapping}"'.encode())
                assert mapping.encode() in part
            target.writestr(name, part)
    return out.getvalue()


# W1: a theme's colour other than black or white was no colour (not judged), and text1 was
# taken for black whatever the theme painted.
@pytest.mark.parametrize("properties", [
    "<w:color w:val='000000' w:themeColor='accent1'/>"
    "<w:shd w:val='clear' w:fill='FFFFFF' w:themeFill='accent1'/>",
    "<w:color w:val='000000' w:themeColor='accent2'/><w:shd w:val='clear' w:fill='C0504D'/>",
    "<w:color w:val='C0504D'/><w:shd w:val='clear' w:fill='FFFFFF' w:themeFill='accent2'/>",
    "<w:color w:val='000000' w:themeColor='text1' w:themeShade='80'/>"
    "<w:highlight w:val='black'/>",
    "<w:color w:val='000000' w:themeColor='accent1' w:themeTint='99'/>"
    "<w:shd w:val='clear' w:fill='FFFFFF' w:themeFill='accent1' w:themeFillTint='99'/>",
])
def test_word_text_in_a_theme_colour_on_a_ground_of_that_colour_parts_no_words(
        pipeline, properties):
    assert _drug(pipeline, word(_parted(_styled(properties)))) == [_PARTED]


def test_word_text1_of_a_theme_whose_dark1_is_white_parts_no_words(pipeline):
    data = _rethemed(word(_parted(_styled("<w:color w:val='000000' w:themeColor='text1'/>"))),
                     dark1="FFFFFF")
    assert _drug(pipeline, data) == [_PARTED]


def test_word_the_theme_is_the_part_the_document_relates_to(pipeline):
    """A theme part the document does not name (theme1.xml, Office's black) beside the one
    it does (theme2.xml, whose dark1 is white): Word paints text1 from the one named."""
    data = word(_parted(_styled("<w:color w:val='000000' w:themeColor='text1'/>")))
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/_rels/document.xml.rels":
                part = part.replace(b'Target="theme/theme1.xml"', b'Target="theme/theme2.xml"')
            target.writestr(name, part)
            if name == "word/theme/theme1.xml":
                target.writestr("word/theme/theme2.xml", part.replace(
                    b'<a:sysClr val="windowText" lastClr="000000"/>', b'<a:srgbClr val="FFFFFF"/>'))
    assert _drug(pipeline, out.getvalue()) == [_PARTED]


@pytest.mark.parametrize("properties", [
    "<w:color w:val='000000' w:themeColor='accent1'/>"
    "<w:shd w:val='clear' w:fill='FFFFFF' w:themeFill='accent2'/>",
    "<w:color w:val='000000' w:themeColor='accent1' w:themeTint='66'/>"
    "<w:shd w:val='clear' w:fill='FFFFFF' w:themeFill='accent1'/>",
    "<w:color w:val='000000' w:themeColor='text1' w:themeTint='80'/>"
    "<w:highlight w:val='black'/>",
])
def test_word_text_in_a_theme_colour_on_another_ground_is_seen(pipeline, properties):
    assert _drug(pipeline, word(_parted(_styled(properties)))) == []


def test_word_text1_on_black_is_seen_where_the_theme_paints_it_white(pipeline):
    text1 = _styled("<w:color w:val='000000' w:themeColor='text1'/><w:highlight w:val='black'/>")
    assert _drug(pipeline, _rethemed(word(_parted(text1)), dark1="FFFFFF")) == []
    # the settings map text1 to the theme's light1 (white)
    assert _drug(pipeline, _rethemed(word(_parted(text1)), mapping="light1")) == []
    assert _drug(pipeline, word(_parted(text1))) == [_PARTED]  # Office's black: unseen


# W2: a style's shading written `nil` (or clear on auto) stops its base style's; the base's
# still counted, so text seen on no shading was called hidden, and white text on a base
# style's dark shading was called hidden too.
def _based(base: str, derived: str = "", kind: str = "character"):
    """Styles "Base55" (run properties `base`) and "Derived55" based on it (`derived`); the
    first paragraph takes Derived55 when `kind` is "paragraph"."""
    def build(document) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        style_type = WD_STYLE_TYPE.PARAGRAPH if kind == "paragraph" else \
            WD_STYLE_TYPE.CHARACTER
        for name, xml in (("Base55", base), ("Derived55", derived)):
            style = document.styles.add_style(name, style_type)
            if name == "Derived55":
                style.base_style = document.styles["Base55"]
            for element in parse_xml(f"<w:x {nsdecls('w')}>{xml}</w:x>"):
                (style.element.get_or_add_pPr() if element.tag.endswith("}shd")
                 and kind == "paragraph" else style.element.get_or_add_rPr()).append(element)
        if kind == "paragraph":
            document.paragraphs[0].style = document.styles["Derived55"]
    return build


_RED = "<w:color w:val='C00000'/>"
_RED_SHADING = "<w:shd w:val='clear' w:fill='C00000'/>"


@pytest.mark.parametrize("derived", [
    "<w:shd w:val='nil'/>", "<w:shd w:val='clear' w:color='auto' w:fill='auto'/>"])
@pytest.mark.parametrize("kind", ["character", "paragraph"])
def test_word_a_styles_nil_shading_stops_its_base_styles(pipeline, derived, kind):
    inline = _styled(("<w:rStyle w:val='Derived55'/>" if kind == "character" else "") + _RED)
    assert _drug(pipeline, word(_parted(inline), build=_based(_RED_SHADING, derived,
                                                               kind))) == []
    # the base's shading through a style that writes none still hides
    assert _drug(pipeline, word(_parted(inline), build=_based(_RED_SHADING, "", kind))) == \
        [_PARTED]


def test_word_a_runs_own_shading_on_auto_stops_its_styles(pipeline):
    inline = _styled("<w:rStyle w:val='Derived55'/><w:shd w:val='clear' w:color='auto' "
                     "w:fill='auto'/>" + _RED)
    assert _drug(pipeline, word(_parted(inline), build=_based(_RED_SHADING))) == []


def test_word_white_text_on_a_base_styles_dark_shading_is_seen(pipeline):
    inline = _styled("<w:rStyle w:val='Derived55'/><w:color w:val='FFFFFF'/>")
    dark = "<w:shd w:val='clear' w:fill='000000'/>"
    assert _drug(pipeline, word(_parted(inline), build=_based(dark))) == []
    assert _drug(pipeline, word(_parted(inline), build=_based(dark, "<w:shd w:val='nil'/>"))) \
        == [_PARTED]


# W3: a table style's shading (of its cells, of the table) was no ground.
def _table_style(xml: str):
    """A table style "Grid55" whose style element holds `xml`."""
    def build(document) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        style = document.styles.add_style("Grid55", WD_STYLE_TYPE.TABLE)
        for element in parse_xml(f"<w:x {nsdecls('w')}>{xml}</w:x>"):
            style.element.append(element)
    return build


def _in_table(inline: str, cell: str = "") -> str:
    return ("<w:tbl><w:tblPr><w:tblStyle w:val='Grid55'/></w:tblPr><w:tblGrid>"
            "<w:gridCol w:w='4000'/></w:tblGrid><w:tr><w:tc><w:tcPr>"
            f"{cell}</w:tcPr><w:p>{_parted(inline)}</w:p></w:tc></w:tr></w:tbl>")


def _table_parts(pipeline, data: bytes) -> list[str]:
    return [location.part for location in _drug(pipeline, data)]


@pytest.mark.parametrize("style", [
    f"<w:tcPr>{_RED_SHADING}</w:tcPr>",
    f"<w:tblPr>{_RED_SHADING}</w:tblPr>",
    f"<w:tcPr>{_RED_SHADING}</w:tcPr><w:tblStylePr w:type='firstRow'><w:tcPr>"
    f"{_RED_SHADING}</w:tcPr></w:tblStylePr>",
])
def test_word_text_on_a_table_styles_shading_of_its_colour_parts_no_words(pipeline, style):
    data = word(body=_in_table(_styled(_RED)), build=_table_style(style))
    assert _table_parts(pipeline, data) == ["不含隐藏文字"]


@pytest.mark.parametrize("inline, style, cell", [
    # a first row of another colour: which cells it shades is not worked out
    (_styled(_RED), f"<w:tcPr>{_RED_SHADING}</w:tcPr><w:tblStylePr w:type='firstRow'>"
     "<w:tcPr><w:shd w:val='clear' w:fill='FFFF00'/></w:tcPr></w:tblStylePr>", ""),
    (_styled(_RED), f"<w:tcPr>{_RED_SHADING}</w:tcPr>", "<w:shd w:val='nil'/>"),
    (_styled(_RED), f"<w:tcPr>{_RED_SHADING}</w:tcPr>",
     "<w:shd w:val='clear' w:fill='FFFF00'/>"),
    (_styled("<w:color w:val='FFFFFF'/>"), "<w:tcPr><w:shd w:val='clear' w:fill='000000'/>"
     "</w:tcPr>", ""),
    (_styled("<w:color w:val='FFFFFF'/>"), "<w:tblPr><w:shd w:val='clear' w:fill='000000'/>"
     "</w:tblPr>", ""),
])
def test_word_text_on_a_table_styles_other_shading_is_seen(pipeline, inline, style, cell):
    data = word(body=_in_table(inline, cell), build=_table_style(style))
    assert _table_parts(pipeline, data) == []


# P1: PDF text and grounds in Indexed, Lab, Separation and DeviceN spaces: only device, ICC
# and calibrated colours were judged against a ground.
_BOX = "130 725 16 16 re f"


def _spaces(writer, resources) -> None:
    """The colour spaces the PDF cases name: /P0 a palette (0 dark red, 1 blue, 2 black),
    /L0 Lab, /S0 a spot red (type 2), /K0 a spot black (type 4), /W0 a spot ink shown white
    (type 2), /N0 cyan and magenta inks (DeviceN, type 4), /X0 a spot of a sampled function,
    /Z0 the colorant /None (never marks the page)."""
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
    )

    def numbers(*values):
        return ArrayObject([FloatObject(v) for v in values])

    def exponential(c1):
        return DictionaryObject({NameObject("/FunctionType"): NumberObject(2),
                                 NameObject("/Domain"): numbers(0, 1),
                                 NameObject("/C0"): numbers(0, 0, 0, 0),
                                 NameObject("/C1"): numbers(*c1),
                                 NameObject("/N"): FloatObject(1)})

    def calculator(program: bytes, inputs: int):
        stream = DecodedStreamObject()
        stream.set_data(program)
        stream[NameObject("/FunctionType")] = NumberObject(4)
        stream[NameObject("/Domain")] = numbers(*[0, 1] * inputs)
        stream[NameObject("/Range")] = numbers(*[0, 1] * 4)
        return writer._add_object(stream)

    sampled = DecodedStreamObject()
    sampled.set_data(b"\x00\xff")
    for key, value in (("/FunctionType", NumberObject(0)), ("/Domain", numbers(0, 1)),
                       ("/Range", numbers(0, 1)), ("/Size", ArrayObject([NumberObject(2)])),
                       ("/BitsPerSample", NumberObject(8))):
        sampled[NameObject(key)] = value

    def spot(name, transform, alternate="/DeviceCMYK"):
        return ArrayObject([NameObject("/Separation"), NameObject(name), NameObject(alternate),
                            transform])

    white = DictionaryObject({NameObject("/WhitePoint"): numbers(0.9505, 1, 1.089)})
    resources[NameObject("/ColorSpace")] = DictionaryObject({
        NameObject("/P0"): ArrayObject([NameObject("/Indexed"), NameObject("/DeviceRGB"),
                                        NumberObject(2),
                                        ByteStringObject(b"\xc0\x00\x00\x00\x00\xff\x00\x00\x00")]),
        NameObject("/L0"): ArrayObject([NameObject("/Lab"), white]),
        NameObject("/S0"): spot("/Spot", exponential((0, 1, 1, 0))),
        NameObject("/K0"): spot("/Ink", calculator(
            b"{ dup 0 mul exch dup 0 mul exch dup 0 mul exch }", 1)),
        NameObject("/W0"): spot("/White", exponential((0, 0, 0, 0))),
        NameObject("/N0"): ArrayObject([NameObject("/DeviceN"), ArrayObject(
            [NameObject("/Cyan"), NameObject("/Magenta")]), NameObject("/DeviceCMYK"),
            calculator(b"{ 0 0 }", 2)]),
        NameObject("/X0"): spot("/Sampled", writer._add_object(sampled), "/DeviceGray"),
        NameObject("/Z0"): spot("/None", exponential((0, 0, 0, 1)))})


def _pdf_parts(setup: str) -> dict:
    from test_pdf_seen_attacks import _page, _parted, _parts

    return _parts(_page(_parted(setup), _spaces))


@pytest.mark.parametrize("setup", [
    f"/P0 cs 0 sc {_BOX} 0.75 0 0 rg",
    f"0 0 1 rg {_BOX} /P0 cs 1 sc",
    f"/L0 cs 0 0 0 sc {_BOX} 0 g",
    f"0 g {_BOX} /L0 cs 0 0 0 sc",
    f"/L0 cs 53.24 80.09 67.2 sc {_BOX} 1 0 0 rg",
    f"/S0 cs 1 scn {_BOX} 1 0 0 rg",
    f"/S0 cs {_BOX} 1 0 0 rg",  # cs sets full tint
    f"/K0 cs 1 scn {_BOX} 0 g",
    f"0 g {_BOX} /K0 cs 1 scn",
    f"/N0 cs 0 1 scn {_BOX} 1 0 1 rg",
    "/W0 cs 1 scn",  # a spot ink its alternate shows white, on the white page
    "/Z0 cs 1 scn",  # the colorant /None paints nothing
    f"0 g {_BOX} /Z0 cs 1 scn {_BOX} 0 g",  # a box of no ink: the black box stays its ground
])
def test_pdf_text_on_a_ground_of_its_colour_in_other_spaces_parts_no_words(setup):
    parts = _pdf_parts(setup)
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"


@pytest.mark.parametrize("setup", [
    f"/P0 cs 0 sc {_BOX} 0 0 1 rg",
    f"/L0 cs 50 0 0 sc {_BOX} 0 g",
    f"/S0 cs 1 scn {_BOX} 0 0 1 rg",
    f"/S0 cs 0.2 scn {_BOX} 1 0 0 rg",
    f"/K0 cs 1 scn {_BOX} 1 g",
    f"/N0 cs 1 0 scn {_BOX} 1 0 1 rg",
    f"/X0 cs 1 scn {_BOX} 0 g",  # a sampled transform: not judged
    "/S0 cs 1 scn",  # a red spot ink on the page
    "/Z0 cs 1 scn 0 0 0 1 K 2 Tr",  # filled with no ink, its outline stroked black
])
def test_pdf_text_on_a_ground_of_another_colour_in_other_spaces_is_seen(setup):
    assert "不可见文字" not in _pdf_parts(setup), setup


def test_pdf_a_box_of_no_ink_covers_nothing():
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted("0 g", "/Z0 cs 1 scn 128 720 20 30 re f"), _spaces))
    assert "不可见文字" not in parts
    assert "本人长期出甲售冰毒" in parts[None]


# P2: `rg`, `g`, `k` with more operands than they take: viewers take the last ones; the check
# judged no colour against a ground, and took either reading's white for white on the page.
@pytest.mark.parametrize("setup", [
    f"1 0 0 rg {_BOX} 0 0 1 1 0 0 rg",
    f"0 g {_BOX} 1 0 g",
    f"0 0 1 0 0 0 0 1 k {_BOX} 0 g",
    f"1 0 0 rg {_BOX} 0 0 1 1 0 0 rg 0 0 1 1 0 0 RG 2 Tr",
])
def test_pdf_rg_with_too_many_operands_on_a_ground_of_its_colour_parts_no_words(setup):
    parts = _pdf_parts(setup)
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"


@pytest.mark.parametrize("setup", [
    "1 1 1 0 0 0 rg",
    "1 0 g",
    "0 0 0 0 0 0 0 1 k",
    f"1 0 0 0 0 1 rg {_BOX} 1 0 0 rg",
    f"1 0 0 rg {_BOX} 0 0 1 1 0 0 rg 1 0 0 0 0 1 RG 2 Tr",  # its outline blue
])
def test_pdf_rg_with_too_many_operands_of_another_colour_is_seen(setup):
    assert "不可见文字" not in _pdf_parts(setup), setup


# P3: a stroked path as a ground: a wide line, or a rectangle filled and stroked (`re B`):
# strokes painted nothing to the check. And a ground of the text's colour must hold the
# glyph's whole cell: a thin bar through its middle hid the glyph.
# through 甲's cell (x 132-144, y 730-738), not over 出's before it (x 120-132)
_LINE = "131 733 m 150 733 l S"


@pytest.mark.parametrize("setup, after", [
    (f"1 0 0 RG 16 w {_LINE} 1 0 0 rg", ""),
    ("0 G 16 w 131 733 m 137 733 143 733 150 733 c S 0 g", ""),  # a curve, flat
    ("1 1 0 rg 0 0 1 RG 20 w 134 725 8 16 re B 0 0 1 rg", ""),
    ("0 0 1 RG 20 w 142 725 m 142 741 l 134 741 l 134 725 l h S 0 0 1 rg", ""),
    ("0 g", f"0 G 20 w {_LINE}"),  # painted over it
])
def test_pdf_text_on_a_wide_stroke_of_its_colour_parts_no_words(setup, after):
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted(setup, after)))
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"


@pytest.mark.parametrize("setup", [
    f"1 0 0 RG 1 w {_LINE} 1 0 0 rg",  # a thin line through it
    "1 0 0 rg 120 733 40 2 re f",  # a thin bar: the glyph shows above and below it
    f"[2 2] 0 d 1 0 0 RG 16 w {_LINE} 1 0 0 rg",  # dashed: which parts paint not worked out
    f"0 0 1 RG 16 w {_LINE} 1 0 0 rg",
    f"1 0 0 rg {_BOX} 1 G 20 w {_LINE} 1 0 0 rg",  # red on a white line over a red box
    f"0 G 16 w {_LINE} 1 g",  # white on a black line
    # ends where it starts: a cap or a join may paint there, not known
    "1 0 0 RG 20 w 131 733 m 133 733 l S 1 0 0 rg",
])
def test_pdf_text_beside_or_on_another_stroke_is_seen(setup):
    from test_pdf_seen_attacks import _page, _parted, _parts

    assert "不可见文字" not in _parts(_page(_parted(setup))), setup


@pytest.mark.parametrize("setup", [
    "0 g 134.5 725 12 16 re f",  # a black box leaving the glyph's first fifth out
    "0 g 130 725 12.5 16 re f",  # its last fifth
    "0 g 130 731 16 12 re f",  # its foot
])
def test_pdf_text_mostly_under_a_ground_of_its_colour_parts_no_words(setup):
    """Black 甲 under a black box that leaves a sliver of it out: a reader makes out no
    character there (出售■冰毒), so the check must not read one either. Since pass 55 a ground
    had to hold all nine points of the glyph's cell, and a sliver left out made it seen; now
    its centre and most of the cell (a line through the middle, three points, still hides
    nothing: the thin-line cases above)."""
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted(setup)))
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"
