"""The twenty-second red-team pass: what it got through, and what now stops it.

- An allowed phrase (`review policy allow`, review.toml's `allow`) hid every finding inside
  its span in the file. Its span covered a link hidden in it (`居民可加<a href=…>微信</a>咨询`:
  the shop's link went unreported), and in a frame's data: page, whose characters all stand for
  the whole address, it covered the whole page — 出售冰毒 beside the phrase included. Only an
  occurrence that is all its span holds allows anything now.
- A rejected page came back with one character hidden by its element's markup
  (`<span hidden>整</span>`): the same words for its reader, another text for the rejection,
  so it could be submitted again. The rejection names the page as its reader sees it.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from review.cli import main

PHRASE = "居民可加微信咨询"
BANNED = "本人长期出售冰毒，加微信详聊。"
SHOP = "https://pay.example.top/group?buy=1"


@pytest.mark.parametrize(("name", "draft"), [
    ("frame.html", f'<p>通知</p><iframe src="data:text/html;charset=utf-8,<p>{PHRASE}。{BANNED}'
                   '</p>"></iframe>\n'),
    ("frame2.html", f'<p>通知</p><iframe src="data:text/html,{quote(PHRASE + BANNED)}">'
                    "</iframe>\n"),
    ("link.html", f'<p>居民可加<a href="{SHOP}">微信</a>咨询</p>\n'),
    ("link.md", f"居民可加[微信]({SHOP})咨询\n"),
])
def test_an_allowed_phrase_hides_nothing_its_span_holds_beside_it(tmp_path, monkeypatch,
                                                                  name, draft):
    monkeypatch.chdir(tmp_path)  # where review.toml is found
    (tmp_path / "review.toml").write_text(f'allow = ["{PHRASE}"]\n', encoding="utf-8")
    (tmp_path / name).write_text(draft, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", name, "--format", "json"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["files"][0]["decision"] == "block"


@pytest.mark.parametrize("draft", [
    f"<p>{PHRASE}。</p>\n", "# 通知\n\n居民可加**微信**咨询。\n",
    "<p>居民可&#21152;微信咨询</p>\n", "<p>居民可加 微信咨询。</p>\n",
])
def test_an_allowed_phrase_written_plainly_still_allows(tmp_path, monkeypatch, draft):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text(f'allow = ["{PHRASE}"]\n', encoding="utf-8")
    for name in ("a.html", "a.md"):
        (tmp_path / name).write_text(draft, encoding="utf-8")
        result = CliRunner().invoke(main, ["check", name])
        assert result.exit_code == 0, result.output


def test_the_gate_s_signed_phrases_hide_no_commercial_link(team):
    team.ok("admin", "policy", "allow", PHRASE)
    item = team.submit("editor", team.write("a.md", f"居民可加[微信]({SHOP})咨询。\n"))
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert "block" in {f["severity"] for f in shown["findings"]}
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block")


NOTICE = "<p>关于冬季供暖的通知：各小区供暖时间调整为每日六时{}至二十二时。</p>"


@pytest.mark.parametrize("hidden", ['<span hidden>整</span>', '<b style="display:none">整</b>'])
def test_a_rejected_page_with_a_hidden_character_added_is_still_rejected(team, hidden):
    path = team.write("a.html", NOTICE.format(""))
    item = str(team.submit("editor", path))
    team.ok("reviewer", "show", item)
    team.ok("reviewer", "reject", item, "--reason", "供暖时间与热力公司通知不一致")
    team.write("a.html", NOTICE.format(hidden))
    team.refused("editor", "submit", path, match="rejected")
    team.write("a.md", NOTICE[3:-4].format(hidden) + "\n")
    team.refused("editor", "submit", "posts/a.md", match="rejected")
    team.write("a.html", NOTICE.format("整"))  # a character its reader sees: another text
    team.ok("editor", "submit", path)
