"""Red-team pass 66: Word drafts whose readers see words the check read apart.

O1: alternative content (`mc:AlternateContent`): Word shows one branch, the check read every
branch one after the other, so a character only in the branch Word leaves out parted the
words a reader sees joined (出<Fallback>甲</Fallback>售冰毒). Branches that say different
text are now refused; branches that say the same are read as before.

O2: a paragraph mark a reader does not see — a tracked deletion, hidden (`w:vanish`, a style
separator), or a drop cap's frame — runs its paragraph into the next; the check read the two
apart (本人长期出 ¶ 售冰毒). They are now read again joined (part 不含隐藏文字)."""

from __future__ import annotations

import pytest
from test_word_hidden import DRUG, read, run, word

from review.errors import InputError

_LEFT_OUT = "<w:t>甲</w:t>"


def _alternative(choice: str, fallback: str) -> str:
    return (f"<mc:AlternateContent><mc:Choice Requires='w14'>{choice}</mc:Choice>"
            f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>")


@pytest.mark.parametrize("middle", [
    "<w:r>" + _alternative("<w:t></w:t>", _LEFT_OUT) + "</w:r>",     # in a run
    "<w:r>" + _alternative(_LEFT_OUT, "") + "</w:r>",                 # Word 2007 shows none
    _alternative("", "<w:r>" + _LEFT_OUT + "</w:r>"),                 # around runs
])
def test_alternative_content_whose_branches_differ_is_refused(middle):
    data = word(run("本人长期出") + middle + run("售冰毒。"))
    with pytest.raises(InputError, match="mc:AlternateContent"):
        read(data)


def test_alternative_content_whose_branches_say_the_same_is_read():
    # as a text box's DrawingML and VML copies do: not refused, read
    data = word(run("本人长期") + _alternative("<w:r><w:t>出售冰毒</w:t></w:r>",
                                               "<w:r><w:t>出售冰毒</w:t></w:r>") + run("。"))
    assert DRUG in read(data).original


_MARKS = {
    "deleted": "<w:pPr><w:rPr><w:del w:id='9' w:author='x' "
               "w:date='2024-01-01T00:00:00Z'/></w:rPr></w:pPr>",
    "hidden": "<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>",
    "separator": "<w:pPr><w:rPr><w:vanish/><w:specVanish/></w:rPr></w:pPr>",
}


@pytest.mark.parametrize("mark", sorted(_MARKS))
def test_words_across_a_paragraph_mark_readers_do_not_see_are_read_joined(pipeline, mark):
    data = word(body=f"<w:p>{_MARKS[mark]}{run('本人长期出')}</w:p><w:p>{run('售冰毒。')}</w:p>")
    doc = read(data)
    found = [f for f in pipeline.check(doc).findings if doc.original[f.start:f.end] == DRUG]
    assert [f.location.part for f in found] == ["不含隐藏文字"]
    assert "本人长期出\n售冰毒" in doc.original  # still read where the file holds them


def test_a_drop_cap_is_read_with_its_paragraph(pipeline):
    data = word(body="<w:p><w:pPr><w:framePr w:dropCap='drop' w:lines='3'/></w:pPr>"
                     f"{run('出')}</w:p><w:p>{run('售冰毒，请联系。')}</w:p>")
    doc = read(data)
    assert any(doc.original[f.start:f.end] == DRUG for f in pipeline.check(doc).findings)


def test_a_seen_paragraph_mark_parts_paragraphs(pipeline):
    data = word(body=f"<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>{run('本人长期出')}</w:p>"
                     f"<w:p>{run('售冰毒。')}</w:p>")
    doc = read(data)
    assert "不含隐藏文字" not in {where.part for _, where in doc.parts}


def _field(result: str, dirty: bool, simple: bool = False) -> str:
    """A field that shows nothing once Word updates it (SET), saved showing `result`."""
    flag = " w:dirty='true'" if dirty else ""
    if simple:
        return f"<w:fldSimple w:instr='SET x \"\"'{flag}>{run(result)}</w:fldSimple>"
    return (f"<w:r><w:fldChar w:fldCharType='begin'{flag}/></w:r>"
            "<w:r><w:instrText xml:space='preserve'> SET x \"\" </w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
            f"{run(result)}<w:r><w:fldChar w:fldCharType='end'/></w:r>")


@pytest.mark.parametrize("simple", [False, True])
def test_a_field_word_recomputes_is_read_as_it_will_show(pipeline, simple):
    """O4 (closed after the pass): a field flagged dirty is updated when Word opens the file;
    its saved result (甲) is not what readers see, and it parted 出 from 售冰毒 for the
    check. The paragraph is read again without it (part 不含隐藏文字)."""
    data = word(run("本人长期出") + _field("甲", dirty=True, simple=simple) + run("售冰毒。"))
    doc = read(data)
    found = [f for f in pipeline.check(doc).findings if doc.original[f.start:f.end] == DRUG]
    assert [f.location.part for f in found] == ["不含隐藏文字"]
    assert "出甲售冰毒" in doc.original  # the saved result still read where it stands


def test_a_field_word_shows_as_saved_is_read_as_saved(pipeline):
    data = word(run("本人长期出") + _field("甲", dirty=False) + run("售冰毒。"))
    doc = read(data)
    assert not [f for f in pipeline.check(doc).findings if doc.original[f.start:f.end] == DRUG]
    assert "不含隐藏文字" not in {where.part for _, where in doc.parts}
