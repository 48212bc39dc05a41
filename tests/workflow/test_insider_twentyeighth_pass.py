"""Insider pass 28: a release dated by the releaser's own clock.

Under the default policy the editor releases his own draft, and a decision's `at` is his
computer's clock. Set back a year before `review release`, it dated the release into an
earlier month — before its own submission and approval — and the inspectors' month record of
the account (the desk's /accounts/NAME/record?month=, the 内容 index) no longer listed it
under the month it went out."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from workflow.team import CLEAN, Team, clock

from review.workflow import keys
from review.workflow import service as service_mod
from review.workflow.judged import published
from review.workflow.service import Service
from review.workflow.store import Store, sqlite_url
from review.workflow.workspace import Workspace


def _released_days(team: Team, item: int) -> list[str]:
    store = Store(team.url or sqlite_url(team.root))
    service = Service(Workspace(team.root), store, keys.load(team.key("admin")))
    try:
        with store.reading() as conn:
            return [p.day for p in published(conn, service.state(conn)) if p.item == item]
    finally:
        store.engine.dispose()


def _approved_item(team: Team) -> int:
    """An item for an account on file, approved and ready to be released."""
    team.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区政府办",
            "--platform", "微信公众号")
    path = team.write("a.md", CLEAN)
    item = json.loads(team.ok("editor", "submit", path, "--account", "城东发布",
                              "--format", "json").stdout)["id"]
    team.ok("reviewer", "approve", str(item))
    return item


def test_a_release_backdated_by_the_editor_s_clock_stays_in_its_month(team: Team,
                                                                       monkeypatch) -> None:
    item = _approved_item(team)
    back = (datetime.now().astimezone() - timedelta(days=400)).isoformat(timespec="seconds")
    with monkeypatch.context() as m:
        m.setattr(service_mod, "signed_time", lambda: back)  # the editor's own clock
        team.ok("editor", "release", str(item))
    today = datetime.now().astimezone().date().isoformat()
    assert _released_days(team, item) == [today]


def test_an_honest_release_keeps_its_own_date(team: Team, monkeypatch) -> None:
    item = _approved_item(team)
    later = (datetime.now().astimezone() + timedelta(days=3)).isoformat(timespec="seconds")
    with monkeypatch.context() as m:
        clock(team, m, later)  # released three days on
        team.ok("editor", "release", str(item))
        # and read then: a date past the reader's own today is none (pass 29)
        assert _released_days(team, item) == [later[:10]]
