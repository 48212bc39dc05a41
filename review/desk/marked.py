"""A draft as its reader sees it, cut into runs for the page: each run is plain text (escaped
by the template) with the findings that cover it, so that every finding is marked at exactly
its characters. Findings index the document's text (for a page, its markup included); the
reader's text is its input kind's view of it (review.inputs.reader_view), whose characters
each know where in the document they came from. Findings may overlap; a run covered by several
carries them all and shows the worst."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from review.findings import SEVERITY_RANK, Finding
from review.normalize import View


@dataclass(frozen=True)
class Run:
    text: str
    findings: tuple[int, ...]  # indices into the item's findings
    severity: str | None       # the worst of them


def paragraphs(view: View, findings: list[Finding]) -> list[list[Run]]:
    """The reader's text as paragraphs (its lines) of runs. One sweep: findings enter by their
    start and leave by their end (a heap), so a draft with thousands of findings is drawn in
    about the time of its text."""
    out: list[list[Run]] = [[]]
    piece: list[str] = []
    covering: tuple[int, ...] = ()
    order = sorted(range(len(findings)), key=lambda n: findings[n].start)
    entered, active, ending, last = 0, set(), [], -1
    now: tuple[int, ...] = ()  # the findings covering the current character

    def close() -> None:
        if piece:
            worst = max((findings[n].severity for n in covering),
                        key=SEVERITY_RANK.__getitem__, default=None)
            out[-1].append(Run("".join(piece), covering, str(worst) if worst else None))
            piece.clear()

    for ch, start, end in zip(view.text, view.starts, view.ends, strict=True):
        if start < last:  # a view may place a character before the last: sweep again
            entered, active, ending = 0, set(), []
        last = start
        changed = False
        while entered < len(order) and findings[order[entered]].start < end:
            n = order[entered]
            entered += 1
            if findings[n].end > findings[n].start:
                active.add(n)
                heapq.heappush(ending, (findings[n].end, n))
                changed = True
        while ending and ending[0][0] <= start:
            active.discard(heapq.heappop(ending)[1])
            changed = True
        if changed:
            now = tuple(sorted(active))
        if ch == "\n":
            close()
            out.append([])
            continue
        if now != covering:
            close()
            covering = now
        piece.append(ch)
    close()
    # blank lines between blocks are the page's spacing, not empty paragraphs of their own
    return [p for p in out if p] or [[]]
