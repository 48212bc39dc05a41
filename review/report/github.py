"""`--format github`: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from review.findings import Finding, Severity
from review.i18n import CATEGORY_NAMES, GATE_NAMES, name, t
from review.report.records import FileReport, Report

_LEVEL = {Severity.BLOCK: "error", Severity.REVIEW: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding, path: str, lang: str) -> str:
    title = f"{f.rule} {name(CATEGORY_NAMES, f.category, lang)}·{name(GATE_NAMES, f.gate, lang)}"
    message = f.message
    if f.text:  # an empty span marks where something is missing: nothing to quote
        message += f"：{f.text}" if lang != "en" else f": {f.text}"
    if f.suggestion:
        message += f"（{t('suggestion', lang)}：{f.suggestion}）" if lang != "en" \
            else f" ({t('suggestion', lang)}: {f.suggestion})"
    return (f"::{_LEVEL[f.severity]} file={path},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={escape_property(title)}::"
            f"{escape_data(message)}")


def render_file(file: FileReport, lang: str) -> str:
    result = file.result
    path = escape_property(result.path)
    if result.error is not None:
        return (f"::error file={path},title={escape_property(t('error', lang))}::"
                f"{escape_data(result.error)}")
    lines = [_annotation(f, path, lang) for f in result.findings]
    if file.approval:
        lines.append(f"::error file={path},title={escape_property(file.approval.rule.id)}::"
                     f"{escape_data(file.approval.message)}")
    return "\n".join(lines)


def render_end(report: Report, lang: str) -> str:
    return "\n".join(f"::warning title=review::{escape_data(n)}" for n in report.notices or ())


def render(report: Report, lang: str) -> str:
    parts = [render_file(f, lang) for f in report.files] + [render_end(report, lang)]
    return "\n".join(p for p in parts if p)
