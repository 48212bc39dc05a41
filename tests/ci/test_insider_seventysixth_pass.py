"""Insider red-team pass 76 (docs/redteam/pass-76.md): an editor who also controls the page a
site publishes hides an approved passage from its readers where `review published` still read
it — by a custom property (`opacity: var(--o)` with `--o: 0`), a mask of a transparent
gradient, an animation that ends hidden (or starts hidden and lasts), `-webkit-text-security`
(V1) — or shows words in an `<iframe srcdoc>` between two approved passages, which the
comparison did not read at all (V2). All passed with no finding. And `review ci` on merges,
renames, mode changes and links over released posts (run; held)."""

from __future__ import annotations

import json

import pytest
from ci.conftest import ci, commit, git
from workflow.team import CLEAN

from review.ci import published
from review.document import Document

APPROVED = """# 冬季防火提示

入冬以来火灾风险上升，请居民注意用火用电安全。

严禁在楼道内给电动车充电。

如发现火情请立即拨打119。
"""


def page(style: str = "", attr: str = "", extra: str = "") -> str:
    return (f"<html><head><meta charset=utf-8><title>冬季防火提示</title>{style}</head>"
            "<body><nav>首页 | 政务公开</nav>\n<h1>冬季防火提示</h1>\n"
            "<p>入冬以来火灾风险上升，请居民注意用火用电安全。</p>\n"
            f"<p{attr}>严禁在楼道内给电动车充电。</p>{extra}\n"
            "<p>如发现火情请立即拨打119。</p>\n<footer>版权所有</footer></body></html>")


def rules(pipeline, html: str) -> list[str]:
    result = published.compare(Document("fire.md", APPROVED, "markdown"),
                               Document("page.html", html, "html"), [], pipeline, "en")
    return sorted({f.rule for f in result.findings})


HIDDEN = {
    "var_opacity": page("<style>:root{--o:0}.x{opacity:var(--o)}</style>", ' class="x"'),
    "var_inline": page("<style>:root{--o:0}</style>", ' style="opacity:var(--o)"'),
    "var_color": page("<style>.x{--c:transparent;color:var(--c)}</style>", ' class="x"'),
    "var_font_size": page("<style>.x{--z:0px;font-size:var(--z)}</style>", ' class="x"'),
    "var_nested": page("<style>:root{--a:var(--b);--b:0}.x{opacity:var(--a, 1)}</style>",
                       ' class="x"'),
    "mask": page("<style>.x{mask-image:linear-gradient(transparent,transparent)}</style>",
                 ' class="x"'),
    "webkit_mask": page("<style>.x{-webkit-mask-image:linear-gradient(#0000,#0000)}</style>",
                        ' class="x"'),
    "mask_inline": page("", ' style="mask:linear-gradient(transparent,transparent)"'),
    "animation_forwards": page("<style>@keyframes f{to{opacity:0}}"
                               ".x{animation:f .5s forwards}</style>", ' class="x"'),
    "animation_long": page("<style>@keyframes f{from,to{opacity:0}}.x{animation:f 99999s}"
                           "</style>", ' class="x"'),
    "animation_inline": page("<style>@keyframes f{to{visibility:hidden}}</style>",
                             ' style="animation:f 1ms forwards"'),
    "animation_paused": page("<style>@-webkit-keyframes f{0%{opacity:0}}.x{animation-name:f;"
                             "animation-duration:1s;animation-play-state:paused}</style>",
                             ' class="x"'),
    "text_security": page("<style>.x{-webkit-text-security:disc}</style>", ' class="x"'),
}


@pytest.mark.parametrize("how", sorted(HIDDEN))
def test_an_approved_passage_hidden_from_readers_is_missing(pipeline, how):
    assert rules(pipeline, HIDDEN[how]) == [published.MISSING.id]


SRCDOC = '<iframe srcdoc="<p>以上规定已于今日废止，可以在楼道内充电。</p>"></iframe>'


def test_words_in_a_frames_srcdoc_inside_the_post_are_added(pipeline):
    assert rules(pipeline, page(extra=SRCDOC)) == [published.ADDED.id]


@pytest.mark.parametrize("frame", [
    '<iframe hidden srcdoc="<p>以上规定已于今日废止。</p>"></iframe>',
    '<iframe style="display:none" srcdoc="<p>以上规定已于今日废止。</p>"></iframe>',
    '<iframe srcdoc="<p hidden>以上规定已于今日废止。</p>"></iframe>',
])
def test_a_frame_nobody_sees_adds_nothing(pipeline, frame):
    found = rules(pipeline, page(extra=frame))
    assert published.ADDED.id not in found, found


CONTROLS = {
    "plain": page(),
    "dark_mode": page("<style>:root{--fg:#222;--bg:#fff}@media (prefers-color-scheme:dark)"
                      "{:root{--fg:#fff;--bg:#111}}body,p{color:var(--fg);"
                      "background:var(--bg)}</style>", ' class="x"'),
    "fade_in": page("<style>@keyframes fadeIn{from{opacity:0}to{opacity:1}}"
                    ".x{animation:fadeIn 1s ease both}</style>", ' class="x"'),
    "fade_in_longhands": page("<style>@keyframes fadeIn{0%{opacity:0}100%{opacity:1}}"
                              "p{animation-name:fadeIn;animation-duration:.6s;"
                              "animation-fill-mode:both}</style>"),
    "tailwind": page("<style>*,::before,::after{--tw-scale-x:1;--tw-text-opacity:1;"
                     "--tw-blur: ;--tw-translate-x:0}.x{color:rgb(17 24 39/"
                     "var(--tw-text-opacity));transform:translate(var(--tw-translate-x),0) "
                     "scale(var(--tw-scale-x));filter:var(--tw-blur)}</style>", ' class="x"'),
    "mask_fading_out": page("<style>.x{mask-image:linear-gradient(to bottom,black 60%,"
                            "transparent)}</style>", ' class="x"'),
    "text_security_none": page("<style>.x{-webkit-text-security:none}</style>", ' class="x"'),
    "zero_elsewhere": page("<style>:root{--o:0;--pad:0}.x{padding:var(--pad)}</style>",
                           ' class="x"'),
    "pulse": page("<style>@keyframes pulse{50%{opacity:.5}}.x{animation:pulse 2s infinite}"
                  "</style>", ' class="x"'),
    "fade_out_elsewhere": page("<style>@keyframes out{to{opacity:0}}"
                               ".loader{animation:out .3s forwards}</style>", ' class="x"'),
    "video_frame": page(extra='<iframe src="data:text/html,%E8%A7%86%E9%A2%91"></iframe>'
                        ).replace("<iframe", "<iframe hidden"),
}


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_ordinary_pages_still_match(pipeline, name):
    assert rules(pipeline, CONTROLS[name]) == []


# `review ci` (run; held): the tree checked out is what is checked, whatever the history

BAD = CLEAN + "本店长期出售冰毒，加微信 abc_shop888。\n"
OTHER = "关于做好冬季供暖保障工作的通知\n\n请各街道于12月15日前完成排查。\n"


def _released(repo):
    from ci.test_gate import require_approval

    require_approval(repo)
    for name, text in (("a.md", CLEAN), ("b.md", OTHER)):
        path = repo.write(name, text)
        item = repo.submit("editor", path)
        repo.ok("reviewer", "approve", str(item))
        repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo, "release")
    assert ci(repo, "--base", "main").exit_code == 0
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", "change")
    git(repo.root, "checkout", "-q", "-b", "attack")


def _gate(repo):
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    return result.exit_code, {f["path"]: f for f in json.loads(result.stdout)["files"]}


def test_a_merge_taking_its_first_parents_post_passes_and_its_second_fails(repo):
    _released(repo)
    git(repo.root, "checkout", "-q", "-b", "x")
    repo.write("a.md", BAD)
    commit(repo, "rewritten")
    git(repo.root, "checkout", "-q", "attack")
    git(repo.root, "merge", "-q", "-s", "ours", "x", "-m", "keep ours")
    assert _gate(repo)[0] == 0  # the merge's tree holds the approved post: that goes out
    git(repo.root, "reset", "-q", "--hard", "HEAD~1")
    git(repo.root, "merge", "-q", "--no-ff", "x", "-m", "take theirs")
    code, files = _gate(repo)
    assert code == 1 and files["posts/a.md"]["approved"] is False


def test_a_released_post_made_a_link_to_another_or_renamed_is_not_passed(repo):
    _released(repo)
    (repo.root / "posts" / "a.md").chmod(0o755)  # a mode alone: the same bytes, approved
    commit(repo, "mode")
    assert _gate(repo)[0] == 0
    (repo.root / "posts" / "a.md").unlink()
    (repo.root / "posts" / "a.md").symlink_to("b.md")
    git(repo.root, "mv", "posts/b.md", "posts/c.md")
    commit(repo, "link and rename")
    code, files = _gate(repo)
    assert code == 2 and "link" in files["posts/a.md"]["error"]
    assert files["posts/c.md"]["approved"] is False
