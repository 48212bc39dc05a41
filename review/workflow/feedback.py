"""Reviewers' decisions as labelled examples for the classifier (`review feedback export`).

An override says the finding was wrong in its sentence: the sentence is an example of the
corpus's clean label. A rejection's marks say a passage was wrong that the check may have
missed: each marked sentence is an example of the mark's category. Only decisions that
counted on the signed log are exported, with the masked sentence they signed; an override
signed before overrides carried their sentence takes it from the draft's bytes in the store
when those still hash to the version it was of, and is left out otherwise (counted)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import Connection

from review.files import write_replacing
from review.workflow import excerpt, marks
from review.workflow.judged import Judged, content_of, judged, log_days

CLEAN = "neutral"  # the corpus's label for a sentence with nothing wrong (corpus.LABELS)
TSV, JSONL = "feedback.tsv", "feedback.jsonl"


@dataclass(frozen=True)
class Example:
    label: str
    sentence: str
    kind: str                 # override | reject
    rule: str | None          # the overridden finding's rule; None for a mark
    category: str             # the finding's category, or the mark's
    reason: str
    item: int
    seq: int                  # the decision's record in the log
    content_sha256: str       # the version it was of
    date: str                 # the day it was signed ("" before decisions carried it)


@dataclass
class Exported:
    examples: list[Example]
    unavailable: int = 0      # old overrides whose sentence the store no longer holds


def examples(conn: Connection, state, since: str = "") -> Exported:
    """The labelled examples of the decisions signed on or after `since` (YYYY-MM-DD; a
    decision signed before decisions carried their time has no date and is left out)."""
    out = Exported([])
    days = log_days(conn)  # by the log's order as well as the signer's clock
    for version in judged(conn, state):
        for record in version.overrides:
            if days.get(record.seq, "") >= since:
                _override(conn, version, record, out, days.get(record.seq, ""))
        record = version.rejection
        if record is not None and days.get(record.seq, "") >= since:
            s = record.statement
            for mark in marks.of(s):
                out.examples.append(Example(
                    mark["category"], mark["sentence"], "reject", None, mark["category"],
                    _text(s.get("reason")), version.item, record.seq,
                    version.version.content_sha256, days.get(record.seq, "")))
    out.examples = [e for e in out.examples if e.sentence.strip()]
    return out


def _override(conn: Connection, version: Judged, record, out: Exported, day: str) -> None:
    s = record.statement
    key = _text(s.get("finding"))
    finding = version.findings().get(key)
    sentence = s.get("sentence")
    if not isinstance(sentence, str):
        content = content_of(conn, version) if finding is not None else None
        if content is None:
            out.unavailable += 1
            return
        sentence = excerpt.around(excerpt.document(content, version.version.path),
                                  finding.start, finding.end)
    out.examples.append(Example(
        CLEAN, sentence, "override", key.partition("@")[0],
        str(finding.category) if finding else "", _text(s.get("reason")), version.item,
        record.seq, version.version.content_sha256, day))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def write(exported: Exported, out: Path) -> tuple[Path, Path]:
    """feedback.tsv (label<TAB>sentence: what `review model train --data` reads) and
    feedback.jsonl (one example a line, with where it came from), line for line alike; each
    written to a new file and renamed into place."""
    tsv = "".join(f"{e.label}\t{e.sentence}\n" for e in exported.examples)
    jsonl = "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n"
                    for e in exported.examples)
    write_replacing(out / TSV, tsv)
    write_replacing(out / JSONL, jsonl)
    return out / TSV, out / JSONL
