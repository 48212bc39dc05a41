"""Red-team pass 52: Markdown a reader (CommonMark, GitHub) is shown that the check hid or
parted (reading 7).

Each draft shows 本人长期出售冰毒 to a reader of the rendered page; the check must find it. The
honest counterparts keep a comment, a definition and a reference's label hidden."""

import pytest

from review.markup import markdown_view, reading_as

BAD = "本人长期出售冰毒"


def _blocked(tmp_path, text: str) -> bool:
    """Whether `review check` of the draft finds the banned phrase (IL601, exit 1)."""
    import subprocess
    import sys

    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "review", "check", str(path)],
                          capture_output=True, text=True, cwd=tmp_path)
    return done.returncode == 1 and "IL601" in done.stdout


# N1: `[label]:` with no destination is no definition but a paragraph
@pytest.mark.parametrize("text", [
    f"通知如下。\n\n[{BAD}]:\n",
    f"通知如下。\n\n[{BAD}]: \t\n",
    f"[详见][{BAD}]\n\n[{BAD}]:\n",
    f"[r]: /x\n[{BAD}]:\n",
])
def test_a_definition_with_no_destination_is_read(text):
    assert BAD in markdown_view(text).text
    with reading_as(6):
        assert BAD not in markdown_view(text).text


def test_a_definition_with_a_destination_stays_hidden():
    assert BAD not in markdown_view(f"[详见][{BAD}]\n\n[{BAD}]: <>\n").text
    assert BAD not in markdown_view(f"通知如下。\n\n[{BAD}]: /x\n").text


# N2: `[label]` after a reference's label is a link of its own, its text shown
def test_a_label_after_a_references_label_is_read():
    text = f"[a]: /x\n\n[详见][a][{BAD}]\n\n[{BAD}]: /y\n"
    assert BAD in markdown_view(text).text
    with reading_as(6):
        assert BAD not in markdown_view(text).text
    # [详见][][出售…] the same, and a label after an undefined one still names its link
    assert BAD in markdown_view(f"[详见][][{BAD}]\n\n[详见]: /x\n[{BAD}]: /y\n").text
    assert BAD not in markdown_view(f"[详见][a][{BAD}]\n\n[{BAD}]: /y\n").text


# N3: a bracket inside a tag opens no link text
def test_a_bracket_inside_a_tag_opens_no_link():
    text = f'<a href="[">x</a>][{BAD}]\n\n[{BAD}]: /x\n'
    assert BAD in markdown_view(text).text
    with reading_as(6):
        assert BAD not in markdown_view(text).text


# N4: `<!--` in one paragraph and `-->` past its end is no comment to CommonMark
@pytest.mark.parametrize("text", [
    f"通知<!--\n\n{BAD}\n\n-->\n",
    f"通知<!--\n# {BAD}\n-->\n",
    f"通知<!--\n- {BAD}\n-->\n",
    f"通知<!--\n> {BAD}\n-->\n",
    f"通知<!--\n```\n{BAD}\n```\n-->\n",
    f"- 通知<!--\n\n  {BAD} -->\n",
    f"# 通知<!--\n{BAD} -->\n",
])
def test_a_comment_past_its_paragraph_hides_nothing(text):
    assert BAD in markdown_view(text).text
    with reading_as(6):
        assert BAD not in markdown_view(text).text


@pytest.mark.parametrize("text", [
    f"请看<!-- {BAD}\n说明 -->正文\n",
    f"> 请看<!--\n> {BAD} -->\n",
    f"- 请看<!--\n  {BAD} -->\n",
    f"请看<!--\n{BAD}\n2. 说明 -->\n",
    f"<!--\n\n{BAD}\n\n-->\n",  # an HTML block: a comment to its end, blank lines and all
])
def test_a_comment_inside_its_paragraph_stays_hidden(text):
    assert BAD not in markdown_view(text).text


# N5: a processing instruction, a declaration, a CDATA section: a bogus comment to a browser
@pytest.mark.parametrize("html", ["<?x?>", "<!X >", "<![CDATA[x]]>", "<?a\nb?>"])
def test_a_bogus_comment_parts_no_words(tmp_path, html):
    assert _blocked(tmp_path, f"本人长期出售{html}冰毒\n")


def test_a_bogus_comment_shows_what_follows_its_first_close():
    assert "冰毒" in markdown_view("请看<?a>冰毒?>\n").text  # a browser ends it at `>`
    assert BAD in markdown_view(f"通知<?\n\n{BAD} ?>\n").text  # past its paragraph: text


# N6: a link's title and an inline tag's shown attribute part no words
@pytest.mark.parametrize("text", [
    '本人长期出售[](x "")冰毒\n',
    '本人长期出售[](x "说明")冰毒\n',
    '本人长期[出售](x "说明")冰毒\n',
    "本人长期出售[](x '说明')冰毒\n",
    '本人长期出售<span title="说明"></span>冰毒\n',
    "本人长期出售<span\ntitle='说明'></span>冰毒\n",
])
def test_a_title_parts_no_words(tmp_path, text):
    assert _blocked(tmp_path, text)
    assert "说明" not in text or "说明" in markdown_view(text).text  # still read, on its own


# W3: Word text in a theme's black (text1) on a black ground, or black on a theme's black
# fill: a theme's colour was no colour, so none was judged.
def test_word_text_in_a_themes_black_on_black_parts_no_words(pipeline):
    from test_pass50 import _defaults
    from test_word_unseen import _PARTED, _drug, _parted, _styled, word

    text1 = "<w:color w:val='000000' w:themeColor='text1'/>"
    for inline, build in (
            (_styled(text1 + "<w:highlight w:val='black'/>"), None),
            (_styled("<w:shd w:val='clear' w:fill='000000'/>"), _defaults(text1)),
            (_styled("<w:color w:val='000000'/>"
                     "<w:shd w:val='clear' w:fill='000000' w:themeFill='text1'/>"), None)):
        data = word(_parted(inline), build=build) if build else word(_parted(inline))
        assert _drug(pipeline, data) == [_PARTED], inline


def test_word_text_in_a_shaded_themes_black_on_black_is_not_judged(pipeline):
    from test_word_unseen import _drug, _parted, _styled, word

    grey = "<w:color w:val='808080' w:themeColor='text1' w:themeTint='80'/>"
    assert _drug(pipeline, word(_parted(_styled(grey + "<w:highlight w:val='black'/>")))) == []


# P2: PDF `sc` with more operands than its space has components: viewers take the first ones
# (red on red), the check judged no colour at all.
@pytest.mark.parametrize("setup", [
    "/C0 cs 1 0 0 sc 130 725 16 16 re f /C0 cs 1 0 0 0 sc",
    "1 0 0 rg 130 725 16 16 re f /C0 cs 1 0 0 0 sc",
    "/C0 cs 1 0 0 0 sc 130 725 16 16 re f 1 0 0 rg",
    "/C1 cs 0.5 0.5 sc 130 725 16 16 re f 0.5 g",
])
def test_pdf_sc_with_too_many_operands_on_a_ground_of_its_colour_parts_no_words(setup):
    from test_pass50 import _calibrated
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted(setup), _calibrated))
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"


def test_pdf_sc_with_too_many_operands_of_another_colour_is_seen():
    from test_pass50 import _calibrated
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted("1 0 0 rg 130 725 16 16 re f /C0 cs 0 0 1 1 sc"),
                         _calibrated))
    assert "不可见文字" not in parts
