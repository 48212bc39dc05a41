"""`review check --annotate`: the findings as Word comments (批注) in a copy of the draft, where
an editor works — each comment on the exact text its finding covers, saying the category,
gate, severity, rule, message and suggestion in the report's language.

Runs are split at a finding's boundaries (each half keeps its formatting); the text is not
changed, which is checked before the copy is given out. A finding where Word cannot anchor a
comment (a header or footer, a text box, a link's target, a field's result, a formula) gets its
comment on the document's first paragraph, saying where it is, so that none is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from review.errors import InputError
from review.i18n import CATEGORY_NAMES, GATE_NAMES, SEVERITY_NAMES, name, t
from review.inputs import wordedit
from review.inputs.word import Layout, run_text, runs_of

if TYPE_CHECKING:
    from docx.oxml.text.run import CT_R

    from review.findings import Finding

AUTHOR, INITIALS = "review", "RV"


def annotate(data: bytes, findings: list[Finding], lang: str) -> bytes:
    """The .docx `data` with a comment for each finding; InputError when the findings are no
    longer those of this text (the file changed since it was checked)."""
    layout = Layout(data)
    if any(layout.text[f.start:f.end] != f.text for f in findings):
        raise InputError("changed")
    for finding in findings:
        runs = _anchor(layout, finding)
        if runs is None:
            _comment(layout, _first_runs(layout), _elsewhere(finding, lang))
        else:
            _comment(layout, runs, comment(finding, lang))
    out = layout.save()
    if Layout(out).text != layout.text:
        raise RuntimeError("annotating changed the document's text")
    return out


def comment(finding: Finding, lang: str) -> str:
    """`阻断 · 商业广告和链接 · 政策关 · AD001`, the message, and the suggestion if any."""
    head = " · ".join([name(SEVERITY_NAMES, finding.severity, lang),
                       name(CATEGORY_NAMES, finding.category, lang),
                       name(GATE_NAMES, finding.gate, lang), finding.rule])
    lines = [head, finding.message]
    if finding.suggestion:
        lines.append(f"{t('suggestion', lang)}：{finding.suggestion}" if lang != "en"
                     else f"{t('suggestion', lang)}: {finding.suggestion}")
    return "\n".join(lines)


def _anchor(layout: Layout, finding: Finding) -> list[CT_R] | None:
    """The runs of the finding's text, when every character of it is where a comment can be
    anchored."""
    pieces = layout.covering(finding.start, finding.end)
    if not pieces or not all(p.anchored for p in pieces):
        return None
    return wordedit.isolate(layout, finding.start, finding.end)


def _elsewhere(finding: Finding, lang: str) -> str:
    where = t("annotate_elsewhere", lang, where=finding.location.label(lang),
              text=finding.text)
    return f"{where}\n{comment(finding, lang)}"


def _first_runs(layout: Layout) -> list[CT_R]:
    """The runs of the body's first paragraph with text a comment may be anchored on (or of its
    first paragraph, given an empty run, if there is none): where comments on the other parts
    go."""
    for piece in layout.pieces:
        for paragraph in piece.paragraphs if piece.anchored else ():
            runs = [run for run in runs_of(paragraph) if run_text(run)]
            if runs:
                return runs
    paragraphs = layout.document.paragraphs
    paragraph = paragraphs[0] if paragraphs else layout.document.add_paragraph()
    return [paragraph.add_run()._r]


def _comment(layout: Layout, runs: list[CT_R], text: str) -> None:
    """A comment on the text from the first run to the last."""
    from docx.text.run import Run

    first, last = Run(runs[0], layout.document), Run(runs[-1], layout.document)
    layout.document.add_comment([first, last], text, AUTHOR, INITIALS)
