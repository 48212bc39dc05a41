"""The pipeline: a Document through the enabled stages, then the decision."""

from __future__ import annotations

from collections import Counter

from review import reading
from review.config import Config
from review.decide import decide
from review.document import Document
from review.errors import ConfigError, ReviewError
from review.findings import FileResult, Rule
from review.loading import Source, load
from review.rules import release
from review.rules.redirects import current
from review.stages import STAGES, Stage

# From this many bytes of input on, the bulk path (Pipeline.warm): NumPy's import and the
# arrays' load cost about 150 ms and repay it past some 300 KB (benchmarks/pipeline.py).
BULK_BYTES = 300_000


class Pipeline:
    def __init__(self, config: Config) -> None:
        names = config.stages if config.stages is not None else list(STAGES)
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise ConfigError(f"unknown stage {unknown[0]!r}; known stages: {', '.join(STAGES)}")
        self.stages: list[Stage] = [STAGES[name](config) for name in names]
        # An id names one rule across every kind: `[severity] SC502 = "off"` must not also
        # silence an organisation's lexicon entry that took the id. Each stage's own ids are
        # unique already (checked when its files are compiled).
        owner: dict[str, str] = {}
        for stage in self.stages:
            ids = set(stage.rule_ids())
            if twice := ids.intersection(owner):
                rule_id = min(twice)
                raise ConfigError(f"rule id {rule_id} is declared twice (a {owner[rule_id]} "
                                  f"rule and a {stage.name} rule)")
            owner.update(dict.fromkeys(ids, stage.name))
        # An id merged into another (review.rules.redirects) still means that rule.
        severity = {current(key): level for key, level in config.severity.items()}
        self.config = config.replace(severity=severity)
        self.bulk = False  # whether the bulk path was taken (warm)

    def rules(self) -> list[Rule]:
        return [*(rule for stage in self.stages for rule in stage.rules()), *release.READING]

    def warm(self) -> None:
        """Take the bulk path: load now what stages use for many drafts (a stage may define
        `warm`: NumPy arrays, tables of every entry), which costs more to load than one draft
        repays. Findings are the same on either path (tests/test_paths.py). Before forking:
        workers then share it instead of each loading it again."""
        self.bulk = True
        for stage in self.stages:
            warm = getattr(stage, "warm", None)
            if warm is not None:
                warm()

    def choose_path(self, input_bytes: int) -> None:
        """The bulk path for this much input, the lean one (nothing loaded ahead) below it."""
        if input_bytes >= BULK_BYTES:
            self.warm()

    def check(self, doc: Document, lang: str | None = None,
              accepted: Counter[tuple[str, str]] | None = None) -> FileResult:
        """`accepted`: findings a baseline accepts (see decide.decide)."""
        hits = [hit for stage in self.stages for hit in stage.scan(doc)]
        hits += reading.hits(doc)  # text the file holds and does not show (a PDF's layer)
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



