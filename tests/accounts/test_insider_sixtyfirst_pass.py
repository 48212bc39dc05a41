"""Red-team pass 61 (docs/redteam/pass-61.md): J1, a PostgreSQL member's edit committed
between an office action's check and its reads (the action read it: an import's posts bound to
another account, signed, the audit intact); J2, an honest duty plan voided by a later
`roster revoke --since` of a person it named (every office command stopped for good); J3, a
`duty.plan` signed by hand over a span of text, or longer than a plan may be, that cleared the
duty of every year with the audit intact."""

import json
import threading

import pytest
from accounts.by_hand import member_sql, signed_by_hand
from sqlalchemy import text

from review.workflow.store import Store, sqlite_url


def _last_seq(office) -> int:
    store = Store(office.url or sqlite_url(office.root))
    with store.engine.begin() as conn:
        seq = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
    store.engine.dispose()
    return seq


SWAP = ("UPDATE review_accounts SET name = 'tmp' WHERE name = '城东发布'; "
        "UPDATE review_accounts SET name = '城东发布' WHERE name = '城西发布'; "
        "UPDATE review_accounts SET name = '城西发布' WHERE name = 'tmp'")


def test_an_import_reads_the_accounts_it_checked(office, monkeypatch, tmp_path):
    """J1 (PostgreSQL): the member swaps two accounts' names right after the import's check
    and back right before the record's own check (both in the transaction, which reads what
    was committed statement by statement). The import bound 城东发布's post to 城西发布's id,
    signed it, and the audit said intact: 城东发布 looked stale, 城西发布 active. SQLite's
    writer holds the file from BEGIN IMMEDIATE, so there the member cannot write between."""
    if office.url is None:
        pytest.skip("SQLite: the member's write waits for the writer's transaction")
    for name, unit in (("城东发布", "城东区某局"), ("城西发布", "城西区某局")):
        office.ok("admin", "accounts", "add", name, "--unit", unit, "--platform", "wechat")
    posts = tmp_path / "posts.csv"
    posts.write_text("account,date,reads\n城东发布,2026-11-20,5\n", encoding="utf-8")

    from review.accounts import checked
    from review.workflow import service

    checked_first, recheck = checked._agreeing, service.projection.office_disagreements
    swapped, back, member = threading.Event(), threading.Event(), []

    def swap_and_back() -> None:
        member_sql(office, SWAP)
        swapped.set()
        back.wait(10)
        member_sql(office, SWAP)

    def after_check(conn) -> None:
        checked_first(conn)
        if not member:  # the import's transaction has checked: the member's first commit
            member.append(threading.Thread(target=swap_and_back))
            member[0].start()
            swapped.wait(2)  # with the fix, his UPDATE waits for the import to end

    def before_recheck(conn):
        if member and not back.is_set():  # the record's own check: his second commit
            back.set()
            member[0].join(2)
        return recheck(conn)

    monkeypatch.setattr(checked, "_agreeing", after_check)
    monkeypatch.setattr(service.projection, "office_disagreements", before_recheck)
    office.ok("admin", "accounts", "activity", "import", str(posts))
    monkeypatch.setattr(checked, "_agreeing", checked_first)
    monkeypatch.setattr(service.projection, "office_disagreements", recheck)
    member[0].join(10)
    assert not member[0].is_alive()
    office.ok(None, "audit", "verify")
    shown = json.loads(office.ok(None, "accounts", "show", "城东发布", "--format",
                                 "json").stdout)
    assert shown["last_post"] == "2026-11-20"
    other = json.loads(office.ok(None, "accounts", "show", "城西发布", "--format",
                                 "json").stdout)
    assert other["last_post"] is None


@pytest.fixture
def staff(office):
    for who, role in (("zhang", "reviewer"), ("li", "reviewer"), ("wang", "office")):
        office.keygen(who)
        office.add(who, role)
    return office


def _on_duty(office, day: str) -> str:
    return json.loads(office.ok(None, "duty", "--date", day, "--format", "json").stdout)["person"]


def test_a_revocation_since_keeps_an_honest_plan(staff):
    """J2: li's key lost (stolen) some records ago; the office revokes it from then (`--since`)
    after the admin saved a plan naming li. The plan counted for nothing any more (li's key
    judged void at the plan's place), every duty row disagreed with the log, and every
    office command — `duty plan --save` to put it right included — stopped (exit 3): only SQL
    on the tables could bring the office back. The plan stands as the roster stood when it was
    made; after the revocation li can be planned or swapped in no more."""
    since = _last_seq(staff)
    staff.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    days = [d for d in ("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05",
                        "2026-10-06", "2026-10-07") if _on_duty(staff, d) == "li"]
    assert days
    staff.ok("admin", "roster", "revoke", "li", "--since", str(since))
    staff.ok(None, "audit", "verify")
    assert _on_duty(staff, days[0]) == "li"
    staff.ok("wang", "duty", "swap", days[0], "zhang")  # the office goes on
    assert _on_duty(staff, days[0]) == "zhang"
    staff.refused("wang", "duty", "swap", days[0], "li", match="revoked")
    # and a swap to li signed by hand after the revocation still counts for nothing (H3)
    signed_by_hand(staff, "wang", "duty.swap", {"date": days[0], "person": "li", "was": "zhang"},
             f"UPDATE review_duty SET person = 'li' WHERE day = '{days[0]}'")
    result = staff.refused(None, "audit", "verify", match="disagree")
    assert "review_duty" in result.stdout, result.stdout


@pytest.mark.parametrize("span", [
    {"from": "0", "to": "9", "days": []},  # text, compared as text: every year
    {"from": "2025-01-01", "to": "2026-12-31", "days": []},  # two years
    {"from": "2026-10-01", "to": "2026-10-07T", "days": []},  # not a day
    {"from": "2026-10-07", "to": "2026-10-01", "days": []},  # backwards
])
def test_a_plan_over_no_span_of_days_clears_nothing(staff, span):
    """J3: `duty plan --save` takes two days at most a year apart (`duty.span`). A plan
    signed by hand from "0" to "9" with no day, and the duty table emptied, left no one on
    duty on any day of any year while the audit said intact."""
    staff.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    signed_by_hand(staff, "admin", "duty.plan", span, "DELETE FROM review_duty")
    result = staff.refused(None, "audit", "verify", match="disagree")
    assert "review_duty" in result.stdout, result.stdout
    staff.fails(3, None, "duty", "--date", "2026-10-03", match="disagree")


def test_a_plan_giving_a_day_twice_counts_for_nothing(staff):
    """J3's neighbour: a plan gives each day once (the table's key is the day); one giving a
    day twice signed by hand is none the command makes, so it changes nothing."""
    staff.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    was = _on_duty(staff, "2026-10-03")
    other = "zhang" if was != "zhang" else "wang"
    signed_by_hand(staff, "admin", "duty.plan",
             {"from": "2026-10-03", "to": "2026-10-03",
              "days": [{"date": "2026-10-03", "person": was, "kind": "holiday"},
                       {"date": "2026-10-03", "person": other, "kind": "holiday"}]},
             f"UPDATE review_duty SET person = '{other}' WHERE day = '2026-10-03'")
    result = staff.refused(None, "audit", "verify", match="disagree")
    assert "review_duty" in result.stdout, result.stdout


def test_office_actions_work_as_a_member_role(staff, request):
    """J1's lock (SHARE on the office's tables) needs no more than the grants each member's
    role holds (MEMBER_GRANTS): the office's actions run as such a role."""
    if staff.url is None:
        pytest.skip("PostgreSQL roles")
    from workflow.team import member_url

    staff.url = member_url(staff, request)
    staff.ok("wang", "accounts", "add", "城东发布", "--unit", "城东区某局", "--platform", "wechat")
    staff.ok("wang", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    staff.ok("wang", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    staff.ok(None, "audit", "verify")


def test_a_plan_balances_against_the_duty_the_log_backs(office, monkeypatch):
    """J10 (closed after the pass): `duty plan` checked the office's tables, then read the
    past duty it balances against in another connection. A member who reassigned October's
    duty to li between the two (committed after the check, both stores) made the plan give
    li no November holidays, signed with --save; now the read is checked (exit 3)."""
    for who in ("zhang", "li"):
        office.keygen(who)
        office.add(who, "reviewer")
    office.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-31", "--save")
    store = Store(office.url or sqlite_url(office.root))
    with store.engine.begin() as conn:
        honest = conn.execute(text("SELECT day, person FROM review_duty")).all()
    store.engine.dispose()
    put_back = "; ".join(f"UPDATE review_duty SET person = '{person}' WHERE day = '{day}'"
                         for day, person in honest)

    from review.accounts import checked

    first_check = checked.office_checked

    def then_the_member(service) -> None:
        first_check(service)
        member_sql(office, "UPDATE review_duty SET person = 'li' WHERE day < '2026-11-01'")

    monkeypatch.setattr(checked, "office_checked", then_the_member)
    for save in ((), ("--save",)):
        result = office.fails(3, "admin", "duty", "plan", "--from", "2026-11-01",
                              "--to", "2026-11-30", *save)
        assert "review_duty" in result.stderr
        member_sql(office, put_back)
    monkeypatch.setattr(checked, "office_checked", first_check)
    office.ok(None, "audit", "verify")  # the rows put back agree with the log
