"""`review check --annotate` and `review fix` on Word drafts: comments where an editor works,
anchored to the exact text of each finding, and typo corrections made inside runs — read back
with python-docx as Word would show them."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from office_samples import docx_bytes, pdf_bytes

TITLE = "关于开展冬季消防安全检查的通知"
# 再接再励 (EX1001) and 加微信 (AD001) each straddle a bold run; abc_shop888 is AD501
MIXED = [("各单位要再接", ""), ("再励，请加", "bold"), ("微信 abc_shop888 领取。", "")]


def paragraph_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs] + cells


def parts(data: bytes) -> list[str]:
    return sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())


def characters(data: bytes) -> list[list[tuple[str, bool | None]]]:
    """Each body paragraph's characters with their boldness: formatting a reader sees."""
    document = docx.Document(io.BytesIO(data))
    return [[(ch, r.bold) for r in p.iter_inner_content() if hasattr(r, "bold")
             for ch in r.text] for p in document.paragraphs]


def comments(data: bytes) -> list[tuple[str, str, str]]:
    """(comment text, the text between its range markers, where that text is: "body" or
    "cell") for every comment, in the order they were added."""
    document = docx.Document(io.BytesIO(data))
    anchored: dict[str, list[str]] = {}
    where: dict[str, str] = {}
    open_ids: list[str] = []
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.append(element.get(qn("w:id")))
            anchored[open_ids[-1]] = []
            where[open_ids[-1]] = "cell" if list(element.iterancestors(qn("w:tc"))) else "body"
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.remove(element.get(qn("w:id")))
        elif element.tag == qn("w:r"):
            for comment_id in open_ids:
                anchored[comment_id].append(element.text)
    return [(c.text, "".join(anchored[str(c.comment_id)]), where[str(c.comment_id)])
            for c in document.comments]


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "通知.docx"
    path.write_bytes(docx_bytes([TITLE, MIXED, [("迫不急待地", ""), ("出发。", "bold")]],
                                table=[["单位", "进度"], ["某局", "截止目前已完成"]],
                                header="全网最低价"))
    return path


def findings(cli, *args):
    result = cli("check", "--format", "json", *args)
    return result, json.loads(result.stdout)["files"][0]["findings"]


def test_each_finding_is_a_comment_on_its_own_text(cli, draft, tmp_path):
    before = draft.read_bytes()
    plain, found = findings(cli, str(draft))
    out = tmp_path / "批注.docx"
    annotated, again = findings(cli, str(draft), "--annotate", str(out))
    # the report and its exit code are those of the check without --annotate
    assert annotated.exit_code == plain.exit_code == 1 and annotated.stdout == plain.stdout
    assert draft.read_bytes() == before
    written = out.read_bytes()
    made = comments(written)
    assert len(made) == len(found)
    assert {"EX1001", "AD001", "AD501", "EX1004", "EX2001", "AD009"} <= \
        {f["rule"] for f in found}
    for finding, (text, anchored, where) in zip(found, made, strict=True):
        assert finding["rule"] in text and finding["message"] in text
        assert finding["suggestion"] in text
        if "part" in finding["location"]:  # the header's: on the first paragraph
            assert anchored == TITLE and "页眉" in text
        else:
            assert anchored == finding["text"], finding["rule"]
            assert where == ("cell" if "table" in finding["location"] else "body")
    assert any(t.startswith("阻断 · 商业广告和链接 · 政策关 · AD501") for t, _, _ in made)
    # the text is the draft's and each character keeps its formatting, split runs included
    assert paragraph_texts(written) == paragraph_texts(before)
    assert parts(written) == sorted([*parts(before), "word/comments.xml"])
    assert characters(written) == characters(before)
    assert [r.bold for r in docx.Document(io.BytesIO(written)).paragraphs[1].runs
            if r.text == "再励"] == [True]


def test_a_finding_where_word_takes_no_comment_is_said_on_the_first_paragraph(cli, draft,
                                                                              tmp_path):
    out = tmp_path / "out.docx"
    _, found = findings(cli, str(draft), "--annotate", str(out), "--lang", "en")
    header = next(f for f in found if f["location"].get("part") == "页眉")
    text, anchored, _ = comments(out.read_bytes())[found.index(header)]
    assert anchored == TITLE
    assert text.startswith("This finding is in the header") and "全网最低价" in text
    assert header["rule"] in text and "commercial ads and links" in text


def test_a_link_text_and_a_table_cell_carry_their_comments(cli, tmp_path):
    """A link's text is runs inside w:hyperlink, anchored like any; its target is no text in
    the document, so its finding goes to the first paragraph."""
    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes([TITLE, [("详情", ""), ("请加微信 abc_shop888", "link")]],
                                 table=[["截止目前，各单位要再接再励"]],
                                 link="https://shop.example.top/buy"))
    out = tmp_path / "out.docx"
    _, found = findings(cli, str(draft), "--annotate", str(out))
    made = comments(out.read_bytes())
    assert [(TITLE, "body") if "part" in f["location"] else
            (f["text"], "cell" if "table" in f["location"] else "body") for f in found] == \
        [(anchored, where) for _, anchored, where in made]
    assert ("abc_shop888", "body") in [(a, w) for _, a, w in made]
    assert any("此问题位于链接" in text for text, _, _ in made)
    assert paragraph_texts(out.read_bytes()) == paragraph_texts(draft.read_bytes())


@pytest.mark.parametrize("args", [["a.docx", "b.docx"], ["notes.txt"], ["folder"], ["-"]])
def test_annotate_takes_exactly_one_word_draft(cli, tmp_path, args):
    for name in ("a.docx", "b.docx"):
        (tmp_path / name).write_bytes(docx_bytes([TITLE]))
    (tmp_path / "notes.txt").write_text(TITLE, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    paths = [a if a == "-" else str(tmp_path / a) for a in args]
    result = cli("check", *paths, "--annotate", str(tmp_path / "out.docx"), "--lang", "en",
                 input=TITLE)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("review: --annotate takes exactly one .docx file: review check "
                             "draft.docx --annotate out.docx\n")
    assert not (tmp_path / "out.docx").exists()


def test_annotate_never_writes_over_the_draft(cli, draft):
    before = draft.read_bytes()
    result = cli("check", str(draft), "--annotate", str(draft))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "不能写回原稿" in result.stderr and draft.read_bytes() == before


def test_an_annotated_copy_that_cannot_be_written_is_one_line(cli, draft, tmp_path):
    result = cli("check", str(draft), "--annotate", str(tmp_path / "no" / "out.docx"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "out.docx: 无法写入" in result.stderr


# review fix


def test_fix_corrects_a_typo_inside_a_run_and_keeps_its_formatting(cli, tmp_path):
    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes([TITLE, [("各单位要", ""), ("再接再励", "bold"), ("。", "")]],
                                 table=[["截止目前已完成"]]))
    before = draft.read_bytes()
    result = cli("fix", "--in-place", str(draft))
    assert result.exit_code == 0
    fixed = docx.Document(str(draft))
    assert [(r.text, r.bold) for r in fixed.paragraphs[1].runs] == \
        [("各单位要", None), ("再接再厉", True), ("。", None)]
    assert fixed.tables[0].cell(0, 0).text == "截至目前已完成"
    assert fixed.paragraphs[0].text == TITLE
    assert "-各单位要再接再励。" in result.stderr and "+各单位要再接再厉。" in result.stderr
    assert parts(draft.read_bytes()) == parts(before)  # nothing added (no empty header)


def test_fix_writes_the_fixed_document_to_stdout_and_leaves_the_draft(cli, tmp_path):
    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes([TITLE, "各单位要再接再励。"]))
    before = draft.read_bytes()
    result = cli("fix", str(draft))
    assert result.exit_code == 0 and draft.read_bytes() == before
    assert paragraph_texts(result.stdout_bytes)[1] == "各单位要再接再厉。"


def test_fix_joins_runs_that_differ_in_nothing(cli, tmp_path):
    """Word often splits a word into runs of the same formatting (a spell check, an edit)."""
    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes([[("各单位要再接", "bold"), ("再励。", "bold")]]))
    assert cli("fix", "--in-place", str(draft)).exit_code == 0
    runs = docx.Document(str(draft)).paragraphs[0].runs
    assert "".join(r.text for r in runs) == "各单位要再接再厉。"
    assert all(r.bold for r in runs)


def test_fix_refuses_a_typo_across_formatting_and_leaves_the_file(cli, tmp_path):
    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes([TITLE, [("各单位要再接", ""), ("再励。", "bold")]]))
    before = draft.read_bytes()
    result = cli("fix", "--in-place", "--lang", "en", str(draft))
    assert result.exit_code == 1
    assert draft.read_bytes() == before
    refused = [line for line in result.stderr.splitlines() if line.startswith("review:")]
    assert refused == [f"review: {draft} paragraph 2, character 5: “再接再励” was not changed to "
                       "“再接再厉”: it spans differently formatted text or is not body text that "
                       "can be edited in place (a text box, a field, a formula…); correct it in "
                       "Word"]
    assert "0 fixed" in result.stderr


def test_fix_applies_the_others_when_one_is_refused(cli, tmp_path):
    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes([[("各单位要再接", ""), ("再励。", "bold")], "截止目前已完成。"]))
    result = cli("fix", "--in-place", str(draft))
    assert result.exit_code == 1 and "第 1 段 第 5 字" in result.stderr
    assert paragraph_texts(draft.read_bytes()) == ["各单位要再接再励。", "截至目前已完成。"]


def test_fix_never_writes_a_word_file_to_a_terminal(tmp_path):
    import os
    import subprocess
    import sys

    draft = tmp_path / "d.docx"
    draft.write_bytes(docx_bytes(["各单位要再接再励。"]))
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    leader, follower = os.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "review", "fix", str(draft)],
                                stdout=follower, stderr=subprocess.PIPE, cwd=tmp_path,
                                timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and b"--in-place" in result.stderr


def test_fix_refuses_a_pdf(cli, tmp_path):
    draft = tmp_path / "d.pdf"
    draft.write_bytes(pdf_bytes([["各单位要再接再励。"]]))
    before = draft.read_bytes()
    result = cli("fix", "--in-place", str(draft))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert draft.read_bytes() == before
