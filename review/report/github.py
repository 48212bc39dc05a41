"""`--format github`: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from review.findings import FileResult, Severity
from review.i18n import CATEGORY_NAMES, GATE_NAMES, name, t

_LEVEL = {Severity.BLOCK: "error", Severity.REVIEW: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], lang: str) -> str:
    lines = []
    for result in results:
        path = escape_property(result.path)
        if result.error is not None:
            lines.append(f"::error file={path},title={escape_property(t('error', lang))}::"
                         f"{escape_data(result.error)}")
            continue
        for f in result.findings:
            title = f"{f.rule} {name(CATEGORY_NAMES, f.category, lang)}·" \
                    f"{name(GATE_NAMES, f.gate, lang)}"
            message = f"{f.message}：{f.text}" if lang != "en" else f"{f.message}: {f.text}"
            if f.suggestion:
                message += f"（{t('suggestion', lang)}：{f.suggestion}）" if lang != "en" \
                    else f" ({t('suggestion', lang)}: {f.suggestion})"
            lines.append(
                f"::{_LEVEL[f.severity]} file={path},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={escape_property(title)}::"
                f"{escape_data(message)}")
    return "\n".join(lines)
