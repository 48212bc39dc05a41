"""Red-team pass 75 (docs/redteam/pass-75.md): an attestation whose summary for readers lies
over records that hold (U1), and a SQLite table renamed in capitals, which took it out of the
schema check, so that its key index could be made to lie again (U2)."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import text
from workflow.team import CLEAN, Team

from .test_attacks import engine
from .test_insider_fiftyfourth_pass import _index_made_empty
from .test_insider_sixtyfourth_pass import _offline

FOUND = CLEAN + "\n他高兴的说，这是最好的一次检查。\n"  # a finding to review, not to block


def _predicate(field: str, value):
    def mutate(body):
        body["predicate"][field] = value
        return body
    return mutate


def _level_person(body):
    body["predicate"]["levels"][0]["person"] = "局长"
    return body


def _level_role(body):
    body["predicate"]["levels"][0]["role"] = "approver"
    return body


def _subject_extra(body):
    body["subject"].append({"name": "posts/chart.png", "digest": {"sha256": "0" * 64}})
    return body


def _subject_renamed(body):
    body["subject"][1:] = [{"name": "posts/chart.png", "digest": {"sha256": "0" * 64}}]
    return body


# the releaser's own copy of `review` signs a summary other than its records say
LIES = {
    "level_person": _level_person,
    "level_role": _level_role,
    "levels_left_empty": _predicate("levels", []),
    "findings_none": _predicate("findings", {"block": 0, "review": 0, "info": 0}),
    "item_other": _predicate("item", 99),
    "editor_other": _predicate("editor", "局长"),
    "releaser_other": _predicate("releaser", {"person": "局长", "key": "SHA256:x"}),
    "path_other": _predicate("path", "posts/other.md"),
    "content_other": _predicate("content_sha256", "0" * 64),
    "log_seq_other": _predicate("log_seq", 1),
    "remote_other": _predicate("remote", ["https://evil.example/x.png"]),
    "resources_other": _predicate("resources", [{"path": "posts/x.png", "sha256": "0" * 64}]),
    "subject_extra": _subject_extra,
    "subject_renamed": _subject_renamed,
}


def _left_out(field: str):
    def mutate(body):
        del body["predicate"][field]
        return body
    return mutate


def _released(team: Team) -> str:
    rel = team.write("a.md", FOUND)
    item = team.submit("editor", rel)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return rel


@pytest.mark.parametrize("name", list(LIES))
def test_an_attestation_whose_summary_lies_is_refused(team: Team, tmp_path_factory,
                                                      monkeypatch, name: str) -> None:
    """U1: `verify` passed every one of these (exit 0): it read the records only, and a reader
    of the file (or an in-toto tool reading the subjects) was told another approver, no
    findings, a picture of another hash."""
    if team.url:
        pytest.skip("offline: no store is read")
    rel = _released(team)
    clone = tmp_path_factory.mktemp("clone")
    monkeypatch.chdir(clone)
    result = _offline(team, clone, rel, LIES[name])
    assert "Traceback" not in result.output
    assert result.exit_code == 1, (result.output, result.stderr)
    assert result.stderr.count("\n") == 1 and "summary" in result.stderr, result.stderr


def test_the_summary_as_signed_still_verifies(team: Team, tmp_path_factory,
                                              monkeypatch) -> None:
    """Control: the attestation as the release wrote it; and one whose summary leaves a field
    out (an earlier version's) says nothing false."""
    if team.url:
        pytest.skip("offline: no store is read")
    rel = _released(team)
    body = json.loads(base64.b64decode(json.loads(next(
        (team.root / ".review" / "attestations").iterdir()).read_text())["payload"]))
    assert body["predicate"]["findings"]["review"] == 1, body["predicate"]["findings"]
    assert [lv["person"] for lv in body["predicate"]["levels"]] == ["reviewer"]
    for name, mutate in (("as_released", lambda b: b),
                         ("remote_left_out", _left_out("remote"))):
        clone = tmp_path_factory.mktemp(name)
        monkeypatch.chdir(clone)
        result = _offline(team, clone, rel, mutate)
        assert result.exit_code == 0, (name, result.output, result.stderr)


def test_written_again_after_a_policy_change_it_names_the_roles_of_the_release(
        team: Team) -> None:
    """Control (and the writer's side of U1): released under one level of a reviewer; the
    policy since asks an approver; the attestation lost and written again from the log names
    level 1 as the release's policy did, so it verifies."""
    rel = _released(team)
    team.ok("admin", "policy", "set", "--levels", "approver")
    [made] = (team.root / ".review" / "attestations").iterdir()
    made.unlink()
    team.ok("editor", "release", "1")
    body = json.loads(base64.b64decode(json.loads(made.read_text())["payload"]))
    assert body["predicate"]["levels"][0]["role"] == "reviewer"
    team.ok(None, "verify", rel)


def _renamed_in_capitals(team: Team, table: str) -> str:
    """SQLite: the table renamed to its own name in capitals, by way of another name (SQLite's
    names ignore case: every query still reads it)."""
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text(f"ALTER TABLE {table} RENAME TO moved_{table}"))
        conn.execute(text(f"ALTER TABLE moved_{table} RENAME TO {table.upper()}"))
    made.dispose()
    return table.upper()


def test_a_key_index_made_to_lie_under_a_table_renamed_in_capitals(team: Team) -> None:
    """U2: pass 54's attack again, on `REVIEW_DUTY`: the schema check looked the table up as
    `review_duty` and, not finding it, ran no integrity check on it. `duty show` said no roster
    covered the day (exit 2), `audit verify` said intact."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not rename tables or repoint indexes")
    team.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-08", "--save")
    _index_made_empty(team, _renamed_in_capitals(team, "review_duty"))
    assert team.run("admin", "audit", "verify").exit_code != 0
    result = team.run(None, "duty", "show", "--date", "2026-10-01")
    assert result.exit_code == 3 and "Traceback" not in result.output, result.output


def test_an_index_on_the_items_table_renamed_in_capitals_is_named(team: Team) -> None:
    """U2: the items table keeps no index (its check would read every draft): one made on it
    under `REVIEW_ITEMS` was not taken for one."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not rename tables or make indexes")
    team.submit("editor", team.write("a.md", CLEAN))
    name = _renamed_in_capitals(team, "review_items")
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text(f"CREATE INDEX lying ON {name} (state)"))
    made.dispose()
    assert team.run("admin", "audit", "verify").exit_code != 0


def test_a_table_renamed_in_capitals_alone_still_agrees(team: Team) -> None:
    """Control: the rename alone changes no row: the audit says intact, `duty show` answers."""
    if team.url:
        pytest.skip("SQLite")
    team.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-08", "--save")
    _renamed_in_capitals(team, "review_duty")
    team.ok("admin", "audit", "verify")
    assert "2026-10-01" in team.ok(None, "duty", "show", "--date", "2026-10-01").stdout
