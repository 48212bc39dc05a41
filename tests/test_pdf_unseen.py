"""A PDF's text that its page does not draw (red-team pass 37, D4): text in rendering mode 3
(or 7) is what a scan's recognised text is, and what a forger puts over an image that says
something else. It is read and checked as a part of its own (不可见文字, by page), and RV301
tells the reviewer that readers see the page, not this text. Pages without such text are read
as before."""

import io
import json

from click.testing import CliRunner

from review.cli import main
from review.inputs.office import read_pdf


def _pdf(pages: list[list[tuple[int, str]]]) -> bytes:
    """Pages of (rendering mode, line): 0 drawn, 3 invisible, 7 clipping only."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    for lines in pages:
        sheet.rect(60, 500, 300, 80, fill=1)  # stands for the image a reader sees
        text = sheet.beginText(72, 750)
        text.setFont("STSong-Light", 12)
        for mode, line in lines:
            text.setTextRenderMode(mode)
            text.textLine(line)
        sheet.drawText(text)
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def _check(tmp_path, data: bytes) -> tuple[int, dict]:
    path = tmp_path / "notice.pdf"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--lang", "en"],
                                catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)["files"][0]


def _where(finding: dict) -> tuple:
    return finding["location"].get("part"), finding["location"].get("page")


def test_undrawn_text_is_checked_as_its_own_part_and_said(tmp_path):
    code, report = _check(tmp_path, _pdf([
        [(0, "关于开展冬季消防安全检查的通知"), (3, "加微信 abc_shop888 领取优惠券。"),
         (0, "请各单位认真落实。")],
        [(0, "第二页照常可见。")]]))
    rules = {f["rule"]: f for f in report["findings"]}
    assert _where(rules["RV301"]) == ("不可见文字", 1)
    assert rules["RV301"]["severity"] == "review"
    # the undrawn text is read and judged like any: the ad is found, and located in its part
    ads = [f for f in report["findings"] if f["rule"].startswith("AD")]
    assert ads and all(_where(f) == ("不可见文字", 1) for f in ads)
    assert code == 1  # the ad blocks


def test_the_drawn_lines_keep_their_page_and_line(tmp_path):
    document = read_pdf(_pdf([[(0, "第一行。"), (3, "看不见的一行。"), (7, "只作剪裁的一行。"),
                               (0, "第二行。")]]), "a.pdf", "pdf")
    where = {document.original[start:].split("\n")[0]: (loc.part, loc.page, loc.line)
             for start, loc in document.parts}
    assert where["第一行。"] == (None, 1, 1)
    assert where["第二行。"] == (None, 1, 2)
    assert where["看不见的一行。"] == ("不可见文字", 1, None)
    assert "只作剪裁的一行。" in document.original


def test_a_scan_with_only_recognised_text_is_read_and_said(tmp_path):
    code, report = _check(tmp_path, _pdf([[(3, "区政府关于做好防汛工作的通知")]]))
    assert [f["rule"] for f in report["findings"]] == ["RV301"]
    assert code == 0


def test_a_pdf_whose_text_is_all_drawn_has_no_such_finding(tmp_path):
    code, report = _check(tmp_path, _pdf([[(0, "区政府关于做好防汛工作的通知"),
                                           (0, "请各单位认真落实。")]]))
    assert report["findings"] == [] and code == 0


# Red-team pass 39: a mode given as a real number or out of range, and text undrawn in a form
# XObject (its mode set inside it, or inherited from the page that paints it), were read as
# drawn text, with no RV301.

_LINES = [(0, "关于开展冬季消防安全检查的通知"), (3, "加微信 abc_shop888 领取优惠券。")]


def _rewritten(data: bytes, into_form: str | None = None, mode: bytes = b"3") -> bytes:
    """The page's content with its `3 Tr` written as `<mode> Tr`; with `into_form`, its text
    object moved into a form XObject the page paints: "inside" keeps the mode in the form,
    "inherited" sets it on the page just before painting it, "drawn" sets 0 in the form."""
    import pypdf
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    page = writer.pages[0]
    content = page.get_contents().get_data().replace(b"3 Tr", mode + b" Tr")
    if into_form:
        start = content.index(b"BT 1 0 0 1")
        inner = content[start:]
        painting = b" /Fx Do\n"
        if into_form == "inherited":
            inner, painting = inner.replace(mode + b" Tr", b""), b" " + mode + b" Tr /Fx Do\n"
        elif into_form == "drawn":
            inner = inner.replace(mode + b" Tr", b"0 Tr")
        form = DecodedStreamObject()
        form.set_data(inner)
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(NumberObject(n) for n in (0, 0, 612, 792))
        resources = page["/Resources"].get_object()
        form[NameObject("/Resources")] = resources
        named = DictionaryObject()
        named[NameObject("/Fx")] = writer._add_object(form)
        resources[NameObject("/XObject")] = named
        content = content[:start] + painting
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _said(report: dict) -> list[tuple]:
    return sorted({(f["rule"][:2], _where(f)) for f in report["findings"]})


def test_a_mode_given_as_a_real_or_out_of_range_is_undrawn_text(tmp_path):
    for mode in (b"3.0", b"7.0", b"11", b"-1"):
        code, report = _check(tmp_path, _rewritten(_pdf([_LINES]), mode=mode))
        assert _said(report) == [("AD", ("不可见文字", 1)), ("RV", ("不可见文字", 1))], mode
        assert code == 1


def test_text_undrawn_in_a_form_xobject_is_said(tmp_path):
    for how in ("inside", "inherited"):
        code, report = _check(tmp_path, _rewritten(_pdf([_LINES]), into_form=how))
        assert _said(report) == [("AD", ("不可见文字", 1)), ("RV", ("不可见文字", 1))], how
        assert code == 1


def test_a_form_xobject_that_draws_its_text_is_read_as_drawn(tmp_path):
    code, report = _check(tmp_path, _rewritten(_pdf([_LINES]), into_form="drawn"))
    assert _said(report) == [("AD", (None, 1))]
    assert code == 1
