"""Red-team pass 51: what the reviewer's queue says of a draft comes from tables that agree
with the signed log."""

from __future__ import annotations

import re

from sqlalchemy import create_engine, text

from desk.conftest import client_of, desk_of
from review.workflow.store import sqlite_url


def test_the_queue_names_no_unit_a_hand_edit_gave_an_account(team, monkeypatch):
    """X2: a member moved his account to another unit in review_accounts (any member's to
    write): the queue put his draft under that unit, and a reviewer who takes his own units'
    drafts (`?unit=`) passed it by, though the signed `account.add` says otherwise."""
    team.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区政府办",
            "--platform", "微信公众号")
    item = int(re.search(r"\d+", team.ok("editor", "submit", team.write(
        "a.txt", "关于开展冬季消防安全检查的通知\n\n请各单位完成自查。\n"),
        "--account", "城东发布").stdout).group(0))
    desk = desk_of(team, "reviewer", monkeypatch)
    page = client_of(desk).get("/?unit=城东区政府办").text
    assert f'data-item="{item}"' in page
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        conn.execute(text("UPDATE review_accounts SET unit = '城西区教育局'"))
    engine.dispose()
    page = client_of(desk).get("/").text
    assert "城西区教育局" not in page
    assert "review_accounts" in page  # the disagreement is said, as a damaged item is
    assert f'data-item="{item}"' in page  # the draft still waits, under no unit
