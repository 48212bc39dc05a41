"""Insider pass 41: what `roster pending` shows a co-signing admin of term lists pinned under
paths drawn as the office's (a Cyrillic letter, a trailing space, a zero-width space), the
roster export read in one snapshot while others append, and role changes hidden in a
rotation (docs/redteam/pass-41.md)."""

from __future__ import annotations

import base64
import json

import pytest
from workflow.team import CLEAN, Team, three_admins

from review.workflow import audit

ORG = '[[lexicon]]\npath = "org/terms.txt"\ncategory = "illegal"\nseverity = "block"\n'
DRAFT = "关于开展冬季安全检查的通知\n\n近期发现有人兜售青岚特供散装酒，请群众注意。\n"


@pytest.mark.parametrize("fake", ["org/t\u0435rms.txt", "org/terms.txt ",
                                  "org/terms.txt\u200b"])
def test_pending_names_a_list_path_drawn_as_the_pinned_one(team: Team, fake: str) -> None:
    """The thief of admin2's key pins, in the office's list's place, a file of his own whose
    path is drawn as its path, and drops the real one: `roster pending` showed admin3
    `lists: − org/terms.txt; lists: + org/tеrms.txt …`, the list pinned again at new content.
    Co-signed, the banned term was out of the gate once the editor took it from review.toml."""
    (team.root / "org").mkdir()
    (team.root / "org" / "terms.txt").write_text("青岚特供散装酒\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG, encoding="utf-8")
    team.ok("admin", "policy", "lists")
    three_admins(team)
    (team.root / fake).write_text("某某无关词\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG.replace("org/terms.txt", fake),
                                           encoding="utf-8")
    team.ok("admin2", "policy", "lists", "--drop", "org/terms.txt")
    shown = team.ok("admin3", "roster", "pending").stdout
    odd = next(c for c in fake if not (c.isascii() and c.isprintable() and c != " ")
               or c == " ")
    assert f"⟦U+{ord(odd):04X}⟧" in shown, shown
    assert "lists: − org/terms.txt;" in shown, shown


def test_an_export_reads_the_log_in_one_snapshot(team: Team, monkeypatch) -> None:
    """PostgreSQL: `roster export` read the roster, then (READ COMMITTED, statement by
    statement) the whole log and each release's item. A roster record committed while it
    verified the chain (here a second reviewer added), then an item submitted, approved and
    released by the store, were judged by the roster read before them: the honest release
    was misplaced, named void in the export the admin signed, and `review verify` with that
    export refused the released draft. Any member can append a roster-kind record (it
    counts for nothing) to open such a window."""
    if not team.url:
        pytest.skip("SQLite's reads begin as its writes do (BEGIN IMMEDIATE)")
    team.keygen("reviewer2")
    real = audit.verify_chain

    def racing(conn, *args, **kwargs):
        monkeypatch.setattr(audit, "verify_chain", real)
        team.add("reviewer2", "reviewer")
        item = team.submit("editor", team.write("c.md", CLEAN))
        team.ok("reviewer", "approve", str(item))
        team.ok("editor", "release", str(item))
        return real(conn, *args, **kwargs)

    monkeypatch.setattr(audit, "verify_chain", racing)
    exported = team.ok("admin", "roster", "export")
    assert "submission" not in exported.stderr, exported.stderr
    env = json.loads((team.root / ".review" / "roster.json").read_text(encoding="utf-8"))
    assert json.loads(base64.b64decode(env["payload"]))["void"] == []
    team.ok("reviewer", "verify", "posts/c.md", "--roster", ".review/roster.json")


def test_a_rotation_made_by_hand_gives_no_roles(team: Team, monkeypatch) -> None:
    """The editor, who stole admin2's key, proposes with his own copy of `review` a rotation of
    admin2 to a key of his that also states `"roles": ["reviewer"]`. `roster rotate` never
    writes roles; the roster applied them all the same, as `roster add` does. admin3, taking
    it for admin2's new key, co-signs: the editor then approved his own draft as admin2."""
    from review.workflow import service

    three_admins(team)
    team.keygen("thief")
    real = service.Service._trust_change

    def forged(self, conn, state, kind, statement):  # the thief's own copy of `review`
        return real(self, conn, state, kind, {**statement, "roles": ["reviewer"]})

    with monkeypatch.context() as thief:
        thief.setattr(service.Service, "_trust_change", forged)
        team.ok("admin2", "roster", "rotate", "admin2", "--key", f"{team.key('thief')}.pub")
    # before: a proposal admin3 co-signed; now no rotation at all, nothing to co-sign
    pending = json.loads(team.ok("admin3", "roster", "pending", "--format", "json").stdout)
    for proposal in pending:
        team.run("admin3", "roster", "cosign", str(proposal["seq"]))
    assert pending == []
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("thief", "approve", str(item))
    roles = {p["name"]: p["roles"] for p in json.loads(
        team.ok(None, "roster", "list", "--format", "json").stdout)}
    assert roles["admin2"] == ["admin"], roles


def test_the_office_reads_what_it_checked(team: Team, monkeypatch, request) -> None:
    """PostgreSQL: `review alerts status`, `notice` and the desk checked that the office's
    tables agree with the signed log in one connection, then counted a unit's alerts in
    another. A member (who may DELETE and INSERT review_alerts) takes an alert out between the
    two and puts it back as it was: the count, and the 二四六 interview it decides, came out
    one lower, and `review audit verify` found every table intact afterwards."""
    if not team.url:
        pytest.skip("SQLite's reads begin as its writes do (BEGIN IMMEDIATE)")
    from sqlalchemy import create_engine, text
    from workflow.team import member_url

    from review.accounts import checked

    for day in ("2026-03-02", "2026-03-03"):
        team.ok("admin", "alerts", "add", "城东区教育局", "--kind", "serious", "--date", day)
    member = create_engine(member_url(team, request))
    real = checked.use_calendar
    taken: list[dict] = []

    def between(service, policy=None):  # after the check's connection, before the count
        with member.begin() as conn:
            row = conn.execute(text("SELECT * FROM review_alerts ORDER BY id DESC LIMIT 1")
                               ).mappings().one()
            taken.append(dict(row))
            conn.execute(text("DELETE FROM review_alerts WHERE id = :id"), {"id": row["id"]})
        return real(service, policy)

    monkeypatch.setattr(checked, "use_calendar", between)
    result = team.run("admin", "alerts", "status", "城东区教育局", "--as-of", "2026-06-01",
                      "--format", "json")
    monkeypatch.setattr(checked, "use_calendar", real)
    with member.begin() as conn:  # put back as it was
        row = taken[0]
        conn.execute(text(f"INSERT INTO review_alerts ({', '.join(row)}) VALUES "
                          f"({', '.join(':' + k for k in row)})"), row)
    member.dispose()
    team.ok("admin", "audit", "verify")
    assert result.exit_code == 3 or json.loads(result.stdout)["count"] == 2, result.output


def test_pending_says_an_addition_gives_a_person_on_the_roster_one_more_key(
        team: Team) -> None:
    """The thief of admin2's key proposes `roster add admin3 --role admin` with a key of his
    own. `roster pending` showed admin a plain addition of admin3 with a base64 key: not that
    admin3 is an admin already, nor that his key stays, nor the fingerprint admin3's
    `review keygen` printed (what admin would ask him to read out). Co-signed as "admin3's new
    key", the thief holds admin2 and admin3: two admins, the whole threshold."""
    from review.workflow.keys import decode_public, fingerprint

    three_admins(team)
    team.keygen("thief")
    team.ok("admin2", "roster", "add", "admin3", "--role", "admin", "--key",
            f"{team.key('thief')}.pub")
    thief = fingerprint(decode_public(team.key("thief").with_suffix(".pem.pub").read_text()))
    own = fingerprint(decode_public(team.key("admin3").with_suffix(".pem.pub").read_text()))
    shown = team.ok("admin", "roster", "pending").stdout
    assert f"key {thief}" in shown and "already on the roster (admin)" in shown, shown
    assert own in shown and "keeps the others" in shown, shown
    listed = json.loads(team.ok("admin", "roster", "pending", "--format", "json").stdout)
    assert listed[-1]["key"] == thief and listed[-1]["on_roster"]["keys"] == [own]
    team.ok("admin2", "roster", "rotate", "editor", "--key", f"{team.key('outsider')}.pub")
    shown = team.ok("admin", "roster", "pending").stdout
    assert "all end here" in shown, shown
    team.lang = ""
    assert "本变更为其再添一把密钥" in team.ok("admin", "roster", "pending").stdout
