"""Text a PDF holds where its readers see nothing (red-team passes 39 and 40 left these open):
white or transparent text on the bare page, specks of text, text off the page or clipped away,
text a later image or box covers (a redaction that left the text layer whole), an annotation's
appearance that does not draw its text, an annotation flagged hidden. Each is read as the
part 不可见文字 (RV301 says so), so that the words a reader sees are checked as he sees them,
and the hidden text is checked too. Ordinary layout (white on a dark band, underlines, table
shading, footnotes) reads as before."""

from __future__ import annotations

import io

import pytest
from test_pdf_unseen import _check

from review.inputs.office import read_pdf

PARTED = ("本人长期出", "甲", "售冰毒，量大从优。")  # the middle piece parts the words


def _canvas():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    return out, canvas.Canvas(out)


def _parted(style) -> bytes:
    """A page whose middle piece of PARTED is drawn after `style(canvas, text)` set it up."""
    out, sheet = _canvas()
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(72, 760, "关于开展冬季消防安全检查的通知")
    text = sheet.beginText(72, 730)
    text.setFont("STSong-Light", 12)
    text.textOut(PARTED[0])
    sheet.saveState()
    style(sheet, text)
    text.textOut(PARTED[1])
    text.setFillGray(0)
    text.setFont("STSong-Light", 12)
    text.setHorizScale(100)
    text.textLine(PARTED[2])
    sheet.drawText(text)
    sheet.restoreState()
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def _parts(data: bytes) -> dict:
    document = read_pdf(data, "a.pdf", "pdf")
    ends = [start for start, _ in document.parts[1:]] + [len(document.original)]
    return {where.part: document.original[start:end]
            for (start, where), end in zip(document.parts, ends, strict=True)}


def _white(sheet, text) -> None:
    text.setFillGray(1)


def _near_white(sheet, text) -> None:
    text.setFillColorRGB(0.97, 0.98, 0.97)


def _white_cmyk(sheet, text) -> None:
    text.setFillColorCMYK(0, 0, 0, 0)


def _speck(sheet, text) -> None:
    text.setFont("STSong-Light", 1)


def _crushed(sheet, text) -> None:
    text.setHorizScale(5)


def _marked(sheet, text) -> None:  # a colour _transparent() finds and makes a soft mask
    text.setFillColorRGB(0.125, 0.5, 0.75)


def _transparent(data: bytes) -> bytes:
    """The page with the piece set by _marked() drawn at opacity 0."""
    import pypdf
    from pypdf.generic import DecodedStreamObject, DictionaryObject, FloatObject, NameObject

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    page = writer.pages[0]
    content = page.get_contents().get_data()
    content = content.replace(b".125 .5 .75 rg", b"/Clear gs", 1)
    start = content.index(b"/Clear gs")
    after = content.index(b"0 g", start)
    content = content[:after] + b"/Solid gs 0 g" + content[after + 3:]
    resources = page["/Resources"].get_object()
    states = DictionaryObject()
    for name, alpha in (("/Clear", 0), ("/Solid", 1)):
        state = DictionaryObject()
        state[NameObject("/ca")] = FloatObject(alpha)
        states[NameObject(name)] = state
    resources[NameObject("/ExtGState")] = states
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("style", [_white, _near_white, _white_cmyk, _speck, _crushed,
                                   _marked])
def test_a_piece_readers_cannot_see_does_not_part_the_words_they_do(tmp_path, style):
    data = _parted(style)
    data = _transparent(data) if style is _marked else data
    parts = _parts(data)
    assert "出售冰毒" in parts[None].replace("\n", "")  # the page as a reader sees it
    assert PARTED[1] in parts["不可见文字"]
    code, report = _check(tmp_path, data)
    rules = {(f["rule"], f["location"].get("part")) for f in report["findings"]}
    assert ("RV301", "不可见文字") in rules
    assert any(part is None and rule[:2] == "IL" for rule, part in rules), rules
    assert code == 1


def _page(draw) -> bytes:
    out, sheet = _canvas()
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(72, 760, "关于开展冬季消防安全检查的通知")
    draw(sheet)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def test_a_box_drawn_over_a_name_leaves_it_in_the_text_layer_and_says_so(tmp_path):
    def redacted(sheet):
        sheet.drawString(72, 700, "举报人：王建国，身份证号 110101199003074571")
        sheet.setFillGray(0)
        sheet.rect(140, 695, 300, 18, fill=1, stroke=0)  # the box a reader sees

    parts = _parts(_page(redacted))
    assert "110101199003074571" in parts["不可见文字"]
    assert "110101199003074571" not in parts[None]
    code, report = _check(tmp_path, _page(redacted))
    said = {(f["rule"][:2], f["location"].get("part")) for f in report["findings"]}
    assert ("RV", "不可见文字") in said
    assert ("SC", "不可见文字") in said  # the identity number is found where it hides


def test_an_image_drawn_over_text_covers_it(tmp_path):
    from reportlab.lib.utils import ImageReader

    def covered(sheet):
        from PIL import Image

        sheet.drawString(72, 700, "加微信 abc_shop888 领取优惠券。")
        picture = io.BytesIO()
        Image.new("RGB", (40, 10), (200, 30, 30)).save(picture, "PNG")
        sheet.drawImage(ImageReader(picture), 60, 690, 400, 30)

    assert "abc_shop888" in _parts(_page(covered))["不可见文字"]


def test_a_seal_that_lets_the_text_through_covers_nothing():
    """A red seal's picture with an alpha channel (a soft mask), stamped over the unit's name
    and the date: the text shows through it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def sealed(sheet):
        sheet.drawString(300, 200, "某某区应急管理局  2026年12月7日")
        picture = io.BytesIO()
        seal = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
        seal.paste((220, 20, 20, 160), (10, 10, 50, 50))
        seal.save(picture, "PNG")
        sheet.drawImage(ImageReader(picture), 290, 150, 120, 120, mask="auto")

    assert "不可见文字" not in _parts(_page(sealed))


@pytest.mark.parametrize("where", ["off the page", "clipped"])
def test_text_off_the_page_or_clipped_away_is_not_seen(where):
    def placed(sheet):
        if where == "off the page":
            sheet.drawString(700, 700, "加微信 abc_shop888 领取优惠券。")
        else:
            path = sheet.beginPath()
            path.rect(0, 0, 1, 1)
            sheet.clipPath(path, stroke=0, fill=0)
            sheet.drawString(72, 700, "加微信 abc_shop888 领取优惠券。")

    parts = _parts(_page(placed))
    assert "abc_shop888" in parts["不可见文字"] and "abc_shop888" not in parts[None]


def test_ordinary_layout_is_read_as_drawn(tmp_path):
    """White on a dark band, shaded table cells, underlines and strike-through, a footnote
    in 6 points, grey text: all seen; nothing is said."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    def laid_out(sheet):
        sheet.setFillColorRGB(0.1, 0.2, 0.5)
        sheet.rect(60, 690, 480, 30, fill=1, stroke=0)
        sheet.setFillGray(1)
        sheet.drawString(72, 700, "白字印在深色横幅上，读者看得见。")
        sheet.setFillGray(0.45)
        sheet.drawString(72, 660, "灰色的说明文字。")
        sheet.setFillGray(0)
        sheet.drawString(72, 630, "带下划线与删除线的文字。")
        sheet.line(72, 628, 300, 628)
        sheet.rect(72, 633, 228, 0.6, fill=1, stroke=0)  # a strike-through drawn as a bar
        sheet.setFont("STSong-Light", 6)
        sheet.drawString(72, 100, "注：本通知由区应急管理局负责解释。")
        table = Table([["项目", "时间"], ["检查", "12月10日"]])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.black),
                                   ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
        table.wrapOn(sheet, 400, 200)
        table.drawOn(sheet, 72, 500)

    data = _page(laid_out)
    assert "不可见文字" not in _parts(data)
    code, report = _check(tmp_path, data)
    assert [f["rule"] for f in report["findings"]] == [] and code == 0


def _annotated(appearance: bytes, flags: float = 4) -> bytes:
    """A page with a stamp annotation whose appearance stream is `appearance`."""
    import pypdf
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
    )

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_page(lambda s: None))))
    page = writer.pages[0]
    font = page["/Resources"].get_object()["/Font"]
    form = DecodedStreamObject()
    form.set_data(appearance)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(NumberObject(n) for n in (0, 0, 400, 40))
    resources = DictionaryObject()
    resources[NameObject("/Font")] = font
    form[NameObject("/Resources")] = resources
    appearances = DictionaryObject()
    appearances[NameObject("/N")] = writer._add_object(form)
    stamp = DictionaryObject()
    stamp[NameObject("/Type")] = NameObject("/Annot")
    stamp[NameObject("/Subtype")] = NameObject("/Stamp")
    stamp[NameObject("/Rect")] = ArrayObject(FloatObject(n) for n in (72, 600, 472, 640))
    number = FloatObject if isinstance(flags, float) else NumberObject  # 2.0: a real flag
    stamp[NameObject("/F")] = number(flags)
    stamp[NameObject("/AP")] = appearances
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(stamp)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _shown(text: str, mode: int = 0) -> bytes:
    name = "/F1"
    encoded = text.encode("utf-16-be").hex().upper()
    return f"BT {name} 14 Tf {mode} Tr 10 12 Td <{encoded}> Tj ET".encode()


def _font_name(data: bytes) -> str:
    import pypdf

    fonts = pypdf.PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"]
    return next(name for name, font in fonts.items()
                if "STSong" in font.get_object()["/BaseFont"])


def test_an_annotation_appearance_that_does_not_draw_its_text_is_said(tmp_path):
    name = _font_name(_page(lambda s: None))
    hidden = _shown("加微信 abc_shop888 领取优惠券。", mode=3).replace(b"/F1", name.encode())
    code, report = _check(tmp_path, _annotated(hidden))
    said = {(f["rule"][:2], f["location"].get("part")) for f in report["findings"]}
    assert ("RV", "不可见文字") in said and ("AD", "不可见文字") in said
    drawn = _shown("加微信 abc_shop888 领取优惠券。").replace(b"/F1", name.encode())
    code, report = _check(tmp_path, _annotated(drawn))
    said = {(f["rule"][:2], f["location"].get("part")) for f in report["findings"]}
    assert ("AD", "注释") in said and ("RV", "不可见文字") not in said


@pytest.mark.parametrize("flags", [2, 2.0, 32, 6])
def test_an_annotation_flagged_hidden_is_read_as_unseen(tmp_path, flags):
    name = _font_name(_page(lambda s: None))
    drawn = _shown("加微信 abc_shop888 领取优惠券。").replace(b"/F1", name.encode())
    code, report = _check(tmp_path, _annotated(drawn, flags=flags))
    said = {(f["rule"][:2], f["location"].get("part")) for f in report["findings"]}
    assert ("RV", "不可见文字") in said and ("AD", "不可见文字") in said
    assert code == 1
