"""Findings drawn in place: the sweep that cuts the reader's text into runs gives what the
definition says (each character carries exactly the findings whose span it overlaps), and
in about the time of the text however many findings there are."""

from __future__ import annotations

import random
import time

from review.desk.marked import Run, paragraphs
from review.findings import SEVERITY_RANK, Finding, Severity
from review.location import Location
from review.normalize import View


def _finding(start: int, end: int, severity: Severity) -> Finding:
    return Finding(rule="X", category="ads", gate="policy", severity=severity, start=start,
                   end=end, line=1, column=1, end_line=1, end_column=1,
                   location=Location(line=1, column=1), text="", message="")


def _defined(view: View, findings: list[Finding]) -> list[list[Run]]:
    out: list[list[Run]] = [[]]
    piece: list[str] = []
    covering: tuple[int, ...] = ()

    def close():
        if piece:
            worst = max((findings[n].severity for n in covering),
                        key=SEVERITY_RANK.__getitem__, default=None)
            out[-1].append(Run("".join(piece), covering, str(worst) if worst else None))
            piece.clear()

    for ch, start, end in zip(view.text, view.starts, view.ends, strict=True):
        if ch == "\n":
            close()
            out.append([])
            continue
        here = tuple(n for n, f in enumerate(findings)
                     if start < f.end and f.start < end and f.start < f.end)
        if here != covering:
            close()
            covering = here
        piece.append(ch)
    close()
    return [p for p in out if p] or [[]]


def test_the_sweep_marks_what_the_definition_says():
    rng = random.Random(20)
    for _ in range(500):
        size = rng.randint(0, 80)
        text = "".join(rng.choice("政务\n ") for _ in range(size))
        # a view whose characters come from spans of the text, as markup views do
        view = View(text, range(size), range(1, size + 1))
        findings = []
        for _ in range(rng.randint(0, 10)):
            start = rng.randint(0, size)
            findings.append(_finding(start, rng.randint(start, size),
                                     rng.choice(list(Severity))))
        assert paragraphs(view, findings) == _defined(view, findings)


def test_thousands_of_findings_are_drawn_in_about_the_time_of_the_text():
    """A ratio in one run, as benchmarks measure: testing each character against each of the
    11,000 findings made this about a thousand times slower than the text alone."""
    text = "加微信下单，量大优惠。\n" * 4000
    findings = [_finding(i, i + 3, Severity.BLOCK) for i in range(0, len(text) - 3, 4)]

    def timed(found: list[Finding]) -> float:
        started = time.perf_counter()
        drawn = paragraphs(View.identity(text), found)
        assert len(drawn) == 4000
        return time.perf_counter() - started

    alone = min(timed([]) for _ in range(3))
    assert min(timed(findings) for _ in range(3)) < 20 * alone
