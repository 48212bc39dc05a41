"""Co-occurrence rules: a phenomenon, not a phrase. Word classes (drugs and their slang, offers,
contact cues, warnings …) are defined once in `lexicons/classes/`; a rule in
`lexicons/cooccurrence/` names the classes that must all occur in one sentence (`all`), of
which one must (`any`), and which must not (`none`). 冰毒 + 出售 in one sentence is an offer
however it is worded. Terms of a class with `sound = true` are also found by sound (pinyin,
mixed script, homophones: review/sound.py), and a mixed-script spelling of one is reported on
its own (IL699, review/rules/evasion.py).

Stance classes say how a sentence speaks — a warning, an enforcement or court report, a
debunk. A rule's `excused_by` stances make its finding a quotation: it is still reported, at
`info`, with the stance named, so a reviewer sees why it did not block."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from review import sound
from review.automaton import build_automaton, cache_path, cached_automaton
from review.config import Config
from review.document import Document
from review.errors import ConfigError
from review.findings import CATEGORY_DEFAULTS, Hit, Rule, Severity
from review.rules import classes as classes_module
from review.rules import evasion, schema
from review.rules.classes import WordClass
from review.rules.lexicons import bundled_dir
from review.rules.spec import require_unique_ids
from review.stages.stance import excused, negated, sentence_ends, sentence_of


@dataclass(frozen=True)
class CoRule:
    rule: Rule
    all: tuple[str, ...]
    any: tuple[str, ...]
    none: tuple[str, ...]
    excused_by: tuple[str, ...]
    hit: tuple[str, ...] = ()
    miss: tuple[str, ...] = ()
    source: str = ""
    quoted: tuple[str, ...] = ()


def rule_files() -> list[Path]:
    return sorted((bundled_dir() / "cooccurrence").glob("*.toml"))


def _names(keys: tuple[str, ...], classes: dict[str, WordClass], en: bool) -> str:
    return (" + " if en else "＋").join(classes[k].name_en if en else classes[k].name
                                       for k in keys)


def load_rules(path: Path, classes: dict[str, WordClass]) -> list[CoRule]:
    parsed = schema.read(path, schema.CooccurrenceFile)
    default_severity, default_gate = CATEGORY_DEFAULTS[parsed.meta.category]
    out = []
    for r in parsed.rule:
        for field in ("all", "any", "none", "excused_by"):
            unknown = [k for k in getattr(r, field) if k not in classes]
            if unknown:
                raise ConfigError(f"{path}: rule {r.id}: {field}: no class {unknown[0]!r} in "
                                  "lexicons/classes/ or the config's classes")
        seen = _names(tuple(r.all), classes, False)
        seen_en = _names(tuple(r.all), classes, True)
        if r.any:
            seen += f"＋{'或'.join(classes[k].name for k in r.any)}"
            seen_en += " + " + " or ".join(classes[k].name_en for k in r.any)
        rule = Rule(r.id, parsed.meta.category, r.gate or parsed.meta.gate or default_gate,
                    r.severity or parsed.meta.severity or default_severity,
                    f"{r.reason}（同一句中：{seen}）",
                    f"{r.reason_en} (in one sentence: {seen_en})",
                    r.suggestion, r.suggestion_en or r.suggestion)
        out.append(CoRule(rule, tuple(r.all), tuple(r.any), tuple(r.none),
                          tuple(r.excused_by), tuple(r.hit), tuple(r.miss), str(path),
                          tuple(r.quoted)))
    return out


class CooccurrenceStage:
    name = "cooccurrence"

    def __init__(self, classes: dict[str, WordClass], rules: list[CoRule],
                 automaton_file: Path | None = None,
                 sound_index: sound.Index[str] | None = None) -> None:
        self.classes, self.items = classes, rules
        wanted = {k for r in rules for k in (*r.all, *r.any, *r.none, *r.excused_by)}
        self.sound = sound_index if sound_index is not None else \
            sound.build_index(sound_terms(classes)) if any(c.sound for c in classes.values()) \
            else None
        # The stances that make a mixed-script spelling a quotation (IL699).
        self.evasion_stances = tuple(k for k in evasion.STANCES if k in classes
                                     and classes[k].stance) if self.sound else ()
        wanted.update(self.evasion_stances)
        self.automaton = cached_automaton(automaton_file, lambda: self._build(wanted))
        self._excused: dict[tuple[int, str], Rule] = {}
        self._evasion: dict[tuple[str, str | None], Rule] = {}

    def _build(self, wanted: set[str]):
        keys: dict[str, list[tuple[str, int]]] = {}
        for key in sorted(wanted):
            for term in self.classes[key].terms:
                keys.setdefault(term, []).append((key, len(term)))
        return build_automaton((k, tuple(v)) for k, v in keys.items())

    def rules(self) -> Iterator[Rule]:
        yield from (r.rule for r in self.items)
        if self.sound:
            yield evasion.EVASION

    def rule_ids(self) -> Iterator[str]:
        return (r.id for r in self.rules())

    def scan(self, doc: Document) -> Iterator[Hit]:
        view = doc.compact
        text = view.text
        if not self.items or not text:
            return
        ends: list[int] | None = None
        sentences: dict[int, dict[str, list[tuple[int, int]]]] = {}
        for last, payload in self.automaton.iter(text):
            if ends is None:  # only drafts holding a class term are split into sentences
                ends = sentence_ends(text)
            start = last + 1 - payload[0][1]
            found = sentences.setdefault(sentence_of(ends, start), {})
            for key, length in payload:
                if self.classes[key].stance and negated(text, last + 1 - length):
                    continue  # 不是谣言: insisting, not debunking
                found.setdefault(key, []).append((last + 1 - length, last + 1))
        evasions: list[tuple[int, int, int, str]] = []
        for m in self.sound.matches(text) if self.sound else ():
            if ends is None:
                ends = sentence_ends(text)
            sentence = sentence_of(ends, m.start)
            if m.new:  # classes whose terms hold these very characters were found above
                found = sentences.setdefault(sentence, {})
                for key in m.new:
                    found.setdefault(key, []).append((m.start, m.end))
            if m.kind == sound.MIXED:
                evasions.append((sentence, m.start, m.end, m.payloads[0]))
        for sentence, start, end, key in evasions:
            found = sentences.get(sentence, {})
            stance = next((k for k in self.evasion_stances if k in found), None)
            yield Hit(self._evasion_rule(key, stance), view.starts[start], view.ends[end - 1])
        for found in sentences.values():
            for index, r in enumerate(self.items):
                if not all(k in found for k in r.all) or (r.any and not any(
                        k in found for k in r.any)) or any(k in found for k in r.none):
                    continue
                spans = [s for k in (*r.all, *r.any) for s in found.get(k, ())]
                start, end = min(a for a, _ in spans), max(b for _, b in spans)
                stance = next((k for k in r.excused_by if k in found), None)
                rule = r.rule if stance is None else self._excused_rule(index, stance)
                # broad: a lexicon term found inside it says more precisely what is wrong
                yield Hit(rule, view.starts[start], view.ends[end - 1],
                          None if stance is None else Severity.INFO, broad=True)

    def _evasion_rule(self, key: str, stance: str | None) -> Rule:
        """IL699 naming the class the spelling stands for, at info under a stance."""
        rule = self._evasion.get((key, stance))
        if rule is None:
            c = self.classes[key]
            rule = evasion.rule_for(c.name, c.name_en)
            if stance is not None:
                rule = excused(rule, self.classes[stance].name, self.classes[stance].name_en)
            self._evasion[(key, stance)] = rule
        return rule

    def _excused_rule(self, index: int, stance: str) -> Rule:
        """The rule's finding in a sentence of an excusing stance: the same id, at info, its
        message naming the stance."""
        rule = self._excused.get((index, stance))
        if rule is None:
            base, c = self.items[index].rule, self.classes[stance]
            rule = self._excused[(index, stance)] = excused(base, c.name, c.name_en)
        return rule


def sound_terms(classes: dict[str, WordClass]) -> Iterator[tuple[str, str]]:
    """(class, term) of every class whose terms are found by sound."""
    return ((key, term) for key, c in sorted(classes.items()) if c.sound for term in c.terms)


def load(config: Config) -> tuple[dict[str, WordClass], list[CoRule]]:
    classes = classes_module.load(config)
    rules = [r for path in rule_files() for r in load_rules(path, classes)]
    require_unique_ids((r.rule.id, r.source) for r in rules)
    return classes, rules


def build(config: Config) -> CooccurrenceStage:
    classes, rules = load(config)
    paths = classes_module.class_files(config) + rule_files()
    index = sound.cached_index("sound_classes", classes_module.class_files(config),
                               lambda: sound_terms(classes), str) \
        if any(c.sound for c in classes.values()) else None
    return CooccurrenceStage(classes, rules, cache_path("cooccurrence", paths), index)
