"""The gate's reports: the check formats plus approval results, JUnit XML, and a summary
table at the end."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import click

from review.ci.gate import GateReport
from review.report import json as json_report

APPROVAL_RULE = "RV001"


def render_json(report: GateReport, lang: str) -> str:
    files = []
    for f in report.files:
        record = json_report.file_record(f.result)
        record.update(status=f.status, baselined=f.baselined, approved=f.approval is None,
                      approval_error=f.approval)
        files.append(record)
    return json.dumps({"version": 1, "base": report.base, "files": files,
                       "deleted": report.deleted, "notices": report.notices,
                       "summary": summary(report)}, ensure_ascii=False, indent=2)


def summary(report: GateReport) -> dict:
    return {"files": len(report.files), "deleted": len(report.deleted),
            "block": sum(f.result.decision is not None and f.result.decision.value == "block"
                         for f in report.files),
            "unapproved": sum(f.approval is not None for f in report.files),
            "errors": sum(f.result.error is not None for f in report.files),
            "baselined": sum(f.baselined for f in report.files),
            "exit": report.exit_code()}


def render_github(report: GateReport, lang: str) -> str:
    from review.report import github

    lines = [github.render([f.result for f in report.files], lang)] if report.files else []
    for f in report.files:
        if f.approval:
            path = github.escape_property(f.result.path)
            lines.append(f"::error file={path},title={APPROVAL_RULE}::"
                         f"{github.escape_data(f.approval)}")
    for notice in report.notices:
        lines.append(f"::warning title=review.toml::{github.escape_data(notice)}")
    return "\n".join(line for line in lines if line)


def render_sarif(report: GateReport, lang: str, rules) -> str:
    from review.report import sarif

    data = json.loads(sarif.render([f.result for f in report.files], lang, rules))
    run = data["runs"][0]
    unapproved = [f for f in report.files if f.approval]
    if unapproved:
        run["tool"]["driver"].setdefault("rules", []).append(
            {"id": APPROVAL_RULE, "shortDescription": {"text": "no valid release attestation"}})
        index = len(run["tool"]["driver"]["rules"]) - 1
        for f in unapproved:
            run["results"].append({"ruleId": APPROVAL_RULE, "ruleIndex": index, "level": "error",
                                   "message": {"text": f.approval},
                                   "locations": [{"physicalLocation": {
                                       "artifactLocation": {"uri": f.result.path}}}]})
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_junit(report: GateReport, lang: str) -> str:
    suite = ET.Element("testsuite", name="review ci", tests=str(len(report.files)))
    failures = errors = 0
    for f in report.files:
        case = ET.SubElement(suite, "testcase", classname="review", name=f.result.path)
        if f.result.error:
            errors += 1
            ET.SubElement(case, "error", message=f.result.error)
            continue
        problems = [f"{x.line}:{x.column} {x.severity.value} {x.rule} {x.message}: {x.text}"
                    for x in f.result.findings
                    if report.fail_on != "never" and x.severity.rank >= _rank(report.fail_on)]
        if f.approval:
            problems.append(f.approval)
        if problems:
            failures += 1
            failure = ET.SubElement(case, "failure", message=problems[0])
            failure.text = "\n".join(problems)
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)


def _rank(level: str) -> int:
    from review.findings import Severity

    return Severity(level).rank


def render_text(report: GateReport, lang: str) -> str:
    from review.report import text

    parts = [text.render_file(f.result, lang) + (f"\n  {f.approval}" if f.approval else "")
             for f in report.files]
    parts += [f"notice: {n}" for n in report.notices]
    return "\n".join(parts)


def table(report: GateReport) -> str:
    rows = [("file", "status", "decision", "findings", "baselined", "approval")]
    for f in report.files:
        rows.append((f.result.path, f.status,
                     f.result.decision.value if f.result.decision else "error",
                     str(len(f.result.findings)), str(f.baselined),
                     "ok" if f.approval is None else "MISSING"))
    for path in report.deleted:
        rows.append((path, "D", "-", "-", "-", "-"))
    widths = [max(click.unstyle(r[i]).__len__() for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    s = summary(report)
    lines.append(f"{s['files']} checked, {s['deleted']} deleted, {s['block']} blocked, "
                 f"{s['unapproved']} unapproved, {s['baselined']} baselined → exit {s['exit']}")
    return "\n".join(lines)
