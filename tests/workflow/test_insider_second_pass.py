"""The second red-team pass on the two-person rule (issue 16): each attack that succeeded then,
shown to fail now. (Witness squatting and junk witnesses: test_witness.py; an organisation's
leaders file that would weaken the gate: tests/stages/expression/test_leaders.py.)"""

import base64
import hashlib
import json

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, member_url

from review.cli import main
from review.tables import items, log
from review.workflow import chain
from review.workflow.chain import Place, body_of, record_hash
from review.workflow.keys import load

from .test_attacks import approved_item, engine


def test_a_release_signed_against_the_policy_before_it_was_raised_counts_for_nothing(team):
    """The editor signs his own release record, appended honestly at the end of the log, but
    naming as its roster and policy the head from before the admin raised the policy to two
    levels — as if the raise had not happened. Its signature and links are good; the place
    it claims is not the log's: it counts for nothing, stops nobody, and audit names it."""
    _, item = approved_item(team)
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    team.refused("editor", "release", str(item), match="level 2")
    editor = load(team.key("editor"))
    with engine(team).begin() as conn:
        history = chain.records(conn, item_id=item)
        stale = chain.place_of(history[-1]).trust  # what the approval saw: one level
        head = chain.head(conn)
        statement = {"path": history[0].statement["path"],
                     "content_sha256": history[0].statement["content_sha256"]}
        place = Place(chain.workspace_id(conn), head.seq + 1, head.hash,
                      history[-1].computed_hash(), stale)
        body = body_of("release", item, statement, place)
        signature = base64.b64encode(editor.sign(body.encode())).decode()
        conn.execute(log.insert().values(
            seq=place.seq, kind="release", item_id=item, actor=editor.fingerprint, body=body,
            signature=signature, prev_hash=head.hash,
            hash=record_hash(place.seq, "release", item, editor.fingerprint, body, signature,
                             head.hash)))
        conn.execute(items.update().where(items.c.id == item).values(state="released"))
    assert f"{item}   2:approver" in team.ok("reviewer", "queue").stdout  # still waiting
    team.refused("editor", "release", str(item), match="level 2")
    result = team.run(None, "audit", "verify")
    assert result.exit_code == 1 and "earlier roster or policy" in result.output


def test_a_rejected_content_under_another_name_goes_to_no_other_approver(team):
    """Approver shopping across items: the rejected bytes copied to a new file."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "数据未经核实")
    copy = team.write("a-v2.txt", (team.root / path).read_bytes())
    team.refused("editor", "submit", copy, match=f"rejected in item {item}")


def test_two_copies_submitted_before_one_is_rejected(team):
    """Both copies were submitted (and approved at level 1) before the rejection: the other
    one can be neither approved nor released."""
    first = team.submit("editor", team.write("a.txt", CLEAN))
    second = team.submit("editor", team.write("b.txt", CLEAN))
    team.ok("reviewer", "reject", str(first), "--reason", "数据未经核实")
    team.refused("reviewer", "approve", str(second), match=f"rejected in item {first}")
    team.add("reviewer2", "reviewer", key_of="outsider")
    team.refused("outsider", "approve", str(second), match="rejected")


def test_deeply_nested_json_beside_a_valid_attestation_does_not_stop_verify(team):
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    digest = hashlib.sha256((team.root / path).read_bytes()).hexdigest()
    junk = team.root / ".review" / "attestations" / f"{digest}-0.dsse.json"
    junk.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    team.ok("reviewer", "verify", path)


def test_an_attestation_with_an_infinite_number_beside_a_valid_one(team):
    """The fourth red-team pass: `"seq": 1e999` in a carried record crashed verify."""
    import json

    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    digest = hashlib.sha256((team.root / path).read_bytes()).hexdigest()
    folder = team.root / ".review" / "attestations"
    real = next(folder.glob(f"{digest}-*.dsse.json"))
    env = json.loads(real.read_text(encoding="utf-8"))
    payload = base64.b64decode(env["payload"]).decode()
    payload = payload.replace('"seq":', '"seq": 1e999, "was":', 1)
    env["payload"] = base64.b64encode(payload.encode()).decode()
    (folder / f"{digest}-0.dsse.json").write_text(json.dumps(env), encoding="utf-8")
    team.ok("reviewer", "verify", path)


def test_audit_names_hand_edited_sequence_columns(team):
    _, item = approved_item(team)
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_items SET submitted_seq = 1, updated_seq = 99"))
    result = team.refused(None, "audit", "verify", match="disagree")
    assert f"review_items row {item}: submitted_seq differs" in result.stdout
    assert f"review_items row {item}: updated_seq differs" in result.stdout


@pytest.mark.parametrize("team", ["postgresql"], indirect=True)
def test_a_row_nobody_signed_names_the_database_role_that_added_it(team, request):
    """A member's role may add to the log (it must, to act) and so may add garbage: every
    action then stops, and the message names the role — the database sets it, not the
    writer."""
    url = member_url(team, request)
    role = url.split("://", 1)[1].split("@", 1)[0]
    member = create_engine(url)
    with member.begin() as conn:
        conn.execute(text("INSERT INTO review_log (seq, kind, actor, body, signature, prev_hash, "
                          "hash, inserted_by) VALUES (1000000, 'approve', 'x', '{}', 'x', 'x', "
                          "'x', 'admin')"))
    member.dispose()
    team.fails(3, "reviewer", "queue", match=f"added by database role {role}")


@pytest.mark.parametrize("team", ["postgresql"], indirect=True)
def test_a_row_numbered_below_one_names_who_added_it_not_the_last_writer(team, request):
    url = member_url(team, request)
    role = url.split("://", 1)[1].split("@", 1)[0]
    approved_item(team)
    member = create_engine(url)
    with member.begin() as conn:
        conn.execute(text("INSERT INTO review_log (seq, kind, actor, body, signature, prev_hash, "
                          "hash) VALUES (-1, 'approve', 'x', '{}', 'x', 'x', 'x')"))
    member.dispose()
    team.fails(3, "reviewer", "queue", match=f"record -1 was added by database role {role}")


def forge_release(team, path, item, beyond=False):
    """The editor signs a release of an approved item himself, against the roster and policy
    its approval saw, numbered right after the item's last record (or, `beyond`, after the
    log's head), and writes its attestation without ever adding the release to the log."""
    from review.findings import Finding
    from review.workflow import attest
    from review.workflow.history import build as build_history
    from review.workflow.roster import build as build_roster
    from review.workflow.workspace import Workspace

    editor = load(team.key("editor"))
    with engine(team).begin() as conn:
        trusted = chain.records(conn, kinds=chain.TRUST_KINDS)
        history = chain.records(conn, item_id=item)
        workspace = chain.workspace_id(conn)
        head = chain.head(conn)
    last = history[-1]
    after = head if beyond else last
    stale = chain.place_of(last).trust
    cut = [r for r in trusted if r.seq <= next(t.seq for t in trusted
                                                if t.computed_hash() == stale)]
    statement = {"path": path, "content_sha256": history[0].statement["content_sha256"]}
    place = Place(workspace, after.seq + 1, after.computed_hash(), last.computed_hash(), stale)
    body = body_of("release", item, statement, place)
    signature = base64.b64encode(editor.sign(body.encode())).decode()
    release = chain.Record(place.seq, "release", item, editor.fingerprint, body, signature,
                           place.prev, record_hash(place.seq, "release", item,
                                                   editor.fingerprint, body, signature,
                                                   place.prev))
    roster = build_roster(cut)
    records = [*history, release]
    built = build_history(records, roster, roster.policy, workspace)
    found = [Finding.from_dict(f) for f in built.version.findings]

    class State:
        policy = roster.policy

    attest.write(Workspace(team.root), editor,
                 attest.statement(built, State, found, records, cut), built)


def test_a_backdated_release_signed_outside_the_store_fails_against_a_current_export(team):
    """The fourth red-team pass: the editor signs a release himself, numbered right after the
    approval (below the raised policy), and never adds it to the log; the committed export
    made after the raise held only the roster's records, so it could not tell. It carries
    every record's number and hash now: a record numbered within it must be one of them."""
    path, item = approved_item(team)  # one level under the first policy
    team.submit("editor", team.write("b.txt", CLEAN))  # a record between: room to backdate
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    team.ok("admin", "roster", "export")
    forge_release(team, path, item)
    result = team.refused("reviewer", "verify", "--roster", ".review/roster.json", path)
    assert "not in this workspace's log" in result.output  # the store beside it (pass 31)
    # offline, with no store to read (the person's own choice), the export alone knows
    offline = {**team.env("reviewer"),
               "REVIEW_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/x"}
    result = team.runner.invoke(main, ["verify", "--roster", ".review/roster.json", path],
                                env=offline)
    assert result.exit_code == 1 and "not those of the committed log export" in result.output


@pytest.mark.parametrize("edit", [
    "UPDATE review_log SET kind = 'note', item_id = NULL WHERE kind = 'reject'",
    "UPDATE review_log SET item_id = 99 WHERE kind = 'reject'",
], ids=["relabelled", "moved"])
def test_a_rejection_relabelled_deep_in_the_log_is_caught(team, edit):
    """The fifth red-team pass: once everyone's computer had verified past a rejection, the
    editor re-labelled its row (kind, item) so that it dropped out of the item's history; a
    reviewer unaware of it approved and the editor released. Every action now checks every
    row's columns against its signed body."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    _, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "数据未经核实")
    for name in ("b.txt", "c.txt"):  # work goes on: every head moves past the rejection
        team.submit("editor2", team.write(name, CLEAN + name + "\n"))
    for who in ("admin", "editor", "reviewer", "approver", "editor2"):
        team.ok(who, "queue")
    with engine(team).begin() as conn:
        conn.execute(text(edit))
        conn.execute(text("UPDATE review_items SET state = 'pending'"))
        conn.execute(text("DELETE FROM review_decisions WHERE kind = 'reject'"))
    team.fails(3, "approver", "approve", str(item), match="was altered")
    team.fails(3, "editor", "release", str(item), match="was altered")


@pytest.mark.parametrize("team", ["sqlite"], indirect=True)
def test_wildcards_or_nulls_in_a_rows_columns_do_not_hide_a_rejection(team):
    """The sixth red-team pass: `item_id = '%'`, `kind = '%'` in SQLite (which keeps any value
    in any column) matched any body in a LIKE; the columns are compared exactly now."""
    approved_item(team)
    team.add("reviewer2", "reviewer", key_of="outsider")
    second = team.submit("editor", team.write("b.txt", CLEAN + "另一稿。\n"))
    team.ok("reviewer", "reject", str(second), "--reason", "数据未经核实")
    with engine(team).begin() as conn:
        conn.execute(text("UPDATE review_log SET item_id = '%', kind = '%' "
                          "WHERE kind = 'reject'"))
    team.fails(3, "outsider", "approve", str(second), match="was altered")


@pytest.mark.parametrize("team", ["sqlite"], indirect=True)
def test_a_deleted_record_hidden_by_a_duplicate_number_is_caught(team):
    """The sixth pass rebuilt review_log without its key, deleted a rejection and copied an
    old record to keep count(*) = max(seq)."""
    approved_item(team)
    second = team.submit("editor", team.write("b.txt", CLEAN + "另一稿。\n"))
    team.ok("reviewer", "reject", str(second), "--reason", "数据未经核实")
    team.submit("editor2", team.write("c.txt", CLEAN + "第三稿。\n"))
    with engine(team).begin() as conn:
        conn.execute(text("CREATE TABLE copy AS SELECT * FROM review_log"))
        conn.execute(text("DROP TABLE review_log"))
        conn.execute(text("ALTER TABLE copy RENAME TO review_log"))
        conn.execute(text("DELETE FROM review_log WHERE kind = 'reject'"))
        conn.execute(text("INSERT INTO review_log SELECT * FROM review_log WHERE seq = 2"))
    team.fails(3, "reviewer", "queue", match="used twice")


def test_a_roster_file_given_to_verify_must_start_at_the_pinned_root(team, tmp_path):
    """The sixth pass: `verify --roster FILE` took the export's own first admin as the root,
    even with REVIEW_TRUST_ROOT pinned: the editor's own workspace's export let his own
    attestation through. A pinned root is never set aside by a file."""
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    team.ok("admin", "roster", "export")
    team.ok("reviewer", "verify", "--roster", ".review/roster.json", path)  # the real one
    from review.workflow import attest, keys

    forger = keys.load(team.key("editor"))
    with engine(team).begin() as conn:
        records = chain.records(conn, kinds=chain.TRUST_KINDS)
    payload = attest.roster_payload(records, [], [])
    (tmp_path / "forged.json").write_text(json.dumps(attest.export_roster(payload, forger)),
                                          encoding="utf-8")
    team.refused("reviewer", "verify", "--roster", str(tmp_path / "forged.json"), path,
                 match="forged.json")


def test_a_witness_left_staged_by_a_process_that_died_still_witnesses(team, monkeypatch):
    """The sixth pass: a reviewer's process died between the commit of his rejection and the
    publishing of its witness; the staged file was skipped for ever and the rejection could be
    cut. A staged witness older than a minute counts now."""
    import os
    import time

    from review.workflow import witness

    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    _, item = approved_item(team)
    with monkeypatch.context() as dying:
        dying.setattr(witness, "publish", lambda staged, identity: None)  # dies before it
        team.ok("approver", "reject", str(item), "--reason", "数据未经核实")
    staged = [p for p in (team.root / ".review" / "witness").iterdir()
              if p.name.startswith(".")]
    assert len(staged) == 1
    old = time.time() - 2 * witness.STALE_STAGED
    os.utime(staged[0], (old, old))
    with engine(team).begin() as conn:
        conn.execute(text("DELETE FROM review_log WHERE kind = 'reject'"))
        conn.execute(text("DELETE FROM review_decisions WHERE kind = 'reject'"))
    team.fails(3, "editor", "release", str(item), match="witnessed")


def test_a_blank_reason_or_document_number_is_refused(team):
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.usage_error("reviewer", "reject", str(item), "--reason", "  ", match="blank")
    team.usage_error("reviewer", "consent", str(item), "--ref", "", match="blank")


def test_the_workspaces_own_file_size_limit_does_not_reach_the_gate(team):
    """The seventh pass: `max-file-size = 1000000` in the workspace's review.toml made every
    approval allocate without end (MemoryError). The gate keeps the shipped limit, and a
    limit beyond a gigabyte is a configuration error."""
    path = team.write("a.txt", CLEAN)
    (team.root / "review.toml").write_text("max-file-size = 0.000001\n", encoding="utf-8")
    item = team.submit("editor", path)  # the gate's limit, not the workspace's
    team.ok("reviewer", "approve", str(item))
    (team.root / "review.toml").write_text("max-file-size = 1000000\n", encoding="utf-8")
    team.usage_error(None, "check", path, match="max")


def test_rejected_text_saved_again_with_other_bytes_is_still_rejected(team):
    """The seventh pass: the rejected text saved with a BOM and Windows line ends under
    another name was a new content to the byte-for-byte check."""
    second = team.submit("editor", team.write("x.txt", CLEAN + "另一稿。\n"))
    team.ok("reviewer", "reject", str(second), "--reason", "数据未经核实")
    variant = ("\ufeff" + (CLEAN + "另一稿。\n").replace("\n", "\r\n")).encode("utf-8")
    team.refused("editor", "submit", team.write("y.txt", variant), match=f"item {second}")
