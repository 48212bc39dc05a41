"""A baseline of accepted findings, for adopting the gate on an existing repository: by file,
rule and a hash of the matched text — no line numbers, no timestamps — so it does not churn
when text moves."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from review.findings import Finding

VERSION = 1


def fingerprint(path: str, finding: Finding) -> str:
    text_hash = hashlib.sha256(finding.text.encode()).hexdigest()[:16]
    return f"{path}\t{finding.rule}\t{text_hash}"


def build(results: dict[str, list[Finding]]) -> dict:
    entries = sorted(fingerprint(path, f) for path, findings in results.items()
                     for f in findings)
    return {"version": VERSION, "findings": entries}


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(text: str | None) -> Counter:
    if not text:
        return Counter()
    try:
        data = json.loads(text)
        return Counter(data["findings"])
    except (ValueError, KeyError, TypeError):
        return Counter()


def new_findings(path: str, findings: list[Finding], accepted: Counter) -> list[Finding]:
    """Findings beyond those the baseline accepts (counted, so a second copy is new)."""
    left = accepted.copy()
    out = []
    for f in findings:
        key = fingerprint(path, f)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out
