"""The office's pages: accounts with their filing deadlines and update duty, alerts per unit
with the 二四六 level, the five indices over months as charts, a unit's 整改通报 and a month of
an account for inspectors. They read only; every change to the office's records stays a
signed command (`review accounts …`, `review alerts …`)."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from review.desk import charts
from review.desk.context import Desk
from review.desk.pages import printable
from review.errors import UsageError
from review.i18n import t

MONTHS = 6
INDICES = ("total", "diligence", "effect", "content", "cluster", "growth")
DEADLINE_DAYS = 10  # working days ahead the desk lists filing deadlines for


def _checked(desk: Desk):
    from review.accounts.checked import office_checked

    office_checked(desk.service)
    return desk.service


def _store(service):
    """The store as the office's readers use it: each reading checked in its own snapshot."""
    from review.accounts.checked import CheckedStore

    return CheckedStore(service.store)


def accounts(desk: Desk, request: Request, form: FormData | None) -> Response:
    from review.accounts import alerts, registry

    service = _checked(desk)
    store, today = _store(service), date.today()
    listed = registry.listing(store)
    units = sorted({a["unit"] for a in listed} | {a["unit"] for a in alerts.listing(store)})
    unit_alerts = []
    for unit in units:
        status = alerts.status(store, unit, today)
        still_open = len(alerts.listing(store, unit, open_only=True))
        unit_alerts.append({**status, "open": still_open})
    months = _months(today, MONTHS)
    chosen = request.query_params.get("account") or next(
        (a["name"] for a in listed if a["status"] == "open"), "")
    chart = _chart(desk, service, months, chosen) if chosen else None
    return desk.page(request, "accounts.html", accounts=listed,
                     due=registry.due(store, today, DEADLINE_DAYS),
                     stale=registry.stale(store, today), alerts=unit_alerts,
                     chosen=chosen, chart=chart, months=MONTHS, today=today.isoformat(),
                     this_month=months[-1])


def _months(today: date, count: int) -> list[str]:
    out = []
    year, month = today.year, today.month
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _chart(desk: Desk, service, months: list[str], account: str) -> str | None:
    """The account's five indices and total, month by month (review.accounts.scores)."""
    from review.accounts import calendar, scores

    series: dict[str, list[float | None]] = {k: [] for k in INDICES}
    for month in months:
        first, last = calendar.period(month)
        rows = scores.score(_store(service), first, last,
                            seen=scores.seen(service, first, last))
        row = next((r for r in rows if r["account"] == account), None)
        for k in INDICES:
            series[k].append(row[k] if row else None)
    if all(v is None for v in series["total"]):
        return None
    return charts.lines(account, months,
                        [(t(f"index_{k}", desk.lang), series[k]) for k in INDICES])


def notice(desk: Desk, request: Request, form: FormData | None) -> Response:
    from review.accounts import alerts

    service = _checked(desk)
    unit = request.query_params.get("unit", "").strip()
    if not unit:
        raise UsageError("blank_option", option="unit")
    text = alerts.notice(_store(service), unit, date.today())
    lines = text.splitlines()
    return printable(desk, request, "notice.html", "notice.html",
                     heading=lines[0].removeprefix("# "), lines=lines[1:])


def month_record(desk: Desk, request: Request, form: FormData | None) -> Response:
    """What went out for one account in one month, each item with its full history."""
    from review.accounts import calendar, registry
    from review.desk.pages import history_rows
    from review.workflow.judged import published

    service = _checked(desk)
    account = request.path_params["account"]
    if account not in {a["name"] for a in registry.listing(_store(service))}:
        raise UsageError("desk_no_account", name=account)
    try:
        first, last = calendar.period(request.query_params.get("month") or
                                      date.today().strftime("%Y-%m"))
    except UsageError:
        raise UsageError("desk_bad_month") from None
    if (first.year, first.month) != (last.year, last.month) or first.day != 1:
        raise UsageError("desk_bad_month")
    month = first.strftime("%Y-%m")
    with service.store.reading() as conn:
        posts = [p for p in published(conn, service.state(conn)) if p.account == account
                 and p.day and first.isoformat() <= p.day <= last.isoformat()]
    released = [{"post": p, "view": service.show(p.item),
                 "history": history_rows(service, *service.judged(p.item))} for p in posts]
    return printable(desk, request, "month.html", f"{account}-{month}-record.html",
                     account=account, month=month, released=released)
