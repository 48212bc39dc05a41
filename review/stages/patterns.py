"""The pattern stage: rule detectors where a pattern plus a validator beats a word list.

Each detector is a module in `review.stages.detectors` with `SPECS` and
`detect(doc, options) -> Iterable[Hit]`; DETECTORS lists them.
"""

from __future__ import annotations

from collections.abc import Iterator

from review.config import Config
from review.document import Document
from review.findings import Hit, Rule
from review.stages.detectors import DETECTORS, Options


class PatternStage:
    name = "patterns"

    def __init__(self, options: Options) -> None:
        self.options = options

    def rule_ids(self) -> Iterator[str]:
        return (rule.id for rule in self.rules())

    def rules(self) -> Iterator[Rule]:
        for detector in DETECTORS:
            yield from (spec.rule for spec in detector.SPECS)

    def scan(self, doc: Document) -> Iterator[Hit]:
        for detector in DETECTORS:
            yield from detector.detect(doc, self.options)


def build(config: Config) -> PatternStage:
    return PatternStage(Options(official_domains=tuple(d.lower() for d in config.official_domains)))
