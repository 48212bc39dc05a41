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


def test_a_mode_written_as_a_real_number_is_the_same_mode():
    """`3.0 Tr` draws nothing in a viewer, as `3 Tr` does."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    text = sheet.beginText(72, 750)
    text.setFont("STSong-Light", 12)
    text.textLine("看得见的一行。")
    text._code.append("3.0 Tr")  # reportlab writes the mode as an integer only
    text.textLine("看不见的一行。")
    sheet.drawText(text)
    sheet.showPage()
    sheet.save()
    document = read_pdf(out.getvalue(), "a.pdf", "pdf")
    parts = {document.original[start:].split("\n")[0]: where.part
             for start, where in document.parts}
    assert parts["看得见的一行。"] is None
    assert parts["看不见的一行。"] == "不可见文字"
