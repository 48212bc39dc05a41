"""`--format sarif`: SARIF 2.1.0 for code-scanning UIs. Columns count Unicode code points;
artifact URIs are percent-encoded (a file may be named `冬季 优惠.md`)."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from sarif_pydantic import (
    ArtifactLocation,
    Invocation,
    Level,
    Location,
    Message,
    PhysicalLocation,
    Region,
    ReportingDescriptor,
    Result,
    Run,
    Sarif,
    Tool,
    ToolDriver,
)

from review import __version__
from review.findings import Finding, Rule, Severity
from review.loading import display_path
from review.report.records import Report

_LEVEL = {Severity.BLOCK: Level.ERROR, Severity.REVIEW: Level.WARNING, Severity.INFO: Level.NOTE}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def uri(path: str) -> str:
    """A relative or absolute path as a URI reference (RFC 3986): every byte of the name
    outside the unreserved set percent-encoded, the slashes kept. The bytes are the file
    system's (os.fsencode): UTF-8, or a name git holds in GBK as it is, so the URI still
    names that file. Only where it separates (Windows) is a backslash a slash; on POSIX it is
    part of a name."""
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    return quote(os.fsencode(path), safe="/")


def _descriptor(rule_id: str, rule: Rule | None, lang: str) -> ReportingDescriptor:
    if rule is None:
        return ReportingDescriptor(id=rule_id)
    return ReportingDescriptor(id=rule_id, short_description=Message(text=rule.message(lang)),
                               properties={"category": rule.category.value,
                                           "gate": rule.gate.value})


def _result(f: Finding, path: str, index: int) -> Result:
    region = Region(start_line=f.line, start_column=f.column, end_line=f.end_line,
                    end_column=f.end_column, char_offset=f.start, char_length=f.end - f.start,
                    snippet={"text": f.text})
    return Result(
        rule_id=f.rule, rule_index=index, level=_LEVEL[f.severity],
        message=Message(text=f.message if not f.suggestion else f"{f.message} — {f.suggestion}"),
        locations=[Location(physical_location=PhysicalLocation(
            artifact_location=ArtifactLocation(uri=uri(path)), region=region))],
        properties={"category": f.category.value, "gate": f.gate.value,
                    "severity": f.severity.value, "location": f.location.to_dict()},
    )


def render(report: Report, lang: str) -> str:
    by_id = {rule.id: rule for rule in report.rules}
    approvals = [(f.result.path, f.approval) for f in report.files if f.approval is not None]
    by_id.update({problem.rule.id: problem.rule for _, problem in approvals})
    used = sorted({f.rule for r in report.files for f in r.result.findings}
                  | {problem.rule.id for _, problem in approvals})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    results = [_result(f, r.result.path, index[f.rule])
               for r in report.files for f in r.result.findings]
    for path, problem in approvals:  # a whole file's problem: a location without a region
        results.append(Result(
            rule_id=problem.rule.id, rule_index=index[problem.rule.id], level=Level.ERROR,
            message=Message(text=problem.message),
            locations=[Location(physical_location=PhysicalLocation(
                artifact_location=ArtifactLocation(uri=uri(path))))]))
    errors = [_notification("error", f"{f.result.path}: {f.result.error}", f.result.path)
              for f in report.files if f.result.error is not None]
    notices = [_notification("warning", n) for n in report.notices or ()]
    run = Run(
        tool=Tool(driver=ToolDriver(name="review", version=__version__,
                                    rules=[_descriptor(i, by_id.get(i), lang) for i in used])),
        results=results,
        invocations=[Invocation(execution_successful=not errors)],
    )
    data = Sarif(version="2.1.0", runs=[run]).model_dump(mode="json", by_alias=True,
                                                         exclude_none=True)
    data["$schema"] = SCHEMA
    data["runs"][0]["columnKind"] = "unicodeCodePoints"
    if errors or notices:  # unreadable files and notices, as SARIF tool notifications
        data["runs"][0]["invocations"][0]["toolExecutionNotifications"] = errors + notices
    return json.dumps(data, ensure_ascii=False, indent=2)


def _notification(level: str, text: str, path: str | None = None) -> dict:
    # a message is text for a reader: a name's bytes that are no UTF-8 are shown as U+FFFD
    note: dict = {"level": level, "message": {"text": display_path(text)}}
    if path is not None:
        note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri(path)}}}]
    return note
