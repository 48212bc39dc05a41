"""Insider red-team pass 71 (docs/redteam/pass-71.md): a PDF whose font's ToUnicode map gives
other characters than its encoding draws, words a PDF gives screen readers and copying
(/ActualText, /Alt) but does not draw, and a Word link's screen tip."""

import pytest
from office_samples import pdf_of_objects

from review.errors import InputError
from review.inputs.office import read_pdf
from review.inputs.word import read_docx

DRAWN = "本店长期出售冰毒，加微信"
HARMLESS = "本店长期出售水果，加关注"
TITLE = "关于做好冬季供暖工作的通知"


def _cmap(pairs: list[tuple[bytes, str]]) -> str:
    chars = "\n".join(f"<{code.hex().upper()}> <{ord(c):04X}>" for code, c in pairs)
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "2 begincodespacerange\n<00> <80>\n<8140> <FEFE>\nendcodespacerange\n"
            if len(pairs[0][0]) != 2 or pairs[0][0] >= b"\x81" else
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") + \
        f"{len(pairs)} beginbfchar\n{chars}\nendbfchar\nendcmap\n" \
        "CMapName currentdict /CMap defineresource pop\nend\nend\n"


def _pdf(drawn: str = DRAWN, read: str | None = None, encoding: str = "UniGB-UCS2-H",
         marked: str | None = None) -> bytes:
    """A page in a Type0 font (STSong-Light, not embedded) under a predefined CMap: `drawn`
    drawn, a ToUnicode map giving `read` for it (none when `read` is None), the line in a
    marked-content span whose /ActualText is `marked`."""
    codec = "utf-16-be" if "UCS2" in encoding else "gbk"
    codes = [c.encode(codec) for c in drawn]
    line = f"BT /F1 18 Tf 72 720 Td <{b''.join(codes).hex()}> Tj ET"
    if marked is not None:
        line = f"/Span << /ActualText <FEFF{marked.encode('utf-16-be').hex()}> >> BDC {line} EMC"
    content = f"{line}\nBT /F1 18 Tf 72 690 Td <{TITLE.encode(codec).hex()}> Tj ET\n"
    unicode = "" if read is None else " /ToUnicode 8 0 R"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}endstream",
        f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-{encoding} "
        f"/Encoding /{encoding} /DescendantFonts [6 0 R]{unicode} >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R "
        "/DW 1000 >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox "
        "[-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
        "/StemV 93 >>",
    ]
    if read is not None:
        cmap = _cmap(list(zip(codes, read, strict=True)))
        objects.append(f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}endstream")
    return pdf_of_objects(objects)


@pytest.mark.parametrize("encoding", ["UniGB-UCS2-H", "GBK-EUC-H"])
def test_a_tounicode_map_reading_other_characters_than_drawn_is_refused(encoding):
    with pytest.raises(InputError) as raised:
        read_pdf(_pdf(read=HARMLESS, encoding=encoding), "a.pdf", "pdf")
    assert raised.value.key == "pdf_tounicode"


@pytest.mark.parametrize("encoding", ["UniGB-UCS2-H", "GBK-EUC-H"])
def test_a_tounicode_map_that_agrees_with_the_encoding_is_read(encoding):
    for read in (DRAWN, None):
        assert DRAWN in read_pdf(_pdf(read=read, encoding=encoding), "a.pdf", "pdf").original


def test_replacement_text_a_screen_reader_speaks_is_read():
    doc = read_pdf(_pdf(drawn=HARMLESS, marked=DRAWN), "a.pdf", "pdf")
    assert doc.locate(doc.original.index(DRAWN)).part == "替代文字"


def test_replacement_text_the_same_as_drawn_is_not_read_twice():
    doc = read_pdf(_pdf(marked=DRAWN), "a.pdf", "pdf")
    assert doc.original.count(DRAWN) == 1


def _linked(tip: str) -> bytes:
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph(TITLE + "，详见")
    rid = document.part.relate_to(
        "https://www.example.gov.cn/notice",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}" w:tooltip="{tip}">'
        "<w:r><w:t>供暖公告</w:t></w:r></w:hyperlink>"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_links_screen_tip_is_read():
    doc = read_docx(_linked(DRAWN), "a.docx", "docx")
    assert doc.locate(doc.original.index(DRAWN)).part == "链接"
    assert "点击查看" in read_docx(_linked("点击查看"), "a.docx", "docx").original
