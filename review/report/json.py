"""`--format json`: {"version": 1, [context…], "files": [...], [ci: "deleted", "notices"],
"summary": {...}}. Offsets (`start`, `end`) index the file's decoded text; `location` says
where that is for a reader."""

from __future__ import annotations

import json

from review.report.records import FileReport, Report, summary

VERSION = 1


def file_record(file: FileReport) -> dict:
    result = file.result
    if result.error is not None:
        record: dict = {"path": result.path, "error": result.error}
    else:
        record = {"path": result.path,
                  "decision": result.decision.value if result.decision else None,
                  "findings": [f.to_dict() for f in result.findings]}
    if file.status is not None:  # a file the CI gate judged
        record.update(status=file.status, baselined=file.baselined,
                      approved=file.approval is None,
                      approval_rule=file.approval.rule.id if file.approval else None,
                      approval_error=file.approval.message if file.approval else None)
    return record


def render(report: Report, lang: str) -> str:
    document: dict = {"version": VERSION, **report.context,
                      "files": [file_record(f) for f in report.files]}
    if report.gate is not None:
        document["deleted"] = report.gate.deleted
        document["outside"] = report.gate.outside
    if report.notices is not None:
        document["notices"] = report.notices
    document["summary"] = summary(report)
    return json.dumps(document, ensure_ascii=False, indent=2)
