"""Commands that learn from reviewers' decisions: `review feedback export` (labelled examples
for the classifier) and `review stats` (rule health, and allow phrases to consider). Both read
the signed log the way every action does — its links, hashes and witnesses checked first —
and change nothing."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import click

from review.columns import printable, table
from review.errors import UsageError
from review.language import lang_option, say
from review.workflow.commands import FORMAT_OPTION, _write, open_service

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """A day as YYYY-MM-DD (what records' dates compare with), "" for none."""
    if value is None:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UsageError("bad_date", value=value) from None


def _month(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if value is None:
        return ""
    if not _MONTH.fullmatch(value.strip()):
        raise UsageError("stats_bad_month", value=value)
    return value.strip()


SINCE = click.option("--since", callback=_date, metavar="DATE",
                     help="只计该日（含）以后签名的记录 / only records signed on or after DATE")


@click.group()
def feedback() -> None:
    """审核决定导出为训练样例 / reviewers' decisions as labelled examples."""


@feedback.command("export")
@lang_option
@SINCE
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="写入 feedback.tsv 与 feedback.jsonl 的目录 / the directory to write to")
def feedback_export(since: str, out: str) -> None:
    """放行与驳回标注导出为样例（个人信息已遮盖）/ overrides and rejection marks as examples,
    personal data masked; feedback.tsv is what `review model train --data` reads."""
    from review.workflow import feedback as exporting

    service = open_service(identity_required=False)
    with service.store.reading() as conn:
        exported = exporting.examples(conn, service.state(conn), since)
    tsv, jsonl = exporting.write(exported, Path(out))
    if exported.unavailable:
        click.echo(f"review: {say('feedback_unavailable', count=exported.unavailable)}",
                   err=True)
    click.echo(say("feedback_written", count=len(exported.examples), tsv=tsv, jsonl=jsonl))


@click.command()
@lang_option
@click.option("--period", callback=_month, metavar="YYYY-MM",
              help="该月提交的稿件 / drafts submitted in this month")
@SINCE
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="列出放行率高于此值的规则 / list rules overridden above this rate")
@click.option("--min-findings", type=click.IntRange(1), default=3, show_default=True,
              help="至少这么多条发现才列出 / only rules with at least this many findings")
@click.option("--suggest", is_flag=True,
              help="为这些规则建议 allow 短语（review.toml 格式，供审阅）/ propose allow phrases "
                   "for them, in review.toml's format, for the organisation to review")
@click.option("--out", type=click.Path(dir_okay=False), help="写入文件 / write to this file")
@FORMAT_OPTION
def stats(period: str, since: str, threshold: float, min_findings: int, suggest: bool,
          out: str | None, fmt: str) -> None:
    """规则健康：发现、放行、驳回与放行率 / rule health: findings, overrides, rejections and the
    override rate, per rule and per category, from the signed log."""
    from review.workflow import stats as health

    if period and since:
        raise UsageError("period_and_since")
    service = open_service(identity_required=False)
    with service.store.reading() as conn:
        report = health.gather(conn, service.state(conn), period, since)
    flagged = report.flagged(threshold, min_findings)
    if suggest:
        scope = " ".join(filter(None, [period, since and f"--since {since}"])) or \
            say("period_all")
        text = health.suggestion(flagged, [say("suggest_head", period=scope),
                                           say("suggest_how")])
    elif fmt == "json":
        text = json.dumps({"period": period, "since": since, "threshold": threshold,
                           "min_findings": min_findings,
                           "rules": [h.as_dict() for h in _ordered(report.rules)],
                           "categories": [h.as_dict() for h in _ordered(report.categories)],
                           "flagged": [h.name for h in flagged]},
                          indent=2, ensure_ascii=False) + "\n"
    else:
        text = "\n".join(_report_lines(report, flagged, threshold, min_findings)) + "\n"
    if out:
        _write(Path(out), text)
        click.echo(out)
    else:
        click.echo(text, nl=False)


def _ordered(rows: dict) -> list:
    return sorted(rows.values(), key=lambda h: (-h.findings, -h.overrides, h.name))


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _report_lines(report, flagged: list, threshold: float, least: int) -> list[str]:
    rules = table([say("stats_rule_header").split("\t")] +
                  [(h.name, h.category, h.findings, h.overrides, h.rejections, _rate(h.rate))
                   for h in _ordered(report.rules)])
    categories = table([say("stats_category_header").split("\t")] +
                       [(h.name, h.findings, h.overrides, h.rejections, _rate(h.rate))
                        for h in _ordered(report.categories)])
    limit = _rate(threshold)
    if not flagged:
        return [*rules, "", *categories, "", say("stats_none_flagged", threshold=limit,
                                                 least=least)]
    return [*rules, "", *categories, "", say("stats_flagged", threshold=limit, least=least),
            *("  " + printable(say("stats_flagged_line", rule=h.name, message=h.message,
                         overrides=h.overrides, findings=h.findings, rate=_rate(h.rate),
                         phrases="，".join(f"“{t}”×{n}" for t, n in h.phrases.most_common())))
              for h in flagged)]
