"""The signed log is the only source of truth (issue 16 #3, #4): tables edited by hand decide
nothing and are named by `review audit verify`; a signed record replayed at another place, or
taken out of an item's history or the roster's, is caught even when the insider re-hashes the
whole chain afterwards (the hash columns are not signed; the bodies are)."""

import json

import pytest
from sqlalchemy import text
from workflow.team import CLEAN, Team

from review.workflow.chain import GENESIS, record_hash

from .test_attacks import approved_item, engine

BLOCKED = "关于开展冬季消防安全检查的通知\n\n全网最低价，扫码立减，加微信领取优惠券。\n"


def rechain(conn) -> None:
    """What an insider does after editing rows: recompute every prev_hash and hash."""
    prev = GENESIS
    rows = conn.execute(text("SELECT * FROM review_log ORDER BY seq")).mappings().all()
    for r in rows:
        digest = record_hash(r["seq"], r["kind"], r["item_id"], r["actor"], r["body"],
                             r["signature"], prev)
        conn.execute(text("UPDATE review_log SET prev_hash = :p, hash = :h WHERE seq = :s"),
                     {"p": prev, "h": digest, "s": r["seq"]})
        prev = digest


def append_copy(conn, seq: int) -> None:
    """Append a verbatim copy of record `seq` at the end of the log, chained properly."""
    row = conn.execute(text("SELECT * FROM review_log WHERE seq = :s"), {"s": seq}).mappings().one()
    last = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
    conn.execute(text("INSERT INTO review_log (seq, kind, item_id, actor, body, signature, "
                      "prev_hash, hash) VALUES (:seq, :kind, :item_id, :actor, :body, "
                      ":signature, '', '')"), dict(row, seq=last + 1))
    rechain(conn)


def test_emptying_the_stored_findings_does_not_release_a_blocked_draft(team):
    item = team.submit("editor", team.write("ad.txt", BLOCKED))
    team.ok("reviewer", "approve", str(item))
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_items SET findings = '[]'"))
    team.refused("editor", "release", str(item), match="block findings")
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert any(f["severity"] == "block" for f in shown["findings"])  # what was signed
    result = team.refused(None, "audit", "verify", match="disagree")
    assert f"review_items row {item}: findings differs" in result.stdout


def test_renaming_the_editor_in_the_table_does_not_let_him_approve_his_draft(team):
    team.add("editor", "reviewer")
    item = team.submit("editor", team.write("a.txt", CLEAN))
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_items SET submitted_by = 'editor2', "
                          "last_changed_by = 'editor2'"))
    team.refused("editor", "approve", str(item), match="submitted")
    result = team.refused(None, "audit", "verify", match="2 witnesses or table rows disagree")
    assert f"review_items row {item}: submitted_by differs" in result.stdout
    assert f"review_items row {item}: last_changed_by differs" in result.stdout


def test_a_table_row_set_to_released_or_a_swapped_draft_is_named(team):
    _, item = approved_item(team)
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_items SET state = 'released'"))
        conn.execute(text("UPDATE review_decisions SET person = 'approver'"))
    result = team.refused(None, "audit", "verify", match="disagree")
    assert f"review_items row {item}: state differs" in result.stdout
    assert "person differs" in result.stdout
    team.ok("editor", "release", str(item))  # the log says pending and approved: it is
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_items SET content = :c"),
                     {"c": CLEAN.replace("12月10日", "12月1日").encode()})
    team.fails(3, "reviewer", "show", str(item), match="not the one signed")


def test_replaying_an_old_policy_after_a_stricter_one_is_caught(team):
    """Two levels are in force; an insider appends a copy of the first policy.set (one level)
    and re-hashes the chain: his item would need one approval only."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    _, item = approved_item(team)
    with engine(team).begin() as conn:
        first_policy = conn.execute(text("SELECT min(seq) FROM review_log "
                                         "WHERE kind = 'policy.set'")).scalar()
        append_copy(conn, first_policy)
    team.fails(3, "editor", "release", str(item), match="another place")
    team.refused(None, "audit", "verify", match="another place")


def test_an_approval_replayed_after_a_new_version_does_not_count(team):
    path, item = approved_item(team)
    team.submit("editor", path)  # a new version of the same content voids the approval …
    with engine(team).begin() as conn:
        approval = conn.execute(text("SELECT seq FROM review_log WHERE kind = 'approve'")).scalar()
        append_copy(conn, approval)  # … and copying the approval after it is a replay
    team.fails(3, "editor", "release", str(item), match="another place")


def test_a_rejection_taken_out_of_the_log_is_caught(team):
    """The rejection's record (and its projection) deleted, the rest renumbered and the chain
    re-hashed: the approver's computer remembers the record it wrote; a fresh one finds the
    records after the gap signed at other sequence numbers."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "数据未经核实")
    team.ok("admin", "roster", "add", "approver2", "--role", "approver", "--key",
            f"{team.key('outsider')}.pub")
    with engine(team).begin() as conn:
        conn.execute(text("DELETE FROM review_log WHERE kind = 'reject'"))
        conn.execute(text("DELETE FROM review_decisions WHERE kind = 'reject'"))
        rows = conn.execute(text("SELECT seq FROM review_log ORDER BY seq")).scalars().all()
        for new, old in enumerate(rows, 1):
            conn.execute(text("UPDATE review_log SET seq = :n WHERE seq = :o"),
                         {"n": new, "o": old})
        rechain(conn)
    team.fails(3, "approver", "approve", str(item), match="rewritten")  # its own record
    team.fails(3, "outsider", "approve", str(item), match="another place")
    team.refused(None, "audit", "verify", match="another place")


def test_a_record_deleted_without_renumbering_leaves_a_gap(team):
    _, item = approved_item(team)
    team.ok("reviewer", "queue")
    with engine(team).begin() as conn:
        conn.execute(text("DELETE FROM review_log WHERE kind = 'roster.add' AND seq = "
                          "(SELECT max(seq) FROM review_log WHERE kind = 'roster.add')"))
        rechain(conn)
    team.fails(3, "editor", "release", str(item), match="gaps")


def test_a_record_from_another_workspace_does_not_verify_here(tmp_path, monkeypatch):
    """The same people run two workspaces; a reviewer's approval in one is copied into the
    other for a draft with the same path and content."""
    teams = []
    for name in ("one", "two"):
        root = tmp_path / name
        root.mkdir()
        monkeypatch.chdir(root)
        (root / "review.toml").write_text("", encoding="utf-8")
        team = Team(root, None)
        (root / "keys").mkdir()
        for who in ("admin", "editor", "reviewer"):
            if teams:
                (root / "keys" / f"{who}.pem").write_bytes(teams[0].key(who).read_bytes())
                (root / "keys" / f"{who}.pem.pub").write_bytes(
                    (teams[0].root / "keys" / f"{who}.pem.pub").read_bytes())
            else:
                team.keygen(who)
        team.ok("admin", "init", "--name", "admin")
        team.add("editor", "editor")
        team.add("reviewer", "reviewer")
        team.submit("editor", team.write("a.txt", CLEAN))
        teams.append(team)
    one, two = teams
    monkeypatch.chdir(one.root)
    one.ok("reviewer", "approve", "1")
    with engine(one).begin() as conn:
        row = conn.execute(text("SELECT * FROM review_log WHERE kind = 'approve'")
                           ).mappings().one()
    monkeypatch.chdir(two.root)
    with engine(two).begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
        conn.execute(text("INSERT INTO review_log (seq, kind, item_id, actor, body, signature, "
                          "prev_hash, hash) VALUES (:seq, :kind, :item_id, :actor, :body, "
                          ":signature, '', '')"), dict(row, seq=last + 1))
        rechain(conn)
    two.fails(3, "editor", "release", "1", match="another place")


@pytest.mark.parametrize("column", ["statement", "signature", "level"])
def test_each_hand_edited_decision_row_is_named(team, column):
    _, item = approved_item(team)
    value = {"statement": "'{}'", "signature": "'AAAA'", "level": "7"}[column]
    with engine(team).begin() as conn:
        conn.execute(text(f"UPDATE review_decisions SET {column} = {value}"))
    result = team.refused(None, "audit", "verify", match="1 witnesses or table rows disagree")
    assert f"{column} differs from the signed log" in result.stdout
    team.ok("editor", "release", str(item))  # and nothing was decided by it


def test_relabelling_a_record_in_the_table_is_caught_by_everyone(team):
    """Red team A04: the row's kind changed from reject to approve (hash recomputed); the
    signed body still says reject."""
    path, item = approved_item(team)
    team.submit("editor", path)  # a new version, not yet judged
    team.ok("reviewer", "reject", str(item), "--reason", "不行")
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_log SET kind = 'approve' WHERE kind = 'reject'"))
        rechain(conn)
    team.fails(3, "editor", "release", str(item), match="kind or item differ")


def test_the_head_a_computer_wrote_is_remembered(team):
    """Red team A05/A12: the newest record deleted before anyone else acts; the computer
    that wrote it notices on its next action."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    with engine(team).begin() as conn:
        conn.execute(text("DELETE FROM review_log WHERE seq = (SELECT max(seq) FROM "
                          "review_log)"))
    team.fails(3, "admin", "roster", "list", match="removed from the end")


def test_a_submission_that_signs_no_findings_is_never_released(team):
    """Red team A02: the editor writes his own version-2 submit without findings."""
    from review.workflow import chain, keys
    from review.workflow.store import Store, sqlite_url

    path = team.write("ad.txt", BLOCKED)
    item = team.submit("editor", path)
    store = Store(team.url or sqlite_url(team.root))
    with store.transaction() as conn:
        statement = json.loads(conn.execute(text(
            "SELECT body FROM review_log WHERE kind = 'submit'")).scalar())["statement"]
        statement.pop("found")
        chain.append(conn, keys.load(team.key("editor")), "resubmit", item, statement)
        conn.execute(text("UPDATE review_items SET findings = '[]'"))
    team.refused("reviewer", "approve", str(item), match="the submission signed 0")
    team.refused("editor", "release", str(item), match="did not sign readable findings")
