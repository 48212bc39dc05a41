"""`--format text`: for a person at a terminal. Each finding with its line and a caret under the
span; colour only on a terminal (review.terminal strips it when the output is piped)."""

from __future__ import annotations

from review.columns import printable, table, width
from review.findings import Decision, Finding, Severity
from review.i18n import CATEGORY_NAMES, DECISION_NAMES, GATE_NAMES, SEVERITY_NAMES, name, t
from review.report.records import FileReport, Report, summary
from review.terminal import style

_COLOUR = {Severity.BLOCK: "red", Severity.REVIEW: "yellow", Severity.INFO: "blue",
           Decision.BLOCK: "red", Decision.REVIEW: "yellow", Decision.PASS: "green"}
GUTTER = 9  # "  1234 | ": the line number and bar before an excerpt


def room() -> int:
    """Columns an excerpt may take, less the gutter: `COLUMNS` when set, else the terminal's
    when the report goes to one, else 100 (a pipe or file: the same output everywhere)."""
    import os
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        total = int(columns)
    elif sys.stdout.isatty():
        import shutil  # with bz2 and lzma: only for a terminal

        total = shutil.get_terminal_size((100 + GUTTER, 24)).columns
    else:
        total = 100 + GUTTER
    return max(20, total - GUTTER - 1)


def _excerpt(line: str, start: int, end: int, columns: int) -> tuple[str, int, int]:
    """The part of the line around [start, end) that fits in `columns` display columns (a
    Chinese character takes two), with the span's place in it: the caret goes under the
    right characters because nothing wraps. A span too wide itself is cut at its end."""
    if width(line) <= columns:
        return line, start, end
    if width(line[start:end]) + 2 >= columns:  # room for the span and a "…" each side
        keep = end
        while keep > start + 1 and width(line[start:keep]) + 2 > columns:
            keep -= 1
        prefix = "…" if start else ""
        return prefix + line[start:keep] + "…", len(prefix), len(prefix) + keep - start
    budget = columns - width(line[start:end]) - 2
    left, right = start, end
    # grow the context one character at a time on alternate sides while it fits
    while True:
        grown = False
        for side in ("left", "right"):
            if side == "left" and left > 0 and width(line[left - 1]) <= budget:
                left -= 1
                budget -= width(line[left])
                grown = True
            elif side == "right" and right < len(line) and width(line[right]) <= budget:
                budget -= width(line[right])
                right += 1
                grown = True
        if not grown:
            break
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, start - left + len(prefix), \
        end - left + len(prefix)


def render_finding(f: Finding, doc_line: str | None, lang: str) -> list[str]:
    severity = style(name(SEVERITY_NAMES, f.severity, lang), fg=_COLOUR[f.severity],
                           bold=True)
    where = f"{name(CATEGORY_NAMES, f.category, lang)}·{name(GATE_NAMES, f.gate, lang)}"
    lines = [f"  {f.location.label(lang)}  {severity}  {style(f.rule, bold=True)}  "
             f"{where}  {f.message}"]
    if doc_line is not None:
        end = f.end_column - 1 if f.end_line == f.line else len(doc_line)
        shown, s, e = _excerpt(printable(doc_line), f.column - 1, max(end, f.column), room())
        gutter = f"{f.line:>6} | "
        lines.append(gutter + shown)
        caret = " " * width(shown[:s]) + "^" * max(1, width(shown[s:e]))
        lines.append(" " * (len(gutter) - 2) + "| " + style(caret, fg=_COLOUR[f.severity]))
    if f.suggestion:
        lines.append(f"         {t('suggestion', lang)}：{f.suggestion}" if lang != "en"
                     else f"         {t('suggestion', lang)}: {f.suggestion}")
    if f.suppressed is not None:
        lines.append(f"         {printable(t('suppressed', lang, reason=f.suppressed))}")
    return lines


def render_file(file: FileReport, lang: str) -> str:
    result = file.result
    if result.error is not None:
        return f"{printable(result.path)}: " \
               f"{style(t('error', lang), fg='red', bold=True)}: {printable(result.error)}"
    decision = result.decision or Decision.PASS
    # a file name, an excusing reason or an attestation's named path is anyone's text: one
    # line each, or a name holding a line break writes lines of its own (a CI runner takes a
    # line `::error …` or `::stop-commands::…` as its own command)
    head = f"{printable(result.path)}: " + style(
        name(DECISION_NAMES, decision, lang), fg=_COLOUR[decision], bold=True)
    lines = [head]
    for f in result.findings:
        lines.extend(render_finding(f, result.lines.get(f.line), lang))
    if file.approval:
        lines.append(f"  {style(file.approval.rule.id, bold=True)}  "
                     f"{printable(str(file.approval.message))}")
    return "\n".join(lines)


def render_end(report: Report, lang: str) -> str:
    lines = [f"{t('notice', lang)}: {printable(str(n))}" for n in report.notices or ()]
    lines.append(gate_table(report, lang) if report.gate is not None
                 else _summary_line(report, lang))
    return "\n".join(lines)


def render(report: Report, lang: str) -> str:
    return "\n".join([*(render_file(f, lang) for f in report.files), render_end(report, lang)])


def _summary_line(report: Report, lang: str) -> str:
    counts = summary(report)
    line = t("summary", lang, files=counts["files"], block=counts["block"],
             review=counts["review"], passed=counts["pass"], errors=counts["errors"],
             findings=counts["findings"])
    if counts["suppressed"]:
        hidden = sum(f.result.hidden for f in report.files)
        line += t("suppressed_count", lang, count=counts["suppressed"]) + (
            t("show_suppressed", lang) if hidden else "")
    return line


def gate_table(report: Report, lang: str) -> str:
    """`review ci`'s table of every file and its verdict, ending with the exit code. The
    headers and the last line are said in `lang`; the values are those of the JSON report."""
    rows = [tuple(t("gate_header", lang).split("\t"))]
    for f in report.files:
        rows.append((f.result.path, f.status or "",
                     f.result.decision.value if f.result.decision else "error",
                     str(len(f.result.findings)), str(f.baselined),
                     "ok" if f.approval is None else "MISSING"))
    deleted = report.gate.deleted if report.gate else []
    for path in deleted:
        rows.append((path, "D", "-", "-", "-", "-"))
    for path in report.gate.outside if report.gate else []:
        rows.append((path, "-", "outside", "-", "-", "-"))  # not a publishable path
    lines = table(rows)  # padded by display width: a Chinese file name takes two columns
    s = summary(report)
    lines.append(t("gate_summary", lang, files=s["files"], outside=s.get("outside", 0),
                   deleted=s.get("deleted", 0), block=s["block"],
                   unapproved=s.get("unapproved", 0), baselined=s.get("baselined", 0),
                   exit=s.get("exit", 0)))
    return "\n".join(lines)
