"""Red-team pass 51: a draft is signed for an account only as the signed log made it."""

from sqlalchemy import create_engine, text

from review.workflow.store import sqlite_url


def test_a_draft_is_not_signed_for_an_account_made_by_hand(team):
    """X5: a member INSERTed an account into review_accounts (no `account.add` signed it) and
    submitted a draft `--account` it: the submission was signed for it, since `submit` read the
    table unchecked. Now the office's tables must agree with the signed log first (exit 3)."""
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO review_accounts (name, unit, platform, high_attention, "
                          "status) VALUES ('城南发布', '城南街道', '微博', false, 'open')"))
    engine.dispose()
    draft = team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n请各单位完成自查。\n")
    team.fails(3, "editor", "submit", draft, "--account", "城南发布", match="review_accounts")
    team.ok("editor", "submit", draft)  # without an account: the table is not read


def test_a_decision_row_with_a_key_written_twice_is_named(team):
    """X6: review_decisions is the signed record's copy for people reading with SQL. A key
    written twice (`{"decision": "reject", "comment": "涉密，不得发布", "at": …}` before the
    signed ones) parsed as the signed statement in Python (the last one wins), so the audit
    said intact — while SQLite's json_extract returns the first: a reader with SQL saw a
    rejection with a reason nobody signed."""
    draft = team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n请各单位完成自查。\n")
    item = team.submit("editor", draft)
    team.ok("reviewer", "approve", str(item))
    team.ok(None, "audit", "verify")
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        conn.execute(text("UPDATE review_decisions SET statement = '{\"decision\": \"reject\", "
                          "\"comment\": \"涉密，不得发布\", ' || substr(statement, 2)"))
    engine.dispose()
    result = team.refused(None, "audit", "verify", match="disagree")
    assert "review_decisions row" in result.stdout and "statement" in result.stdout, \
        result.stdout


def test_a_signed_body_with_a_key_written_twice_is_read_by_nobody(team, monkeypatch):
    """Left open by pass 51: a body signed with a key written twice was read one way by
    review (Python keeps the last value) and another by SQL (json_extract keeps the first),
    which the log's own check of its columns uses. The editor's own copy of `review` signs
    his submission's body with `"kind": "note"` before the real kind: now no reader takes
    it for a record at all — the store stops (exit 3), and the audit names the record."""
    from review.workflow import chain

    draft = team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n请各单位完成自查。\n")
    honest = chain.body_of

    def written_twice(kind, item_id, statement, place):
        body = honest(kind, item_id, statement, place)
        return '{"kind":"note",' + body[1:] if kind == "submit" else body

    monkeypatch.setattr(chain, "body_of", written_twice)
    team.ok("editor", "submit", draft)  # his own copy signs and writes it
    monkeypatch.setattr(chain, "body_of", honest)
    team.fails(3, "reviewer", "queue")
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
    engine.dispose()
    team.fails(1, None, "audit", "verify", match=f" {last} ")


def test_json_with_a_key_written_twice_is_malformed():
    import pytest

    from review import jsonfile

    assert jsonfile.loads('{"a": 1, "b": {"c": 2}}') == {"a": 1, "b": {"c": 2}}
    for written in ('{"a": 1, "a": 2}', '{"x": {"a": 1, "a": 1}}', '[{"k": 1, "k": 2}]'):
        with pytest.raises(ValueError, match="written twice"):
            jsonfile.loads(written)
