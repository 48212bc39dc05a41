"""Insider red-team pass 65 (docs/redteam/pass-65.md, N1): `review published` compared the
approved text with every word of the saved page, hidden ones included — a page holding the
approved post in a hidden block (`hidden`, `display:none`, `<noscript>`, `visibility:
hidden`, a zero-sized font, an invisible frame's `srcdoc`) and other words where its readers
see them (before or after it: the page's "chrome") passed as what was approved."""

from __future__ import annotations

import json

import pytest

TEXT = "入冬以来火灾风险上升，请居民注意用火用电安全。"
OTHER = "本局决定自明日起全区停水三天，请居民自行储水。"
HIDING = {
    "hidden": "<div hidden>{}</div>",
    "display_none": "<div style='display:none'>{}</div>",
    "noscript": "<noscript>{}</noscript>",
    "visibility": "<div style='visibility:hidden'>{}</div>",
    "font_size_zero": "<div style='font-size:0'>{}</div>",
}
POST = f"<h1>冬季防火提示</h1><p>{TEXT}</p>"


@pytest.fixture
def released(team):
    item = team.submit("editor", team.write("fire.md", f"# 冬季防火提示\n\n{TEXT}\n"))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    (team.root / "saved").mkdir()
    return team, item


def published(team, item, body: str) -> tuple[int, list[str]]:
    (team.root / "saved" / "page.html").write_text(f"<html><body>{body}</body></html>",
                                                   encoding="utf-8")
    result = team.run(None, "published", str(item), "--file", "saved/page.html", "--lang",
                      "en", "--format", "json")
    assert "Traceback" not in result.output
    return result.exit_code, [f["rule"] for f in json.loads(result.stdout)["files"][0][
        "findings"]]


@pytest.mark.parametrize("hiding", sorted(HIDING))
def test_the_approved_post_hidden_on_the_page_is_missing(released, hiding):
    team, item = released
    code, rules = published(team, item, HIDING[hiding].format(POST) + f"<p>{OTHER}</p>")
    assert code == 1 and "RV101" in rules, (hiding, rules)


def test_the_approved_post_shown_passes(released):
    team, item = released
    assert published(team, item, POST + "<footer>版权所有</footer>") == (0, [])
