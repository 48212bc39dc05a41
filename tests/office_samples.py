"""Word and PDF drafts made by the tests (python-docx; reportlab with its built-in Chinese
font STSong-Light), so no binary sample is committed."""

from __future__ import annotations

import io

Run = tuple[str, str]  # (text, how): "" plain, "bold", "italic", or "link" (inside a hyperlink)


def docx_bytes(paragraphs: list[str | list[Run]], table: list[list[str]] | None = None,
               header: str = "", link: str = "") -> bytes:
    """A Word file: each paragraph a text, or runs of their own formatting."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    document = docx.Document()
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            document.add_paragraph(paragraph)
            continue
        made = document.add_paragraph()
        for text, how in paragraph:
            run = made.add_run(text)
            if how in ("bold", "italic"):
                setattr(run, how, True)
            elif how == "link":
                _into_hyperlink(document, run, link or "https://example.gov.cn/")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if link:
        document.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(pages: list[list[str]], encrypt: str = "") -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out, encrypt=StandardEncryption(encrypt) if encrypt else None)
    for lines in pages:
        sheet.setFont("STSong-Light", 12)
        for n, line in enumerate(lines):
            sheet.drawString(72, 750 - 20 * n, line)
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def pdf_of_objects(objects: list[str]) -> bytes:
    """A PDF of hand-written objects (numbered from 1, the first the catalog) with its
    cross-reference table: for what reportlab does not write (fonts that lie, appearance
    states, patterns)."""
    out, offsets = b"%PDF-1.7\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n"
                  "%%EOF\n").encode()


def _into_hyperlink(document, run, target: str) -> None:
    """Move a run into a w:hyperlink, as Word writes a link's text."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), document.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK,
                                                      is_external=True))
    run._r.addprevious(hyperlink)
    hyperlink.append(run._r)
