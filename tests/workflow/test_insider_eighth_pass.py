"""The eighth red-team pass on the two-person rule (issue 16): records any member can append to
the log with his own key, which the store itself would have refused. (The CI side of the pass —
settings from the default branch, junk attestations, revocations from an earlier record —
is in tests/ci/test_gate.py.)"""

import base64
import hashlib

import pytest
from sqlalchemy import text
from workflow.team import CLEAN

from review.tables import log
from review.workflow import chain
from review.workflow.chain import Place, body_of, record_hash
from review.workflow.keys import load

from .test_attacks import approved_item, engine


def append_record(conn, me, kind, item, statement, item_prev=None) -> Place:
    """A record signed with the key `me` and inserted at the log's end by hand, linked as
    the store would link it (or, `item_prev`, to an earlier record of the item)."""
    head = chain.head(conn)
    records = chain.records(conn, item_id=item)
    trust = chain.records(conn, kinds=chain.TRUST_KINDS)[-1].computed_hash()
    place = Place(chain.workspace_id(conn), head.seq + 1, head.hash,
                  item_prev or records[-1].computed_hash(), trust)
    body = body_of(kind, item, statement, place)
    signature = base64.b64encode(me.sign(body.encode())).decode()
    conn.execute(log.insert().values(
        seq=place.seq, kind=kind, item_id=item, actor=me.fingerprint, body=body,
        signature=signature, prev_hash=head.hash,
        hash=record_hash(place.seq, kind, item, me.fingerprint, body, signature, head.hash)))
    return place


def append_signed(team, who, kind, item, statement, item_prev=None):
    """A record signed with `who`'s own key and appended at the log's end by hand, the item
    marked released as the tables would show it."""
    made = engine(team)
    with made.begin() as conn:
        place = append_record(conn, load(team.key(who)), kind, item, statement, item_prev)
        conn.execute(text(f"UPDATE review_items SET state='released', updated_seq={place.seq}"
                          f" WHERE id={item}"))
    made.dispose()
    return place.seq


def void_in_export(team):
    """The releases the committed export names void (no attestation of them is accepted)."""
    import json

    env = json.loads((team.root / ".review" / "roster.json").read_text(encoding="utf-8"))
    return json.loads(base64.b64decode(env["payload"]))["void"]


def test_a_release_appended_by_hand_after_a_rejection_in_another_item_is_not_vouched_for(team):
    """Two copies of one text; one is approved, the other rejected. The store refuses to
    release the approved copy — the rejection sticks to the text — so the editor signs the
    release himself and appends it to the log. Its item's own records allow it; the
    rejection is in another item, which no attestation shows. So nothing vouches for it:
    `review release` will not write its attestation, the admin's export (which CI needs to
    accept a release) names it void, and `review audit verify` names the record."""
    team.add("outsider", "reviewer")
    copy = team.write("copy.txt", CLEAN)
    rejected = team.submit("editor", copy)
    path, item = approved_item(team)
    team.ok("outsider", "reject", str(rejected), "--reason", "数据未经核实")
    team.refused("editor", "release", str(item), match=f"rejected in item {rejected}")
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    seq = append_signed(team, "editor", "release", item, {"path": path, "content_sha256": digest})
    team.refused("editor", "release", str(item), match="release does not stand")
    exported = team.ok("admin", "roster", "export")  # named void, not refused for good
    assert f"record {seq} releases item {item}" in exported.stderr
    assert void_in_export(team) == [seq]
    result = team.run("admin", "audit", "verify")
    assert result.exit_code == 1 and f"record {seq} releases item {item}" in result.output


def test_a_release_forked_past_a_resubmission_counts_for_nothing(team):
    """The editor's version is approved; a colleague resubmits a corrected one, which voids
    the vote. The editor appends a release of his version whose item link skips the
    resubmission. It counts for nothing: the item waits for review of the new version, the
    admin's export names the release void, and audit verify names it."""
    path, item = approved_item(team)
    made = engine(team)
    with made.begin() as conn:
        approval = chain.records(conn, item_id=item)[-1]
    made.dispose()
    team.write("a.txt", CLEAN + "（更正）\n")
    team.ok("editor2", "submit", path)
    seq = append_signed(team, "editor", "release", item,
                        {"path": path,
                         "content_sha256": hashlib.sha256(CLEAN.encode()).hexdigest()},
                        item_prev=approval.computed_hash())
    exported = team.ok("admin", "roster", "export")  # named void, not refused for good
    assert void_in_export(team) == [seq] and f"record {seq}" in exported.stderr
    assert "1:reviewer" in team.ok("reviewer", "queue").stdout  # the new version waits
    result = team.run(None, "audit", "verify")
    assert result.exit_code == 1 and f"record {seq} names another earlier record" in result.output


@pytest.mark.parametrize("edit,named", [
    ("UPDATE review_items SET content = 123", "review_items row 1: content"),
    ("UPDATE review_items SET content = 'text'", "review_items row 1: content"),
    ("UPDATE review_items SET updated_seq = 'x'", "review_items row 1: updated_seq"),
    ("UPDATE review_decisions SET seq = 'x'", "review_decisions row 'x'"),
])
def test_a_value_of_the_wrong_type_in_a_sqlite_column_is_named_not_a_crash(team, edit, named):
    """SQLite keeps whatever sqlite3 puts in a column: every command says so in one line
    (exit 3) or goes on, and `review audit verify` names the row — no traceback."""
    if team.url:
        pytest.skip("PostgreSQL's columns are typed")
    _, item = approved_item(team)
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text(edit))
    made.dispose()
    result = team.run("admin", "audit", "verify")
    assert result.exit_code == 1 and named in result.output, result.output
    for args in (("queue",), ("show", str(item)), ("release", str(item))):
        result = team.run("editor", *args)
        assert result.exit_code in (0, 1, 3) and "意外错误" not in result.output, result.output
        assert "Traceback" not in result.output
