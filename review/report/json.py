"""`--format json`: {"version": 1, "files": [...], "summary": {...}}."""

from __future__ import annotations

import json

from review.findings import FileResult
from review.report import summary

VERSION = 1


def file_record(result: FileResult) -> dict:
    if result.error is not None:
        return {"path": result.path, "error": result.error}
    return {"path": result.path, "decision": result.decision.value if result.decision else None,
            "findings": [f.model_dump(mode="json") for f in result.findings]}


def render(results: list[FileResult], lang: str) -> str:
    document = {"version": VERSION, "files": [file_record(r) for r in results],
                "summary": summary(results)}
    return json.dumps(document, ensure_ascii=False, indent=2)
