"""Each way around 双人负责 / 双重审核 that a user might try, shown to fail."""

import json
import unicodedata

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN

from review.workflow.store import sqlite_url


def engine(team):
    """The store as an insider opens it — with sqlite3 on the shared file, or as the tables'
    owner on PostgreSQL — having first dropped the triggers that keep the log append-only
    (tests/workflow/test_witness.py shows what they stop)."""
    made = create_engine(team.url or sqlite_url(team.root))
    with made.begin() as conn:
        on = " ON review_log" if made.dialect.name == "postgresql" else ""
        for trigger in ("review_log_append_only", "review_log_no_truncate",
                        "review_log_no_update", "review_log_no_delete"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}{on}"))
    return made


def approved_item(team, name="a.txt", content=CLEAN):
    path = team.write(name, content)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    return path, item


def test_self_approval_with_the_same_key(team):
    team.add("editor", "reviewer")  # the editor also holds the reviewer role
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.refused("editor", "approve", str(item), match="submitted")


def test_self_approval_with_a_second_key_of_the_same_person(team):
    team.keygen("editor-laptop")
    team.add("editor", "reviewer", key_of="editor-laptop")  # same person, second key
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.refused("editor-laptop", "approve", str(item), match="submitted")


def test_self_approval_under_a_second_display_name(team):
    team.refused("admin", "roster", "add", "编辑小号", "--role", "reviewer", "--key",
                 f"{team.key('editor')}.pub", match="already belongs to editor")


def test_a_reviewer_who_changed_the_draft_cannot_approve_it(team):
    team.add("reviewer", "editor")
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.write("a.txt", CLEAN + "补充一句。\n")
    assert team.submit("reviewer", path) == item  # the reviewer resubmits an edit
    team.refused("reviewer", "approve", str(item), match="last changed")


def test_nobody_approves_at_two_levels(team):
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    team.add("reviewer", "approver")
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("reviewer", "approve", str(item))
    team.refused("reviewer", "approve", str(item), match="another level")


@pytest.mark.parametrize("edit", [
    lambda b: b + b" ",                                   # one byte of whitespace
    lambda b: b.replace(b"\n", b"\r\n"),                 # CRLF
    lambda b: b"\xef\xbb\xbf" + b,                       # a BOM
    lambda b: unicodedata.normalize("NFD", "é" + b.decode()).encode(),  # NFD vs NFC
    lambda b: b[:-2] + bytes([b[-2] ^ 1]) + b[-1:],      # one flipped bit
], ids=["space", "crlf", "bom", "nfd", "bitflip"])
def test_release_after_any_edit_is_refused(team, edit):
    path, item = approved_item(team, content="é" + CLEAN)
    file = team.root / path
    file.write_bytes(edit(file.read_bytes()))
    team.refused("editor", "release", str(item), match="changed since")
    assert team.run(None, "verify", path).exit_code == 1


def test_an_approval_does_not_survive_resubmission(team):
    path, item = approved_item(team)
    team.write("a.txt", CLEAN.replace("12月10日", "12月12日"))
    team.submit("editor", path)
    team.refused("editor", "release", str(item), match="needs approval")


def test_replaying_an_approval_for_another_item_path_or_content(team):
    _, first = approved_item(team, "a.txt")
    second = team.submit("editor", team.write("b.txt", CLEAN + "另一稿。\n"))
    with engine(team).begin() as conn:
        row = conn.execute(text("SELECT * FROM review_decisions WHERE item_id = :i"),
                           {"i": first}).mappings().one()
        b_hash = conn.execute(text("SELECT content_sha256 FROM review_items WHERE id = :i"),
                              {"i": second}).scalar()
        forged = dict(row, seq=row["seq"] + 1000, item_id=second, content_sha256=b_hash)
        conn.execute(text("INSERT INTO review_decisions (seq, item_id, kind, level, person, key, "
                          "statement, signature, content_sha256) VALUES (:seq, :item_id, :kind, "
                          ":level, :person, :key, :statement, :signature, :content_sha256)"),
                     forged)
        statement = json.loads(row["statement"])
        statement.update(path="posts/b.txt", content_sha256=b_hash)
        conn.execute(text("UPDATE review_decisions SET statement = :s WHERE seq = :q"),
                     {"s": json.dumps(statement, sort_keys=True), "q": row["seq"] + 1000})
    team.refused("editor", "release", str(second), match="needs approval")


def test_forging_a_roster_entry_without_an_admin_key(team):
    team.refused("editor", "roster", "add", "editor", "--role", "reviewer,admin", "--key",
                 f"{team.key('editor')}.pub", match="admin")
    # Straight into the log, signed with the editor's own key: not part of the roster.
    from review.workflow import chain, keys
    from review.workflow.store import Store

    store = Store(team.url or sqlite_url(team.root))
    with store.transaction() as conn:
        chain.append(conn, keys.load(team.key("editor")), "roster.add", None,
                     {"name": "editor", "public": (team.key("editor").parent / "editor.pem.pub")
                      .read_text().strip(), "roles": ["admin", "reviewer"]})
    item = team.submit("editor2", team.write("a.txt", CLEAN))
    team.refused("editor", "approve", str(item), match="role reviewer")
    assert "nobody entitled signed it" in team.refused(None, "audit", "verify").stdout
    # It counts for nothing, and stops nothing: the ninth pass's editor made every later
    # export impossible with one such record.
    team.ok("reviewer", "approve", str(item))
    team.ok("editor2", "release", str(item))
    team.ok("admin", "roster", "export")


def test_a_revoked_reviewer_cannot_approve(team):
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("admin", "roster", "revoke", "reviewer")
    team.refused("reviewer", "approve", str(item), match="revoked")


def test_an_approval_recorded_after_revocation_does_not_count(team):
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("reviewer", "approve", str(item))
    team.ok("admin", "roster", "revoke", "reviewer")
    # The approval was made before revocation and still counts. Moving its row in the
    # decisions table decides nothing (the signed log decides) but is named by the audit…
    with engine(team).begin() as conn:
        seq = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
        conn.execute(text("UPDATE review_decisions SET seq = :s WHERE item_id = :i"),
                     {"s": seq + 5, "i": item})
    result = team.refused(None, "audit", "verify", match="disagree")
    assert f"review_decisions row {seq + 5}: no such decision" in result.stdout
    # … and moving the signed record itself after the revocation breaks the store.
    with engine(team).begin() as conn:
        approval = conn.execute(text("SELECT seq FROM review_log WHERE kind = 'approve'")).scalar()
        conn.execute(text("UPDATE review_log SET seq = :s WHERE seq = :a"),
                     {"s": seq + 5, "a": approval})
    team.fails(3, "editor", "release", str(item), match="audit verify")


@pytest.mark.parametrize("tamper, message", [
    ("UPDATE review_log SET body = replace(body, 'approve', 'approvE') WHERE kind = 'approve'",
     "altered"),
    ("DELETE FROM review_log WHERE kind = 'approve'", "missing"),
    ("UPDATE review_log SET signature = (SELECT signature FROM review_log WHERE seq = 1) "
     "WHERE kind = 'release'", "altered"),
], ids=["edit", "delete", "swap-signature"])
def test_tampering_with_the_audit_log_is_caught(team, tamper, message):
    _, item = approved_item(team)
    team.ok("editor", "release", str(item))
    team.ok(None, "audit", "verify")
    with engine(team).begin() as conn:
        conn.execute(text(tamper))
    team.refused(None, "audit", "verify", match=message)


def test_reordering_audit_rows_is_caught(team):
    approved_item(team)
    with engine(team).begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
        conn.execute(text("UPDATE review_log SET seq = -1 WHERE seq = :a"), {"a": last})
        conn.execute(text("UPDATE review_log SET seq = :a WHERE seq = :b"),
                     {"a": last, "b": last - 1})
        conn.execute(text("UPDATE review_log SET seq = :b WHERE seq = -1"), {"b": last - 1})
    team.refused(None, "audit", "verify", match="record")


def test_truncating_the_log_is_caught_against_an_anchor(team):
    _, item = approved_item(team)
    team.ok("admin", "audit", "anchor", "--out", "anchor.json")
    with engine(team).begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
        conn.execute(text("DELETE FROM review_log WHERE seq = :s"), {"s": last})
        conn.execute(text("DELETE FROM review_decisions WHERE seq = :s"), {"s": last})
    # the approval's author witnessed it; with his witness gone too (the folder's owner can
    # remove it), a clean cut looks intact on its own…
    team.refused(None, "audit", "verify", match="removed")
    for kept in (team.root / ".review" / "witness").glob("*.json"):
        kept.unlink()
    team.ok(None, "audit", "verify")
    # … but not against an anchor committed where the whole office sees it
    team.refused(None, "audit", "verify", "--anchor", "anchor.json", match="removed")


def test_a_workspace_nested_inside_the_shared_one_is_refused(team, monkeypatch):
    """An editor with the shared folder makes his own workspace in posts/, where he is admin,
    to release his own drafts; `review verify` used to trust the nearest .review/."""
    path = team.write("a.txt", CLEAN)
    monkeypatch.chdir(team.root / "posts")
    team.usage_error("editor", "init", "--name", "editor", match="nested workspaces")
    (team.root / "posts" / ".review").mkdir()  # made by hand instead
    team.usage_error("editor", "submit", "a.txt", match="nested workspaces")
    team.usage_error(None, "verify", "a.txt", match="nested workspaces")
    monkeypatch.chdir(team.root)
    team.usage_error(None, "verify", path, match="nested workspaces")


def test_a_rejection_sticks_to_the_content_and_a_new_version_voids_every_vote(team):
    """Approver shopping: level 1 approved, level 2 rejected; the editor resubmits the same
    file, hoping the level-1 approval still counts and another approver signs off."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "数据未经核实")
    team.refused("editor", "submit", path, match="rejected")
    # changed, it is a new version: the level-1 approval was for the old one
    team.write("a.txt", CLEAN.replace("12月10日", "12月11日"))
    team.submit("editor", path)
    queue = json.loads(team.ok("reviewer", "queue", "--format", "json").stdout)
    assert [(q["id"], q["level"]) for q in queue] == [(item, 1)]


def test_resubmitting_the_same_content_voids_the_votes_on_it(team):
    path, item = approved_item(team)
    team.submit("editor", path)  # unchanged, not rejected: a new version all the same
    team.refused("editor", "release", str(item), match="needs approval")
