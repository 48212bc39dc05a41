"""`--format sarif`: SARIF 2.1.0 for code-scanning UIs. Columns count Unicode code points."""

from __future__ import annotations

import json

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
from review.findings import FileResult, Rule, Severity

_LEVEL = {Severity.BLOCK: Level.ERROR, Severity.REVIEW: Level.WARNING, Severity.INFO: Level.NOTE}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(results: list[FileResult], lang: str, rules: list[Rule]) -> str:
    by_id = {rule.id: rule for rule in rules}
    used = sorted({f.rule for r in results for f in r.findings})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    descriptors = [
        ReportingDescriptor(
            id=rule_id,
            short_description=Message(text=by_id[rule_id].message(lang)) if rule_id in by_id
            else None,
            properties={"category": by_id[rule_id].category.value,
                        "gate": by_id[rule_id].gate.value} if rule_id in by_id else None,
        )
        for rule_id in used
    ]
    sarif_results = []
    for r in results:
        for f in r.findings:
            region = Region(start_line=f.line, start_column=f.column, end_line=f.end_line,
                            end_column=f.end_column, char_offset=f.start,
                            char_length=f.end - f.start, snippet={"text": f.text})
            text = f.message if not f.suggestion else f"{f.message} — {f.suggestion}"
            sarif_results.append(Result(
                rule_id=f.rule, rule_index=index[f.rule], level=_LEVEL[f.severity],
                message=Message(text=text),
                locations=[Location(physical_location=PhysicalLocation(
                    artifact_location=ArtifactLocation(uri=r.path), region=region))],
                properties={"category": f.category.value, "gate": f.gate.value,
                            "severity": f.severity.value},
            ))
    notifications = [{"level": "error", "message": {"text": f"{r.path}: {r.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": r.path}}}]}
                     for r in results if r.error is not None]
    run = Run(
        tool=Tool(driver=ToolDriver(name="review", version=__version__, rules=descriptors)),
        results=sarif_results,
        invocations=[Invocation(execution_successful=not notifications)],
    )
    log = Sarif(version="2.1.0", runs=[run])
    data = log.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["$schema"] = SCHEMA
    data["runs"][0]["columnKind"] = "unicodeCodePoints"
    if notifications:  # files that could not be read, as SARIF tool notifications
        data["runs"][0]["invocations"][0]["toolExecutionNotifications"] = notifications
    return json.dumps(data, ensure_ascii=False, indent=2)
