"""Red-team pass 50: Markdown a reader (CommonMark, GitHub) is shown that the check hid.

Each draft holds 本人长期出售冰毒 where a renderer shows it as text; the check must read it
(and find it). The honest counterparts keep a link's target and a definition hidden."""

import pytest

from review.markup import markdown_view, reading_as

BAD = "本人长期出售冰毒"


# M1: a definition-shaped line whose label CommonMark refuses is no definition but text
@pytest.mark.parametrize("label", [" ", "\t", "a\\", "a[b", "通知" * 500])
def test_a_definition_with_a_label_commonmark_refuses_is_read(label):
    text = f"通知如下。\n\n[{label}]: {BAD}\n"
    assert BAD in markdown_view(text).text
    with reading_as(5):  # as reading 5 hid it
        assert BAD not in markdown_view(text).text


@pytest.mark.parametrize("label", ["r", "a\\[b", "通知 一", "a\\\\"])
def test_a_definition_with_a_label_commonmark_takes_stays_hidden(label):
    assert BAD not in markdown_view(f"通知如下。\n\n[{label}]: {BAD}\n").text


def test_a_definition_under_one_with_a_refused_label_is_read():
    assert BAD in markdown_view(f"[ ]: /x\n[r]: {BAD}\n").text


# M2: a line of other white space than spaces and tabs is a paragraph's, no blank line
@pytest.mark.parametrize("space", ["\u3000", "\xa0", "\x0c", "\u2028"])
def test_a_definition_under_a_line_of_other_white_space_is_read(space):
    assert BAD in markdown_view(f"通知如下。\n{space}\n[r]: {BAD}\n").text


def test_a_definition_under_a_line_of_spaces_and_tabs_stays_hidden():
    assert BAD not in markdown_view(f"通知如下。\n \t\n[r]: {BAD}\n").text


# M3: Markdown inside an HTML block is raw HTML: a browser shows the link syntax as written
@pytest.mark.parametrize("text", [
    f"通知如下。\n\n<div>\n请看[详见]({BAD})。\n</div>\n",
    f"<div>请看[详见]({BAD})。</div>\n",
    f"<p>\n请看[详见]({BAD})。\n</p>\n",
    f"<table><tr><td>\n请看[详见]({BAD})。\n</td></tr></table>\n",
    f"通知如下。\n\n<span>\n请看[详见]({BAD})。\n</span>\n",
    f"<div>\n请看[详见][{BAD}]。\n</div>\n\n[{BAD}]: /x\n",
    f"通知如下。\n\n<pre>\n\n[r]: {BAD}\n</pre>\n",
    f"通知如下。\n\n<textarea>\n\n[r]: {BAD}\n</textarea>\n",
    f"> <div>\n> 请看[详见]({BAD})。\n",
])
def test_markdown_inside_an_html_block_is_read_as_written(text):
    assert BAD in markdown_view(text).text


@pytest.mark.parametrize("text", [
    f"<div>\n说明\n</div>\n\n请点击[这里](https://x.example/{BAD})报名\n",
    f"正文<span>说明</span>请点击[这里](https://x.example/{BAD})报名\n",
    f"<!--\n\n-->\n\n[r]: {BAD}\n",
    f"<script>\n\n[r]: {BAD}\n</script>\n",
])
def test_markdown_after_or_beside_html_keeps_its_links(text):
    assert BAD not in markdown_view(text).text


# M4: a fence closed only by its own kind at its own depth; ended with its quotation or item
@pytest.mark.parametrize("text", [
    f"通知如下。\n\n~~~\n> ~~~\n\n[r]: {BAD}\n~~~\n",
    f"通知如下。\n\n> ```\n```\n\n[r]: {BAD}\n```\n",
    f"- ```\nx\n```\n\n[r]: {BAD}\n",
    f"```\n~~~\n\n[详见]({BAD})\n```\n",
])
def test_a_definition_in_a_fence_a_reader_sees_open_is_read(text):
    assert BAD in markdown_view(text).text


@pytest.mark.parametrize("text", [
    f"```\ncode\n````\n\n[r]: {BAD}\n",
    f"> ```\n> a\n> ```\n\n[r]: {BAD}\n",
    f"- ```\n  a\n  ```\n\n[r]: {BAD}\n",
    f"```\n[a]({BAD})\n```\n\n[详见]({BAD})\n",
])
def test_a_definition_after_a_closed_fence_stays_hidden(text):
    # only what the fence shows as code is read
    assert markdown_view(text).text.count(BAD) == (1 if "[a](" in text else 0)


# M5: a label defined only where no definition is (a comment, a script, code): `[详见][label]`
# is then no link, and a reader is shown the label
@pytest.mark.parametrize("where", [
    "<!--\n{d}\n-->", "<script>\n{d}\n</script>", "> <!--\n> {d}\n> -->", "```\n{d}\n```",
    "<div>\n{d}\n</div>",
])
def test_a_label_defined_only_where_nothing_is_defined_is_read(where):
    text = f"请看[详见][{BAD}]。\n\n" + where.format(d=f"[{BAD}]: /x") + "\n"
    assert markdown_view(text).text.startswith(f"请看[详见][{BAD}]")


def test_a_label_defined_is_hidden():
    assert markdown_view(f"请看[详见][{BAD}]。\n\n[{BAD}]: /x\n").text.startswith("请看[详见]。")


def test_the_check_finds_what_each_attack_hid(tmp_path):
    import subprocess
    import sys

    for i, text in enumerate([f"通知如下。\n\n[ ]: {BAD}\n", f"通知如下。\n\u3000\n[r]: {BAD}\n",
                              f"<div>请看[详见]({BAD})。</div>\n",
                              f"通知如下。\n\n> ```\n```\n\n[r]: {BAD}\n```\n",
                              f"请看[详见][{BAD}]。\n\n<!--\n[{BAD}]: /x\n-->\n"]):
        path = tmp_path / f"d{i}.md"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "review", "check", str(path)],
                              capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 1 and "IL601" in done.stdout, text


# W1, W2: Word text the colour of a ground that the document's defaults or a paragraph
# style give it: only the run's own colour and its styles' were compared, on the run's own
# ground, its styles' run grounds and the paragraph's own shading.
def _defaults(xml: str):
    """The document's default run properties (w:docDefaults) given `xml`."""
    def build(document) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        defaults = document.styles.element.find(qn("w:docDefaults"))
        properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        properties.append(parse_xml(xml.replace("/>", f" {nsdecls('w')}/>")))
    return build


def _paragraph_style(xml: str):
    """A paragraph style "Pass50" whose paragraph properties hold `xml`, given to the first
    paragraph."""
    def build(document) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        style = document.styles.add_style("Pass50", WD_STYLE_TYPE.PARAGRAPH)
        style.element.get_or_add_pPr().append(parse_xml(xml.replace("/>", f" {nsdecls('w')}/>")))
        document.paragraphs[0].style = style
    return build


def test_word_text_on_a_ground_of_the_defaults_or_a_paragraph_style_parts_no_words(pipeline):
    from test_word_unseen import _PARTED, _drug, _parted, _styled, word

    red_shading = "<w:shd w:val='clear' w:fill='C00000'/>"
    for inline, build in (
            (_styled(red_shading), _defaults("<w:color w:val='C00000'/>")),
            (_styled("<w:color w:val='C00000'/>"), _defaults(red_shading)),
            (_styled("<w:color w:val='C00000'/>"), _paragraph_style(red_shading))):
        assert _drug(pipeline, word(_parted(inline), build=build)) == [_PARTED], inline


def test_word_text_on_another_ground_of_the_defaults_or_a_paragraph_style_is_seen(pipeline):
    from test_word_unseen import _drug, _parted, _styled, word

    red_shading = "<w:shd w:val='clear' w:fill='C00000'/>"
    for inline, build in (
            (_styled(red_shading + "<w:color w:val='auto'/>"),
             _defaults("<w:color w:val='C00000'/>")),
            (_styled("<w:shd w:val='clear' w:fill='FFFF00'/>"),
             _defaults("<w:color w:val='C00000'/>")),
            (_styled("<w:color w:val='C00000'/>"),
             _paragraph_style("<w:shd w:val='clear' w:fill='FFFF00'/>")),
            (_styled("<w:color w:val='000000'/>"), _paragraph_style(red_shading))):
        assert _drug(pipeline, word(_parted(inline), build=build)) == [], inline


# P1: PDF text on a ground of its own colour where either is drawn in a calibrated space
# (`[/CalRGB <<…>>]`, `[/CalGray <<…>>]`): those arrays gave no colour, so none was judged.
_BOX = "130 725 16 16 re f"


def _calibrated(writer, resources) -> None:
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    white = DictionaryObject({NameObject("/WhitePoint"): ArrayObject(
        [FloatObject(0.9505), FloatObject(1), FloatObject(1.089)])})
    resources[NameObject("/ColorSpace")] = DictionaryObject({
        NameObject("/C0"): ArrayObject([NameObject("/CalRGB"), white]),
        NameObject("/C1"): ArrayObject([NameObject("/CalGray"), white])})


@pytest.mark.parametrize("setup", [
    f"0 g {_BOX} /C0 cs 0 0 0 sc",
    f"/C1 cs 0 sc {_BOX} 0 g",
    f"/C0 cs 1 0 0 sc {_BOX} 1 0 0 rg",
])
def test_pdf_text_on_a_calibrated_ground_of_its_colour_parts_no_words(setup):
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted(setup), _calibrated))
    assert "本人长期出 售冰毒" in parts[None], setup
    assert parts["不可见文字"] == "甲\n"


@pytest.mark.parametrize("setup", [f"0 g {_BOX} /C0 cs 1 0 0 sc", f"/C1 cs 0 sc {_BOX} 1 g"])
def test_pdf_text_on_a_calibrated_ground_of_another_colour_is_seen(setup):
    from test_pdf_seen_attacks import _page, _parted, _parts

    parts = _parts(_page(_parted(setup), _calibrated))
    assert "本人长期出甲售冰毒" in parts[None], setup
    assert "不可见文字" not in parts
