"""Insider red-team pass 74 (docs/redteam/pass-74.md): words a PDF draws through a Type3
font's glyph procedures, a tiling pattern or a soft mask (none of them in the text the check
reads), a web archive (MHTML) read as its encoded text, and `review check` of a folder leaving
out `posts/ARCHIVE/` for an `exclude` of `archive/**`."""

import pytest
from office_samples import pdf_of_objects

from review.errors import InputError
from review.inputs.office import read_pdf

BAD = "本店长期出售冰毒，加微信"
HARMLESS = "本店长期出售水果，加关注"
TITLE = "关于做好冬季供暖工作的通知"
_FONT = [  # objects 5-7: STSong-Light, not embedded, codes are UTF-16BE characters
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding "
    "/UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry "
    "(Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
    "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"]


def _u(text: str) -> str:
    return f"<{text.encode('utf-16-be').hex()}>"


def _stream(content: str, extra: str = "") -> str:
    return f"<< /Length {len(content.encode())} {extra}>>\nstream\n{content}\nendstream"


def _build(content: str, resources: str, more: list[str]) -> bytes:
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               f"/Resources {resources} /Contents 4 0 R >>",
               _stream(f"BT /F1 18 Tf 72 720 Td {_u(TITLE)} Tj ET\n{content}"), *_FONT, *more]
    return pdf_of_objects(objects)


def _pattern(cell: str) -> bytes:
    """A page filling a box with a tiling pattern whose one cell paints `cell`."""
    return _build("/Pattern cs /P1 scn 0 0 595 650 re f",
                  "<< /Font << /F1 5 0 R >> /Pattern << /P1 8 0 R >> >>",
                  [_stream(cell, "/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 "
                                 "/BBox [0 0 595 842] /XStep 2000 /YStep 2000 "
                                 "/Resources << /Font << /F1 5 0 R >> >> ")])


def _masked(group: str) -> bytes:
    """A page painting black through a luminosity soft mask whose group paints `group`."""
    return _build("q /GS1 gs 0 g 0 0 595 650 re f Q",
                  "<< /Font << /F1 5 0 R >> /ExtGState << /GS1 << /SMask << /Type /Mask "
                  "/S /Luminosity /G 8 0 R >> >> >> >>",
                  [_stream(group, "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Group "
                                  "<< /S /Transparency /CS /DeviceGray >> "
                                  "/Resources << /Font << /F1 5 0 R >> >> ")])


def _type3(glyph) -> bytes:
    """A line in a Type3 font whose ToUnicode map reads HARMLESS, glyph i drawn by `glyph(i)`."""
    n = len(BAD)
    names = " ".join(f"/g{i}" for i in range(n))
    procs = " ".join(f"/g{i} {10 + i} 0 R" for i in range(n))
    pairs = "\n".join(f"<{i + 1:02X}> <{ord(c):04X}>" for i, c in enumerate(HARMLESS))
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo "
            "<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName "
            "/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\n"
            f"endcodespacerange\n{n} beginbfchar\n{pairs}\nendbfchar\nendcmap\n"
            "CMapName currentdict /CMap defineresource pop\nend\nend")
    font = (f"<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 1000 900] /FontMatrix [0.001 0 0 "
            f"0.001 0 0] /CharProcs << {procs} >> /Encoding << /Type /Encoding /Differences "
            f"[1 {names}] >> /FirstChar 1 /LastChar {n} /Widths [{' '.join(['1000'] * n)}] "
            "/Resources << /Font << /F1 5 0 R >> >> /ToUnicode 9 0 R >>")
    codes = "".join(f"{i + 1:02x}" for i in range(n))
    return _build(f"BT /F3 18 Tf 72 600 Td <{codes}> Tj ET",
                  "<< /Font << /F1 5 0 R /F3 8 0 R >> >>",
                  [font, _stream(cmap), *(_stream(glyph(i)) for i in range(n))])


DRAWN_IN_TEXT = f"BT /F1 18 Tf 72 600 Td {_u(BAD)} Tj ET"


@pytest.mark.parametrize("pdf", [
    _type3(lambda i: f"1000 0 d0 BT /F1 1000 Tf 0 0 Td {_u(BAD[i])} Tj ET"),
    _pattern(DRAWN_IN_TEXT),
    _masked(f"0 g 0 0 595 842 re f 1 g {DRAWN_IN_TEXT}"),
], ids=["type3-glyphs", "tiling-pattern", "soft-mask"])
def test_words_drawn_where_text_extraction_never_looks_refuse_the_pdf(pdf):
    with pytest.raises(InputError) as raised:
        read_pdf(pdf, "a.pdf", "pdf")
    assert raised.value.key == "pdf_hidden_drawer"


def test_the_refused_pdf_is_not_passed_by_the_command(cli, tmp_path):
    (tmp_path / "a.pdf").write_bytes(_pattern(DRAWN_IN_TEXT))
    result = cli("check", "a.pdf")
    assert result.exit_code == 2 and "Pattern" in result.output and "未检查" in result.output


@pytest.mark.parametrize("pdf", [
    _type3(lambda i: "1000 0 0 -200 1000 900 d1 100 0 m 900 0 l 900 800 l h f"),
    _pattern("0.9 g 0 0 10 10 re f"),
    _masked("0 g 0 0 595 842 re f 1 g 100 100 300 300 re f"),
], ids=["type3-shapes", "tiling-shapes", "soft-mask-shapes"])
def test_shapes_in_glyphs_patterns_and_masks_are_read_as_before(pdf):
    assert TITLE in read_pdf(pdf, "a.pdf", "pdf").original


def test_a_web_archive_is_refused_not_read_as_its_encoded_text(cli, tmp_path):
    import base64

    page = f"<html><body><p>{TITLE}</p><p>{BAD} abc_shop888</p></body></html>"
    body = base64.encodebytes(page.encode()).decode()
    archive = ("From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related; "
               f'type="text/html"; boundary="----B"\n\n------B\nContent-Type: text/html\n'
               f"Content-Transfer-Encoding: base64\n\n{body}\n------B--\n")
    for name in ("a.mhtml", "b.MHT"):
        (tmp_path / name).write_text(archive, encoding="utf-8")
        result = cli("check", name)
        assert result.exit_code == 2 and "MHTML" in result.output, result.output


def test_a_folder_in_another_case_than_an_excluded_one_is_checked(cli, tmp_path):
    for folder in ("archive", "ARCHIVE"):
        (tmp_path / "posts" / folder).mkdir(parents=True)
    (tmp_path / "posts" / "ARCHIVE" / "x.md").write_text("请加微信 abc_shop888 咨询购买冰毒\n",
                                                        encoding="utf-8")
    (tmp_path / "posts" / "archive" / "y.md").write_text("请加微信 abc_shop888 咨询购买冰毒\n",
                                                        encoding="utf-8")
    (tmp_path / "posts" / "a.md").write_text(TITLE + "\n", encoding="utf-8")
    result = cli("check", "--exclude", "archive/**", "posts")
    assert result.exit_code == 1 and "ARCHIVE/x.md" in result.output
    assert "archive/y.md" not in result.output  # the folder as written stays left out


def _check_box(on: str) -> bytes:
    """A check box left off (/AS /Off draws an empty box) whose /Yes appearance, shown once a
    reader clicks it, draws `on`."""
    objects = ["<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [8 0 R] >> >>",
               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /Annots [8 0 R] /MediaBox [0 0 595 842] "
               "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
               _stream(f"BT /F1 18 Tf 72 720 Td {_u(TITLE)} Tj ET"), *_FONT,
               "<< /Type /Annot /Subtype /Widget /FT /Btn /T (agree) /Rect [72 560 520 600] "
               "/F 4 /V /Off /AS /Off /AP << /N << /Yes 9 0 R /Off 10 0 R >> >> /P 3 0 R >>",
               _stream(on, "/Type /XObject /Subtype /Form /BBox [0 0 448 40] "
                           "/Resources << /Font << /F1 5 0 R >> >> "),
               _stream("0 0 0 RG 0.5 0.5 20 20 re S",
                       "/Type /XObject /Subtype /Form /BBox [0 0 448 40] ")]
    return pdf_of_objects(objects)


def test_words_a_check_box_shows_once_clicked_are_read():
    doc = read_pdf(_check_box(f"BT /F1 18 Tf 2 12 Td {_u(BAD)} Tj ET"), "a.pdf", "pdf")
    assert BAD in doc.original


def test_a_check_box_with_a_check_mark_reads_as_before():
    doc = read_pdf(_check_box("0 0 0 rg 2 2 16 16 re f"), "a.pdf", "pdf")
    assert doc.original == TITLE
