"""A record only its author has seen cannot be cut from the log (issue 16, the red team's last
kind): every author's signed head is kept in the workspace as a witness that every action
checks, and the log is append-only in the database (on PostgreSQL against every member's role).
"""

import json

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, member_url

from review.workflow import witness
from review.workflow.keys import load
from review.workflow.store import sqlite_url

from .test_attacks import approved_item, engine


def own_witness(team, who: str):
    """The one witness file of this person (its name has a random part)."""
    stem = witness.file_name(load(team.key(who)).fingerprint).removesuffix(".json")
    found = list((team.root / ".review" / "witness").glob(f"{stem}-*.json"))
    assert len(found) == 1, found
    return found[0]


def cut_newest(team, kind: str) -> None:
    """What the insider does with sqlite3 (or as the tables' owner) before anyone else acts:
    delete the newest record, of `kind`, and its row in the decisions table."""
    with engine(team).begin() as conn:
        last, found = conn.execute(text("SELECT seq, kind FROM review_log ORDER BY seq DESC "
                                        "LIMIT 1")).one()
        assert found == kind
        conn.execute(text("DELETE FROM review_log WHERE seq = :s"), {"s": last})
        conn.execute(text("DELETE FROM review_decisions WHERE seq = :s"), {"s": last})


def test_a_rejection_cut_before_anyone_saw_it_stops_the_next_approver(team):
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    team.add("approver2", "approver", key_of="outsider")
    _, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "数据未经核实")
    cut_newest(team, "reject")
    # approver shopping: another approver, whose computer never saw the rejection
    team.fails(3, "outsider", "approve", str(item), match="witnessed")
    team.fails(3, "editor", "release", str(item), match="witnessed")
    team.refused(None, "audit", "verify", match="removed")


def test_a_raised_policy_cut_before_anyone_saw_it_stops_the_release(team):
    _, item = approved_item(team)  # one level is enough under the first policy
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    cut_newest(team, "policy.set")
    team.fails(3, "editor", "release", str(item), match="witnessed")
    team.fails(3, "editor", "queue", match="witnessed")


def test_a_forged_witness_stops_everyone_and_names_its_owner(team):
    _, item = approved_item(team)
    mine = own_witness(team, "editor")
    data = json.loads(mine.read_text(encoding="utf-8"))
    mine.write_text(json.dumps(dict(data, seq=data["seq"] + 40)), encoding="utf-8")
    team.fails(3, "editor", "release", str(item), match="not signed by its key")
    result = team.refused(None, "audit", "verify", match="disagree")
    assert "not signed by its key" in result.stdout


@pytest.mark.parametrize("junk", [
    b"", b"[" * 100_000, b'{"seq": 18446744073709551616}',
    b'{"seq": 1, "hash": "x", "public": 5, "signature": "eA=="}',
    b'{"seq": 1, "hash": "x", "public": "ed25519:AAAA", "signature": "eA=="}',
    b'{"seq": 1e999, "hash": "x", "public": "ed25519:AAAA", "signature": "eA=="}'],
    ids=["empty", "nested", "huge-seq", "public-not-text", "public-too-short", "infinite-seq"])
def test_a_witness_squatted_at_another_members_name_stops_everyone(team, junk):
    """The red team's squat: junk at the name a member's first witness will take, so that his
    witness could never be written in the sticky directory. It is not ignored: every action
    stops (exit 3, one line, no traceback) and names the file's owner, until an admin removes
    it; nested JSON or a number beyond the database's range are junk like any other."""
    here = team.root / ".review" / "witness"
    squatted = here / witness.file_name(load(team.key("approver")).fingerprint)
    squatted.write_bytes(junk)
    team.fails(3, "editor", "submit", team.write("a.txt", CLEAN), match="tampered")
    squatted.unlink()
    team.ok("editor", "submit", team.write("a.txt", CLEAN))


def test_a_member_who_witnesses_a_record_that_never_was_is_named(team):
    """Vouching for a record that is not there stops the store — a denial of service that
    names its author's key, for the admin to remove."""
    _, item = approved_item(team)
    outsider = load(team.key("editor"))
    here = team.root / ".review" / "witness"
    (here / witness.file_name(outsider.fingerprint)).write_text(
        json.dumps(witness.signed(99, "0" * 64, outsider)), encoding="utf-8")
    team.fails(3, "reviewer", "queue", match=outsider.fingerprint)


def test_the_log_is_append_only_in_the_database(team):
    approved_item(team)
    plain = create_engine(team.url or sqlite_url(team.root))
    for statement in ("DELETE FROM review_log WHERE seq = 3",
                      "UPDATE review_log SET kind = 'approve' WHERE seq = 3"):
        with pytest.raises(Exception, match="append-only"), plain.begin() as conn:
            conn.execute(text(statement))
    plain.dispose()
    team.ok(None, "audit", "verify")


@pytest.mark.parametrize("team", ["postgresql"], indirect=True)
def test_a_member_role_on_postgresql_can_work_but_not_cut_the_log(team, request):
    """The README's team setup: each member connects as a role with MEMBER_GRANTS — every
    review action works, and nothing the member can run removes or edits a signed record."""
    team.url = member_url(team, request)
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    member = create_engine(team.url)
    for statement in ("DELETE FROM review_log", "UPDATE review_log SET kind = 'approve'",
                      "TRUNCATE review_log", "DROP TRIGGER review_log_append_only ON review_log",
                      "ALTER TABLE review_log DISABLE TRIGGER ALL"):
        with pytest.raises(Exception, match="permission denied|must be owner"), \
                member.begin() as conn:
            conn.execute(text(statement))
    member.dispose()
    team.ok(None, "audit", "verify")
    team.ok(None, "verify", path)


def test_a_witness_is_written_whatever_names_are_taken_beside_it(team):
    """The red team squatted the names a witness was written under — its temporary name, then
    its final one while the commit waited for a lock — so that a rejection went unwitnessed.
    Both names have a random part now: nobody can take them first."""
    import os

    here = team.root / ".review" / "witness"
    stem = witness.file_name(load(team.key("editor")).fingerprint).removesuffix(".json")
    (here / f".{stem}.{os.getpid()}.tmp").mkdir()
    team.ok("editor", "submit", team.write("a.txt", CLEAN))
    first = own_witness(team, "editor")
    team.ok("editor", "submit", team.write("b.txt", CLEAN))
    second = own_witness(team, "editor")  # the earlier one is gone
    assert first != second and second.name.startswith(stem + "-")


def test_an_action_whose_witness_cannot_be_written_is_not_recorded(team):
    here = team.root / ".review" / "witness"
    for kept in here.iterdir():
        kept.unlink()
    here.rmdir()
    here.write_text("not a directory", encoding="utf-8")
    team.fails(3, "editor", "submit", team.write("a.txt", CLEAN), match="nothing was recorded")
    here.unlink()
    here.mkdir()
    team.ok(None, "audit", "verify")
    assert json.loads(team.ok("reviewer", "queue", "--format", "json").stdout) == []


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0,
                    reason="giving the directory to another user needs root")
def test_a_witness_directory_made_by_another_member_stops_everyone(team):
    """In a workspace made before witnesses, the first member to act made the directory and,
    owning it, could delete the others' witnesses (the sticky bit spares the owner): only the
    workspace's owner makes it now, and one owned by anyone else stops every action."""
    import os

    here = team.root / ".review" / "witness"
    os.chown(here, 65534, -1)
    team.fails(3, "reviewer", "queue", match="not to the workspace's owner")


def test_a_workspace_without_witnesses_says_so_on_every_action(team, monkeypatch):
    """A workspace made before witnesses gets them from its owner's next action; until then
    every other member's action says that a record could be cut unnoticed, and so does the
    audit."""
    import os
    import shutil

    shutil.rmtree(team.root / ".review" / "witness")
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)  # a member, not the folder's owner
    result = team.ok("editor", "submit", team.write("a.txt", CLEAN))
    assert "keeps no witnesses" in result.stderr
    team.refused(None, "audit", "verify", match="disagree")


@pytest.mark.parametrize("made", ["link", "fifo", "stranger"])
def test_links_pipes_and_strangers_keys_in_the_witness_directory_stop_everyone(team, made):
    """The fifth red-team pass: a link to another member's witness blamed that member; a pipe
    made every reader wait for ever; a witness signed by a key on no roster raised a false
    alarm naming nobody. Each is junk now: every action stops at once, naming the file's
    owner."""
    import os

    from review.workflow import keys

    team.ok("editor", "submit", team.write("a.txt", CLEAN))
    here = team.root / ".review" / "witness"
    if made == "link":
        os.symlink(own_witness(team, "editor"), here / "zz.json")
    elif made == "fifo":
        os.mkfifo(here / "zz.json")
    else:
        stranger = keys.generate(team.root / "stranger.pem")
        stem = witness.file_name(stranger.fingerprint)
        (here / stem).write_text(json.dumps(witness.signed(1, "0" * 64, stranger)),
                                 encoding="utf-8")
    team.fails(3, "reviewer", "queue", match="tampered")


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0,
                    reason="giving the folder to another user needs root")
def test_a_review_folder_replaced_whole_stops_everyone(team):
    """The seventh red-team pass: with write access to the workspace's top folder, the editor
    renamed .review away and made his own (owning it and its witness directory) with a
    doctored copy of the database. The folder's owner is signed into the workspace's first
    record: a folder owned by anyone else stops every action."""
    import os

    os.chown(team.root / ".review", 65534, -1)
    team.fails(3, "reviewer", "queue", match="it was replaced")
