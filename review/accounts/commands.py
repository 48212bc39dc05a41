"""`review accounts …` and `review alerts …`; every command takes --format json."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import click

from review.accounts.checked import CheckedStore
from review.columns import table
from review.i18n import said
from review.language import lang_option, say, spoken
from review.tables import MAX_ID

FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["text", "json"]),
                             default="text")
DATE = click.DateTime(["%Y-%m-%d"])
ROW_ID = click.IntRange(1, MAX_ID)


def _store():
    """The store, for a command that reads the office's records: the 二四六 level and the
    notices decide interviews, so they are read only from tables that agree with the signed
    log (a row deleted by hand from review_alerts must not lower a unit's count)."""
    return CheckedStore(_checked_service().store)


def _checked_service(identity_required: bool = False):
    """The service, once the office's tables are found to agree with the signed log."""
    from review.accounts.checked import office_checked
    from review.workflow.commands import open_service

    service = open_service(identity_required=identity_required)
    office_checked(service)
    return service


def _office():
    """The store and the signer of an action that changes the office's records: it needs the
    key of someone holding the office or admin role, and it is logged. Its tables must agree
    with the signed log first: an import or an alert binds an account by the id the table
    gives its name, and ids swapped by hand would sign one account's posts as another's."""
    service = _checked_service(identity_required=True)
    return CheckedStore(service.store), service.office_signer()


def _on(day: str, provisional: bool) -> str:
    """A deadline as shown: marked when it is provisional."""
    return day + say("provisional_mark") if provisional else day


def _dates(e: dict) -> dict:
    """An event's deadlines as shown, each marked when provisional."""
    which = e.get("provisional_deadlines", [])
    return {"deadline": _on(e["filing_deadline"], "filing_deadline" in which),
            "notice": _on(e["notice_end"], "notice_end" in which)}


def _notes(events: list[dict]) -> list[str]:
    """What a provisional deadline lacks, and deadlines the calendar now puts elsewhere."""
    lines = [say("deadline_outdated", id=e["id"], **_dates({**e["recompute"], "id": e["id"]}))
             for e in events if "recompute" in e]
    missing = sorted({y for e in events for y in e.get("calendar_missing", [])})
    if missing:
        lines.append(say("provisional_note", years="、".join(map(str, missing))
                         if spoken() == "zh" else ", ".join(map(str, missing))))
    return lines


def _day(value: datetime | None) -> date:
    from review.accounts import calendar

    return calendar.checked(value.date()) if value else date.today()


def _emit(data, fmt: str, lines) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for line in lines:
            click.echo(line)


@click.group()
def accounts() -> None:
    """政务新媒体账号备案、更新与评分 / the account registry, update duty and scores."""


@accounts.command("add")
@lang_option
@click.argument("name")
@click.option("--unit", required=True)
@click.option("--platform", required=True, help="微信公众号 / 微博 / 抖音 …")
@click.option("--high-attention", is_flag=True, help="社会关注度高（每周至少一条）")
@click.option("--operator", help="运维人员 / operator")
@click.option("--contact", help="联系方式 / contact")
@FORMAT_OPTION
def accounts_add(name, unit, platform, high_attention, operator, contact, fmt) -> None:
    from review.accounts import registry

    data = registry.add(*_office(), name, unit, platform, high_attention, operator, contact)
    _emit(data, fmt, [say("account_on_file", name=name, unit=unit, platform=platform)])


@accounts.command("import")
@lang_option
@click.argument("file", type=click.Path(dir_okay=False))
def accounts_import(file) -> None:
    """从 CSV 批量登记账号 / put accounts on file from a CSV."""
    from review.accounts import registry

    added, problems = registry.import_registry(*_office(), Path(file))
    for p in problems:
        click.echo(said(p, spoken()))
    click.echo(say("accounts_imported", added=added, skipped=len(problems)))


@accounts.command("list")
@lang_option
@FORMAT_OPTION
def accounts_list(fmt) -> None:
    from review.accounts import registry

    rows = registry.listing(_store())
    _emit(rows, fmt, table([r["name"], r["unit"], r["platform"], r["status"],
                            "高关注" if r["high_attention"] else ""] for r in rows))


@accounts.command("show")
@lang_option
@click.argument("name")
@FORMAT_OPTION
def accounts_show(name, fmt) -> None:
    from review.accounts import registry

    data = registry.show(_store(), name)
    _emit(data, fmt, [say("account_head", name=data["name"], unit=data["unit"],
                          platform=data["platform"], status=data["status"],
                          last=data["last_post"] or "—")]
          + [say("account_event_line", id=e["id"], date=e["date"], kind=e["kind"],
                 **_dates(e), filed=e["filed"] or "—", decision=e["decision"])
             for e in data["events"]]
          + _notes(data["events"]))


@accounts.command("event")
@lang_option
@click.argument("name")
@click.argument("kind", type=click.Choice(["open", "merge", "change", "close"]))
@click.option("--date", "day", type=DATE, required=True)
@click.option("--decision", required=True, help="依据：集体决策或主要负责人同意")
@FORMAT_OPTION
def accounts_event(name, kind, day, decision, fmt) -> None:
    """记录开设/整合/变更/注销并计算备案期限（7个工作日）和公示期（15个工作日）。"""
    from review.accounts import registry

    data = registry.event(*_office(), name, kind, _day(day), decision)
    _emit(data, fmt, [say("event_recorded", name=name, kind=kind, date=data["date"],
                          **_dates(data)), *_notes([data])])


@accounts.command("recompute")
@lang_option
@FORMAT_OPTION
def accounts_recompute(fmt) -> None:
    """按现有节假日安排重新计算期限（暂定期限转为正式）/ recompute deadlines on the calendar now
    known: provisional ones become final once the year's holidays are on file."""
    from review.accounts import registry

    changes = registry.recompute(*_office())
    _emit(changes, fmt, [*(say("deadline_recomputed", id=c["event"], account=c["account"],
                               kind=c["kind"], date=c["date"],
                               old_deadline=c["was"]["filing_deadline"],
                               old_notice=c["was"]["notice_end"], **_dates(c))
                           for c in changes),
                         say("deadlines_recomputed", count=len(changes)), *_notes(changes)])


@accounts.command("filed")
@lang_option
@click.argument("event_id", type=ROW_ID)
@click.option("--date", "day", type=DATE)
def accounts_filed(event_id, day) -> None:
    """记录事件已备案 / record that an event was filed."""
    from review.accounts import registry

    registry.filed(*_office(), event_id, _day(day))
    click.echo(say("event_filed", event=event_id))


@accounts.command("due")
@lang_option
@click.option("--as-of", "as_of", type=DATE)
@click.option("--within", type=click.IntRange(0, 250), default=3, show_default=True,
              help="工作日 / working days")
@FORMAT_OPTION
def accounts_due(as_of, within, fmt) -> None:
    """逾期或即将到期的备案 / filings overdue or due soon."""
    from review.accounts import registry

    rows = registry.due(_store(), _day(as_of), within)
    _emit(rows, fmt, table([r["status"], r["account"], f"{r['kind']} {r['date']}",
                            say("file_by", deadline=_dates(r)["deadline"])] for r in rows)
          + _notes(rows))


@accounts.group("activity")
def activity_group() -> None:
    """发布数据 / publishing activity."""


@activity_group.command("import")
@lang_option
@click.argument("file", type=click.Path(dir_okay=False))
@FORMAT_OPTION
def activity_import(file, fmt) -> None:
    """导入 CSV：account,date[,reads,zaikan,likes,shares,comments,errors]"""
    from review.accounts import registry

    report = registry.import_activity(*_office(), Path(file))
    data = {"added": report.added, "duplicates": report.duplicates, "problems": report.problems}
    _emit(data, fmt, [*(said(p, spoken()) for p in report.problems),
                      say("activity_imported", added=report.added,
                          duplicates=report.duplicates, skipped=len(report.problems))])


@accounts.command("stale")
@lang_option
@click.option("--as-of", "as_of", type=DATE)
@click.option("--raise-alerts", is_flag=True, help="为停更账号登记“内容不更新”警报")
@FORMAT_OPTION
def accounts_stale(as_of, raise_alerts, fmt) -> None:
    """14 天未更新（高关注 7 天）的账号 / accounts that stopped publishing."""
    from review.accounts import alerts, registry

    day = _day(as_of)
    store, sign = _office() if raise_alerts else (_store(), None)
    rows = registry.stale(store, day)
    raised = alerts.raise_stale(store, sign, day) if sign else []
    _emit({"stale": rows, "alerts_raised": raised}, fmt,
          table([r["account"], r["unit"], say("last_post", last=r["last_post"] or "—"),
                 say("days_limit", days=r["days"] if r["days"] is not None else "—",
                     limit=r["limit"])]
                for r in rows) + ([say("alerts_raised", count=len(raised))] if raise_alerts
                                  else []))


@accounts.command("consolidate")
@lang_option
@click.option("--as-of", "as_of", type=DATE)
@FORMAT_OPTION
def accounts_consolidate(as_of, fmt) -> None:
    """“一近三低”整合候选及其数据 / consolidation candidates with their figures."""
    from review.accounts import registry

    rows = registry.consolidate(_store(), _day(as_of))
    _emit(rows, fmt, table([r["account"], r["unit"],
                            say("like_accounts", names=", ".join(r["similar_to"])),
                            say("account_figures", posts=r["posts"], reads=r["avg_reads"],
                                interactions=r["avg_interactions"])] for r in rows))


@accounts.command("score")
@lang_option
@click.option("--period", required=True, help="2026-10 / 2026 / 2026-10-01:2026-10-31")
@FORMAT_OPTION
def accounts_score(period, fmt) -> None:
    """五项指数及排名 / the five indices and the ranking."""
    from review.accounts import calendar, scores

    first, last = calendar.period(period)
    service = _checked_service()
    rows = scores.score(CheckedStore(service.store), first, last,
                        seen=scores.seen(service, first, last))
    _emit(rows, fmt, table([r["rank"], r["account"], r["total"],
                            say("score_indices", diligence=r["diligence"], effect=r["effect"],
                                content=r["content"], cluster=r["cluster"],
                                growth=r["growth"])] for r in rows))


@click.group("alerts")
def alerts_group() -> None:
    """违规警报与“二四六”约谈 / violation alerts and the 二四六 escalation."""


@alerts_group.command("add")
@lang_option
@click.argument("unit")
@click.option("--kind", required=True, type=click.Choice(["serious", "not-updated",
                                                          "poor-interaction"]))
@click.option("--date", "day", type=DATE)
@click.option("--note", default="")
@FORMAT_OPTION
def alerts_add(unit, kind, day, note, fmt) -> None:
    from review.accounts import alerts

    store, sign = _office()
    data = alerts.add(store, sign, unit, kind, _day(day), note)
    state = alerts.status(store, unit, _day(day))
    _emit({**data, "status": state}, fmt,
          [say("alert_interview" if state["interview"] else "alert_added", alert=data["id"],
               unit=unit, kind=kind, count=state["count"], interview=state["interview"])])
    _unit_on_file(store, unit)


def _unit_on_file(store, unit: str) -> None:
    """The 二四六 count is kept by the unit's name: an alert under a name no account on file
    carries (a typo, 城东区某局 as 城东某局) counts for a unit of its own and never toward the
    real one's interview. Said on stderr, not refused: an inspection can find an account the
    registry lacks, and its unit's alert stands."""
    import difflib

    from review.accounts import registry

    units = {a["unit"] for a in registry.listing(store)}
    if unit in units:
        return
    close = difflib.get_close_matches(unit, sorted(units), n=1, cutoff=0.5)
    click.echo(say("alert_unit_not_on_file", unit=unit,
                   close=say("alert_unit_close", unit=close[0]) if close else ""), err=True)


@alerts_group.command("list")
@lang_option
@click.option("--unit")
@click.option("--open", "open_only", is_flag=True)
@FORMAT_OPTION
def alerts_list(unit, open_only, fmt) -> None:
    from review.accounts import alerts

    rows = alerts.listing(_store(), unit, open_only)
    _emit(rows, fmt, table([r["id"], r["date"], r["unit"], r["kind"],
                            say("alert_resolved_on", day=r["resolved"]) if r["resolved"]
                            else say("alert_open"), r["note"]]
                           for r in rows))


@alerts_group.command("resolve")
@lang_option
@click.argument("alert_id", type=ROW_ID)
@click.option("--report", required=True, help="整改报告 / the rectification report")
@click.option("--date", "day", type=DATE)
def alerts_resolve(alert_id, report, day) -> None:
    from review.accounts import alerts

    alerts.resolve(*_office(), alert_id, report, _day(day))
    click.echo(say("alert_resolved", alert=alert_id))


@alerts_group.command("status")
@lang_option
@click.argument("unit")
@click.option("--as-of", "as_of", type=DATE)
@click.option("--period", help="2026 / 2026-10 / 2026-10-01:2026-10-31（默认为自然年 / default: "
                               "the calendar year)")
@FORMAT_OPTION
def alerts_status(unit, as_of, period, fmt) -> None:
    from review.accounts import alerts, calendar

    span = calendar.period(period) if period else None
    data = alerts.status(_store(), unit, _day(as_of), span)
    _emit(data, fmt, [say("alert_status", unit=unit, count=data["count"],
                          first=data["period"][0], last=data["period"][1],
                          interview=data["interview"] or say("no_interview"))])


@alerts_group.command("notice")
@lang_option
@click.argument("unit")
@click.option("--as-of", "as_of", type=DATE)
@click.option("--period", help="2026 / 2026-10 / 2026-10-01:2026-10-31")
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default="markdown")
@click.option("--out", type=click.Path(dir_okay=False))
def alerts_notice(unit, as_of, period, fmt, out) -> None:
    """整改通报 / the rectification notice."""
    from review.accounts import alerts, calendar

    span = calendar.period(period) if period else None
    text = alerts.notice(_store(), unit, _day(as_of), span, fmt)
    if out:
        from review.files import write_replacing

        write_replacing(Path(out), text)
        click.echo(out)
    else:
        click.echo(text, nl=False)
