"""Word and PDF drafts made by the tests (python-docx; reportlab with its built-in Chinese
font STSong-Light), so no binary sample is committed."""

from __future__ import annotations

import io


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None,
               header: str = "", link: str = "") -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
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
