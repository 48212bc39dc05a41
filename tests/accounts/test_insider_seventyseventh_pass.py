"""Red-team pass 77 (docs/redteam/pass-77.md).

V1: a PostgreSQL store whose schema anyone may CREATE in (PostgreSQL 14 and before grant it
on `public`; the README says to revoke it, nothing refused a store where that was not done).
A member's own `=(varchar, varchar)` there wins over pg_catalog's for `unit = '…'`: `alerts
status` counted 0 of a unit's 4 alerts and the notice said no interview, exit 0, while
`audit verify` (whole tables) said intact.

V2: units drawn alike. An account put on file under 城东区某局 with a zero-width space, an
ideographic space, a trailing space or as 城東区某局 had its stale alerts (and alerts added under
that spelling, which `alerts add` took without a note: the unit was on file) counted apart:
`alerts status 城东区某局` said deputy for a unit at the head's level, audit intact."""

import json

import pytest
from accounts.by_hand import signed_by_hand
from sqlalchemy import create_engine, text
from workflow.team import member_url

UNIT = "城东区某局"
TWINS = ["城东区某局\u200b", "城东区某局\u3000", "城东区某局 ", "城東区某局"]


@pytest.fixture
def staff(office):
    for who, role in (("li", "reviewer"), ("wang", "office"), ("zhao", "editor")):
        office.keygen(who)
        office.add(who, role)
    return office


def _four_alerts(staff) -> None:
    for month in (1, 2, 3, 4):
        staff.ok("admin", "alerts", "add", UNIT, "--kind", "poor-interaction", "--date",
                 f"2026-0{month}-15")


def _count(staff) -> int:
    return json.loads(staff.ok(None, "alerts", "status", UNIT, "--as-of", "2026-11-25",
                               "--format", "json").stdout)["count"]


def _owner_sql(staff, sql: str) -> str:
    """`sql` run by the tables' owner in the store's schema ({schema} filled in); the schema."""
    engine = create_engine(staff.url)
    with engine.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
        if sql:
            conn.execute(text(sql.format(schema=schema)))
    engine.dispose()
    return schema


def _members_operator(staff, request) -> str:
    """As pass 77 ran it: the schema open to CREATE for everyone (PostgreSQL ≤ 14's `public`),
    and a member's `=` for varchar that finds no row of UNIT."""
    schema = _owner_sql(staff, "GRANT CREATE ON SCHEMA {schema} TO PUBLIC")
    engine = create_engine(member_url(staff, request))
    with engine.begin() as conn:
        conn.execute(text(
            f"CREATE FUNCTION {schema}.veq(a varchar, b varchar) RETURNS boolean "
            f"LANGUAGE sql IMMUTABLE AS $$ SELECT a::text = b::text AND b::text <> '{UNIT}' $$"))
        conn.execute(text(f"CREATE OPERATOR {schema}.= (LEFTARG = varchar, "
                          f"RIGHTARG = varchar, FUNCTION = {schema}.veq)"))
    engine.dispose()
    return schema


def test_a_members_operator_in_a_schema_open_to_create_is_refused(staff, request):
    """V1: before, `alerts status` said 0 alerts, no interview (exit 0), audit intact."""
    if staff.url is None:
        pytest.skip("PostgreSQL's operators")
    _four_alerts(staff)
    schema = _members_operator(staff, request)
    for args in (("alerts", "status", UNIT, "--as-of", "2026-11-25"),
                 ("alerts", "notice", UNIT, "--as-of", "2026-11-25"), ("queue",)):
        staff.fails(3, None, *args, match=f"schema {schema} lets PUBLIC create")
    result = staff.refused(None, "audit", "verify", match="REVOKE CREATE ON SCHEMA")
    assert schema in result.stderr


def test_an_operator_left_after_create_was_revoked_is_named(staff, request):
    """V1: the office revokes CREATE once the member's operator is in place: it stays."""
    if staff.url is None:
        pytest.skip("PostgreSQL's operators")
    _four_alerts(staff)
    _members_operator(staff, request)
    _owner_sql(staff, "REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
    staff.fails(3, None, "alerts", "status", UNIT, "--as-of", "2026-11-25",
                match="the operator = in schema")
    staff.refused(None, "audit", "verify", match="not to the store's tables' owner")


def test_said_in_chinese_by_default(staff, request):
    if staff.url is None:
        pytest.skip("PostgreSQL's operators")
    _members_operator(staff, request)
    staff.lang = ""
    staff.fails(3, None, "alerts", "status", UNIT, match="允许 PUBLIC 在其中创建对象")


def test_the_store_as_set_up_still_counts(staff, request):
    """Control: the schema as the README sets it up, a member role with its grants."""
    if staff.url is None:
        pytest.skip("PostgreSQL's operators")
    member_url(staff, request)
    _four_alerts(staff)
    assert _count(staff) == 4
    staff.ok(None, "audit", "verify")


@pytest.mark.parametrize("twin", TWINS)
def test_an_account_or_alert_under_a_unit_drawn_alike_is_refused(staff, twin):
    """V2: before, both were taken (exit 0) and their alerts counted apart."""
    staff.ok("admin", "accounts", "add", "城东发布", "--unit", UNIT, "--platform", "微信公众号")
    staff.usage_error("wang", "accounts", "add", "城东政务", "--unit", twin, "--platform", "微博",
                      match="is drawn as the unit")
    staff.usage_error("wang", "alerts", "add", twin, "--kind", "serious", "--date",
                      "2026-11-21", match="the 二四六 count would be split")
    staff.lang = ""
    staff.usage_error("wang", "alerts", "add", twin, "--kind", "serious", "--date",
                      "2026-11-21", match="写法相同而字符不同")


@pytest.mark.parametrize("twin", TWINS[:2] + TWINS[3:])
def test_alerts_under_a_spelling_drawn_alike_count_for_the_unit(staff, twin):
    """V2, a store holding such an account already (signed by a version before this one):
    its stale alert counts for the unit; before, 4 of 5 (deputy, not head with the next)."""
    staff.ok("admin", "accounts", "add", "城东发布", "--unit", UNIT, "--platform", "微信公众号")
    signed_by_hand(staff, "admin", "account.add",
                   {"id": 2, "name": "城东政务", "unit": twin, "platform": "微博",
                    "high_attention": False, "operator": None, "contact": None},
                   "INSERT INTO review_accounts (id, name, unit, platform, high_attention, "
                   f"status) VALUES (2, '城东政务', '{twin}', '微博', false, 'open')")
    staff.ok(None, "audit", "verify")
    for month in (1, 2, 3):
        staff.ok("admin", "alerts", "add", UNIT, "--kind", "poor-interaction", "--date",
                 f"2026-0{month}-15")
    staff.ok("admin", "accounts", "stale", "--as-of", "2026-11-20", "--raise-alerts")
    assert _count(staff) == 5
    notice = staff.ok(None, "alerts", "notice", UNIT, "--as-of", "2026-11-25").stdout
    assert "共产生违规警报 5 次" in notice and notice.count("内容不更新") == 2
    listed = json.loads(staff.ok(None, "alerts", "list", "--unit", UNIT, "--format",
                                 "json").stdout)
    assert len(listed) == 5


def test_units_as_spelt_and_other_units_still_go(staff):
    """Control: the unit on file as spelt, and another unit, are taken and counted apart."""
    staff.ok("admin", "accounts", "add", "城东发布", "--unit", UNIT, "--platform", "微信公众号")
    staff.ok("wang", "accounts", "add", "城东政务", "--unit", UNIT, "--platform", "微博")
    staff.ok("wang", "accounts", "add", "城西发布", "--unit", "城西区某局", "--platform", "微博")
    _four_alerts(staff)
    staff.ok("wang", "alerts", "add", "城西区某局", "--kind", "serious", "--date", "2026-05-01")
    assert _count(staff) == 4
    staff.ok(None, "audit", "verify")
