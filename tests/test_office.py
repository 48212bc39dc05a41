"""Word and PDF drafts (issue 18): read part by part, located as a reader of the document
says it, and never skipped in silence."""

import json

import pytest
from office_samples import docx_bytes, pdf_bytes

from review import inputs
from review.location import Location

AD = "请各单位于12月10日前完成自查。全网最低价，扫码立减。"


def check(cli, *args):
    return cli("check", "--format", "json", *args)


def test_a_word_draft_is_checked_and_located_by_paragraph_and_cell(cli, tmp_path):
    draft = tmp_path / "通知.docx"
    draft.write_bytes(docx_bytes(["关于开展冬季消防安全检查的通知", AD],
                                 table=[["单位", "联系方式"], ["某局", "加微信领取优惠券"]],
                                 header="县应急管理局", link="https://shop.example.top/buy"))
    result = check(cli, str(draft))
    assert result.exit_code == 1
    found = {f["rule"]: f["location"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert found["AD009"] == {"paragraph": 2, "column": AD.index("全网最低价") + 1}
    assert found["AD001"] == {"table": 1, "row": 2, "cell": 2, "column": 1}
    assert any(loc.get("part") == "链接" for loc in found.values())  # the link's target


def test_a_merged_table_cell_is_read_once(tmp_path):
    """python-docx gives a merged cell once for each grid cell it spans: its text, and so its
    findings, were read twice (across and down)."""
    import io

    import docx

    document = docx.Document(io.BytesIO(docx_bytes(["通知"], table=[["", "", ""], ["", "", ""]])))
    grid = document.tables[0]
    grid.cell(0, 0).merge(grid.cell(1, 1)).text = "全网最低价"
    grid.cell(1, 2).text = "扫码立减"
    out = io.BytesIO()
    document.save(out)
    doc = inputs.named("docx").read(out.getvalue(), "d.docx")
    assert doc.original == "通知\n全网最低价\n扫码立减"
    assert [location for _, location in doc.parts][1:] == \
        [Location(table=1, row=1, cell=1), Location(table=1, row=2, cell=3)]


def test_a_word_drafts_header_is_read_but_comments_are_not(tmp_path):
    doc = inputs.named("docx").read(docx_bytes(["正文"], header="全网最低价"), "d.docx")
    assert "全网最低价" in doc.original
    assert doc.locate(doc.original.index("全网最低价")).part == "页眉"


def test_a_folder_with_a_word_draft_does_not_pass_it_over(cli, tmp_path):
    """A folder holding a .docx with 全网最低价 and a clean .md passed with exit 0."""
    (tmp_path / "a.docx").write_bytes(docx_bytes([AD]))
    (tmp_path / "b.md").write_text("# 通知\n\n请按时参加会议。\n", encoding="utf-8")
    result = check(cli, str(tmp_path))
    assert result.exit_code == 1
    assert {f["path"].rsplit("/", 1)[-1] for f in json.loads(result.stdout)["files"]} == \
        {"a.docx", "b.md"}


def test_a_pdf_is_checked_and_located_by_page_and_line(cli, tmp_path):
    draft = tmp_path / "通知.pdf"
    draft.write_bytes(pdf_bytes([["关于开展冬季消防安全检查的通知"], ["第二页", AD]]))
    result = check(cli, str(draft))
    assert result.exit_code == 1
    finding = json.loads(result.stdout)["files"][0]["findings"][0]
    assert finding["location"] == {"page": 2, "line": 2, "column": AD.index("全网最低价") + 1}


@pytest.mark.parametrize("name, data, says", [
    ("旧稿.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "save it as .docx"),
    ("稿.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "save it as .docx"),
    ("坏.docx", b"PK\x03\x04 not really", "not a Word document"),
    ("密.pdf", None, "encrypted PDF"),
    ("扫描.pdf", None, "without a text layer"),
])
def test_a_draft_that_cannot_be_read_says_why_in_one_line(cli, tmp_path, name, data, says):
    if data is None:
        data = pdf_bytes([[AD]], encrypt="secret") if "密" in name else pdf_bytes([[]])
    (tmp_path / name).write_bytes(data)
    result = cli("check", "--lang", "en", str(tmp_path / name))
    assert result.exit_code == 2
    assert says in result.output and "Traceback" not in result.output


def test_a_folder_says_which_files_are_no_drafts_and_follows_linked_folders(cli, tmp_path):
    """Upper-case suffixes and include patterns match in any letter case; a linked folder is
    checked, a link back up is not walked twice; a file that is no draft is named on stderr,
    never passed over in silence."""
    import os

    posts = tmp_path / "posts"
    (posts / "sub").mkdir(parents=True)
    (posts / "AD.TXT").write_text(AD, encoding="utf-8")
    (posts / "photo.png").write_bytes(b"\x89PNG....")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.md").write_text("请按时参加会议。\n", encoding="utf-8")
    os.symlink(elsewhere, posts / "linked")
    os.symlink(posts, posts / "sub" / "back-up")  # a loop
    result = check(cli, str(posts))
    assert result.exit_code == 1
    checked = sorted(f["path"].rsplit("/", 1)[-1] for f in json.loads(result.stdout)["files"])
    assert checked == ["AD.TXT", "b.md"]
    assert "1 个文件不是稿件" in result.stderr and "photo.png" in result.stderr


# Twentieth red-team pass: what Word and PDF viewers show besides the text extracted —
# a numbered paragraph's list label, an annotation's or form field's drawn text — and text
# shown in another order than it is written.
BAD = "本店长期出售冰毒，价格面议。"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbered_docx(label: str, how: str = "direct", override: str = "", start: int = 1,
                  fmt: str = "decimal") -> bytes:
    """A Word file whose first paragraph (or table cell) is numbered with list label `label`
    (numbering.xml's w:lvlText): numbered by its own w:numPr, by its style (List Number
    numbers with numId 5), in a table cell; `override`: the w:num's level override's text."""
    import io
    import zipfile

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbered = document.add_paragraph("请各单位于12月10日前完成自查。",
                                      style="List Number" if how == "style" else None)
    document.add_paragraph("关于开展冬季消防安全检查的通知")
    if how == "cell":
        numbered = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
        numbered.text = "某局"
    if how != "style":
        numbered._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>'))
    overridden = f'<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:lvlText w:val="{override}"/>' \
        "</w:lvl></w:lvlOverride>" if override else ""
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
                 '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{label}"/><w:suff '
                 'w:val="nothing"/></w:lvl></w:abstractNum>'
                 f'<w:num w:numId="5"><w:abstractNumId w:val="7"/>{overridden}</w:num>'
                 "</w:numbering>")
    made = io.BytesIO()
    document.save(made)
    out = io.BytesIO()
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, numbering if name == "word/numbering.xml"
                            else source.read(name))
    return out.getvalue()


@pytest.mark.parametrize(("label", "how", "override", "where"), [
    (BAD, "direct", "", {"part": "编号", "paragraph": 1}),
    (f"%1{BAD}", "style", "", {"part": "编号", "paragraph": 1}),
    ("%1.", "direct", BAD, {"part": "编号", "paragraph": 1}),
    (f"第%1条{BAD}", "cell", "", {"part": "编号", "table": 1, "row": 1, "cell": 1}),
])
def test_a_word_list_label_is_checked_beside_its_paragraph(cli, tmp_path, label, how,
                                                           override, where):
    (tmp_path / "通知.docx").write_bytes(numbered_docx(label, how, override))
    result = check(cli, "通知.docx")
    assert result.exit_code == 1, result.output
    found = [f for f in json.loads(result.stdout)["files"][0]["findings"]
             if f["rule"] == "IL001"]
    assert found and found[0]["severity"] == "block"
    location = dict(found[0]["location"])
    location.pop("column")
    assert location == where


@pytest.mark.parametrize(("label", "start", "fmt", "rule"), [
    ("%1评共产党", 9, "chineseCounting", "SE105"),
    ("%1退保平安", 3, "chineseCountingThousand", "SE104"),
])
def test_a_word_list_number_is_read_as_word_draws_it(cli, tmp_path, label, start, fmt, rule):
    """Twenty-first red-team pass: the number is part of the words (九 from a Chinese-counting
    level starting at 9): it is counted and drawn, not left out."""
    (tmp_path / "通知.docx").write_bytes(numbered_docx(label, start=start, fmt=fmt))
    result = check(cli, "通知.docx")
    assert result.exit_code == 1, result.output
    assert rule in [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]


@pytest.mark.parametrize("label", ["第%1条", "%1.", "（%1）", "%1、", "\uf0b7", "%1.%2."])
def test_ordinary_word_list_labels_find_nothing(cli, tmp_path, label):
    (tmp_path / "通知.docx").write_bytes(numbered_docx(label))
    result = check(cli, "通知.docx")
    assert result.exit_code == 0, result.output


def test_the_fixture_drafts_read_as_before():
    """No list label, annotation or form field in the sample Word and PDF drafts: their text
    and parts are those of the body alone (and a PDF's title, reportlab's "untitled")."""
    from conftest import DRAFTS

    for name in ("notice.docx", "notice.pdf"):
        doc = inputs.for_path(name).read((DRAFTS / name).read_bytes(), name)
        assert {location.part for _, location in doc.parts} <= {None, "页眉", "页脚", "文档标题"}


def _annotated_pdf(subtype: str, contents: str = "", drawn: str = "", value: str = "",
                   unreadable: bool = False, form_only: str = "", xfa: bool = False,
                   caption: str = "", options: tuple[str, ...] = (), tooltip: str = "",
                   shown_as: str = "/N") -> bytes:
    """A one-page PDF (reportlab) with an annotation added (pypdf): its /Contents, a form
    field's /V, an appearance stream drawing `drawn` in the page's Chinese font (or, when
    unreadable, in a font whose codes map to spaces); form_only: a field on no page."""
    import io

    import pypdf
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes([["关于开展冬季消防安全检查的通知",
                                                    "请各单位于12月10日前完成自查。"]])))
    writer = pypdf.PdfWriter(clone_from=reader)
    page = writer.pages[0]
    fonts = page["/Resources"]["/Font"]
    font = next(k for k in fonts if "STSong" in str(fonts[k].get_object()["/BaseFont"]))
    annotation = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject(subtype),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 600, 300, 624)]),
        NameObject("/F"): NumberObject(4)})
    if contents:
        annotation[NameObject("/Contents")] = TextStringObject(contents)
    if value:
        annotation[NameObject("/FT")] = NameObject("/Tx")
        annotation[NameObject("/T")] = TextStringObject("name")
        annotation[NameObject("/V")] = TextStringObject(value)
    if caption:  # a push button's caption
        annotation[NameObject("/MK")] = DictionaryObject(
            {NameObject("/CA"): TextStringObject(caption)})
    if options:  # a list box: pairs of the value exported and the text shown
        annotation[NameObject("/FT")] = NameObject("/Ch")
        annotation[NameObject("/Opt")] = ArrayObject([ArrayObject(
            [TextStringObject(f"v{n}"), TextStringObject(o)]) for n, o in enumerate(options)])
    if tooltip:
        annotation[NameObject("/TU")] = TextStringObject(tooltip)
    if subtype == "/Link":
        annotation[NameObject("/A")] = DictionaryObject({
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject("https://www.gov.cn/")})
    if drawn:
        stream = DecodedStreamObject()
        codes = drawn.encode("utf-16-be").hex()
        resources = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject(font): fonts.raw_get(font)})})
        if unreadable:  # the same font, but its /ToUnicode maps every code drawn to a space
            shown = DictionaryObject(fonts[font].get_object())
            cmap = DecodedStreamObject()
            pairs = "".join(f"<{ord(c):04X}> <0020>\n" for c in drawn)
            cmap.set_data(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                           "/CMapName /Blank def /CMapType 2 def 1 begincodespacerange <0000> "
                           f"<FFFF> endcodespacerange {len(drawn)} beginbfchar\n{pairs}"
                           "endbfchar endcmap CMapName currentdict /CMap defineresource pop end "
                           "end").encode())
            shown[NameObject("/ToUnicode")] = writer._add_object(cmap)
            resources = DictionaryObject({NameObject("/Font"): DictionaryObject(
                {NameObject(font): writer._add_object(shown)})})
        stream.set_data(f"BT {font} 14 Tf 2 6 Td <{codes}> Tj ET".encode())
        stream.update({NameObject("/Type"): NameObject("/XObject"),
                       NameObject("/Subtype"): NameObject("/Form"),
                       NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, 228, 24)]),
                       NameObject("/Resources"): resources})
        annotation[NameObject("/AP")] = DictionaryObject(
            {NameObject(shown_as): writer._add_object(stream)})
    added = writer._add_object(annotation)
    page[NameObject("/Annots")] = ArrayObject([added])
    fields = ArrayObject([added] if value else [])
    if form_only:
        fields.append(writer._add_object(DictionaryObject({
            NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("x"),
            NameObject("/V"): TextStringObject(form_only)})))
    if fields or xfa:
        form = DictionaryObject({NameObject("/Fields"): fields})
        if xfa:
            form[NameObject("/XFA")] = ArrayObject()
        writer._root_object[NameObject("/AcroForm")] = writer._add_object(form)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("options", "part"), [
    ({"subtype": "/FreeText", "drawn": BAD}, "注释"),             # drawn, no /Contents
    ({"subtype": "/FreeText", "contents": BAD, "drawn": BAD}, "注释"),
    ({"subtype": "/Stamp", "contents": BAD}, "注释"),
    ({"subtype": "/Widget", "value": BAD, "drawn": "今天开会"}, "表单域"),
    ({"subtype": "/Widget", "value": "今天开会", "drawn": BAD}, "表单域"),
    ({"subtype": "/Link", "form_only": BAD}, "表单域"),           # a field on no page
    # twenty-first pass: a button's caption, a list's options, a tooltip, and what an
    # annotation draws while the pointer is over it or it is pressed
    ({"subtype": "/Widget", "caption": BAD}, "表单域"),
    ({"subtype": "/Widget", "options": ("今天开会", BAD)}, "表单域"),
    ({"subtype": "/Widget", "tooltip": BAD}, "表单域"),
    ({"subtype": "/FreeText", "drawn": BAD, "shown_as": "/R"}, "注释"),
    ({"subtype": "/Widget", "drawn": BAD, "shown_as": "/D"}, "表单域"),
])
def test_text_a_pdf_annotation_or_form_field_shows_is_checked(cli, tmp_path, options, part):
    (tmp_path / "通知.pdf").write_bytes(_annotated_pdf(**options))
    result = check(cli, "通知.pdf")
    assert result.exit_code == 1, result.output
    found = [f for f in json.loads(result.stdout)["files"][0]["findings"]
             if f["rule"] == "IL001"]
    assert found and found[0]["severity"] == "block"
    assert found[0]["location"]["part"] == part
    assert found[0]["location"].get("page", 1) == 1


@pytest.mark.parametrize(("options", "says"), [
    ({"subtype": "/FreeText", "drawn": BAD, "unreadable": True}, "page 1: an annotation"),
    ({"subtype": "/Link", "xfa": True}, "dynamic form (XFA)"),
])
def test_a_pdf_drawing_text_that_cannot_be_read_is_refused(cli, tmp_path, options, says):
    (tmp_path / "通知.pdf").write_bytes(_annotated_pdf(**options))
    result = cli("check", "--lang", "en", "通知.pdf")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("通知.pdf:")]
    assert len(lines) == 1 and says in lines[0] and "print it to PDF" in lines[0], result.output


def test_a_pdf_with_a_link_annotation_reads_as_before():
    plain = inputs.named("pdf").read(_annotated_pdf("/Popup"), "a.pdf")
    linked = inputs.named("pdf").read(_annotated_pdf("/Link", contents="链接"), "a.pdf")
    assert linked.original == plain.original == \
        "关于开展冬季消防安全检查的通知\n请各单位于12月10日前完成自查。\nuntitled"  # its title
    assert linked.parts == plain.parts


def test_word_text_shown_right_to_left_is_refused(cli, tmp_path):
    """Direction controls in a paragraph, or a w:bdo override around its runs."""
    import io

    import docx
    from docx.oxml import parse_xml

    (tmp_path / "a.docx").write_bytes(docx_bytes(["通知", "请按时自查，\u202e好法大轮法\u202c。"]))
    document = docx.Document()
    document.add_paragraph("通知")
    paragraph = document.add_paragraph("请按时自查，")
    paragraph._p.append(parse_xml(f'<w:bdo {_W} w:val="rtl"><w:r><w:t>好法大轮法</w:t></w:r>'
                                  "</w:bdo>"))
    out = io.BytesIO()
    document.save(out)
    (tmp_path / "b.docx").write_bytes(out.getvalue())
    for name, where in (("a.docx", "paragraph 2, character 7"), ("b.docx", "paragraph 2")):
        result = cli("check", "--lang", "en", name)
        assert result.exit_code == 2
        lines = [line for line in result.output.splitlines() if line.startswith(f"{name}:")]
        assert len(lines) == 1 and f"at {where})" in lines[0], result.output
        assert "readers would see another order than is checked" in lines[0]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_rejection_signed_before_the_shown_text_was_read_still_names_the_draft(kind):
    """A rejection names the text as it was read when it was signed: one signed before list
    labels (or CSS-drawn text) were read still holds for the draft saved again."""
    from review.markup import html_view
    from review.normalize import fold
    from review.workflow import service

    if kind == "docx":
        data = numbered_docx("附件%1")
        before = inputs.named("docx").read(
            docx_bytes(["请各单位于12月10日前完成自查。", "关于开展冬季消防安全检查的通知"]),
            "a.docx").visible.text
    else:
        body = "<p>请各单位于12月10日前完成自查。</p>"
        data = f'<style>p::before {{ content: "第一条"; }}</style>{body}'.encode()
        before = fold(html_view(body)).text
    old = service.sha256(service._squeezed(before, False).encode())
    assert service.text_digest(data, f"a.{kind}") != old  # the label is read now
    assert old in service._text_digests(data, f"a.{kind}")
