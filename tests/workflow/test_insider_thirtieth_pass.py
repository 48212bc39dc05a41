"""Insider pass 30: what it got through, and what now stops it.

- `review verify` beside the office's own store took an attestation the editor wrote himself:
  his own release of content the office rejected in another item — appended to the log by
  hand, or signed in a transaction he never committed — with its attestation signed by his
  own key, as the releaser. The attestation carries its own item only, so nothing in it shows
  the rejection; `review release` refused to write it and an admin's later export would name
  it void, but with no export made since (or none in the folder) `review verify` said
  "released". It now reads the store beside the draft, when that is the root's workspace,
  as an export made now: the release must be in its log, with every record of its item,
  and not one its rules refused. `review published` compared a page with such a release too.
- `review policy lists` took the softer severity an editor gave a pinned list in review.toml
  with nothing said; it refuses it now unless the admin names the list (`--drop`).
- A backup's signature was a head in a witness's format: an admin's witness beside a copy cut
  back to it passed for the admin's signed backup. A backup's signature now says it is one.
- The desk built its check once a run: a list pinned after its first approval did not bind
  it. It builds it again when the policy changes."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from workflow.team import CLEAN, Team

from review.workflow import attest, chain
from review.workflow.history import build as build_history
from review.workflow.keys import load
from review.workflow.service import load_findings, load_state
from review.workflow.workspace import Workspace

from .test_attacks import approved_item, engine
from .test_insider_eighth_pass import append_record


def own_release(team: Team, who: str, item: int, logged: bool) -> None:
    """`who` signs a release of `item` at the log's end with his own key — appended to the
    log (`logged`), or in a transaction rolled back: signed outside the store — and writes its
    attestation with the same key, as `review release` would have."""
    me = load(team.key(who))
    made = engine(team)
    conn = made.connect()
    outer = conn.begin()
    try:
        records = chain.records(conn, item_id=item)
        version = [r for r in records if r.kind in ("submit", "resubmit")][-1].statement
        statement = {"path": version["path"], "content_sha256": version["content_sha256"],
                     "at": version["at"]}
        trust = chain.records(conn, kinds=chain.TRUST_KINDS)
        place = append_record(conn, me, "release", item, statement)
        state = load_state(conn, team.root / ".review")
        history = build_history(chain.records(conn, item_id=item), state.roster, state.policy,
                                state.workspace, state.trust)
        assert history.released is not None  # the item's own records allow it
        row = conn.execute(text(f"SELECT findings FROM review_items WHERE id = {item}")).first()
        made_statement = attest.statement(
            history, state, load_findings(row.findings),
            chain.records(conn, item_id=item),
            [r for r in trust if r.seq < place.seq])
        attest.write(Workspace(team.root), me, made_statement, history)
        outer.commit() if logged else outer.rollback()
    finally:
        conn.close()
        made.dispose()


def rejected_elsewhere(team: Team) -> tuple[str, int]:
    """Two copies of one text: one approved (its path and item), the other rejected."""
    team.add("outsider", "reviewer")
    rejected = team.submit("editor", team.write("copy.txt", CLEAN))
    path, item = approved_item(team)
    team.ok("admin", "roster", "export")  # committed before the rejection: it knows nothing
    team.ok("outsider", "reject", str(rejected), "--reason", "数据未经核实")
    team.refused("editor", "release", str(item), match=f"rejected in item {rejected}")
    return path, item


@pytest.mark.parametrize("logged", [True, False], ids=["appended", "outside-the-store"])
def test_an_attestation_of_a_release_the_store_refused_does_not_verify(team: Team,
                                                                        logged: bool) -> None:
    """The editor's own release of the text rejected in another item, and its attestation
    signed by himself: `review verify` beside the store said it was released."""
    path, item = rejected_elsewhere(team)
    own_release(team, "editor", item, logged)
    result = team.refused("reviewer", "verify", path)
    assert ("rules refused" if logged else "not in this workspace's log") in result.stderr
    (team.root / ".review" / "roster.json").unlink()  # no export in the folder at all
    team.refused("reviewer", "verify", path)


def test_a_release_in_the_store_still_verifies_beside_it(team: Team) -> None:
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    team.ok("reviewer", "verify", path)
    team.ok("admin", "roster", "export")
    team.ok("reviewer", "verify", path)


ORG = '[[lexicon]]\npath = "org/terms.txt"\ncategory = "illegal"\nseverity = "block"\n'
NEW = '[[lexicon]]\npath = "org/new.txt"\ncategory = "illegal"\nseverity = "block"\n'
DRAFT = "关于开展冬季安全检查的通知\n\n近期发现有人兜售青岚特供散装酒，请群众注意。\n"


def test_re_pinning_takes_no_softer_severity_unsaid(team: Team) -> None:
    """The editor gave the office's pinned list `severity = "info"` in review.toml (the gate
    ignored it while the pin stood); the admin's next routine pin, of a new list, signed the
    softer severity with no word said, and the banned term stopped blocking."""
    (team.root / "org").mkdir()
    (team.root / "org" / "terms.txt").write_text("青岚特供散装酒\n", encoding="utf-8")
    (team.root / "org" / "new.txt").write_text("某某新词\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG, encoding="utf-8")
    team.ok("admin", "policy", "lists")
    (team.root / "review.toml").write_text(ORG.replace('"block"', '"info"') + NEW,
                                           encoding="utf-8")
    team.refused("admin", "policy", "lists", match="illegal/block/— → illegal/info/—")
    item = team.submit("editor", team.write("a.txt", DRAFT))
    shown = team.ok("reviewer", "show", str(item), "--format", "json").stdout
    assert '"severity": "block"' in shown and '"severity": "info"' not in shown
    team.ok("admin", "policy", "lists", "--drop", "org/terms.txt")  # the admin says so


def test_a_witness_is_no_backup_signature(team: Team, tmp_path, tmp_path_factory,
                                          monkeypatch) -> None:
    """A backup's signature was a signed head in a witness's format: the editor took a copy
    (any member may), cut it back to the admin's last action — before the reviewer's
    rejection — and put the admin's witness beside it: `review restore` took it without
    --unsigned and said "the backup was signed by admin"."""
    import json
    import shutil
    import sqlite3

    from .test_backup import _elsewhere

    path, item = approved_item(team)
    rejected = team.submit("editor", team.write("b.txt", CLEAN + "另一稿。\n"))
    team.ok("admin", "alerts", "add", "城东区教育局", "--kind", "serious", "--date",
            "2026-11-10")
    team.ok("reviewer", "reject", str(rejected), "--reason", "不发")
    out = tmp_path / "review.db"
    team.ok("editor", "backup", "--out", str(out))  # unsigned: the editor is not the office
    heads = [json.loads(w.read_text()) for w in (team.root / ".review" / "witness").iterdir()]
    admin = next(h for h in heads if h["signer"] == load(team.key("admin")).fingerprint)
    with sqlite3.connect(out) as conn:
        conn.execute("DROP TRIGGER review_log_no_delete")
        conn.execute(f"DELETE FROM review_log WHERE seq > {admin['seq']}")
        conn.execute(f"DELETE FROM review_decisions WHERE seq > {admin['seq']}")
        conn.execute("UPDATE review_items SET state = 'pending', updated_seq = (SELECT max(seq) "
                     f"FROM review_log WHERE item_id = {rejected}) WHERE id = {rejected}")
    shutil.copy(next(w for w in (team.root / ".review" / "witness").iterdir()
                     if json.loads(w.read_text()) == admin), f"{out}.signed.json")
    restored, _ = _elsewhere(team, tmp_path_factory, monkeypatch)
    restored.fails(3, "admin", "restore", str(out), match="no valid backup signature")


def test_the_desk_judges_with_the_list_pinned_since_it_started(team: Team, monkeypatch) -> None:
    """The desk's service built its check once and kept it for the whole run: a list the
    office pinned after the desk's first approval did not bind the desk. A draft submitted
    before the pin, which the command line refuses to approve (its check finds the banned
    term the submission did not sign), was approved on the page and released."""
    from desk.conftest import client_of, desk_of, form_of

    first = team.submit("editor", team.write("a.txt", CLEAN))
    late = team.submit("editor", team.write("b.txt", DRAFT))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    assert client.post(f"/items/{first}/approve", data=form_of(client, first)).status_code == 303
    (team.root / "org").mkdir()
    (team.root / "org" / "terms.txt").write_text("青岚特供散装酒\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG, encoding="utf-8")
    team.ok("admin", "policy", "lists")
    version = form_of(client, late)["version"]
    team.refused("reviewer", "approve", str(late), "--version", version, match="findings")
    response = client.post(f"/items/{late}/approve", data=form_of(client, late))
    assert response.status_code == 409 and "findings" in response.text
    team.refused("editor", "release", str(late))


def test_a_page_is_not_compared_with_a_release_the_rules_refused(team: Team, tmp_path) -> None:
    """`review published` took the editor's own release (appended by hand after the text
    was rejected in another item) for an approval: the page of the rejected text "passed"."""
    path, item = rejected_elsewhere(team)
    own_release(team, "editor", item, logged=True)
    page = tmp_path / "page.txt"
    page.write_text(CLEAN, encoding="utf-8")
    team.refused("reviewer", "published", str(item), "--file", str(page),
                 match="one the rules refused")
