"""Red-team pass 43 on what review.inputs.pdfseen judges unseen: text a reader does not see
that still parted the words he does (a layer turned off, a stroke at opacity 0, a clip or a
dark ground that paints nothing, a white palette entry), and text he sees that a cover which
hides nothing, a hairline, or a box over one glyph of a line moved out of the drawn text,
parting a phrase (an ad that then passed with exit 0)."""

from __future__ import annotations

import io

import pytest
from test_pdf_unseen import _check

from review.inputs.office import read_pdf

TITLE = "关于开展冬季消防安全检查的通知"


def _hex(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _page(content: str, extra=None) -> bytes:
    """A page whose content stream is `content` after a title; {F} names a CID font
    (STSong-Light, UCS-2 codes). `extra(writer, resources)` adds what the content names."""
    import pypdf
    from pypdf.generic import DecodedStreamObject, NameObject
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(72, 760, TITLE)
    sheet.showPage()
    sheet.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(out.getvalue())))
    page = writer.pages[0]
    resources = page["/Resources"].get_object()
    font = next(name for name, font in resources["/Font"].items()
                if "STSong" in font.get_object()["/BaseFont"])
    if extra:
        extra(writer, resources)
    stream = DecodedStreamObject()
    title = f"BT {{F}} 12 Tf 72 760 Td {_hex(TITLE)} Tj ET\n"
    stream.set_data((title + content).replace("{F}", font).encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def _parts(data: bytes) -> dict:
    document = read_pdf(data, "a.pdf", "pdf")
    ends = [start for start, _ in document.parts[1:]] + [len(document.original)]
    found: dict = {}
    for (start, where), end in zip(document.parts, ends, strict=True):
        found[where.part] = found.get(where.part, "") + document.original[start:end]
    return found


def _parted(setup: str, after: str = "") -> str:
    """本人长期出 甲 售冰毒: 甲 drawn after `setup`, inside q … Q."""
    return (f"BT {{F}} 12 Tf 72 730 Td {_hex('本人长期出')} Tj ET\n"
            f"q {setup} BT {{F}} 12 Tf 132 730 Td {_hex('甲')} Tj ET {after} Q\n"
            f"BT {{F}} 12 Tf 144 730 Td {_hex('售冰毒，量大从优。')} Tj ET\n")


def _states(**states):
    def extra(writer, resources):
        from pypdf.generic import DictionaryObject, NameObject

        named = DictionaryObject()
        for name, entries in states.items():
            state = DictionaryObject()
            for key, value in entries.items():
                state[NameObject(key)] = value
            named[NameObject("/" + name)] = state
        resources[NameObject("/ExtGState")] = named
    return extra


def _layer_off(writer, resources):
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    group = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/OCG"),
                                                 NameObject("/Name"): TextStringObject("草稿")}))
    resources[NameObject("/Properties")] = DictionaryObject({NameObject("/L1"): group})
    writer._root_object[NameObject("/OCProperties")] = DictionaryObject({
        NameObject("/OCGs"): ArrayObject([group]),
        NameObject("/D"): DictionaryObject({NameObject("/OFF"): ArrayObject([group])})})


def _white_palette(writer, resources):
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    palette = ArrayObject([NameObject("/Indexed"), NameObject("/DeviceRGB"), NumberObject(1),
                           ByteStringObject(b"\xff\xff\xff\x00\x00\x00")])
    resources[NameObject("/ColorSpace")] = DictionaryObject({NameObject("/P0"): palette})


def _unseen_ways():
    from pypdf.generic import FloatObject

    clear = {"/CA": FloatObject(0), "/ca": FloatObject(0)}
    return [
        ("stroked at opacity 0", "/A gs 1 Tr", "", _states(A={"/CA": FloatObject(0)})),
        ("filled and stroked at opacity 0", "/A gs 2 Tr", "", _states(A=clear)),
        ("clipped by a path that holds nothing",
         "128 720 20 30 re 128 720 20 30 re W* n", "", None),
        ("white on a black box at opacity 0", "/A gs 0 g 128 720 20 30 re f /B gs 1 g", "",
         _states(A={"/ca": FloatObject(0)}, B={"/ca": FloatObject(1)})),
        ("white on a black path that fills nothing",
         "0 g 128 720 20 30 re 128 720 20 30 re f* 1 g", "", None),
        ("white on a black line (a fill of no area)", "0 g 128 720 m 148 750 l f 1 g", "", None),
        ("in a layer turned off", "/OC /L1 BDC", "EMC", _layer_off),
        ("white from a palette", "/P0 cs 0 sc", "", _white_palette),
        # too many operands: pdfium takes the first for sc, the last for g (both white here)
        ("sc with an operand too many", "/DeviceRGB cs 1 1 1 0 sc", "", None),
        ("g with an operand too many", "0 1 g", "", None),
    ]


@pytest.mark.parametrize(("setup", "after", "extra"),
                         [way[1:] for way in _unseen_ways()],
                         ids=[way[0] for way in _unseen_ways()])
def test_a_piece_no_reader_sees_does_not_part_the_words(tmp_path, setup, after, extra):
    data = _page(_parted(setup, after), extra)
    parts = _parts(data)
    assert "甲" not in parts[None] and "甲" in parts["不可见文字"]
    code, report = _check(tmp_path, data)
    assert ("RV301", "不可见文字") in {(f["rule"], f["location"].get("part"))
                                     for f in report["findings"]}


AD = (f"BT {{F}} 12 Tf 72 730 Td {_hex('欢迎咨询，请加')} Tj ET\n"
      f"BT {{F}} 12 Tf 156 730 Td {_hex('微信领取优惠券。')} Tj ET\n")


@pytest.mark.parametrize("cover", [
    "0 g 158 720 120 30 re 158 720 120 30 re f*",  # two rectangles that cancel (even-odd)
    "0 g 158 720 120 30 re 278 720 -120 30 re f",  # the same, wound against each other
    "0 g 158 720 m 278 750 l f",  # a line: fills no area
    "1 g 161.8 731 0.4 10 re f",  # a white hairline across the first glyph
    "0 g 158 720 m 278 735 l 158 736 l f",  # a sliver whose box holds the line
])
def test_a_cover_that_hides_nothing_leaves_the_text_drawn(tmp_path, cover):
    data = _page(AD + cover + "\n")
    assert "不可见文字" not in _parts(data)
    code, report = _check(tmp_path, data)
    assert ("AD001", None) in {(f["rule"], f["location"].get("part"))
                               for f in report["findings"]}
    assert code == 1


def test_a_cover_tested_where_character_spacing_puts_the_glyphs(tmp_path):
    """40 Tc spreads 微信领取… apart: a white box where glyph 2 would be without it covers
    nothing a reader sees."""
    spaced = AD.replace("12 Tf 156 730 Td", "12 Tf 40 Tc 156 730 Td")
    data = _page(spaced + "1 g 168 726 12 14 re f\n")
    assert "不可见文字" not in _parts(data)
    assert _check(tmp_path, data)[0] == 1


def test_a_box_over_one_glyph_hides_that_glyph_only(tmp_path):
    """A black box over the last glyph (。) of 微信领取优惠券。 moved the whole line out of the
    drawn text: 欢迎咨询，请加 | 微信领取优惠券。 parted, and the ad passed with exit 0."""
    data = _page(AD + "0 g 239 726 14 14 re f\n")
    parts = _parts(data)
    assert "请加微信领取优惠券" in parts[None].replace("\n", "")
    assert parts["不可见文字"].strip() == "。"
    code, report = _check(tmp_path, data)
    assert ("AD001", None) in {(f["rule"], f["location"].get("part"))
                               for f in report["findings"]}
    assert code == 1


def test_ordinary_shapes_layers_and_palettes_read_as_drawn(tmp_path):
    """White on a dark rounded badge (curves), text inside a rounded clip, a layer that is on,
    a dark palette colour, a half-covered line's box beside the text: nothing is said."""
    from pypdf.generic import FloatObject

    def extra(writer, resources):
        _layer_off(writer, resources)
        _white_palette(writer, resources)
        _states(A={"/CA": FloatObject(0.5), "/ca": FloatObject(0.5)})(writer, resources)
        writer._root_object["/OCProperties"]["/D"]["/OFF"].clear()

    content = (
        "0.1 0.2 0.5 rg 70 690 m 300 690 l 310 690 310 720 300 720 c 70 720 l "
        "60 720 60 690 70 690 c f 1 g "
        f"BT {{F}} 12 Tf 72 700 Td {_hex('白字印在深色圆角徽标上。')} Tj ET 0 g\n"
        "q 70 640 m 400 640 l 410 640 410 670 400 670 c 70 670 l 60 670 60 640 70 640 c "
        f"W n BT {{F}} 12 Tf 72 650 Td {_hex('圆角剪裁区里的文字。')} Tj ET Q\n"
        f"/OC /L1 BDC BT {{F}} 12 Tf 72 620 Td {_hex('打开的图层里的文字。')} Tj ET EMC\n"
        f"q /P0 cs 1 sc BT {{F}} 12 Tf 72 590 Td {_hex('调色板里的黑色文字。')} Tj ET Q\n"
        f"q /A gs 2 Tr BT {{F}} 12 Tf 72 560 Td {_hex('半透明的文字。')} Tj ET Q\n"
        f"BT {{F}} 12 Tf 72 530 Td {_hex('表格里的文字。')} Tj ET "
        "0.9 g 60 520 400 4 re f\n")
    data = _page(content, extra)
    assert "不可见文字" not in _parts(data)
    code, report = _check(tmp_path, data)
    assert [f["rule"] for f in report["findings"]] == [] and code == 0


def test_text_shown_by_the_quote_operators_is_judged_as_tj_is(tmp_path):
    """`'` and `"` move to the next line and show, as Tj does; the walk took them for line
    moves only, so a white 甲 shown by either parted the words."""
    for shown in (f"{_hex('甲')} '", f"0 0 {_hex('甲')} \""):
        data = _page(f"BT {{F}} 12 Tf 72 730 Td {_hex('本人长期出')} Tj 60 0 Td 0 TL "
                     f"1 g {shown} 0 g -60 0 Td 72 0 Td {_hex('售冰毒，量大从优。')} Tj ET\n")
        parts = _parts(data)
        assert "甲" not in parts[None] and "甲" in parts["不可见文字"], shown


@pytest.mark.parametrize("content", [
    AD.split("\n")[1] + "\n" + AD.split("\n")[0] + "\n",  # the second half's text object first
    f"BT {{F}} 12 Tf 156 730 Td {_hex('微信领取优惠券。')} Tj -84 0 Td "
    f"{_hex('欢迎咨询，请加')} Tj ET\n",  # a Td back to the line's start
    f"BT {{F}} 12 Tf 72 730 Td [{_hex('微信领取优惠券。')} 15000 {_hex('欢迎咨询，请加')} -7000]"
    " TJ ET\n",  # a TJ whose number moves back 15 em
], ids=["text objects", "Td back", "TJ back"])
def test_a_line_drawn_second_half_first_is_read_as_it_stands(tmp_path, content):
    """A reader sees 欢迎咨询，请加微信领取优惠券。; the stream draws the second half first, and
    the check read 微信领取优惠券。欢迎咨询，请加 (exit 0). The drawn text is read again in the
    order it stands on the page (part 按版面顺序)."""
    data = _page(content)
    assert "请加微信" in _parts(data)["按版面顺序"]
    code, report = _check(tmp_path, data)
    assert ("AD001", "按版面顺序") in {(f["rule"], f["location"].get("part"))
                                   for f in report["findings"]}
    assert code == 1


def test_lines_drawn_in_order_are_not_read_twice():
    content = (f"BT {{F}} 12 Tf 72 730 Td {_hex('第一行文字，')} Tj 0 -16 Td "
               f"{_hex('第二行文字。')} Tj ET\n"
               f"BT {{F}} 12 Tf 72 690 Td [{_hex('第三行')} -500 {_hex('有空格')}] TJ ET\n")
    assert "按版面顺序" not in _parts(_page(content))


def test_a_footer_drawn_before_the_body_is_not_read_again():
    content = (f"BT {{F}} 9 Tf 280 40 Td {_hex('第 1 页')} Tj ET\n"
               f"BT {{F}} 12 Tf 72 730 Td {_hex('正文第一行，')} Tj 0 -16 Td "
               f"{_hex('正文第二行。')} Tj ET\n")
    assert "按版面顺序" not in _parts(_page(content))


@pytest.mark.parametrize("line", [
    AD.split("\n")[0] + "\n" + f"q 156 700 400 60 re W n BT {{F}} 12 Tf 144 730 Td "
    f"{_hex('口微信领取优惠券。')} Tj ET Q\n",  # the first glyph clipped away
    f"BT {{F}} 12 Tf -12 730 Td {_hex('口欢迎咨询，请加微信领取优惠券。')} Tj ET\n",  # off the page
])
def test_glyphs_a_reader_cannot_see_hide_only_themselves(tmp_path, line):
    """The place of a line was judged at its first glyph only: 口 clipped away or off the
    page moved all of 口微信领取优惠券。 out of the drawn text, parting the ad (exit 0)."""
    data = _page(line)
    parts = _parts(data)
    assert "口" not in parts[None]
    code, report = _check(tmp_path, data)
    said = {(f["rule"], f["location"].get("part")) for f in report["findings"]}
    assert ("RV301", "不可见文字") in said
    assert code == 1


def test_white_glyphs_past_the_end_of_their_dark_band_are_not_seen():
    """White 本人长期出甲 on a dark band that ends before 甲: 甲 is white on the page."""
    content = (f"0.1 0.2 0.5 rg 60 720 72 30 re f 1 g BT {{F}} 12 Tf 72 730 Td "
               f"{_hex('本人长期出甲')} Tj ET 0 g BT {{F}} 12 Tf 144 730 Td "
               f"{_hex('售冰毒，量大从优。')} Tj ET\n")
    parts = _parts(_page(content))
    assert "甲" not in parts[None] and "甲" in parts["不可见文字"]
    assert "本人长期出" in parts[None]
