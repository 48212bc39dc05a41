"""`review duty …`: holiday duty planned, saved, shown and swapped (review.accounts.duty)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import click

from review.accounts.checked import CheckedStore
from review.accounts.commands import DATE, FORMAT_OPTION, _checked_service, _day
from review.accounts.duty_notice import FORMATS
from review.language import lang_option, say
from review.workflow.roster import ROLES

EXPORT_OPTIONS = (click.option("--format", "fmt", type=click.Choice(FORMATS), default="text"),
                  click.option("--out", type=click.Path(dir_okay=False),
                               help="写入文件 / write to a file"))
SPAN_OPTIONS = (click.option("--from", "first", type=DATE, required=True),
                click.option("--to", "last", type=DATE, required=True))


def _options(*options):
    def apply(f):
        for option in reversed(options):
            f = option(f)
        return f
    return apply


def _span(first: datetime, last: datetime) -> tuple[date, date]:
    from review.accounts import duty

    return duty.span(_day(first), _day(last))


def _export(days, first: date, last: date, fmt: str, out: str | None, **extra) -> None:
    from review.accounts.duty_notice import render

    text = render(days, first, last, fmt, **extra)
    if out:
        from review.files import write_replacing

        # a BOM, or a spreadsheet opened from the file guesses GBK and garbles the names
        write_replacing(Path(out), ("\ufeff" if fmt == "csv" else "") + text)
        click.echo(out)
    else:
        click.echo(text, nl=False)


@click.group("duty", invoke_without_command=True)
@lang_option
@click.option("--date", "day", type=DATE, help="默认今天 / default: today")
@FORMAT_OPTION
@click.pass_context
def duty_group(ctx: click.Context, day: datetime | None, fmt: str) -> None:
    """节假日值班：今天谁值班（同 `duty show`）/ holiday duty: who is on duty today."""
    if ctx.invoked_subcommand is None:
        _show(day, fmt)


@duty_group.command("show")
@lang_option
@click.option("--date", "day", type=DATE, help="默认今天 / default: today")
@FORMAT_OPTION
def duty_show(day: datetime | None, fmt: str) -> None:
    """某日值班人员（已保存的安排）/ who is on duty on a day, from the saved roster."""
    _show(day, fmt)


def _show(value: datetime | None, fmt: str) -> None:
    from review.accounts import calendar, duty
    from review.accounts.duty_notice import as_dict, label, weekday

    day = _day(value)
    found = duty.on(CheckedStore(_checked_service().store), day)
    working = calendar.official(day) if found is None else False
    if found is not None:
        data, line = as_dict(found), say("duty_on", date=day.isoformat(), weekday=weekday(day),
                                         kind=label(found), person=found.person)
    elif working:
        data = {"date": day.isoformat(), "weekday": weekday(day), "kind": "workday",
                "person": None}
        line = say("duty_working_day", date=day.isoformat(), weekday=weekday(day))
    elif working is None:  # neither a working day nor a day off, as far as anyone knows
        raise calendar.CalendarError("duty_calendar_unknown", year=day.year)
    else:  # a day off nobody is on duty for: the office has a gap to fill
        from review.accounts.registry import AccountError

        raise AccountError("duty_no_plan", day=day.isoformat())
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if fmt == "json" else line)


@duty_group.command("plan")
@lang_option
@_options(*SPAN_OPTIONS)
@click.option("--role", "roles", multiple=True, type=click.Choice(ROLES),
              help="可值班的角色，可重复（默认 reviewer、office、admin）/ roles that take duty, "
                   "repeatable (default: reviewer, office, admin)")
@_options(*EXPORT_OPTIONS)
@click.option("--save", is_flag=True, help="保存并签名记入审计日志（office 或 admin）/ save it, "
                                           "signed into the audit log (office or admin)")
def duty_plan(first, last, roles, fmt, out, save) -> None:
    """为周末和法定节假日排班 / propose who is on duty each weekend and holiday."""
    from review.accounts import duty

    first, last = _span(first, last)
    service = _checked_service(identity_required=save)
    # the saved duty it balances against read where it is found to agree with the log: a
    # member's edit of past rows after the check above skewed who got the holidays (red-team
    # pass 61 J10)
    days = duty.plan(CheckedStore(service.store), service.roster(), first, last,
                     tuple(roles) or duty.DEFAULT_ROLES)
    saved = save and bool(days)
    if saved:
        duty.save(CheckedStore(service.store), service.office_signer(), first, last, days)
    _export(days, first, last, fmt, out, saved=saved)
    if saved:  # beside JSON or CSV on stdout, on stderr: the output stays parseable
        click.echo(say("duty_saved", first=first.isoformat(), last=last.isoformat(),
                       count=len(days)), err=fmt in ("json", "csv") and not out)


@duty_group.command("list")
@lang_option
@_options(*SPAN_OPTIONS, *EXPORT_OPTIONS)
def duty_list(first, last, fmt, out) -> None:
    """已保存的值班安排（含调班）/ the saved roster, swaps included."""
    from review.accounts import duty

    first, last = _span(first, last)
    _export(duty.saved(CheckedStore(_checked_service().store), first, last), first, last, fmt, out)


@duty_group.command("swap")
@lang_option
@click.argument("day", metavar="DATE", type=DATE)
@click.argument("person")
@FORMAT_OPTION
def duty_swap(day: datetime, person: str, fmt: str) -> None:
    """调班：某日改由他人值班（office 或 admin）/ put someone else on duty on a saved day."""
    from review.accounts import duty

    service = _checked_service(identity_required=True)
    change = duty.swap(CheckedStore(service.store), service.office_signer(), service.roster(),
                       _day(day), person)
    click.echo(json.dumps(change, ensure_ascii=False, indent=2) if fmt == "json"
               else say("duty_swapped", **change))
