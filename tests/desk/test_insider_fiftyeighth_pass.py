"""Insider red-team pass 58 (docs/redteam/pass-58.md): the desk names every unprintable
character of an address the draft loads from outside (a direction mark, a zero-width space),
as `review show` does."""

from __future__ import annotations

import re

from workflow.team import CLEAN

from desk.conftest import client_of, desk_of


def test_the_desk_names_a_direction_mark_in_a_remote_address(team, monkeypatch):
    path = team.write("a.md", CLEAN + "\n![图](https://cdn.example.com/a&#x200f;b&#x200b;c.png)\n")
    item = team.submit("editor", path)
    page = client_of(desk_of(team, "reviewer", monkeypatch)).get(f"/items/{item}").text
    [listed] = re.findall(r'<ul class="remote"><li><code>([^<]*)</code>', page)
    assert listed == "https://cdn.example.com/a⟦U+200F⟧b⟦U+200B⟧c.png"
