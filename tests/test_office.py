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
