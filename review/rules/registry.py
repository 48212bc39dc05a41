"""Every rule of every kind, collected in one place (ruff's `codes` table is the model).

PROVIDERS is the one table: a kind → the function that declares its rules, from the rule
files (lexicons, wrong → right lists, formulations) or from the code (detectors, leaders,
regions, the classifier, the CI gate, the published-page check). `review rules` lists the
registry, `review rules --explain ID` documents one rule, and the tests hold every bundled
rule to the same standard: a unique id in its kind's range, phrases owned by one rule, hit
examples that come out of the whole pipeline under its id."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from review.config import Config
from review.errors import ConfigError
from review.rules import lexicons
from review.rules.redirects import REDIRECTS, current
from review.rules.spec import Kind, RuleSpec, range_problem, require_unique_ids


def _lexicon(config: Config) -> Iterator[RuleSpec]:
    from review.stages.lexicon import lexicon_options

    for option in lexicon_options(config):
        for e in lexicons.load(option):
            yield RuleSpec(e.rule, Kind.LEXICON, e.hit, e.miss, e.source, e.terms,
                           quoted=e.quoted)


def _corrections(config: Config) -> Iterator[RuleSpec]:
    from review.stages.expression import correction_paths
    from review.stages.expression.data import load_corrections

    for path in correction_paths(config):
        for c in load_corrections(path):
            # Dated entries are exemplified on a day they are in force.
            day = c.dated.valid_from or c.dated.valid_to
            yield RuleSpec(c.rule, Kind.CORRECTION, c.hit, c.miss, c.source, c.wrong, day)


def _cooccurrence(kind: Kind) -> Callable[[Config], Iterator[RuleSpec]]:
    """Co-occurrence and sequence rules: one loader reads both kinds."""

    def specs(config: Config) -> Iterator[RuleSpec]:
        from review.stages import cooccurrence

        classes, rules = cooccurrence.load(config)
        if kind is Kind.COOCCURRENCE and any(c.sound for c in classes.values()):
            from review.rules import evasion

            yield evasion.SPEC
        for r in rules:
            if r.kind != kind:
                continue
            stances = "、".join(classes[k].name for k in r.excused_by)
            stances_en = ", ".join(classes[k].name_en for k in r.excused_by)
            yield RuleSpec(r.rule, r.kind, r.hit, r.miss, r.source, quoted=r.quoted,
                           detail_zh=r.rule.message_zh + (f"。出现在{stances}中的视为引述，只作提示"
                                                           if stances else ""),
                           detail_en=r.rule.message_en + (f". In {stances_en} it is a "
                                                           "quotation, reported for information"
                                                           if stances else ""))
    return specs


def _formulations(config: Config) -> Iterator[RuleSpec]:
    from review.stages.expression.data import FORMULATIONS_FILE, expression_dir
    from review.stages.expression.formulations import load_formulations

    path = expression_dir() / FORMULATIONS_FILE
    for f in load_formulations(path):
        yield RuleSpec(f.rule, Kind.FORMULATION, f.hit, f.miss, str(path), (f.key,))


def _sets(config: Config) -> Iterable[RuleSpec]:
    from review.stages.expression import sets
    from review.stages.expression.data import SETS_FILE, expression_dir

    return sets.specs(expression_dir() / SETS_FILE)


def _typos(config: Config) -> Iterable[RuleSpec]:
    """EX9501 and EX9502 (their modules' SPECS) and the confusables file's rules."""
    from review.stages.expression import confusables
    from review.stages.expression.data import CONFUSABLES_FILE, expression_dir

    return [*_module_specs("typos", "context")(config),
            *confusables.specs(expression_dir() / CONFUSABLES_FILE)]


def _classifier(config: Config) -> Iterable[RuleSpec]:
    from review.stages import classifier

    return classifier.SPECS


def _leaders(config: Config) -> Iterable[RuleSpec]:
    from review.stages.expression import leaders, offices

    return [*leaders.SPECS, *offices.SPECS]


def _regions(config: Config) -> Iterable[RuleSpec]:
    from review.stages.expression import regions

    return regions.SPECS


def _module_specs(*names: str) -> Callable[[Config], Iterable[RuleSpec]]:
    """The rules modules of the 文字关 stage declare (their SPECS)."""
    def specs(config: Config) -> Iterable[RuleSpec]:
        import importlib

        return [spec for name in names
                for spec in importlib.import_module(f"review.stages.expression.{name}").SPECS]
    return specs


def _release(kind: Kind) -> Callable[[Config], Iterable[RuleSpec]]:
    """Rules of the release checks (`review ci`, `review published`): they judge a change or
    a published page against an approval, not a draft's text, so they have no text examples."""
    def specs(config: Config) -> Iterable[RuleSpec]:
        from review.rules import release

        rules = {Kind.GATE: release.GATE, Kind.PUBLISHED: release.PUBLISHED,
                 Kind.SUPPRESSION: release.SUPPRESSION, Kind.READING: release.READING}[kind]
        return [RuleSpec(rule, kind, source=release.__name__) for rule in rules]
    return specs


def _detectors(config: Config) -> Iterator[RuleSpec]:
    from review.stages.detectors import DETECTORS

    for detector in DETECTORS:
        yield from detector.SPECS


PROVIDERS: dict[Kind, Callable[[Config], Iterable[RuleSpec]]] = {
    Kind.LEXICON: _lexicon,
    Kind.COOCCURRENCE: _cooccurrence(Kind.COOCCURRENCE),
    Kind.SEQUENCE: _cooccurrence(Kind.SEQUENCE),
    Kind.DETECTOR: _detectors,
    Kind.CLASSIFIER: _classifier,
    Kind.CORRECTION: _corrections,
    Kind.FORMULATION: _formulations,
    Kind.LEADER: _leaders,
    Kind.REGION: _regions,
    Kind.SET: _sets,
    Kind.USAGE: _module_specs("usage"),
    Kind.TYPO: _typos,
    Kind.GATE: _release(Kind.GATE),
    Kind.PUBLISHED: _release(Kind.PUBLISHED),
    Kind.SUPPRESSION: _release(Kind.SUPPRESSION),
    Kind.READING: _release(Kind.READING),
}
# Kinds whose rules judge the text of a draft: `review check` reports them, and their
# examples run through its pipeline (a directive's rules say what a directive did).
TEXT_KINDS = frozenset(PROVIDERS) - {Kind.GATE, Kind.PUBLISHED, Kind.SUPPRESSION,
                                     Kind.READING}
# Kinds `review check` reports: the text's, and what the file holds that readers are not shown
# (judged from where its reader put the text, so without text examples).
CHECK_KINDS = TEXT_KINDS | {Kind.READING}


_DIGIT_LOOKALIKES = str.maketrans("OIL", "011")


@dataclass
class Registry:
    specs: list[RuleSpec]
    by_id: dict[str, RuleSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {}
        for spec in self.specs:
            self.by_id.setdefault(spec.id, spec)

    def get(self, rule_id: str) -> RuleSpec:
        """The rule with this id (any case), or the one an old id was merged into."""
        spec = self.by_id.get(rule_id) or self.by_id.get(current(rule_id.upper()))
        if spec is None:
            close = difflib.get_close_matches(rule_id.upper(), self.by_id, n=3, cutoff=0.6)
            # A letter typed for a look-alike digit (SC5O2) first: difflib scores SC502 no
            # higher than its neighbours SC520–SC526.
            lookalike = rule_id.upper()[:2] + rule_id.upper()[2:].translate(_DIGIT_LOOKALIKES)
            if lookalike in self.by_id:
                close = [lookalike, *(c for c in close if c != lookalike)][:3]
            hint = f"; did you mean {', '.join(close)}?" if close else \
                "; `review rules` lists every rule"
            raise ConfigError(f"no rule {rule_id!r}{hint}")
        return spec

    def problems(self) -> list[str]:
        """What breaks the registry's rules: a duplicated id, a phrase owned by two rules of
        a kind, an id outside its kind's range, a rule without hit examples, a redirect from
        an id still in use or to one that is not."""
        found = []
        seen: dict[str, RuleSpec] = {}
        owners: dict[tuple[Kind, str], RuleSpec] = {}
        for spec in self.specs:
            other = seen.setdefault(spec.id, spec)
            if other is not spec:
                found.append(f"{spec.id}: declared twice ({other.source} and {spec.source})")
            for phrase in spec.owns:
                owner = owners.setdefault((spec.kind, phrase), spec)
                if owner.id != spec.id:
                    found.append(f"{phrase!r} is owned by two {spec.kind} rules: "
                                 f"{owner.id} and {spec.id}")
            if problem := range_problem(spec.rule, spec.kind):
                found.append(problem)
            if not spec.hit and spec.kind in TEXT_KINDS:
                found.append(f"{spec.id}: no hit example")
        for old, new in REDIRECTS.items():
            if old in seen or new not in seen:
                found.append(f"redirect {old} → {new}: {old} is in use or {new} is not")
        return found


def collect(config: Config | None = None, kinds: Iterable[Kind] | None = None) -> Registry:
    """The rules of these kinds (default all) under the config, the organisation's included;
    a ConfigError when two rules of any kinds share an id, as the pipeline refuses them."""
    config = config or Config()
    wanted = list(kinds) if kinds is not None else list(PROVIDERS)
    specs = [spec for kind in wanted for spec in PROVIDERS[kind](config)]
    require_unique_ids((spec.id, spec.source) for spec in specs)
    return Registry(specs)

