"""`review fix`: apply the unambiguous review-level corrections (typos) to a draft.

A finding is applied only when it carries a replacement, is `review` (never `block`: those
need a person), and overlaps no other finding — two suggestions for one place, or a typo
inside a passage that is blocked anyway, are left to the editor.

In a Word file a correction is made inside the run that holds the typo, so it keeps its
formatting; one across differently formatted text, or outside the body's runs (a link's
target, a text box, a field's result, a formula), is left to the editor too, and said; so is one
in a page whose text is written otherwise in the file than a reader sees it (a frame's
`data:` URL: every character of its page stands for the whole URL)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from review.findings import Category, Finding, Severity

if TYPE_CHECKING:
    from review.document import Document


def fixable(findings: list[Finding]) -> list[Finding]:
    candidates = [f for f in findings if f.replacement is not None
                  and f.category is Category.EXPRESSION and f.severity is Severity.REVIEW]
    return [f for f in candidates
            if not any(o is not f and o.start < f.end and f.start < o.end for o in findings)]


def in_place(doc: Document, fixes: list[Finding]) -> list[Finding]:
    """The corrections of a text whose span in the file is the very text a reader sees there
    (markup and decoded references aside), so that replacing the span corrects that text and
    nothing else."""
    from review import inputs

    view = inputs.named(doc.kind).view
    if view is None:
        return fixes
    seen = view(doc.original)
    out = []
    for f in fixes:
        shown = "".join(ch for ch, a, b in zip(seen.text, seen.starts, seen.ends, strict=True)
                        if f.start <= a and b <= f.end)
        if _words(view(doc.original[f.start:f.end]).text) == _words(shown):
            out.append(f)
    return out


def _words(text: str) -> str:
    return "".join(text.split())


def apply(text: str, fixes: list[Finding]) -> str:
    out = []
    position = 0
    for f in sorted(fixes, key=lambda f: f.start):
        out.append(text[position:f.start])
        out.append(f.replacement or f.text)
        position = f.end
    out.append(text[position:])
    return "".join(out)


def apply_docx(data: bytes, fixes: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The .docx with the corrections that can be made inside runs, and those made; the
    file's bytes as they were when none can."""
    from review.inputs import wordedit
    from review.inputs.word import Layout

    layout = Layout(data)
    # from the end backwards: a correction of another length moves what follows it
    applied = [f for f in sorted(fixes, key=lambda f: f.start, reverse=True)
               if wordedit.replace(layout, f.start, f.end, f.replacement or f.text)]
    if not applied:
        return data, []
    out = layout.save()
    if Layout(out).text != apply(layout.text, applied):
        raise RuntimeError("fixing the Word file changed more than its corrections")
    return out, sorted(applied, key=lambda f: f.start)


def diff(before: str, after: str, path: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=path, tofile=f"{path}（修正后 / fixed）")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
