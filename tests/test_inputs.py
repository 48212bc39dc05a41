"""The input kinds registry: one kind per suffix in any letter case, one reader per kind,
and every finding's location in the words a reader of that kind uses."""

import json
import shutil

import pytest
from conftest import DRAFTS
from office_samples import docx_bytes, pdf_bytes

from review import inputs
from review.document import Document
from review.findings import Finding
from review.loading import Source, discover, load
from review.location import Location

AD = "本店全网最低价，加微信 abc_shop888 下单。\n"
SAMPLES = {"text": AD.encode(), "markdown": b"# T\n\n[x](https://a.example.top/b)\n",
           "html": "<p>加微信 abc_shop888</p>".encode(),
           "docx": docx_bytes(["关于冬季防火的通知", AD.strip()]),
           "pdf": pdf_bytes([["关于冬季防火的通知", AD.strip()]])}
REFUSED = {"old-binary": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # an OLE file
           "mhtml": b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n"}


def test_every_kind_has_a_sample_here():
    assert set(SAMPLES) | set(REFUSED) == set(inputs.KINDS)


@pytest.mark.parametrize("name", sorted(inputs.KINDS))
def test_each_suffix_names_its_kind_in_any_letter_case(name):
    kind = inputs.named(name)
    assert kind.suffixes
    for suffix in kind.suffixes:
        for spelled in (suffix, suffix.upper(), suffix.title()):
            assert inputs.for_path(f"posts/draft{spelled}") is kind, spelled


def test_a_suffix_belongs_to_one_kind_only():
    suffixes = [s for kind in inputs.KINDS.values() for s in kind.suffixes]
    assert len(suffixes) == len(set(suffixes))
    clash = {**inputs.KINDS,
             "notes": inputs.InputKind("notes", (".txt",), "review.inputs.text:read")}
    with pytest.raises(ValueError, match=r"\.txt belongs to text and notes"):
        inputs._by_suffix(clash)
    upper = {"shout": inputs.InputKind("shout", (".MD",), "review.inputs.text:read")}
    with pytest.raises(ValueError, match="lower case"):
        inputs._by_suffix(upper)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_reader_turns_bytes_into_a_document_of_its_kind(name):
    doc = inputs.named(name).read(SAMPLES[name], "draft")
    assert isinstance(doc, Document) and doc.kind == name and doc.path == "draft"


def test_other_files_and_stdin_are_plain_text():
    assert inputs.for_path("notes.rst") is inputs.TEXT
    assert inputs.for_path(None) is inputs.TEXT
    with pytest.raises(ValueError, match="unknown input kind"):
        inputs.named("odt-but-not-yet")


def test_a_saved_page_is_recognised_by_its_tags_unless_its_suffix_says_otherwise():
    page = b"<html><body><p>\xe6\xad\xa3\xe6\x96\x87</p></body></html>"
    assert inputs.guess("saved", page).name == "html"
    assert inputs.guess("saved.TXT", page).name == "html"
    assert inputs.guess("saved.md", page).name == "markdown"
    assert inputs.guess("saved", "正文".encode()).name == "text"
    # saved as UTF-16 or GBK: the tags are read in the text the checker decodes
    for encoding in ("utf-16", "utf-32", "gb18030"):
        assert inputs.guess("saved", page.decode().encode(encoding)).name == "html", encoding


def test_directories_yield_every_registered_suffix_in_any_case(tmp_path):
    names = ["a.TXT", "b.Md", "c.HTML", "d.markdown", "e.png", "f.docx", "g"]
    for name in names:
        (tmp_path / name).write_text("正文", encoding="utf-8")
    found = sorted(s.path.name for s in discover([str(tmp_path)]))
    assert found == ["a.TXT", "b.Md", "c.HTML", "d.markdown", "f.docx"]


def test_an_upper_case_suffix_is_checked_as_its_kind(cli, tmp_path):
    shutil.copy(DRAFTS / "post.md", tmp_path / "POST.MD")
    shutil.copy(DRAFTS / "post.md", tmp_path / "post.md")
    upper = json.loads(cli("check", "--format", "json", str(tmp_path / "POST.MD")).stdout)
    lower = json.loads(cli("check", "--format", "json", str(tmp_path / "post.md")).stdout)
    assert upper["files"][0]["findings"] == lower["files"][0]["findings"] != []
    assert load(Source("POST.MD", tmp_path / "POST.MD")).kind == "markdown"


@pytest.mark.parametrize("draft", ["sample.txt", "post.md", "post.html"])
def test_text_kinds_locate_findings_by_line_and_column(cli, draft):
    text = (DRAFTS / draft).read_text(encoding="utf-8")
    data = json.loads(cli("check", "--format", "json", str(DRAFTS / draft)).stdout)
    findings = data["files"][0]["findings"]
    assert findings
    for f in findings:
        assert text[f["start"]:f["end"]] == f["text"]  # offsets into the decoded file
        line = text[:f["start"]].count("\n") + 1
        column = f["start"] - (text.rfind("\n", 0, f["start"]) + 1) + 1
        assert f["location"] == {"line": line, "column": column}
        assert (f["line"], f["column"]) == (line, column)


def test_a_document_assembled_from_parts_locates_findings_by_part(pipeline):
    """How Word and PDF drafts will say where a finding is: by the part it is in."""
    paragraphs = ["关于冬季防火的通知", "本店全网最低价，加微信 abc_shop888 下单。"]
    text = "\n".join(paragraphs)
    second = len(paragraphs[0]) + 1
    doc = Document("notice.docx", text, "text",
                   parts=[(0, Location(page=1, paragraph=1)),
                          (second, Location(page=1, paragraph=2))])
    result = pipeline.check(doc)
    handle = next(f for f in result.findings if f.rule == "AD501")
    at = paragraphs[1].index("abc_shop888") + 1  # the character inside the paragraph
    assert handle.location.to_dict() == {"page": 1, "paragraph": 2, "column": at}
    assert text[handle.start:handle.end] == "abc_shop888"
    assert doc.locate(0) == Location(page=1, paragraph=1, column=1)


def test_locations_read_as_a_reader_says_them():
    assert Location(line=3, column=7).label("zh") == "3:7"
    where = Location(page=2, paragraph=3)
    assert where.label("zh") == "第 2 页 第 3 段"
    assert where.label("en") == "page 2, paragraph 3"
    cell = Location(table=1, row=2, cell=3)
    assert cell.label("en") == "table 1, row 2, cell 3"
    assert cell.to_dict() == {"table": 1, "row": 2, "cell": 3}


def test_a_finding_recorded_before_locations_existed_gets_its_line_and_column():
    stored = {"rule": "AD501", "category": "ads", "gate": "policy", "severity": "block",
              "start": 4, "end": 8, "line": 1, "column": 5, "end_line": 1, "end_column": 9,
              "text": "abcd", "message": "m"}
    assert Finding.from_dict(stored).location == Location(line=1, column=5)
