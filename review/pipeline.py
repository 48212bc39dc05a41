"""The pipeline: a Document through the enabled stages, then the decision."""

from __future__ import annotations

from collections import Counter

from review.config import Config
from review.decide import decide
from review.document import Document
from review.errors import ConfigError, ReviewError
from review.findings import FileResult, Rule
from review.loading import Source, load
from review.stages import STAGES, Stage


class Pipeline:
    def __init__(self, config: Config) -> None:
        names = config.stages if config.stages is not None else list(STAGES)
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise ConfigError(f"unknown stage {unknown[0]!r}; known stages: {', '.join(STAGES)}")
        self.config = config
        self.stages: list[Stage] = [STAGES[name](config) for name in names]

    def rules(self) -> list[Rule]:
        return [rule for stage in self.stages for rule in stage.rules()]

    def check(self, doc: Document, lang: str | None = None,
              accepted: Counter[tuple[str, str]] | None = None) -> FileResult:
        """`accepted`: findings a baseline accepts (see decide.decide)."""
        hits = [hit for stage in self.stages for hit in stage.scan(doc)]
        return decide(doc, hits, self.config, lang or self.config.lang, accepted)

    def check_text(self, text: str, path: str = "<text>", kind: str = "text",
                   lang: str | None = None) -> FileResult:
        return self.check(Document(path, text, kind), lang)

    def check_source(self, source: Source, lang: str | None = None,
                     accepted: Counter[tuple[str, str]] | None = None) -> FileResult:
        """Never raises for a bad file: the error is part of the result."""
        lang = lang or self.config.lang
        try:
            doc = load(source, self.config.max_bytes)
        except ReviewError as err:
            return FileResult(path=source.display, error=err.message(lang))
        return self.check(doc, lang, accepted)



