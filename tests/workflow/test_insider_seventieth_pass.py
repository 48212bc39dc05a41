"""Red-team pass 70 (docs/redteam/pass-69.md, Q8): a Markdown or HTML draft that shows a
local page in a frame — `<iframe src="inner.html">`, `<object data="chart.svg">`, `<embed
src>` — had that page bound by its hash, but its words were never checked and the desk listed
it by name and hash only. A draft that frames a local document (anything but a picture or a
recording) binds nothing, as a scripted one (pass 67): refused at submission, approval and
release, and a release made before no longer verifies."""

from __future__ import annotations

import pytest
from workflow.team import CLEAN

SAYS = "<html><body><p>本店出售冰毒，加微信。</p></body></html>\n"
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
       '<text x="0" y="20">本店出售冰毒，加微信</text></svg>\n')
PAGE = ("<html><body><p>关于开展冬季消防安全检查的通知</p>"
        "<p>请各单位于12月10日前完成自查，并将结果报区应急管理局。</p>{}</body></html>\n")
PNG = b"\x89PNG\r\n\x1a\n a chart"
FRAMED = {
    "iframe": '<iframe src="inner.html"></iframe>',
    "iframe_query": '<iframe src="./inner.html?v=2#top" width="600"></iframe>',
    "frame": '<frameset><frame src="inner.html"></frameset>',
    "object_svg": '<object data="chart.svg" type="image/svg+xml"></object>',
    "object_html": '<object data="inner.html"></object>',
    "embed_svg": '<embed src="chart.svg">',
    "embed_text": '<embed src="note.txt">',
    # a PNG's first bytes under a page's name: the site serves it as a page
    "object_named_page": '<object data="fake.html" type="image/png"></object>',
    # a picture's name on a page's bytes: a browser sniffs a local file's
    "iframe_named_picture": '<iframe src="fake.png"></iframe>',
    "use": '<svg><use href="chart.svg#t"/></svg>',
    "refresh": '<meta http-equiv="refresh" content="0; url=inner.html">',
    # a frame in a srcdoc page
    "nested": '<iframe srcdoc="&lt;iframe src=&quot;inner.html&quot;&gt;&lt;/iframe&gt;">'
              "</iframe>",
    "pdf": '<embed src="notice.pdf" type="application/pdf">',
}


def _files(team):
    team.write("inner.html", SAYS)
    team.write("chart.svg", SVG)
    team.write("note.txt", "本店出售冰毒，加微信。\n")
    team.write("fake.html", PNG + "<p>本店出售冰毒，加微信。</p>".encode())
    team.write("fake.png", SAYS)
    team.write("notice.pdf", "%PDF-1.4\n% 本店出售冰毒\n".encode())
    team.write("chart.png", PNG)
    team.write("photo.jpg", b"\xff\xd8\xff\xe0 a photo")
    team.write("clip.mp4", b"\x00\x00\x00\x18ftypmp42 a recording")


@pytest.mark.parametrize("how", sorted(FRAMED))
def test_a_draft_that_frames_a_local_page_is_refused_at_submission(team, how):
    _files(team)
    page = team.write("a.html", PAGE.format(FRAMED[how]))
    team.usage_error("editor", "submit", page, match="in a frame")


@pytest.mark.parametrize("line", [
    '<iframe src="inner.html" width="100%" height="300"></iframe>',
    '<object data="chart.svg"></object>',
    # only the lenient reading finds it (a line indented under a paragraph)
    '正文一段\n    <iframe src="inner.html"></iframe>',
])
def test_a_markdown_draft_that_frames_a_local_page_is_refused(team, line):
    _files(team)
    path = team.write("a.md", CLEAN + "\n" + line + "\n")
    team.usage_error("editor", "submit", path, match="in a frame")


def test_the_refusal_is_one_line_in_chinese(team):
    _files(team)
    path = team.write("a.md", CLEAN + '\n<iframe src="inner.html"></iframe>\n')
    team.usage_error("editor", "submit", path, "--lang", "zh",
                     match="嵌入本地文件 posts/inner.html")


def _released_unnoticed(team, monkeypatch, how: str) -> str:
    """A framing draft submitted, approved and released as `review` did before it knew
    frames (its attestation is in the repository, or the store, already)."""
    _files(team)
    path = team.write("a.html", PAGE.format(FRAMED[how]))
    with monkeypatch.context() as before:
        before.setattr("review.markup._note_frame", lambda tag, values: None,
                       raising=False)  # absent before the fix
        item = team.submit("editor", path)
        team.ok("reviewer", "approve", str(item))
        team.ok("editor", "release", str(item))
        team.ok(None, "verify", path)
    return path


@pytest.mark.parametrize("how", ["iframe", "object_svg", "embed_text"])
def test_a_release_of_a_framing_draft_does_not_verify(team, monkeypatch, how):
    path = _released_unnoticed(team, monkeypatch, how)
    team.fails(1, None, "verify", path, match="in a frame")


def test_an_approval_and_a_release_of_a_framing_draft_are_refused(team, monkeypatch):
    _files(team)
    path = team.write("a.html", PAGE.format(FRAMED["iframe"]))
    with monkeypatch.context() as before:
        before.setattr("review.markup._note_frame", lambda tag, values: None,
                       raising=False)  # absent before the fix
        item = team.submit("editor", path)
        other = team.submit("editor", team.write("b.html", PAGE.format(FRAMED["object_svg"])))
        team.ok("reviewer", "approve", str(other))
    team.fails(1, "reviewer", "approve", str(item), match="in a frame")
    team.fails(1, "editor", "release", str(other), match="in a frame")


def test_control_pictures_recordings_and_remote_frames_still_pass(team):
    """Pictures (`<img>`, an `<object>` or `<embed>` of a raster image, an iframe of a
    photo), a recording, a video site's frame and a srcdoc page go through, released and
    verified."""
    _files(team)
    page = team.write("a.html", PAGE.format(
        '<img src="chart.png" alt="示意图"><object data="chart.png" type="image/png"></object>'
        '<embed src="photo.jpg"><iframe src="photo.jpg"></iframe>'
        '<embed src="clip.mp4" type="video/mp4"><video src="clip.mp4"></video>'
        '<iframe src="https://player.example.com/embed/123" allowfullscreen></iframe>'
        '<iframe srcdoc="&lt;p&gt;今天开会。&lt;/p&gt;"></iframe>'
        '<svg><use href="#t"/></svg>'))
    item = team.submit("editor", page)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    team.ok(None, "verify", page)
    path = team.write("b.md", CLEAN + "\n![示意图](chart.png)\n\n<img src=\"photo.jpg\">\n\n"
                      '<iframe src="//player.example.com/embed/9"></iframe>\n')
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    team.ok(None, "verify", path)


def test_a_srcdoc_page_is_still_read_by_the_check(team):
    """Pass 67: a frame's `srcdoc` page is read with the draft — its words are checked."""
    page = team.write("a.html", PAGE.format(
        '<iframe srcdoc="&lt;p&gt;本店出售冰毒，加微信&lt;/p&gt;"></iframe>'))
    result = team.run(None, "check", page, "--lang", "en")
    assert result.exit_code == 1 and "IL001" in result.output, result.output
