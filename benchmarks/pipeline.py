"""Whole-pipeline throughput with every stage on (one core in-process, and `review check
--jobs 1` against `--jobs 2` over many files), and each stage's share of a typical draft.
Targets (issue 19): ≥ 3 MB/s per core on the bulk path; --jobs 2 ≥ 1.8× one job on 20 MB
(a start-up of about half a second is shared by both: on less input it weighs more)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import PYTHON, draft_of, median_command, median_seconds, report
from benchmarks.corpus import prose
from review.config import Config
from review.document import Document
from review.pipeline import Pipeline

DOC_CHARS = 5_000
JOBS_BYTES = 20_000_000  # the issue's --jobs comparison


def run() -> dict:
    text = prose(600_000) or draft_of(600_000)
    docs = [text[i:i + DOC_CHARS] for i in range(0, len(text), DOC_CHARS)]
    mb = len(text.encode()) / 1e6
    pipeline = Pipeline(Config())
    lean = median_seconds(lambda: [pipeline.check_text(d) for d in docs], repeat=3, warmup=1)
    pipeline.warm()  # the bulk path, as `review check` takes it for this much input
    one_core = median_seconds(lambda: [pipeline.check_text(d) for d in docs], repeat=3, warmup=1)
    # drafts this pipeline has never seen, checked once: what the memos of pairs and words
    # remembered from the drafts above do not answer (a re-scan reads new text)
    more = prose(2 * len(text))
    fresh = [more[i:i + DOC_CHARS] for i in range(len(text), len(more or ""), DOC_CHARS)]
    fresh_mb = sum(len(d.encode()) for d in fresh) / 1e6
    started = time.process_time()
    for draft in fresh:
        pipeline.check_text(draft)
    unseen = time.process_time() - started
    many = _about_bytes(prose(JOBS_BYTES // 2) or draft_of(JOBS_BYTES // 3), JOBS_BYTES)
    with tempfile.TemporaryDirectory() as directory:
        for n in range(0, len(many), DOC_CHARS):
            (Path(directory) / f"{n // DOC_CHARS:05d}.txt").write_text(
                many[n:n + DOC_CHARS], encoding="utf-8")
        command = [PYTHON, "-m", "review", "check", directory, "--format", "json",
                   "--fail-on", "never"]
        jobs1 = median_command([*command, "--jobs", "1"], repeat=1)
        jobs2 = median_command([*command, "--jobs", "2"], repeat=1)
    shares = stage_shares(pipeline, draft_of(DOC_CHARS))
    data = {"mb": mb, "documents": len(docs), "one_core_mbps": mb / one_core,
            "lean_one_core_mbps": mb / lean,
            "unseen_one_core_mbps": fresh_mb / unseen if fresh else None,
            "jobs1_s": jobs1, "jobs2_s": jobs2, "jobs_speedup": jobs1 / jobs2,
            "stage_share": shares}
    rows = [("text", f"{mb:.2f} MB in {len(docs)} drafts of {DOC_CHARS} characters"),
            ("all stages, one core (in process)", f"{mb / one_core:.2f} MB/s (target ≥ 3)"),
            ("  … on the lean path (one draft's)", f"{mb / lean:.2f} MB/s"),
            (f"  … on {fresh_mb:.2f} MB never seen (CPU time, once)",
             f"{fresh_mb / unseen:.2f} MB/s" if fresh else "no outside prose here"),
            (f"review check --jobs 1, {len(many.encode()) / 1e6:.0f} MB", f"{jobs1:.2f} s"),
            ("review check --jobs 2", f"{jobs2:.2f} s  (x{jobs1 / jobs2:.2f}, target ≥ 1.8)")]
    rows += [(f"  share: {name}", f"{share:.0%}") for name, share in shares.items()]
    report("pipeline", rows, data)
    return data


def _about_bytes(text: str, size: int) -> str:
    """`text` repeated to about `size` bytes of UTF-8."""
    times = max(1, round(size / len(text.encode())))
    return "\n".join([text] * times)


def stage_shares(pipeline: Pipeline, text: str, repeat: int = 20) -> dict[str, float]:
    """Where a typical draft's time goes: the shared document views, each stage, deciding."""
    totals = {"document views": 0.0, **{s.name: 0.0 for s in pipeline.stages}, "decide": 0.0}
    from review.decide import decide

    for _ in range(repeat):
        t = time.perf_counter()
        doc = Document("d", text)
        _ = doc.raw, doc.visible, doc.compact
        totals["document views"] += time.perf_counter() - t
        hits = []
        for stage in pipeline.stages:
            t = time.perf_counter()
            hits += list(stage.scan(doc))
            totals[stage.name] += time.perf_counter() - t
        t = time.perf_counter()
        decide(doc, hits, pipeline.config, "zh")
        totals["decide"] += time.perf_counter() - t
    whole = sum(totals.values())
    return {name: value / whole for name, value in totals.items()}
