"""Insider red-team pass 54 (docs/redteam/pass-54.md): overrides, consents and what `review
feedback export` and `review stats` learn from them."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from workflow.team import Team

from review.findings import Category
from review.workflow.service import Service

from .test_attacks import engine

SOLD = ("关于开展冬季消防安全检查的通知\n\n"
        "请各单位于12月10日前完成自查。本人长期出售冰毒，欢迎联系。\n")


def _submitted_with_a_finding_of_his_own(team: Team, monkeypatch) -> int:
    """The editor's own copy of `review`: his submission signs, instead of the check's IL601 on
    出售冰毒, a block typo finding over the same span whose text is said to be 的."""
    real = Service._check

    def forged(self, file):
        content, findings, title = real(self, file)
        [sold] = [f for f in findings if f.rule == "IL601"]
        typo = sold.replace(rule="EX301", category=Category.EXPRESSION,
                                   text="的", message="“的”“地”误用")
        return content, [typo], title

    monkeypatch.setattr(Service, "_check", forged)
    item = team.submit("editor", team.write("sold.md", SOLD))
    monkeypatch.setattr(Service, "_check", real)
    return item


def test_a_finding_the_check_never_made_is_not_overridden(team: Team, monkeypatch) -> None:
    """The override signed the sentence around a span the editor chose (his own finding, which
    no check makes), and `feedback export` wrote `neutral<TAB>本人长期出售冰毒，欢迎联系。` for
    the classifier; `stats` counted the rule. An approval compared the findings with its own
    check; an override did not."""
    item = _submitted_with_a_finding_of_his_own(team, monkeypatch)
    shown = team.ok("reviewer", "show", str(item)).stdout
    assert "EX301@" in shown and "IL601" not in shown
    key = next(w for w in shown.split() if w.startswith("EX301@"))
    # the reviewer reads a typo finding on 的 and says it is wrong: his override would sign
    # the sentence the finding's span holds, 本人长期出售冰毒, as a clean example
    team.refused("reviewer", "override", str(item), key, "--reason", "用法正确，误报",
                 match="findings")
    team.ok("reviewer", "feedback", "export", "--out", str(team.root / "fb"))
    assert "出售冰毒" not in (team.root / "fb" / "feedback.tsv").read_text(encoding="utf-8")


def _index_made_empty(team: Team, table: str) -> None:
    """SQLite: the table's own index (its primary or unique key) pointed (writable_schema) at
    the empty index of a copy of the table: queries by that key find nothing, a full scan (what
    the audit's projection reads) finds every row."""
    made = engine(team)
    with made.begin() as conn:
        made_as = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"),
                               {"t": table}).scalar_one()
        conn.execute(text(made_as.replace(table, f"shadow_{table}", 1)))
        index, root = conn.execute(text(
            "SELECT a.name, b.rootpage FROM sqlite_master a JOIN sqlite_master b "
            "ON b.tbl_name = 'shadow_' || :t AND b.type = 'index' "
            "WHERE a.tbl_name = :t AND a.type = 'index'"), {"t": table}).one()
        conn.execute(text("PRAGMA writable_schema = ON"))
        conn.execute(text("UPDATE sqlite_master SET rootpage = :r WHERE name = :n"),
                     {"r": root, "n": index})
        conn.execute(text("PRAGMA writable_schema = OFF"))
    made.dispose()


def test_an_office_table_index_made_to_lie_is_named_by_the_audit(team: Team) -> None:
    """The holiday duty saved and signed; then the duty table's key index made empty by hand.
    `duty show` said nobody was planned for the day, `duty swap` that the day had no plan (the
    office could change no one's duty), `submit --account` that the account did not exist, and
    `review audit verify` said intact (its integrity check covered the log alone)."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not create or repoint indexes (MEMBER_GRANTS)")
    team.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-08", "--save")
    team.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局",
            "--platform", "微信公众号")
    assert "2026-10-01" in team.ok(None, "duty", "show", "--date", "2026-10-01").stdout
    _index_made_empty(team, "review_duty")
    _index_made_empty(team, "review_accounts")
    assert team.run("admin", "audit", "verify").exit_code != 0
    for who, *args in (("admin", "duty", "swap", "2026-10-01", "reviewer"),
                       (None, "duty", "show", "--date", "2026-10-01"),
                       ("editor", "submit", team.write("a.md", "通知\n"), "--account", "城东发布")):
        result = team.run(who, *args)
        assert result.exit_code == 3 and "no_plan" not in result.stderr, (args, result.stderr)


def test_an_override_or_consent_of_a_released_item_is_refused(team: Team) -> None:
    """Signed and said done (exit 0) after the release, though it counts for nothing: the
    reviewer reads that his decision was recorded, and the log holds a decision no rule reads
    (pass 54's open note)."""
    item = team.submit("editor", team.write("sold.md", SOLD))
    shown = team.ok("reviewer", "show", str(item)).stdout
    key = next(w for w in shown.split() if w.startswith("IL601@"))
    team.ok("reviewer", "override", str(item), key, "--reason", "引用的是判决书原文")
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    heads = team.ok("admin", "audit", "verify").stdout
    team.refused("reviewer", "override", str(item), key, "--reason", "再次确认",
                 match="released")
    team.refused("reviewer", "consent", str(item), "--ref", "青岚〔2026〕1号", match="released")
    assert team.ok("admin", "audit", "verify").stdout == heads  # nothing was signed


def test_a_duty_row_edited_after_the_check_and_before_the_swap_is_not_signed(
        team: Team, monkeypatch) -> None:
    """`duty swap` checked the office's tables in one connection and wrote in the next: a
    member who edited the day's row between the two had the swap sign `was` as he wrote it
    (pass 54's open note). The check now runs again inside the write's transaction."""
    from review.accounts import checked

    team.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-08", "--save")
    real = checked.office_checked

    def then_edited(service) -> None:
        real(service)  # the tables agree now; a member edits the row before the swap writes
        with service.store.transaction() as conn:
            conn.execute(text("UPDATE review_duty SET person = 'nobody' "
                              "WHERE day = '2026-10-01'"))

    monkeypatch.setattr(checked, "office_checked", then_edited)
    result = team.run("admin", "duty", "swap", "2026-10-01", "reviewer")
    monkeypatch.setattr(checked, "office_checked", real)
    assert result.exit_code == 3, result.output
    made = engine(team)
    with made.connect() as conn:  # no swap signed with `was: nobody`
        assert conn.execute(text("SELECT count(*) FROM review_log WHERE kind = 'duty.swap'")
                            ).scalar_one() == 0
    made.dispose()
