"""The output formats: every renderer registered in one place, each with one signature,
`render(report: Report, lang: str) -> str` (review.report.records.Report), and used alike by
`review check`, `review ci` and `review published`.

A renderer that can print a file as soon as it is checked (text, GitHub annotations) also
has `render_file(file: FileReport, lang)` and `render_end(report, lang)`, and its `render` is
exactly their non-empty parts joined by new lines; `review check` then streams.

This module imports nothing heavy: the command line needs the names for its `--format`
choices before it knows whether it will check anything. A renderer's module is imported when
its format is asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from review.record import NamedTuple

if TYPE_CHECKING:
    from review.report.records import FileReport, Report


class Renderer(NamedTuple):  # not a dataclass: `review --help` would pay for the import
    name: str
    module: str
    streams: bool = False  # has render_file and render_end

    def render(self, report: Report, lang: str) -> str:
        return importlib.import_module(self.module).render(report, lang)

    def render_file(self, file: FileReport, lang: str) -> str:
        return importlib.import_module(self.module).render_file(file, lang)

    def render_end(self, report: Report, lang: str) -> str:
        return importlib.import_module(self.module).render_end(report, lang)


RENDERERS: dict[str, Renderer] = {r.name: r for r in [
    Renderer("text", "review.report.text", streams=True),
    Renderer("json", "review.report.json"),
    Renderer("sarif", "review.report.sarif"),
    Renderer("github", "review.report.github", streams=True),
    Renderer("junit", "review.report.junit"),
]}
OUTPUT_FORMATS = tuple(RENDERERS)  # the choices of every command's --format


def echo(output: str) -> None:
    """Print a rendered report; one with nothing to say (GitHub annotations of a clean run)
    prints nothing, not an empty line."""
    if output:
        from review.terminal import echo as printed

        printed(output)
