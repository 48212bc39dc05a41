"""Reports: one module per output format, each `render(results, lang, rules) -> str`."""

from __future__ import annotations

from review.findings import Decision, FileResult


def summary(results: list[FileResult]) -> dict[str, int]:
    return {
        "files": len(results),
        "block": sum(r.decision == Decision.BLOCK for r in results),
        "review": sum(r.decision == Decision.REVIEW for r in results),
        "pass": sum(r.decision == Decision.PASS for r in results),
        "errors": sum(r.error is not None for r in results),
        "findings": sum(len(r.findings) for r in results),
    }
