"""Insider red-team pass 60 (docs/redteam/pass-60.md, I3): an office record signed by hand
without what its command always signs (an `alert.add` with no id) made the office's
projection raise — and the desk reads each account's unit for the queue from tables checked
against it, so the reviewer's queue and the office's pages were a crash page for good."""

from __future__ import annotations

from sqlalchemy import text
from workflow.team import CLEAN

from desk.conftest import client_of, desk_of
from review.workflow import chain, keys
from review.workflow.store import Store, sqlite_url


def test_a_malformed_office_record_leaves_the_queue_and_the_office_pages(team, monkeypatch):
    item = team.submit("editor", team.write("a.md", CLEAN))
    store = Store(team.url or sqlite_url(team.root))
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO review_alerts (id, unit, kind, date, note, source) "
                          "VALUES (1, '城东区某局', 'serious', '2026-11-02', '', 'manual')"))
        chain.append(conn, keys.load(team.key("admin")), "alert.add", None, {})
    store.engine.dispose()
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    queue = client.get("/")
    assert queue.status_code == 200, queue.text
    assert f"/items/{item}" in queue.text
    # the row no record made is named, as the desk names a damaged store: 503, one line
    for page in ("/accounts", "/accounts/notice?unit=城东区某局"):
        response = client.get(page)
        assert response.status_code == 503, response.text
        assert "review_alerts row 1" in response.text
