"""Red-team pass 67 (docs/redteam/pass-67.md): an editor's draft whose script writes on the
page what readers see. The check reads no script and the desk runs none, so nobody reviews
what it writes: such a draft binds nothing a reviewer saw, and is refused at submission, by
`review verify` and by `review ci`."""

from __future__ import annotations

import pytest
from workflow.team import CLEAN

PAGE = ("<html><body><p>关于开展冬季消防安全检查的通知</p>"
        "<p>请各单位于12月10日前完成自查，并将结果报区应急管理局。</p>{}</body></html>\n")
# 本店出售冰毒 in escapes: no word of it in the draft's text
WRITES = '"\\u672c\\u5e97\\u51fa\\u552e\\u51b0\\u6bd2"'
SCRIPTED = {
    "inline": f"<script>document.write({WRITES})</script>",
    "source": '<script src="app.js"></script>',
    "module": '<script type="module">import "./app.js"</script>',
    "handler": f'<img src="chart.png" onload="document.body.append({WRITES})">',
    "handler_upper": f'<body ONLOAD="document.body.append({WRITES})">',
    "address": f'<a href=" java&#x09;script:document.write({WRITES})">详情</a>',
    "svg": f'<svg><a xlink:href="javascript:alert({WRITES})"><text>详情</text></a></svg>',
    "animate": f'<svg><a><set attributeName="href" to="javascript:alert({WRITES})"/>'
               "<text>详情</text></a></svg>",
    # markup a browser reads where the check's parse reads raw text (pass 56 F11)
    "svg_style": f"<svg><style><script>document.write({WRITES})</script></style></svg>",
    "math_xmp": f'<math><xmp><img src="chart.png" onload="document.write({WRITES})"></xmp>'
                "</math>",
    "srcdoc": f'<iframe srcdoc="&lt;script&gt;document.write({WRITES})&lt;/script&gt;">'
              "</iframe>",
}


def _files(team):
    (team.root / "posts").mkdir(exist_ok=True)
    (team.root / "posts" / "app.js").write_text(f"document.write({WRITES})\n",
                                               encoding="utf-8")
    (team.root / "posts" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("how", sorted(SCRIPTED))
def test_a_draft_whose_script_writes_on_the_page_is_refused_at_submission(team, how):
    _files(team)
    path = team.write("a.html", PAGE.format(SCRIPTED[how]))
    team.usage_error("editor", "submit", path, match="script")


@pytest.mark.parametrize("tail", [
    f"\n<script>document.write({WRITES})</script>\n",
    # a line under a paragraph: a lazy continuation, HTML to a CommonMark renderer
    f'\n正文一段\n    <img src="chart.png" onload="document.write({WRITES})">\n',
])
def test_a_scripted_markdown_draft_is_refused_at_submission(team, tail):
    _files(team)
    path = team.write("a.md", CLEAN + tail)
    team.usage_error("editor", "submit", path, match="script")


def test_control_script_words_as_text_are_no_script(team):
    """Words about scripts, an event's name in text and a `javascript:` in a title run
    nothing: the draft goes through."""
    path = team.write("a.md", CLEAN + "\n本文介绍 onload 事件与 javascript: 地址的风险。\n")
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    team.ok(None, "verify", path)
    page = team.write("b.html", PAGE.format('<p title="javascript: 入门">onclick 属性</p>'))
    team.submit("editor", page)


def _released_unnoticed(team, monkeypatch, how: str) -> str:
    """A scripted draft submitted, approved and released as `review` did before it knew
    scripts (its attestation is in the repository, or the store, already)."""
    _files(team)
    path = team.write("a.html", PAGE.format(SCRIPTED[how]))
    with monkeypatch.context() as before:
        before.setattr("review.markup._note_script", lambda tag, values: None,
                       raising=False)  # absent before the fix
        item = team.submit("editor", path)
        team.ok("reviewer", "approve", str(item))
        team.ok("editor", "release", str(item))
        team.ok(None, "verify", path)
    return path


@pytest.mark.parametrize("how", ["inline", "source", "handler"])
def test_a_release_of_a_scripted_draft_does_not_verify(team, monkeypatch, how):
    path = _released_unnoticed(team, monkeypatch, how)
    result = team.run(None, "verify", path)
    assert result.exit_code == 1, result.output
    assert "runs a script" in result.stderr, result.stderr


def test_an_approval_of_a_scripted_draft_is_refused(team, monkeypatch):
    _files(team)
    path = team.write("a.html", PAGE.format(SCRIPTED["inline"]))
    with monkeypatch.context() as before:
        before.setattr("review.markup._note_script", lambda tag, values: None,
                       raising=False)  # absent before the fix
        item = team.submit("editor", path)
    team.fails(1, "reviewer", "approve", str(item), match="script")
