"""Insider pass 35: what it got through, and what now stops it.

- A person could be added under a name drawn exactly as a colleague's — `rеviewer` with a
  Cyrillic е, a name with a space or a zero-width space at its end, a full-width letter, a
  traditional character. Under an admins' threshold of two, the thief of admin2's key proposed
  `rеviewer` with a key of his own; admin3 read `rеviewer: reviewer` in `roster pending`, took
  it for the reviewer's new key and co-signed. The thief then approved the editor's draft as
  `rеviewer`, and the log, the queue and the attestation said the reviewer had approved it.
  Adding (and co-signing the addition of) a name that looks like another person's on the
  roster is now refused, the two names shown with the characters that differ spelt out.
- On PostgreSQL the log's insert trigger stamped now(), the start of the transaction: a member
  who held one open dated his record back as far as he had waited (a co-signature made in
  time for a lapsed proposal, a record counted in the month before). It stamps the moment the
  row arrives (clock_timestamp(); schema version 6 brings a store's trigger up to date).
- On SQLite the schema check knew the store's triggers by name only: a trigger named
  `review_log_no_delete` that dropped rejections as they were inserted passed it, and a
  reviewer was told his rejection was recorded. A trigger of the store's name must now be the
  store's statement.
- Activity rows and alerts name an account by id, which `account.add` did not sign: two ids
  swapped by hand moved one account's posts to the other, and `review audit verify` still
  said the tables agreed with the log. The id is signed and checked, and every office action
  first needs the office's tables to agree with the log."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, Team, member_url, three_admins

from review.workflow.roster import Roster

LOOKALIKES = ["r\u0435viewer",  # a Cyrillic е
              "reviewer ", "reviewer\u200b", "Ｒeviewer"]


def _pending(team: Team) -> str:
    out = team.ok("admin", "roster", "pending", "--format", "json").stdout
    return str(json.loads(out)[0]["seq"])


@pytest.mark.parametrize("name", LOOKALIKES)
def test_a_name_drawn_as_a_colleagues_is_refused(team: Team, name: str) -> None:
    team.keygen("thief2")
    team.refused("admin", "roster", "add", name, "--role", "reviewer", "--key",
                 f"{team.key('thief2')}.pub", match="looks the same as reviewer")
    team.lang = ""  # Chinese by default, the character that differs spelt out
    result = team.refused("admin", "roster", "add", name, "--role", "reviewer", "--key",
                          f"{team.key('thief2')}.pub", match="看起来相同")
    assert "⟦U+" in result.stderr
    # the reviewer's own name, with a second key of his, is still his
    team.ok("admin", "roster", "add", "reviewer", "--role", "reviewer", "--key",
            f"{team.key('thief2')}.pub")


def test_a_chinese_name_and_its_traditional_or_spaced_spelling_are_one_name(team: Team) -> None:
    team.keygen("zhang")
    team.keygen("thief2")
    team.ok("admin", "roster", "add", "张三", "--role", "reviewer", "--key",
            f"{team.key('zhang')}.pub")
    for name in ("張三", "张 三", "张三\u3000"):
        team.refused("admin", "roster", "add", name, "--role", "approver", "--key",
                     f"{team.key('thief2')}.pub", match="looks the same as 张三")


def test_a_lookalike_proposed_by_hand_with_a_stolen_key_is_not_co_signed(
        team: Team, monkeypatch) -> None:
    three_admins(team)
    team.keygen("thief2")
    with monkeypatch.context() as thief:  # his own copy of `review`, without the check
        thief.setattr(Roster, "looks_like", lambda self, name: None, raising=False)
        team.ok("admin2", "roster", "add", "r\u0435viewer", "--role", "reviewer", "--key",
                f"{team.key('thief2')}.pub")
    team.refused("admin3", "roster", "cosign", _pending(team), match="looks the same")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("thief2", "approve", str(item), match="not on the roster")


def test_a_row_is_dated_when_it_reaches_the_server_not_when_its_transaction_began(
        team: Team, request) -> None:
    """A member holds a transaction open (from before a proposal lapsed, or before a month
    ended) and inserts his record at the end: the insert trigger stamped now(), the start of
    that transaction, so the server's time of his record — which decides a lapse and a
    record's day on PostgreSQL — was his to move back as far as he had waited."""
    if not team.url:
        pytest.skip("SQLite has no clock the signer does not control")
    engine = create_engine(member_url(team, request))
    with engine.connect() as conn:
        began = conn.execute(text("SELECT now()")).scalar_one()
        conn.execute(text("SELECT pg_sleep(1.2)"))  # a month, held open
        arrived = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        logged = conn.execute(text(
            "INSERT INTO review_log (seq, kind, item_id, actor, body, signature, prev_hash, "
            "hash) VALUES (999999, 'approve', 1, 'x', '{}', 'x', 'x', 'x') "
            "RETURNING logged_at")).scalar_one()
        conn.rollback()  # nothing is left in the log
    engine.dispose()
    assert (arrived - began).total_seconds() >= 1
    assert logged >= arrived


def test_a_store_dated_by_its_transactions_is_brought_up_to_date(team: Team) -> None:
    """A store whose trigger an earlier version made (now()) gets the new one from the first
    command that opens it (run by the tables' owner on PostgreSQL)."""
    if not team.url:
        pytest.skip("SQLite has no clock the signer does not control")
    engine = create_engine(team.url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION review_log_inserted_by() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN NEW.inserted_by := session_user; "
            "NEW.logged_at := now(); RETURN NEW; END $$")
        conn.exec_driver_sql("UPDATE review_meta SET value = '5' WHERE key = 'schema_version'")
    team.ok("admin", "queue")
    with engine.connect() as conn:
        body = conn.exec_driver_sql(
            "SELECT prosrc FROM pg_proc WHERE proname = 'review_log_inserted_by' "
            "AND pronamespace = current_schema()::regnamespace").scalar_one()
    engine.dispose()
    assert "clock_timestamp()" in body


def test_a_trigger_under_the_stores_name_that_drops_a_rejection_stops_the_rejection(
        team: Team) -> None:
    """The schema check knew the store's SQLite triggers by name only: an editor replaced
    `review_log_no_delete` with a trigger of that name that drops a rejection as it is
    inserted. The reviewer was told the draft was rejected, and no rejection was in the log
    (the next action found a cut, and only a restore that accepts the loss went on)."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not make triggers on the log")
    import sqlite3

    item = team.submit("editor", team.write("a.md", CLEAN))
    db = sqlite3.connect(team.root / ".review" / "review.db")
    db.executescript("DROP TRIGGER review_log_no_delete; CREATE TRIGGER review_log_no_delete "
                     "BEFORE INSERT ON review_log WHEN NEW.kind = 'reject' "
                     "BEGIN SELECT RAISE(IGNORE); END;")
    db.close()
    team.fails(3, "reviewer", "reject", str(item), "--reason", "不行",
               match="review_log_no_delete is no part of the store")


def _swap_account_ids(team: Team, request) -> None:
    """The editor's hand edit (the SQLite file; on PostgreSQL his member role, which may
    update the accounts' table): two accounts' ids swapped."""
    swap = ["UPDATE review_accounts SET id = -1 WHERE id = 1",
            "UPDATE review_accounts SET id = 1 WHERE id = 2",
            "UPDATE review_accounts SET id = 2 WHERE id = -1"]
    if team.url:
        engine = create_engine(member_url(team, request))
        with engine.begin() as conn:
            for statement in swap:
                conn.execute(text(statement))
        engine.dispose()
    else:
        import sqlite3

        with sqlite3.connect(team.root / ".review" / "review.db") as db:
            for statement in swap:
                db.execute(statement)
        db.close()


def test_two_accounts_ids_swapped_by_hand_do_not_move_one_accounts_posts_to_the_other(
        team: Team, request) -> None:
    """Activity rows (signed as row hashes) and alerts name an account by its id, which the
    signed `account.add` did not carry: an editor who swapped the ids of a stale account and
    an active one moved the posts to the stale one — no 内容不更新 alert for it, the scores
    shifted — and `review audit verify` still said the tables agreed with the log."""
    team.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局",
            "--platform", "微信公众号")
    team.ok("admin", "accounts", "add", "城东应急", "--unit", "城东区另一局",
            "--platform", "微信公众号")
    (team.root / "act.csv").write_text(
        "account,date,reads\n城东发布,2026-12-01,100\n城东发布,2026-12-03,50\n", encoding="utf-8")
    team.ok("admin", "accounts", "activity", "import", "act.csv")
    stale = team.ok("admin", "accounts", "stale", "--as-of", "2026-12-10", "--format", "json")
    assert [r["account"] for r in json.loads(stale.stdout)["stale"]] == ["城东应急"]
    _swap_account_ids(team, request)
    team.refused("admin", "audit", "verify")
    team.fails(3, "admin", "accounts", "stale", "--as-of", "2026-12-10", match="id differs")
    (team.root / "act2.csv").write_text("account,date\n城东应急,2026-12-08\n", encoding="utf-8")
    # an import would sign 城东应急's post under the id the table now gives it (城东发布's)
    team.fails(3, "admin", "accounts", "activity", "import", "act2.csv", match="id differs")
