"""Violation alerts (违规警报) and the 二四六 escalation: per unit, over a period (default the
calendar year), 2 alerts → the 政务公开事务中心 interviews the liaison, 4 → the office's deputy
director interviews the deputy in charge, 6 or more → the director interviews the head."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from review.accounts import calendar
from review.accounts.registry import AccountError, Sign, new_unit_drawn_alike, stale, units_drawn_as
from review.tables import accounts, alerts
from review.workflow.store import Store

KINDS = ("serious", "not-updated", "poor-interaction")
KIND_NAMES = {"serious": "严重问题", "not-updated": "内容不更新", "poor-interaction": "互动回应差"}
LEVELS = [(6, "head"), (4, "deputy"), (2, "liaison")]
INTERVIEWS = {
    "liaison": "政务公开事务中心约谈单位联络员",
    "deputy": "区政府办公室副主任约谈单位分管负责人",
    "head": "区政府办公室主任约谈单位主要负责人",
}


def interview(count: int) -> str | None:
    return next((level for threshold, level in LEVELS if count >= threshold), None)


def add(store: Store, sign: Sign, unit: str, kind: str, day: date, note: str,
        source: str = "manual", account_id: int | None = None) -> dict:
    if kind not in KINDS:
        raise AccountError("unknown_alert_kind", kind=kind, kinds=", ".join(KINDS))
    with store.transaction() as conn:
        if account_id is None:  # an account's (stale) alert is under the account's own unit
            new_unit_drawn_alike(conn, unit)
        new_id = conn.execute(alerts.insert().values(unit=unit, kind=kind, date=day, note=note,
                                                     source=source, account_id=account_id)
                              ).inserted_primary_key[0]
        data = {"id": new_id, "unit": unit, "kind": kind, "date": day.isoformat()}
        sign(conn, "alert.add", {**data, "note": note, "source": source,
                                 "account_id": account_id})
    return data


def listing(store: Store, unit: str | None = None, open_only: bool = False) -> list[dict]:
    query = select(alerts).order_by(alerts.c.date, alerts.c.id)
    if open_only:
        query = query.where(alerts.c.resolved.is_(None))
    with store.reading() as conn:
        if unit:  # as `status` counts them: every spelling drawn as the unit
            query = query.where(alerts.c.unit.in_(units_drawn_as(conn, unit)))
        return [_as_dict(r) for r in conn.execute(query)]


def _as_dict(r) -> dict:
    return {"id": r.id, "unit": r.unit, "kind": r.kind, "date": r.date.isoformat(),
            "note": r.note, "source": r.source,
            "resolved": r.resolved.isoformat() if r.resolved else None, "report": r.report}


def resolve(store: Store, sign: Sign, alert_id: int, report: str, day: date) -> None:
    if not report.strip():
        raise AccountError("resolve_needs_report")
    with store.transaction() as conn:
        row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
        if row is None:
            raise AccountError("no_alert", alert=alert_id)
        if row.resolved:
            raise AccountError("alert_resolved_already", alert=alert_id, day=row.resolved)
        if day < row.date:  # a 整改 record dated before its alert reads as done in time
            raise AccountError("resolved_before_alert", alert=alert_id, day=day.isoformat(),
                               alert_day=row.date.isoformat())
        conn.execute(alerts.update().where(alerts.c.id == alert_id)
                     .values(resolved=day, report=report))
        sign(conn, "alert.resolve", {"alert": alert_id, "report": report,
                                     "date": day.isoformat()})


def status(store: Store, unit: str, as_of: date,
           period: tuple[date, date] | None = None) -> dict:
    """The unit's alerts over `period` (default: the calendar year of `as_of`) up to `as_of`:
    an alert dated after it has not happened as of that day, and one dated ahead by hand
    (red-team pass 60 I7) must not raise the unit's 二四六 level before its day."""
    first, last = period or calendar.year_of(as_of)
    with store.reading() as conn:
        # a unit's alerts under each spelling drawn as it (an account filed before pass 77
        # under 城東区某局 or with an invisible character is the same unit's)
        count = len(conn.execute(select(alerts.c.id)
                                 .where(alerts.c.unit.in_(units_drawn_as(conn, unit)))
                                 .where(alerts.c.date >= first)
                                 .where(alerts.c.date <= min(last, as_of))).all())
    return {"unit": unit, "count": count, "interview": interview(count),
            "period": [first.isoformat(), last.isoformat()]}


def raise_stale(store: Store, sign: Sign, as_of: date) -> list[dict]:
    """A not-updated alert for each stale account, once per account and day."""
    raised = []
    with store.reading() as conn:
        ids = {r.name: r.id for r in conn.execute(select(accounts.c.name, accounts.c.id))}
        existing = {(r.account_id, r.date) for r in conn.execute(
            select(alerts.c.account_id, alerts.c.date).where(alerts.c.kind == "not-updated"))}
    for s in stale(store, as_of):
        if (ids[s["account"]], as_of) in existing:
            continue
        note = (f"{s['account']}：{s['days']} 天未更新（要求至少每 {s['limit']} 天一条）"
                if s["days"] is not None else f"{s['account']}：开设以来未发布")
        raised.append(add(store, sign, s["unit"], "not-updated", as_of, note, "stale",
                          ids[s["account"]]))
    return raised


def notice(store: Store, unit: str, as_of: date, period: tuple[date, date] | None = None,
           fmt: str = "markdown") -> str:
    """整改通报: the unit's alerts in the period, the interview it triggers, what to do."""
    state = status(store, unit, as_of, period)
    upto = min(state["period"][1], as_of.isoformat())  # as status counts them
    items = [a for a in listing(store, unit) if state["period"][0] <= a["date"] <= upto]
    deadline = calendar.deadline(as_of, 5)
    provisional = (f"（暂定：{'、'.join(map(str, deadline.missing))} 年节假日安排公布前按周末和"
                   "元旦、劳动节、国庆节计算）" if deadline.provisional else "")
    lines = [f"# 关于{unit}政务新媒体问题的整改通报", "",
             f"{unit}：", "",
             f"经监测，{state['period'][0]} 至 {state['period'][1]} 期间，你单位政务新媒体共产生"
             f"违规警报 {state['count']} 次，具体如下：", ""]
    for n, a in enumerate(items, 1):
        done = f"（已于 {a['resolved']} 整改）" if a["resolved"] else "（未整改）"
        lines.append(f"{n}. {a['date']} {KIND_NAMES[a['kind']]}：{a['note'] or '—'}{done}")
    lines += ["", "根据“二四六”约谈机制，"
              + (f"{INTERVIEWS[state['interview']]}。" if state["interview"]
                 else "本期警报未达约谈标准。"),
              "", f"请于 {deadline.day.isoformat()}{provisional} 前完成整改，"
              "整改报告须经单位主要负责人签字并加盖公章后报区政府办公室。",
              "", f"{as_of.isoformat()}"]
    text = "\n".join(lines) + "\n"
    if fmt == "html":
        import html

        body = "".join(f"<p>{html.escape(line)}</p>" if line and not line.startswith("# ")
                       else (f"<h1>{html.escape(line[2:])}</h1>" if line else "")
                       for line in lines)
        return ('<!DOCTYPE html><html lang="zh"><meta charset="utf-8">'
                f"<body>{body}</body></html>\n")
    return text
