"""The pipeline's stages, registered in one place.

A stage is built from the config and turns a Document into Hits. Adding one is a new module
with a `build(config) -> Stage` function and one line in STAGES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from review.config import Config
from review.document import Document
from review.findings import Hit, Rule
from review.stages import classifier, cooccurrence, expression, lexicon, patterns


class Stage(Protocol):
    name: str

    def rules(self) -> Iterable[Rule]: ...

    def rule_ids(self) -> Iterable[str]:
        """The ids of `rules()`, without making the rules (a 200,000-term list)."""
        ...

    def scan(self, doc: Document) -> Iterable[Hit]: ...


STAGES: dict[str, Callable[[Config], Stage]] = {
    "lexicon": lexicon.build,
    "cooccurrence": cooccurrence.build,
    "patterns": patterns.build,
    "classifier": classifier.build,
    "expression": expression.build,
}
