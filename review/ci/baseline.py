"""A baseline of accepted findings, for adopting the gate on an existing repository: by file,
rule and a hash of the matched text — no line numbers, no timestamps — so it does not churn
when text moves."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from review import jsonfile
from review.files import write_replacing
from review.findings import Finding
from review.rules.redirects import current

VERSION = 1


def fingerprint(path: str, finding: Finding) -> str:
    return f"{path}\t{finding.rule}\t{finding.text_digest}"


def build(results: dict[str, list[Finding]]) -> dict:
    entries = sorted(fingerprint(path, f) for path, findings in results.items()
                     for f in findings)
    return {"version": VERSION, "findings": entries}


def write(path: Path, data: dict) -> None:
    write_replacing(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def load(text: str | None) -> Counter:
    if not text:
        return Counter()
    try:
        data = jsonfile.loads(text)
        return Counter(e for e in data["findings"] if isinstance(e, str) and e.count("\t") >= 2)
    except (ValueError, KeyError, TypeError):
        return Counter()


def by_file(accepted: Counter) -> dict[str, Counter[tuple[str, str]]]:
    """What the baseline accepts in each file, as the decision takes it: (rule, text digest)."""
    out: dict[str, Counter[tuple[str, str]]] = {}
    for entry, count in accepted.items():
        path, rule, digest = entry.rsplit("\t", 2)
        out.setdefault(path, Counter())[(current(rule), digest)] += count
    return out
