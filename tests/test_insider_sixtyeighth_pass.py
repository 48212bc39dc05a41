"""Red-team pass 68 (docs/redteam/pass-68.md): Word drafts whose readers see words the check
read apart, or text Word drops.

P5: settings' `w:updateFields` (Word updates every field when it opens the file): a field's
saved result parted the words a reader sees joined; each field is now read as one flagged
dirty. P6: an element of a namespace Word does not know, declared ignorable (`mc:Ignorable`):
Word drops it with what it holds; the walk read its runs. Refused. P7: a run raised or
lowered out of its line (`w:position`) or fitted into a width too narrow to read
(`w:fitText`): read as hidden text is, the paragraph read again without it. P8: a paragraph
mark a reader does not see before a content control, custom XML or a tracked insertion of
paragraphs (or at a control's end): the paragraphs are read joined, as pass 66 O2 joined
sibling paragraphs."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from test_word_hidden import DRUG, read, run, word

from review.errors import InputError

_DELETED = "<w:rPr><w:del w:id='9' w:author='x' w:date='2024-01-01T00:00:00Z'/></w:rPr>"


def _field(code: str, result: str, dirty: str = "") -> str:
    return (f"<w:r><w:fldChar w:fldCharType='begin'{dirty}/></w:r>"
            f"<w:r><w:instrText xml:space='preserve'> {code} </w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
            f"<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r>")


def _updating(data: bytes, value: str = "true") -> bytes:
    """The file with its settings asking Word to update the fields on opening."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/settings.xml":
                part = re.sub(rb"(<w:settings[^>]*>)",
                              rb"\1<w:updateFields w:val='" + value.encode() + b"'/>", part,
                              count=1)
            target.writestr(name, part)
    return out.getvalue()


def _drug(pipeline, data: bytes) -> list[str]:
    doc = read(data)
    return [f.location.part for f in pipeline.check(doc).findings
            if doc.original[f.start:f.end] == DRUG]


@pytest.mark.parametrize("code", ['SET x ""', 'QUOTE ""', 'IF 1 = 1 "" "甲"'])
def test_fields_word_updates_on_opening_are_read_as_they_will_show(pipeline, code):
    data = _updating(word(run("本人长期出") + _field(code, "甲") + run("售冰毒。")))
    assert _drug(pipeline, data) == ["不含隐藏文字"]


def test_fields_are_read_as_saved_when_the_settings_do_not_update_them(pipeline):
    data = _updating(word(run("本人长期出") + _field('SET x ""', "甲") + run("售冰毒。")),
                     "false")
    assert _drug(pipeline, data) == []
    assert "本人长期出甲售冰毒" in read(data).original


@pytest.mark.parametrize("inside", ["<x:foo>{}</x:foo>", "<x:foo><x:bar>{}</x:bar></x:foo>"])
def test_text_in_an_element_word_does_not_know_is_refused(inside):
    data = word(body="<w:p xmlns:x='urn:example:unknown' mc:Ignorable='x'>" + run("本人长期出")
                + inside.format(run("甲")) + run("售冰毒。") + "</w:p>")
    with pytest.raises(InputError, match="x:(foo|bar)"):
        read(data)


def test_elements_of_word_s_own_extensions_are_read():
    # w14 and the like: Word's own, declared ignorable in every file Word writes
    data = word(body="<w:p>" + run("本人长期出") + "<w:r><w:rPr><w14:ligatures w14:val='all'/>"
                "</w:rPr><w:t>售冰毒。</w:t></w:r></w:p>")
    assert "本人长期出售冰毒" in read(data).original


@pytest.mark.parametrize("properties", [
    "<w:position w:val='400'/>", "<w:position w:val='-200'/>",
    "<w:fitText w:val='1' w:id='5'/>",
])
def test_a_run_out_of_its_line_or_fitted_to_nothing_is_read_as_hidden(pipeline, properties):
    data = word(body="<w:p><w:pPr><w:spacing w:line='240' w:lineRule='exact'/></w:pPr>"
                + run("本人长期出") + f"<w:r><w:rPr>{properties}</w:rPr><w:t>甲</w:t></w:r>"
                + run("售冰毒。") + "</w:p>")
    assert _drug(pipeline, data) == ["不含隐藏文字"]


@pytest.mark.parametrize("properties", ["<w:position w:val='6'/>",
                                        "<w:fitText w:val='600' w:id='5'/>"])
def test_a_run_raised_a_little_or_fitted_to_a_readable_width_parts_words(pipeline, properties):
    data = word(body="<w:p>" + run("本人长期出") + f"<w:r><w:rPr>{properties}</w:rPr>"
                "<w:t>甲</w:t></w:r>" + run("售冰毒。") + "</w:p>")
    assert _drug(pipeline, data) == []


_AROUND = {
    "into a content control": ("<w:p><w:pPr>{mark}</w:pPr>{a}</w:p>"
                               "<w:sdt><w:sdtPr/><w:sdtContent><w:p>{b}</w:p></w:sdtContent>"
                               "</w:sdt>"),
    "out of a content control": ("<w:sdt><w:sdtContent><w:p><w:pPr>{mark}</w:pPr>{a}</w:p>"
                                 "</w:sdtContent></w:sdt><w:p>{b}</w:p>"),
    "into custom XML": ("<w:p><w:pPr>{mark}</w:pPr>{a}</w:p><w:customXml w:element='x'>"
                        "<w:p>{b}</w:p></w:customXml>"),
    "past a bookmark": ("<w:p><w:pPr>{mark}</w:pPr>{a}</w:p><w:bookmarkStart w:id='1' "
                        "w:name='b'/><w:p>{b}</w:p>"),
}


@pytest.mark.parametrize("mark", [_DELETED, "<w:rPr><w:vanish/></w:rPr>"])
@pytest.mark.parametrize("around", sorted(_AROUND))
def test_a_mark_readers_do_not_see_joins_the_next_paragraph_of_the_text(pipeline, around,
                                                                       mark):
    data = word(body=_AROUND[around].format(mark=mark, a=run("本人长期出"), b=run("售冰毒。")))
    assert _drug(pipeline, data) == ["不含隐藏文字"]


def test_a_seen_mark_before_a_content_control_parts_paragraphs(pipeline):
    data = word(body=_AROUND["into a content control"].format(
        mark="", a=run("本人长期出"), b=run("售冰毒。")))
    assert _drug(pipeline, data) == []
