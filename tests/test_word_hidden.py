"""Text a reader of a Word draft sees wherever Word keeps it (red-team pass 11: 出售冰毒 in a
content control passed `review check` and was not shown by `review show`): inside content
controls, custom XML, smart tags, tracked insertions and moves, simple fields, bidirectional
embeddings, tables inside cells, formulas and symbols it is read, checked and located; deleted
text is not read; what cannot be read is refused in one line, never passed in silence; and
--annotate and fix edit what they safely can and say what they cannot."""

from __future__ import annotations

import io
import json

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from office_samples import docx_bytes

from review import inputs
from review.inputs.word import Layout
from review.location import Location

LEAD = "今天我市召开了防汛工作会议。"
BAD = "本人长期出售冰毒，加微信详聊。"
DRUG = "出售冰毒"  # IL001
NS = nsdecls("w", "r", "m", "w14") + ' xmlns:mc="http://schemas.openxmlformats.org/' \
    'markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"'


def run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def para(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def table(*rows: str) -> str:
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(rows) + "</w:tbl>"


def _fragments(xml: str) -> list:
    return list(parse_xml(f"<w:root {NS}>{xml}</w:root>"))


def word(inline: str = "", body: str = "", build=None) -> bytes:
    """A Word file whose first paragraph is LEAD followed by the `inline` WordprocessingML,
    with the `body` WordprocessingML after it."""
    document = docx.Document()
    first = document.add_paragraph(LEAD)._p
    for element in _fragments(inline):
        first.append(element)
    sections = document.element.body.sectPr
    for element in _fragments(body):
        sections.addprevious(element)
    if build:
        build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read(data: bytes):
    return inputs.named("docx").read(data, "d.docx")


def drug_finding(pipeline, data: bytes):
    doc = read(data)
    found = [f for f in pipeline.check(doc).findings if f.rule == "IL001"]
    assert found, doc.original
    assert doc.original[found[0].start:found[0].end] == found[0].text == DRUG
    return found[0]


AFTER_LEAD = Location(paragraph=1, column=len(LEAD) + BAD.index(DRUG) + 1)
OWN_PARAGRAPH = Location(paragraph=2, column=BAD.index(DRUG) + 1)
SDT = "<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"
TRACK = "w:id='1' w:author='x' w:date='2024-01-01T00:00:00Z'"


@pytest.mark.parametrize("inline, body, where", [
    pytest.param("", SDT.format(para(run(BAD))), OWN_PARAGRAPH, id="block content control"),
    pytest.param("", f"<w:customXml w:element='x'>{para(run(BAD))}</w:customXml>",
                 OWN_PARAGRAPH, id="block custom XML"),
    pytest.param("", SDT.format(SDT.format(para(run(BAD)))), OWN_PARAGRAPH,
                 id="content control in a content control"),
    pytest.param(SDT.format(run(BAD)), "", AFTER_LEAD, id="inline content control"),
    pytest.param(f"<w:ins {TRACK}>{run(BAD)}</w:ins>", "", AFTER_LEAD, id="tracked insertion"),
    pytest.param(f"<w:moveFrom {TRACK}>{run('旧处')}</w:moveFrom>"
                 f"<w:moveTo w:id='2' w:author='x'>{run(BAD)}</w:moveTo>", "", AFTER_LEAD,
                 id="moved text"),
    pytest.param(f"<w:smartTag w:uri='u' w:element='e'>{run(BAD)}</w:smartTag>", "",
                 AFTER_LEAD, id="smart tag"),
    pytest.param(f"<w:fldSimple w:instr='QUOTE x'>{run(BAD)}</w:fldSimple>", "", AFTER_LEAD,
                 id="simple field"),
    pytest.param(f"<w:customXml w:element='x'>{run(BAD)}</w:customXml>", "", AFTER_LEAD,
                 id="inline custom XML"),
    pytest.param(f"<w:dir w:val='ltr'>{run(BAD)}</w:dir>", "", AFTER_LEAD, id="w:dir"),
    pytest.param(f"<w:bdo w:val='ltr'>{run(BAD)}</w:bdo>", "", AFTER_LEAD, id="w:bdo"),
    pytest.param(SDT.format(f"<w:smartTag w:uri='u' w:element='e'><w:ins {TRACK}>"
                            f"{run(BAD[:6])}</w:ins></w:smartTag>{run(BAD[6:])}"), "",
                 AFTER_LEAD, id="wrappers in wrappers"),
    pytest.param(f"<m:oMath><m:r><m:t>{BAD}</m:t></m:r></m:oMath>", "", AFTER_LEAD,
                 id="formula"),
    pytest.param(f"<w:r><w:t>{BAD[:6]}</w:t><w:sym w:font='SimSun' w:char='51B0'/>"
                 f"<w:sym w:font='Wingdings' w:char='F0FC'/><w:t>{BAD[7:]}</w:t></w:r>", "",
                 AFTER_LEAD, id="symbol"),  # 冰 in 宋体; a Wingdings tick is no character
    pytest.param("", table(f"<w:tr><w:tc>{para(run('联系人'))}"
                           f"{table(f'<w:tr><w:tc>{para(run(BAD))}</w:tc></w:tr>')}"
                           "<w:p/></w:tc></w:tr>"),
                 Location(table=1, row=1, cell=1, column=len("联系人\n") + BAD.index(DRUG) + 1),
                 id="table in a table cell"),
    pytest.param("", table(SDT.format(f"<w:tr><w:tc>{para(run('甲'))}</w:tc>"
                                      f"<w:tc>{para(run('乙'))}</w:tc></w:tr>"),
                           f"<w:tr>{SDT.format(f'<w:tc>{para(run(BAD))}</w:tc>')}"
                           f"<w:tc>{para('')}</w:tc></w:tr>"),
                 Location(table=1, row=2, cell=1, column=BAD.index(DRUG) + 1),
                 id="row and cell in content controls"),
])
def test_text_wherever_word_keeps_it_is_checked_and_located(pipeline, inline, body, where):
    assert drug_finding(pipeline, word(inline, body)).location == where


def test_deleted_text_is_not_read_but_inserted_text_is():
    data = word(f"<w:del {TRACK}><w:r><w:delText>删去的{DRUG}</w:delText></w:r></w:del>"
                f"<w:del {TRACK}>{run('删去的出售冰毒')}</w:del>"  # w:t in a deletion: still gone
                f"<w:moveFrom {TRACK}>{run('移走的出售冰毒')}</w:moveFrom>"
                f"<w:ins {TRACK}>{run('新增的一句。')}</w:ins>")
    assert read(data).original == LEAD + "新增的一句。"


def test_a_text_box_inside_a_deletion_is_not_read():
    box = (f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{para(run(BAD))}"
           "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    assert read(word(f"<w:del {TRACK}>{box}</w:del>")).original == LEAD
    assert read(word(box)).original == f"{LEAD}\n{BAD}"  # the text box itself is read


def test_a_first_page_header_a_footer_table_and_a_watermark_are_read():
    def build(document):
        section = document.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "首页页眉" + BAD
        section.footer.add_table(1, 1, section.page_width).cell(0, 0).text = "页脚表格"
        section.header.paragraphs[0]._p.append(_fragments(
            '<w:r><w:pict><v:shape><v:textpath string="内部资料"/></v:shape></w:pict></w:r>')[0])

    doc = read(word(build=build))
    assert {"首页页眉" + BAD, "页脚表格", "内部资料"} <= set(doc.original.split("\n"))
    assert doc.locate(doc.original.index("首页页眉")).part == "页眉"
    assert doc.locate(doc.original.index("页脚表格")).part == "页脚"
    assert doc.locate(doc.original.index("内部资料")).part == "文本框"


def _with_notes(document) -> None:
    """A footnotes part with a separator and one footnote, as Word writes them."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1">'
           f'<w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           f'<w:footnote w:id="1">{para(run("注：" + BAD))}</w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode(), document.part.package)
    document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                  "relationships/footnotes")


def test_footnotes_are_read_and_located(pipeline):
    found = drug_finding(pipeline, word(build=_with_notes))
    assert found.location == Location(part="脚注", paragraph=1,
                                      column=len("注：") + BAD.index(DRUG) + 1)


BINDING = ("<w:dataBinding w:prefixMappings=\"xmlns:ns0='http://purl.org/dc/elements/1.1/' "
           "xmlns:ns1='http://schemas.openxmlformats.org/package/2006/metadata/"
           "core-properties'\" w:xpath='/ns1:coreProperties[1]/ns0:title[1]' "
           "w:storeItemID='{6C3C8BC8-F283-45AE-878A-BAB7291924A1}'/>")


@pytest.mark.parametrize("title, extra", [(BAD, [BAD]), ("会议 通知", [])])
def test_a_content_control_bound_to_data_is_read_as_word_shows_it(title, extra):
    """Word shows a bound control's data (here the title in the core properties), not the
    runs it holds: the data is read where it says other than those runs."""
    def build(document):
        document.core_properties.title = title

    doc = read(word(f"<w:sdt><w:sdtPr>{BINDING}<w:text/></w:sdtPr>"
                    f"<w:sdtContent>{run('会议通知')}</w:sdtContent></w:sdt>", build=build))
    assert doc.original.split("\n") == [LEAD + "会议通知", *extra]
    if extra:
        assert doc.locate(doc.original.index(BAD)).part == "内容控件"


@pytest.mark.parametrize("inline, body, construct", [
    ("", "<w:altChunk r:id='rId99'/>", "w:altChunk"),
    ("<w:subDoc r:id='rId99'/>", "", "w:subDoc"),
    ("", f"<w:ins {TRACK}>{run(BAD)}</w:ins>", "w:ins"),  # runs outside any paragraph
    (f"<w:t>{BAD}</w:t>", "", "w:p"),                      # text outside any run
    (f"<w14:unknown>{run(BAD)}</w14:unknown>", "", None),   # read: a wrapper is a wrapper
])
def test_text_the_walk_cannot_place_is_refused_in_one_line(cli, tmp_path, inline, body,
                                                            construct):
    draft = tmp_path / "d.docx"
    draft.write_bytes(word(inline, body))
    result = cli("check", "--lang", "en", str(draft))
    if construct is None:
        assert result.exit_code == 1 and DRUG in result.stdout
        return
    assert result.exit_code == 2 and DRUG not in result.output
    said = [line for line in result.output.splitlines() if f"({construct})" in line]
    assert len(said) == 1 and "cannot be checked" in said[0]
    assert "Traceback" not in result.output


def test_show_gives_the_reviewer_the_hidden_text():
    """`review show` shows a stored draft's text as its kind reads it."""
    data = word(SDT.format(run(BAD)), SDT.format(para(run("第二段"))))
    assert inputs.text_of(data, "posts/notice.docx") == f"{LEAD}{BAD}\n第二段"


def test_a_merged_cell_continued_down_is_read_where_its_own_text_is():
    """A cell that continues a vertical merge normally holds nothing; text put there is read
    at its own row (python-docx gives the cell above in its place, so it was never read)."""
    merged = "<w:tcPr><w:vMerge/></w:tcPr>"
    data = word(body=table(f"<w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr>"
                           f"{para(run('合并'))}</w:tc><w:tc>{para(run('甲'))}</w:tc></w:tr>",
                           f"<w:tr><w:tc>{merged}{para(run(BAD))}</w:tc>"
                           f"<w:tc>{para(run('乙'))}</w:tc></w:tr>"))
    doc = read(data)
    assert doc.original.split("\n") == [LEAD, "合并", "甲", BAD, "乙"]
    assert doc.locate(doc.original.index(BAD)) == Location(table=1, row=2, cell=1, column=1)


# review check --annotate and review fix on text inside such constructs

TYPO, FIXED = "再接再励", "再接再厉"  # EX1001, a review-level correction


def findings(cli, *args):
    result = cli("check", "--format", "json", *args)
    return result, json.loads(result.stdout)["files"][0]["findings"]


def anchored_comments(data: bytes) -> list[tuple[str, str]]:
    """(comment text, the text between its range markers) of every comment."""
    document = docx.Document(io.BytesIO(data))
    anchored: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.append(element.get(qn("w:id")))
            anchored[open_ids[-1]] = []
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.remove(element.get(qn("w:id")))
        elif element.tag == qn("w:t"):
            for comment_id in open_ids:
                anchored[comment_id].append(element.text)
    return [(c.text, "".join(anchored[str(c.comment_id)])) for c in document.comments]


def test_annotate_anchors_a_comment_inside_a_content_control_and_an_insertion(cli, tmp_path):
    draft = tmp_path / "d.docx"
    draft.write_bytes(word(SDT.format(run(BAD)),
                           para(f"<w:ins {TRACK}>{run('各单位要' + TYPO + '。')}</w:ins>")))
    out = tmp_path / "out.docx"
    result, found = findings(cli, str(draft), "--annotate", str(out))
    assert result.exit_code == 1
    made = anchored_comments(out.read_bytes())
    assert [anchored for _, anchored in made] == [f["text"] for f in found]
    assert {"出售冰毒", "加微信", TYPO} <= {anchored for _, anchored in made}
    assert Layout(out.read_bytes()).text == Layout(draft.read_bytes()).text
    # the comment's markers are inside the control: the control still holds the whole text
    sdt = docx.Document(str(out)).element.body.find(".//" + qn("w:sdtContent"))
    assert "".join(t.text for t in sdt.iter(qn("w:t"))) == BAD


def test_annotate_says_where_a_finding_in_a_field_is_rather_than_anchor_it_there(cli, tmp_path):
    """A simple field's result is recomputed by Word: a comment is not put inside it."""
    draft = tmp_path / "d.docx"
    draft.write_bytes(word(f"<w:fldSimple w:instr='QUOTE x'>{run(BAD)}</w:fldSimple>"))
    out = tmp_path / "out.docx"
    _, found = findings(cli, str(draft), "--annotate", str(out), "--lang", "en")
    made = anchored_comments(out.read_bytes())
    assert len(made) == len(found) >= 2
    for finding, (text, anchored) in zip(found, made, strict=True):
        assert anchored == LEAD  # on the first paragraph's own runs, saying where
        assert text.startswith("This finding is in the paragraph 1") and finding["text"] in text
    field = docx.Document(str(out)).element.body.find(".//" + qn("w:fldSimple"))
    assert [child.tag for child in field] == [qn("w:r")]  # untouched


@pytest.mark.parametrize("inline, body", [
    pytest.param(SDT.format(run(TYPO)), "", id="inline content control"),
    pytest.param(f"<w:ins {TRACK}>{run(TYPO)}</w:ins>", "", id="tracked insertion"),
    pytest.param(f"<w:smartTag w:uri='u' w:element='e'>{run(TYPO)}</w:smartTag>", "",
                 id="smart tag"),
    pytest.param("", SDT.format(para(run(TYPO))), id="block content control"),
    pytest.param("", table(f"<w:tr><w:tc>{table(f'<w:tr><w:tc>{para(run(TYPO))}</w:tc></w:tr>')}"
                           "<w:p/></w:tc></w:tr>"), id="table in a table cell"),
])
def test_fix_corrects_a_typo_inside_a_wrapper_in_place(cli, tmp_path, inline, body):
    draft = tmp_path / "d.docx"
    draft.write_bytes(word(inline, body))
    before = Layout(draft.read_bytes()).text
    result = cli("fix", "--in-place", str(draft))
    assert result.exit_code == 0, result.stderr
    after = draft.read_bytes()
    assert Layout(after).text == before.replace(TYPO, FIXED)
    assert docx.Document(io.BytesIO(after)).element.body.xpath(
        f"count(.//w:t[contains(., '{FIXED}')])") == 1


@pytest.mark.parametrize("inline", [
    pytest.param(f"<w:fldSimple w:instr='QUOTE x'>{run(TYPO)}</w:fldSimple>", id="simple field"),
    pytest.param(f"<w:sdt><w:sdtPr>{BINDING}</w:sdtPr><w:sdtContent>{run(TYPO)}</w:sdtContent>"
                 "</w:sdt>", id="content control bound to data"),
    pytest.param(f"<w:ins {TRACK}>{run(TYPO[:2])}</w:ins>{run(TYPO[2:])}",
                 id="across an insertion's edge"),
])
def test_fix_refuses_a_typo_it_cannot_correct_safely_and_says_so(cli, tmp_path, inline):
    draft = tmp_path / "d.docx"

    def build(document):
        document.core_properties.title = TYPO

    draft.write_bytes(word(inline, build=build))
    before = draft.read_bytes()
    result = cli("fix", "--in-place", "--lang", "en", str(draft))
    assert result.exit_code == 1
    assert draft.read_bytes() == before
    refused = [line for line in result.stderr.splitlines() if line.startswith("review:")]
    assert len(refused) == 1 and f"“{TYPO}” was not changed to “{FIXED}”" in refused[0]
    assert "paragraph 1" in refused[0]


def test_a_plain_draft_reads_as_before():
    """The walk reads an ordinary draft exactly as python-docx's paragraphs and cells do."""
    data = docx_bytes(["关于冬季防火的通知", [("请", ""), ("按时", "bold"), ("报名", "link")]],
                      table=[["单位", "进度"], ["某局", "完成"]], header="县应急管理局")
    document = docx.Document(io.BytesIO(data))
    expected = [p.text for p in document.paragraphs] + \
        [c.text for row in document.tables[0].rows for c in row.cells] + \
        ["县应急管理局", "https://example.gov.cn/"]  # and the link's target
    assert read(data).original.split("\n") == expected


_DRAWING = ("<w:r><w:drawing xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/"
            "wordprocessingDrawing' xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/"
            "main'><wp:inline><wp:extent cx='1' cy='1'/><wp:docPr id='1' name='x'/><a:graphic>"
            "<a:graphicData uri='{}'/></a:graphic></wp:inline></w:drawing></w:r>")


@pytest.mark.parametrize("uri, construct", [
    ("http://schemas.openxmlformats.org/drawingml/2006/diagram", "SmartArt"),
    ("http://schemas.openxmlformats.org/drawingml/2006/chart", "chart"),
])
def test_a_diagram_or_a_chart_is_refused_not_passed_unread(cli, tmp_path, uri, construct):
    """Red-team pass 13: a SmartArt box (its text in the diagram's own parts) said what the
    body did not, and passed the check and `review show` unseen."""
    draft = tmp_path / "d.docx"
    draft.write_bytes(word(_DRAWING.format(uri)))
    result = cli("check", "--lang", "en", str(draft))
    assert result.exit_code == 2 and f"({construct})" in result.output
    picture = tmp_path / "p.docx"  # a picture is no text: read as before
    picture.write_bytes(word(_DRAWING.format(
        "http://schemas.openxmlformats.org/drawingml/2006/picture")))
    assert cli("check", str(picture)).exit_code in (0, 1)


# Twenty-second red-team pass: text only a field's code holds — a MACROBUTTON's or
# GOTOBUTTON's display text (no result of their own), a QUOTE's once Word updates it — was
# never read (w:instrText, a simple field's w:instr). Codes are read as a piece of their own.
def field(code: str, result: str | None = None) -> str:
    def chars(kind: str) -> str:
        return f"<w:r><w:fldChar w:fldCharType='{kind}'/></w:r>"
    shown = f"{chars('separate')}{run(result)}" if result is not None else ""
    return (f"{chars('begin')}<w:r><w:instrText xml:space='preserve'>{code}</w:instrText></w:r>"
            f"{shown}{chars('end')}")


@pytest.mark.parametrize("inline", [
    field(f" MACROBUTTON NoMacro {BAD} "),
    field(f" GOTOBUTTON top {BAD} "),
    field(f' QUOTE "{BAD}" ', "今天开会"),
    field(" QUOTE \"本人长期出售", "今天") + field("冰毒，加微信详聊\" "),  # one field, two runs
    f"<w:fldSimple w:instr=' MACROBUTTON NoMacro {BAD} '/>",
])
def test_text_a_field_s_code_shows_is_read(pipeline, inline):
    found = drug_finding(pipeline, word(inline))
    assert found.location.part == "域代码"


def test_a_field_s_code_does_not_part_the_words_around_it(pipeline):
    data = word(run(BAD[:6]) + field(" SET x 1 ") + run(BAD[6:]))
    assert read(data).original.startswith(LEAD + BAD)
    assert drug_finding(pipeline, data).location == AFTER_LEAD
    deleted = word(f"<w:del {TRACK}><w:r><w:instrText> QUOTE {BAD}</w:instrText></w:r></w:del>")
    assert read(deleted).original == LEAD


def test_a_field_code_in_a_header_is_read(pipeline):
    def build(document):
        header = document.sections[0].header.paragraphs[0]._p
        for element in _fragments(field(f" MACROBUTTON NoMacro {BAD} ")):
            header.append(element)
    assert drug_finding(pipeline, word(build=build)).location.part == "域代码"


# Twenty-second red-team pass: hidden runs between visible text parted, for the check, the
# words a reader sees joined (出<vanish>甲</vanish>售冰毒). The text is read again without them.
def _hidden(text: str) -> str:
    return f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{text}</w:t></w:r>"


def test_words_parted_by_hidden_runs_are_read_as_a_reader_sees_them(pipeline):
    inline = run("本人长期出") + _hidden("甲") + run("售冰") + _hidden("乙") + run("毒，加") + \
        _hidden("丙") + run("微信详聊。")
    found = drug_finding(pipeline, word(inline))
    assert found.location == Location(part="不含隐藏文字", paragraph=1,
                                      column=len(LEAD) + BAD.index(DRUG) + 1)
    assert read(word(inline)).original.startswith(LEAD + "本人长期出甲售冰乙毒")  # still read


def test_a_draft_without_hidden_runs_reads_as_before():
    assert read(word(run("本人") + run("开会。"))).original == LEAD + "本人开会。"
