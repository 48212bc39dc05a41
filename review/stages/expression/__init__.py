"""The 文字关 stage: wrong and non-standard expressions, exact formulations, leaders' names and
titles, and Taiwan/Hong Kong/Macao wording. Category `expression`; political formulations
go to 政治关. Which is right can depend on the draft's date (config `date`, `--date`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from review import cache
from review.automaton import cache_path
from review.config import Config
from review.document import Document
from review.findings import Hit, Rule
from review.rules.spec import require_unique_ids
from review.stages.expression import (
    confusables,
    context,
    leaders,
    mention,
    offices,
    regions,
    sets,
    typos,
    usage,
)
from review.stages.expression.corrections import CorrectionRows, Corrections
from review.stages.expression.data import (
    CONFUSABLES_FILE,
    FORMULATIONS_FILE,
    LEADERS_FILE,
    OFFICES_FILE,
    SETS_FILE,
    correction_files,
    expression_dir,
    load_corrections,
)
from review.stages.expression.formulations import Catalogue, load_formulations


class ExpressionStage:
    name = "expression"

    def __init__(self, corrections: Corrections, formulations: Catalogue,
                 known_leaders: leaders.Leaders, day: date,
                 fixed_sets: list[sets.FixedSet] | None = None,
                 typo_check: typos.Typos | None = None,
                 context_check: context.ContextTypos | None = None,
                 office_table: offices.Offices | None = None,
                 confusable_rules: list[confusables.Confusable] | None = None) -> None:
        self.corrections = corrections
        self.formulations = formulations
        self.leaders = known_leaders
        self.day = day
        self.sets = fixed_sets or []
        self.typos = typo_check
        self.context = context_check
        self.offices = office_table
        self.confusables = confusable_rules or []
        # the bulk path's quick refusals of confusables' patterns (confusables.tails)
        self._tails: confusables.Tails | None = None

    def rule_ids(self) -> Iterator[str]:
        # the corrections' ids without decoding every entry (CorrectionRows)
        yield from self.corrections.rule_ids()
        yield from (rule.id for rule in self._other_rules())

    def rules(self) -> Iterator[Rule]:
        yield from self.corrections.rules()
        yield from self._other_rules()

    def _other_rules(self) -> Iterator[Rule]:
        yield from self.formulations.rules()
        yield from (spec.rule for spec in (*leaders.SPECS, *offices.SPECS, *regions.SPECS,
                                           *sets.SPECS, *usage.SPECS, *typos.SPECS,
                                           *context.SPECS))
        yield from (c.rule for c in self.confusables)

    def warm(self) -> None:
        self.corrections.warm()
        self.formulations.warm()
        if self.typos is not None:
            self.typos.warm()
        if self.context is not None:
            self.context.warm()
        self._tails = confusables.tails(self.confusables)

    def scan(self, doc: Document) -> Iterator[Hit]:
        quoted = mention.corrected(doc.original)
        for hit in self._scan(doc):
            if not any(a <= hit.start and hit.end <= b for a, b in quoted):
                yield hit

    def _scan(self, doc: Document) -> Iterator[Hit]:
        # a title titles.toml or EX9104 reports is not reported again by the offices table
        named = [*self.corrections.detect(doc), *leaders.heads(doc)]
        yield from named
        listed = [(hit.start, hit.end) for hit in named]
        # A wrong form someone listed says more precisely what is wrong, and how to write it,
        # than the near miss of a formulation around it (中央八条规定精神: EX0113, not EX9025).
        yield from (hit for hit in self.formulations.detect(doc)
                    if not any(a < hit.end and hit.start < b for a, b in listed))
        yield from leaders.detect(doc, self.leaders, self.day)
        if self.offices is not None:
            yield from offices.detect(doc, self.offices, ((h.start, h.end) for h in named))
        yield from offices.contradictions(doc)
        yield from regions.detect(doc)
        typo_hits = list(self.typos.detect(doc)) if self.typos is not None else []
        taken = [(hit.start, hit.end) for hit in typo_hits]
        context_hits = list(self.context.detect(doc, taken)) if self.context is not None else []
        # A member misspelt (奢糜之风) is the lists' or the typo detectors' to report where
        # they do, with what they know of the slip; EX9301 where none does (全面从严治政).
        spelled = listed + taken + [(hit.start, hit.end) for hit in context_hits]
        yield from (hit for hit in sets.detect(doc, self.sets) if hit.rule is not sets.RULE
                    or not any(a < hit.end and hit.start < b for a, b in spelled))
        yield from usage.detect(doc)
        yield from confusables.detect(doc, self.confusables, self._tails)
        yield from typo_hits
        yield from context_hits


def load_all_corrections(files: list[Path]) -> CorrectionRows:
    def build() -> CorrectionRows:
        entries = [c for path in files for c in load_corrections(path)]
        require_unique_ids((c.rule.id, c.source) for c in entries)
        return CorrectionRows.of(entries)

    return cache.cached("expression", files, build, CorrectionRows.pack, CorrectionRows.unpack,
                        plain=True)


def correction_paths(config: Config) -> list[Path]:
    """The bundled wrong → right files, then the organisation's (config `expressions`)."""
    return correction_files(expression_dir()) + [config.root / p for p in config.expressions]


def build(config: Config) -> ExpressionStage:
    directory = expression_dir()
    files = correction_paths(config)
    entries = load_all_corrections(files)
    organisation = config.root / config.leaders if config.leaders else None
    day = config.date or date.today()
    # The automaton holds the entries in force on the day: keyed by the files and by which.
    in_force = "".join("1" if dated.applies(day) else "0" for dated in entries.dates)
    typo_check = typos.build()
    return ExpressionStage(Corrections(entries, day, cache_path("corrections", files, in_force)),
                           Catalogue(load_formulations(directory / FORMULATIONS_FILE),
                                     cache_path("formulations", [directory / FORMULATIONS_FILE],
                                                "pieces")),
                           leaders.load_leaders(directory / LEADERS_FILE, organisation), day,
                           sets.load_sets(directory / SETS_FILE), typo_check,
                           context.build(lambda: typo_check.lexicon),
                           offices.load_offices(directory / OFFICES_FILE),
                           confusables.load_confusables(directory / CONFUSABLES_FILE))
