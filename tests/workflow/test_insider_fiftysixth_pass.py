"""Insider red-team pass 56 (docs/redteam/pass-56.md): the pictures a draft shows, bound to
its approval (docs/redteam/pictures.md), as a browser or a CommonMark renderer loads them.

Each attack is an editor's: a draft whose markup makes the reader's software load another
file than the one the check's parse finds and the submission binds. Before the fixes the
post was approved and released with a harmless picture bound, the file readers are shown was
replaced at will, and `review verify` still said "released"."""

from __future__ import annotations

import pytest
from workflow.team import CLEAN

OK = b"\x89PNG\r\n\x1a\n the picture the reviewer approved"
SHOWN = b"\x89PNG\r\n\x1a\n the picture readers are shown"
LATER = b"\x89PNG\r\n\x1a\n a picture put in after the release"


def _released(team, name: str, page: str, files: dict[str, bytes]) -> str:
    for picture, data in files.items():
        team.write(picture, data)
    path = team.write(name, page)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return path


def _replaced_is_refused(team, name: str, page: str, files: dict[str, bytes],
                         loaded: str) -> None:
    """The file the reader's software loads (`loaded`) is bound: replaced after the release,
    `verify` refuses the draft, naming it."""
    path = _released(team, name, page, files)
    assert "released" in team.ok("reviewer", "verify", path).stdout
    team.write(loaded, LATER)
    team.refused("reviewer", "verify", path, match=f"posts/{loaded}")


# F1: a browser keeps the first of two attributes of one name; the parse kept the last
@pytest.mark.parametrize("name, page", [
    ("a.html", '<p><img src="shown.png" src="ok.png" alt="图"></p>\n'),
    ("a.html", '<p><img src="shown.png"\n  SRC="ok.png" alt="图"></p>\n'),
    ("a.md", '\n<img src="shown.png" src="ok.png" alt="图">\n'),
])
def test_a_repeated_attribute_binds_the_first_as_a_browser_loads_it(team, name, page):
    _replaced_is_refused(team, name, CLEAN + page, {"ok.png": OK, "shown.png": SHOWN},
                         "shown.png")


# F2: a named reference without `;` before a letter, digit or `=` is no reference in an
# attribute (HTML) nor anywhere in a destination (CommonMark): the parse decoded it
@pytest.mark.parametrize("name, page", [
    ("a.html", '<p><img src="x&notit.png" alt="图"></p>\n'),
    ("a.md", '\n<img src="x&notit.png" alt="图">\n'),
    ("a.md", '\n![图](x&notit.png)\n'),
    ("a.md", '\n![图][r]\n\n[r]: x&notit.png\n'),
])
def test_a_reference_without_semicolon_is_read_as_the_reader_reads_it(team, name, page):
    _replaced_is_refused(team, name, CLEAN + page, {"x¬it.png": OK, "x&notit.png": SHOWN},
                         "x&notit.png")


def test_a_reference_with_semicolon_is_still_decoded(team):
    """The control: `&amp;` and `&#x2e;` are decoded in an attribute and a destination."""
    page = CLEAN + '\n<img src="a&amp;b&#x2e;png" alt="图">\n\n![图](c&amp;d.png)\n'
    _replaced_is_refused(team, "a.md", page, {"a&b.png": OK, "c&d.png": OK}, "a&b.png")


# F3: white space other than ASCII's (no-break space, ideographic space) ends no address for a
# browser, and is part of a CommonMark destination; the parse dropped it (HTML) or read no
# image at all (Markdown). Renderers differ (markdown-it trims it): refused at submit
@pytest.mark.parametrize("name, page", [
    ("a.html", '<p><img src="chart.png\u00a0" alt="图"></p>\n'),
    ("a.html", '<p><img src="\u3000chart.png" alt="图"></p>\n'),
    ("a.md", '\n![图](chart.png\u00a0)\n'),
    ("a.md", '\n![图](chart.png\u3000 "标题")\n'),
])
def test_an_address_with_other_white_space_is_refused_at_submit(team, name, page):
    team.write("chart.png", OK)
    team.write("chart.png\u00a0", SHOWN)
    team.write("\u3000chart.png", SHOWN)
    team.write("chart.png\u3000", SHOWN)
    path = team.write(name, CLEAN + page)
    team.usage_error("editor", "submit", path, match="white space")


def test_an_ascii_space_in_an_address_is_still_bound(team):
    _replaced_is_refused(team, "a.md", CLEAN + "\n![图](<图 1.png>)\n", {"图 1.png": OK},
                         "图 1.png")


# F4: percent-escapes that are no UTF-8 name a file by its bytes; the parse read them as U+FFFD
def test_an_address_escaping_other_bytes_than_utf8_is_refused_at_submit(team):
    team.write("x\ufffd.png", OK)
    path = team.write("a.html", CLEAN + '<p><img src="x%ff.png" alt="图"></p>\n')
    team.usage_error("editor", "submit", path, match="x%ff.png")
    team.lang = ""
    team.usage_error("editor", "submit", path, match="不是 UTF-8")


# F5: what an inline SVG loads besides <image>/<use>: a script's href, an animation of an
# href, a paint server, mask, filter, clip path, marker or cursor in a presentation attribute
@pytest.mark.parametrize("page, loaded", [
    ('<svg><script href="shown.js"></script></svg>', "shown.js"),
    ('<svg><script xlink:href="shown.js"></script></svg>', "shown.js"),
    ('<svg><image href="ok.png" width="9" height="9">'
     '<set attributeName="href" to="shown.png"/></image></svg>', "shown.png"),
    ('<svg><image href="ok.png" width="9" height="9"><animate attributeName="xlink:href" '
     'values="ok.png;shown.png" dur="1s"/></image></svg>', "shown.png"),
    ('<svg><rect width="9" height="9" fill="url(shown.svg#g)"/></svg>', "shown.svg"),
    ('<svg><rect width="9" height="9" mask="url(shown.png)"/></svg>', "shown.png"),
    ('<svg><rect width="9" height="9" filter="url(\'shown.svg#f\')"/></svg>', "shown.svg"),
])
def test_what_an_inline_svg_loads_is_bound(team, page, loaded, monkeypatch):
    if "<script" in page:  # refused at submission since pass 67: as submitted before
        monkeypatch.setattr("review.markup._note_script", lambda tag, values: None)
    files = {"ok.png": OK, "shown.js": SHOWN, "shown.png": SHOWN, "shown.svg": SHOWN}
    _replaced_is_refused(team, "a.html", CLEAN + "<p>" + page + "</p>\n", files, loaded)


def test_an_svg_fragment_of_the_page_itself_binds_nothing(team):
    """The control: `fill="url(#g)"` is a gradient of the page; nothing to bind or refuse."""
    page = CLEAN + '<p><svg><rect width="9" height="9" fill="url(#g)"/></svg></p>\n'
    path = _released(team, "a.html", page, {})
    assert "released" in team.ok("reviewer", "verify", path).stdout


# F6: <![CDATA[ outside SVG and MathML is a bogus comment a browser ends at its first `>`;
# the parse read the whole section as text, and the markup after that `>` loaded unbound
def test_markup_after_a_cdata_section_ended_by_a_browser_is_bound(team):
    page = CLEAN + '<p><![CDATA[ x><img src="shown.png" alt="图"> ]]></p>\n'
    _replaced_is_refused(team, "a.html", page, {"shown.png": SHOWN}, "shown.png")


# F7: a destination in <> may hold an escaped `\>` or `\<` (CommonMark): the parse ended it at
# the first `>` and read no image at all, or (a definition) another file
@pytest.mark.parametrize("page, files", [
    ("\n![图](<shown\\>x.png>)\n", {"shown>x.png": SHOWN}),
    ("\n![图](<shown\\<x.png>)\n", {"shown<x.png": SHOWN}),
    ("\n![图][r]\n\n[r]: <shown\\>x.png>\n", {"shown>x.png": SHOWN, "shown": OK}),
])
def test_an_escaped_angle_bracket_in_a_destination_is_read_as_commonmark_reads_it(
        team, page, files):
    loaded = next(name for name in files if name.startswith("shown") and name != "shown")
    _replaced_is_refused(team, "a.md", CLEAN + page, files, loaded)


# F8: `https:chart.png` on an https page is the relative address chart.png (URL's "special
# relative or authority" state), which the parse listed as remote, binding nothing
@pytest.mark.parametrize("address", ["https:chart.png", "HTTP:chart.png",
                                     "https:\\posts\\chart.png", "http:/posts/chart.png"])
def test_an_address_with_the_pages_scheme_and_no_host_is_bound_as_local(team, address):
    page = CLEAN + f'<p><img src="{address}" alt="图"></p>\n'
    _replaced_is_refused(team, "a.html", page, {"chart.png": OK}, "chart.png")


def test_an_address_with_a_host_is_still_remote(team):
    page = CLEAN + '<p><img src="https:\\\\cdn.example.com/a.png" alt="图"></p>\n'
    path = _released(team, "a.html", page, {})
    assert "released" in team.ok("reviewer", "verify", path).stdout


# F9: `<meta http-equiv="refresh" content="0; url=…">` puts another page in the post's place
# at once: readers are shown that page, not the approved one — bound as a frame's page is
@pytest.mark.parametrize("content", ["0; url=shown.html", "0;URL='shown.html'",
                                     " 1 , url = shown.html"])
def test_the_page_a_refresh_replaces_the_post_with_is_bound(team, content):
    # a picture: a refresh to a local page is refused since pass 70 (its words are not read)
    page = CLEAN + f'<meta http-equiv="Refresh" content="{content}">\n<p>见下页。</p>\n'
    _replaced_is_refused(team, "a.html", page.replace("shown.html", "shown.png"),
                         {"shown.png": b"\x89PNG\r\n\x1a\n next"}, "shown.png")


def test_a_refresh_of_the_page_itself_binds_nothing(team):
    page = CLEAN + '<meta http-equiv="refresh" content="300">\n'
    path = _released(team, "a.html", page, {})
    assert "released" in team.ok("reviewer", "verify", path).stdout


# F10: Markdown a CommonMark renderer reads as an image where the check's parse read code or
# text — no picture bound at all, or another file
@pytest.mark.parametrize("page, loaded", [
    # a line indented under a paragraph's: its lazy continuation, no code block
    ("\n各区供水正常。\n    ![图](shown.png)\n", "shown.png"),
    ('\n各区供水正常。\n    <img src="shown.png" alt="图">\n', "shown.png"),
    # alt text over two lines
    ("\n![全区\n示意图](shown.png)\n", "shown.png"),
    # the destination on a line of its own
    ("\n![图](\nshown.png\n)\n", "shown.png"),
    # an escaped `)` in the destination (the parse bound ok.png: `shown\` read as a folder)
    ("\n![图](ok.png\\))\n", "ok.png)"),
    # a definition's destination on the line after its label
    ("\n![图][r]\n\n[r]:\n  shown.png\n", "shown.png"),
])
def test_an_image_commonmark_reads_where_the_parse_reads_code_or_text_is_bound(
        team, page, loaded):
    files = {"ok.png": OK, "ok.png)": SHOWN, "shown.png": SHOWN}
    _replaced_is_refused(team, "a.md", CLEAN + page, files, loaded)


def test_image_markup_in_code_naming_no_file_is_not_refused(team):
    """The control: a code block showing how to write a picture, whose file does not exist,
    binds nothing and is no reason to refuse the draft."""
    page = CLEAN + "\n示例：\n\n```\n![图](示例.png)\n<img src=\"示例2.png\">\n```\n"
    path = _released(team, "a.md", page, {})
    assert "released" in team.ok("reviewer", "verify", path).stdout
    team.write("示例.png", LATER)  # such a file there now: a renderer may show it — refused
    team.refused("reviewer", "verify", path, match="posts/示例.png")


# F11: markup a browser reads where the check's parse reads raw text, and <image> outside SVG
# (HTML's tree builder makes it an <img>)
@pytest.mark.parametrize("name, page", [
    ("a.html", '<p><image src="shown.png" alt="图"></p>\n'),
    ("a.html", '<p><svg><style><img src="shown.png" alt="图"></style></svg></p>\n'),
    ("a.html", '<p><svg><script><img src="shown.png" alt="图"></script></svg></p>\n'),
    ("a.html", '<p><math><xmp><img src="shown.png" alt="图"></xmp></math></p>\n'),
    ("a.md", '\n<image src="shown.png" alt="图">\n'),
])
def test_an_image_in_what_the_parse_reads_as_raw_text_is_bound(team, name, page, monkeypatch):
    if "<script" in page:  # refused at submission since pass 67: as submitted before
        monkeypatch.setattr("review.markup._note_script", lambda tag, values: None)
    _replaced_is_refused(team, name, CLEAN + page, {"shown.png": SHOWN}, "shown.png")
