"""Red-team pass 46 on the reading of pages (docs/redteam/pass-46.md)."""

from __future__ import annotations

import json

import pytest


def _rules(cli, tmp_path, name: str, text: str) -> set[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path / name))
    return {f["rule"] for report in json.loads(result.stdout)["files"]
            for f in report["findings"]}


# I2: a line end in a page's source inside a paragraph is white space to a browser (and a
# soft break in Markdown): a reader sees 本店出售冰 毒 on one line, the check read two lines.
@pytest.mark.parametrize(("name", "text"), [
    ("a.html", "<p>本店出售冰\n毒，请联系。</p>\n"),
    ("a.html", "<p>本店出售冰\n  <b>毒</b>，请联系。</p>\n"),
    ("a.md", "本店出售冰\n毒，请联系。\n"),
    ("a.md", "- 本店出售冰\n  毒，请联系。\n"),
    ("a.md", "> 本店出售冰\n> 毒，请联系。\n")])
def test_a_line_end_inside_a_paragraph_does_not_part_the_words(cli, tmp_path, name: str,
                                                                text: str) -> None:
    assert "IL601" in _rules(cli, tmp_path, name, text)


@pytest.mark.parametrize("text", [
    "<pre>本店出售冰\n毒</pre>\n", '<p style="white-space: pre-line">本店出售冰\n毒</p>\n',
    "<textarea>本店出售冰\n毒</textarea>\n"])
def test_a_line_end_a_page_keeps_still_ends_the_line(text: str) -> None:
    from review.markup import html_view

    assert "冰毒" not in html_view(text).text.replace(" ", "")
    assert "冰\n毒" in html_view(text).text


@pytest.mark.parametrize("text", [
    "本店出售冰\n- 毒\n", "本店出售冰\n# 毒\n", "# 本店出售冰\n毒\n", "本店出售冰  \n毒\n",
    "本店出售冰\\\n毒\n", "本店出售冰\n\n毒\n", "| 冰 |\n| 毒 |\n", "```\n冰\n毒\n```\n",
    "1. 冰\n2. 毒\n", "> 冰\n\n毒\n", "冰\n===\n毒\n", "    冰\n    毒\n"])
def test_a_markdown_line_end_a_reader_sees_still_ends_the_line(text: str) -> None:
    from review.markup import markdown_view

    assert "冰 毒" not in markdown_view(text).text


# I3 (pass 45 H7 open): a shortcut (`![r]`) or collapsed (`![r][]`) reference image inside a
# word; a definition inside a block quote or a list item.
@pytest.mark.parametrize("text", [
    "本店出售冰![r]毒，请联系。\n\n[r]: dot.png\n",
    "本店出售冰![r][]毒，请联系。\n\n[r]: dot.png\n",
    "本店出售冰[][r]毒，请联系。\n\n> [r]: http://x.cn\n",
    "本店出售冰[][r]毒，请联系。\n\n- [r]: http://x.cn\n",
    "本店出售冰![][r]毒，请联系。\n\n1. > [r]: dot.png\n"])
def test_a_reference_image_or_definition_in_a_container_does_not_part_words(
        cli, tmp_path, text: str) -> None:
    assert "IL601" in _rules(cli, tmp_path, "a.md", text)


# I5: a box-drawing line drawn as 一 (微商─手货源 reads 微商一手货源) was noise to the check.
@pytest.mark.parametrize("line", ["\u2500", "\u2501"])
def test_a_box_line_drawn_as_a_stroke_is_read_as_it(cli, tmp_path, line: str) -> None:
    assert "AD012" in _rules(cli, tmp_path, "a.txt", f"本店微商{line}手货源，欢迎咨询。\n")


# I7: more that a reader never sees between two characters of a Markdown paragraph: a
# <script>, <style> or <template> element (the HTML reader held), a line end written as a
# reference (&#10;, in HTML too), a line end after a tab.
@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "本店出售冰<script>x</script>毒，请联系。\n"),
    ("a.md", "本店出售冰<style>p{}</style>毒，请联系。\n"),
    ("a.md", "本店出售冰<template>x</template>毒，请联系。\n"),
    ("a.md", "本店出售冰&#10;毒，请联系。\n"),
    ("a.html", "<p>本店出售冰&#10;毒，请联系。</p>\n"),
    ("a.md", "本店出售冰\t\n毒，请联系。\n")])
def test_markup_no_reader_sees_inside_a_markdown_word_does_not_part_it(
        cli, tmp_path, name: str, text: str) -> None:
    assert "IL601" in _rules(cli, tmp_path, name, text)
