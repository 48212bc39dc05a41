"""The twentieth red-team pass: what it got through, and what now stops it.

- A page under a suffix of no registered kind (`.shtml`, `.php`) was checked as plain text,
  where `&#26412;` is not 本: it is read as the page it is.
- Under a policy with a separate publisher, an editor who also held the publisher role
  released his own item: two people took part, not three.
- The office's activity rows copied in the table (its unique key dropped) lifted an account
  out of 一近三低 while every check said the tables agreed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from workflow.team import CLEAN, Team

from review.cli import main

BANNED = "本店长期出售冰毒，价格面议。"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _references(text: str) -> str:
    return "".join(f"&#{ord(c)};" for c in text)


@pytest.mark.parametrize("name", ["notice.shtml", "notice.php", "notice"])
def test_a_page_under_another_suffix_is_read_as_a_page(tmp_path, name):
    page = tmp_path / name
    page.write_text(f"<html><body><p>关于冬季防火的提示</p><p>{_references(BANNED)}</p>"
                    "</body></html>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(page), "--format", "json",
                                       "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert '"decision": "block"' in result.stdout


def test_plain_text_with_angle_brackets_stays_plain_text(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("<p>是段落标签的写法。</p>\n" + CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_a_page_under_another_suffix_cannot_be_submitted_past_the_check(team):
    path = team.write("notice.shtml", f"<html><body><p>{_references(BANNED)}</p></body></html>")
    item = team.submit("editor", path)
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block")


def test_an_editor_who_is_also_a_publisher_does_not_publish_his_own_item(team):
    team.add("writer", "editor,publisher", key_of="outsider")
    team.ok("admin", "policy", "set", "--levels", "reviewer", "--separate-publisher")
    item = team.submit("outsider", team.write("a.md", CLEAN))
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
    team.refused("outsider", "release", str(item), match="another person, a publisher")
    team.keygen("publisher")
    team.add("publisher", "publisher")
    team.ok("publisher", "release", str(item))


def _office(tmp_path, monkeypatch) -> Team:
    """An office with the sample accounts and their October activity, on SQLite."""
    monkeypatch.chdir(tmp_path)
    team = Team.small(tmp_path)
    for csv in (FIXTURES / "accounts").glob("*.csv"):
        shutil.copy(csv, tmp_path)
    team.ok("admin", "accounts", "import", "accounts.csv")
    team.ok("admin", "accounts", "activity", "import", "activity-2026-10.csv")
    return team


def test_activity_rows_copied_in_the_table_are_named(tmp_path, monkeypatch):
    team = _office(tmp_path, monkeypatch)
    before = team.ok("admin", "accounts", "consolidate", "--as-of", "2026-10-31").stdout
    assert "城东教育资讯" in before  # 一近三低: named for consolidation
    with sqlite3.connect(tmp_path / ".review" / "review.db") as conn:
        columns = "account_id, date, reads, zaikan, likes, shares, comments, errors, row_hash"
        conn.executescript(f"""
            CREATE TABLE copy (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL,
              date DATE NOT NULL, reads INTEGER, zaikan INTEGER, likes INTEGER,
              shares INTEGER, comments INTEGER, errors INTEGER, row_hash VARCHAR(64) NOT NULL);
            INSERT INTO copy (id, {columns}) SELECT id, {columns} FROM review_activity;
            DROP TABLE review_activity;
            ALTER TABLE copy RENAME TO review_activity;
            INSERT INTO review_activity ({columns}) SELECT {columns} FROM review_activity;""")
    team.fails(3, "admin", "accounts", "consolidate", "--as-of", "2026-10-31",
               match="a copy of another signed row")
    result = team.run(None, "audit", "verify")
    assert result.exit_code == 1 and "a copy of another signed row" in result.output


def test_activity_rows_deleted_from_the_table_are_named(tmp_path, monkeypatch):
    team = _office(tmp_path, monkeypatch)
    with sqlite3.connect(tmp_path / ".review" / "review.db") as conn:
        conn.execute("DELETE FROM review_activity WHERE id = (SELECT min(id) FROM "
                     "review_activity)")
    team.fails(3, "admin", "accounts", "consolidate", "--as-of", "2026-10-31",
               match="is gone")


def test_an_alert_resolved_by_hand_by_someone_without_the_office_role_is_named(team):
    """The editor signs an `alert.resolve` with his own key, appends it at the log's end and
    marks the alert resolved in the table: the record is his, but resolving alerts is the
    office's. It counts for nothing; the table disagrees with the log."""
    import base64

    from sqlalchemy import create_engine, text

    from review.tables import log
    from review.workflow import chain
    from review.workflow.chain import Place, body_of, record_hash
    from review.workflow.keys import load

    team.ok("admin", "alerts", "add", "东区公安分局", "--kind", "not-updated",
            "--date", "2026-11-02")
    editor = load(team.key("editor"))
    made = create_engine(team.url or f"sqlite:///{team.root / '.review' / 'review.db'}")
    with made.begin() as conn:
        head = chain.head(conn)
        trust = chain.records(conn, kinds=chain.TRUST_KINDS)[-1].computed_hash()
        place = Place(chain.workspace_id(conn), head.seq + 1, head.hash, "", trust)
        statement = {"alert": 1, "report": "已整改", "date": "2026-11-03"}
        body = body_of("alert.resolve", None, statement, place)
        signature = base64.b64encode(editor.sign(body.encode())).decode()
        conn.execute(log.insert().values(
            seq=place.seq, kind="alert.resolve", item_id=None, actor=editor.fingerprint,
            body=body, signature=signature, prev_hash=head.hash,
            hash=record_hash(place.seq, "alert.resolve", None, editor.fingerprint, body,
                             signature, head.hash)))
        conn.execute(text("UPDATE review_alerts SET resolved = '2026-11-03', "
                          "report = '已整改' WHERE id = 1"))
    made.dispose()
    team.fails(3, "admin", "alerts", "status", "东区公安分局", match="review_alerts")
    result = team.run(None, "audit", "verify")
    assert result.exit_code == 1 and "review_alerts" in result.output


@pytest.mark.parametrize("page", [
    "<!doctype html><meta charset=utf-8><title>通知</title><h1>通知</h1><span>{}</span>",
    "<title>通知</title>\n<span>{}</span>",
    "通知\n{}\n",
])
def test_a_page_without_paragraph_tags_under_another_suffix_is_still_a_page(tmp_path, page):
    """Twenty-first pass: a `.php` page of <title>, <h1> and <span> only, its text written as
    character references."""
    path = tmp_path / "notice.php"
    path.write_text(page.format(_references(BANNED)), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1 and '"decision": "block"' in result.stdout, result.output
