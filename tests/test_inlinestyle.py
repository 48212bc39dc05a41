"""An element's own style attribute, read as a browser reads it: what hides its text, and
what only looks as if it did (a later declaration, text overflowing a zero-width box)."""

from __future__ import annotations

import json

import pytest

from review.inlinestyle import hides


@pytest.mark.parametrize("style", [
    "display:none", "display: none !important; display: block", "visibility:hidden",
    "visibility: collapse", "content-visibility: hidden", "opacity:.0", "opacity: 0e0",
    "opacity: 0%", "font-size: 0px", "font-size:0.0em", "font: 0/0 a", "font: 0 serif",
    "color: transparent", "color: rgba(0, 0, 0, 0)", "color: rgb(0 0 0 / 0%)", "color:#fff0",
    "color: #ffffff00", "-webkit-text-fill-color: transparent", "filter: opacity(0)",
    "transform: scale(0)", "width: 0; overflow: hidden", "max-height:0;overflow-y:clip",
    "dis\\70 lay: none", "display:/* a comment */none",
])
def test_what_hides_an_elements_text(style):
    assert hides(style)


@pytest.mark.parametrize("style", [
    "display: none; display: block",  # the last declaration wins
    "width: 0", "height: 0", "line-height: 0",  # the text overflows its box, and is seen
    "opacity: 0.5", "font: 12px/1.5 serif", "color: red", "color: #fff",
    "transform: scale(1)", "", "display: inline",
])
def test_what_only_looks_as_if_it_hid(style):
    assert not hides(style)


def test_the_hidden_attribute_is_undone_by_a_display():
    assert hides("", hidden_attribute=True)
    assert not hides("display: block", hidden_attribute=True)


def test_a_phrase_parted_by_text_hidden_in_any_spelling_is_found(cli, tmp_path):
    styles = ("dis\\70 lay:none", "font:0/0 a", "color:rgba(0,0,0,0)", "width:0")
    for n, style in enumerate(styles):
        (tmp_path / f"p{n}.html").write_text(
            f'<p>本人长期出<span style="{style}">甲</span>售冰毒。</p>\n', encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path))
    found = {r["path"].rsplit("/", 1)[-1]: [f["category"] for f in r["findings"]]
             for r in json.loads(result.stdout)["files"]}
    assert all("illegal" in found[f"p{n}.html"] for n in range(3)), found
    # a zero-width box shows its text overflowing: 甲 is seen, the words are not joined
    assert found["p3.html"] == []
