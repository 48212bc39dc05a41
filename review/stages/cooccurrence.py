"""Co-occurrence rules: a phenomenon, not a phrase. Word classes (drugs and their slang, offers,
contact cues, warnings …) are defined once in `lexicons/classes/`; a rule in
`lexicons/cooccurrence/` names the classes that must all occur in one sentence (`all`), of
which one must (`any`), and which must not (`none`). 冰毒 + 出售 in one sentence is an offer
however it is worded. Terms of a class with `sound = true` are also found by sound (pinyin,
mixed script, homophones: review/sound.py), and a mixed-script spelling of one is reported on
its own (IL699, review/rules/evasion.py).

A sequence rule (`lexicons/sequence/`) is a co-occurrence in order, with slots for values:
`pattern = ["{money}", "@post_deal"]` finds 8万元包进编 and 五万块保证进编. Its classes and
words are found by the same automaton pass; its pattern is tried only on a sentence that holds
all of them.

Stance classes say how a sentence speaks — a warning, an enforcement or court report, a
debunk. A rule's `excused_by` stances make its finding a quotation: it is still reported, at
`info`, with the stance named, so a reviewer sees why it did not block."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import chain, compress, groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from review import cache, compiled, sound
from review.automaton import build_automaton, cache_path, cached_automaton, matches
from review.config import Config
from review.document import Document
from review.errors import ConfigError
from review.findings import CATEGORY_DEFAULTS, RULE, Hit, Rule, Severity
from review.record import NamedTuple
from review.rules import classes as classes_module
from review.rules import evasion
from review.rules.classes import WordClass
from review.rules.kinds import Kind
from review.rules.lexicons import bundled_dir
from review.rules.spec import require_unique_ids
from review.stages.sequence import Sequence
from review.stages.slots import SLOTS
from review.stages.stance import SOLICIT, Frames, Stances, excused, sentence_ends, sentence_of

if TYPE_CHECKING:
    from review.rules import schema


class CoRule(NamedTuple):
    rule: Rule
    all: tuple[str, ...]
    any: tuple[str, ...]
    none: tuple[str, ...]
    excused_by: tuple[str, ...]
    hit: tuple[str, ...] = ()
    miss: tuple[str, ...] = ()
    source: str = ""
    quoted: tuple[str, ...] = ()
    kind: Kind = Kind.COOCCURRENCE
    sequence: Sequence | None = None  # the order and slots, for a sequence rule


def rule_files() -> list[Path]:
    return sorted((bundled_dir() / "cooccurrence").glob("*.toml"))


def sequence_files() -> list[Path]:
    return sorted((bundled_dir() / "sequence").glob("*.toml"))


def _names(keys: tuple[str, ...], classes: dict[str, WordClass], en: bool) -> str:
    return (" + " if en else "＋").join(classes[k].name_en if en else classes[k].name
                                       for k in keys)


def _check_classes(path: Path, rule_id: str, fields: dict[str, list[str]],
                   classes: dict[str, WordClass]) -> None:
    for field, keys in fields.items():
        unknown = [k for k in keys if k not in classes]
        if unknown:
            raise ConfigError(f"{path}: rule {rule_id}: {field}: no class {unknown[0]!r} in "
                              "lexicons/classes/ or the config's classes")
        # a stance says how a sentence speaks; what it speaks of is a class of things
        wrong = [k for k in keys if classes[k].stance != (field == "excused_by")]
        if wrong:
            raise ConfigError(f"{path}: rule {rule_id}: {field}: class {wrong[0]!r} "
                              + ("is not a stance (stance = true)" if field == "excused_by"
                                 else "is a stance: name it in excused_by"))


def _rule(path: Path, meta: schema.LexiconMeta, r: schema.CooccurrenceRule | schema.SequenceRule,
          seen: str, seen_en: str) -> Rule:
    default_severity, default_gate = CATEGORY_DEFAULTS[meta.category]
    return Rule(r.id, meta.category, r.gate or meta.gate or default_gate,
                r.severity or meta.severity or default_severity,
                f"{r.reason}（{seen}）", f"{r.reason_en} ({seen_en})",
                r.suggestion, r.suggestion_en or r.suggestion)


def load_sequences(path: Path, classes: dict[str, WordClass]) -> list[CoRule]:
    """A file of sequence rules; each pattern's words become classes of their own ("=word")
    in `classes`, so one automaton pass finds everything a rule needs."""
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    parsed = schema.read(path, schema.SequenceFile)
    out = []
    for r in parsed.rule:
        named = [e[1:] for e in r.pattern if e.startswith("@")]
        _check_classes(path, r.id, {"pattern": named, "all": r.all, "none": r.none,
                                    "excused_by": r.excused_by}, classes)
        try:
            sequence = Sequence.compile(r.pattern, r.within, classes)
        except KeyError as err:
            raise ConfigError(f"{path}: rule {r.id}: pattern: no slot {err.args[0]!r} "
                              f"(slots: {', '.join(SLOTS)})") from None
        for word in sequence.words:
            classes.setdefault(f"={word}", WordClass(word, word, (word,)))
        out.append(CoRule(
            _rule(path, parsed.meta, r, f"依次出现：{sequence.describe(classes, False)}",
                  f"in this order: {sequence.describe(classes, True)}"),
            tuple(dict.fromkeys((*sequence.needs, *r.all))), (), tuple(r.none),
            tuple(r.excused_by), tuple(r.hit), tuple(r.miss), str(path), tuple(r.quoted),
            Kind.SEQUENCE, sequence))
    return out


def load_rules(path: Path, classes: dict[str, WordClass]) -> list[CoRule]:
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    parsed = schema.read(path, schema.CooccurrenceFile)
    out = []
    for r in parsed.rule:
        _check_classes(path, r.id, {"all": r.all, "any": r.any, "none": r.none,
                                    "excused_by": r.excused_by}, classes)
        seen = _names(tuple(r.all), classes, False)
        seen_en = _names(tuple(r.all), classes, True)
        if r.any:
            seen += f"＋{'或'.join(classes[k].name for k in r.any)}"
            seen_en += " + " + " or ".join(classes[k].name_en for k in r.any)
        rule = _rule(path, parsed.meta, r, f"同一句中：{seen}", f"in one sentence: {seen_en}")
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
        # a cue right before or after a span is looked for there, not in the whole text
        self.frames = Frames({k: (classes[k].scope, classes[k].terms) for k in wanted
                              if classes[k].adjacent})
        wanted -= {k for k in wanted if k in self.frames}
        if SOLICIT in classes and any(r.excused_by for r in rules):
            wanted.add(SOLICIT)  # a call to deal keeps a paragraph's stance out of its sentence
        self.sound = sound_index if sound_index is not None else \
            sound.build_index(sound_terms(classes)) if any(c.sound for c in classes.values()) \
            else None
        # The stances that make a mixed-script spelling a quotation (IL699).
        self.evasion_stances = tuple(k for k in evasion.STANCES if k in classes
                                     and classes[k].stance) if self.sound else ()
        wanted.update(self.evasion_stances)
        self.automaton = cached_automaton(automaton_file, lambda: self._build(wanted))
        self._required = {k for r in rules for k in (*r.all, *r.any, *r.none)}
        # What a found term of each class does, looked up once a term (the scan's hot loop):
        # (a cue the stances take, with its scope, or None; whether rules need it found)
        self._roles = {k: ((c.scope,) if c.stance or k == SOLICIT else None,
                           k in self._required) for k, c in classes.items()}
        # A sentence is judged only by the rules whose first required class it holds.
        self._by_key: dict[str, list[int]] = {}
        for index, r in enumerate(rules):
            self._by_key.setdefault(r.all[0], []).append(index)
        self._firsts = frozenset(self._by_key)
        self._payloads = _payloads(self._roles)
        self._excused: dict[tuple[int, str, str], Rule] = {}
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

    def warm(self) -> None:
        self.automaton = matches(self.automaton)
        if self.sound:
            sound.table()
            sound.dictionary_words()

    def scan(self, doc: Document) -> Iterator[Hit]:
        view = doc.compact
        text = view.text
        if not self.items or not text:
            return
        found_terms = list(self.automaton.iter(text))
        found_sounds = list(self.sound.matches(text)) if self.sound else []
        if not found_terms and not found_sounds:
            return
        # only drafts holding a class term are split into sentences
        ends = sentence_ends(text)
        stances = Stances(view, doc.visible.text, ends)
        sentences, of, cued = self._sentences(found_terms, ends)
        self._take_cues(stances, cued)
        sounded: dict[tuple[int, str], list[tuple[int, int]]] = {}
        evasions: list[tuple[int, int, str]] = []
        for m in found_sounds:
            if m.new:  # classes whose terms hold these very characters were found above
                sentence = sentence_of(ends, m.start)
                sentences.setdefault(sentence, set()).update(m.new)
                for key in m.new:
                    sounded.setdefault((sentence, key), []).append((m.start, m.end))
            if m.kind == sound.MIXED:
                evasions.append((m.start, m.end, m.payloads[0]))
        for start, end, key in evasions:
            spoken = stances.at(start)
            stance = next((k for k in self.evasion_stances if k in spoken), None)
            yield Hit(self._evasion_rule(key, stance), view.starts[start], view.ends[end - 1])
        by_key, firsts = self._by_key, self._firsts
        for sentence, found in sentences.items():
            # most sentences hold no rule's first class: a set operation in C says so
            candidates = sorted(chain.from_iterable(map(by_key.__getitem__, found & firsts)))
            for index in candidates:
                r = self.items[index]
                if not all(k in found for k in r.all) or (r.any and not any(
                        k in found for k in r.any)) or any(k in found for k in r.none):
                    continue
                if r.sequence is None:
                    spans = self._spans(found_terms, of, sounded, sentence, (*r.all, *r.any))
                    matched = [(min(a for a, _ in spans), max(b for _, b in spans), None)]
                else:
                    bounds = (ends[sentence - 1] + 1 if sentence else 0,
                              ends[sentence] if sentence < len(ends) else len(text))
                    matched = list(r.sequence.find(view, doc.visible.text, *bounds))
                for start, end, tail in matched:
                    # a quotation may open after the span does, or close before it ends
                    spoken = stances.at(start) | stances.at(end - 1)
                    stance = next((k for k in r.excused_by if k in spoken or (
                        k in self.frames and self.frames.around(view, doc.visible.text, start,
                                                                end, k))), None)
                    rule = r.rule if stance is None else self._excused_rule(
                        index, stance, stances.cue(stance, start))
                    stop = view.ends[end - 1] if tail is None else doc.visible.ends[tail - 1]
                    # a lexicon term found inside it says more precisely what is wrong
                    yield Hit(rule, view.starts[start], stop,
                              None if stance is None else Severity.INFO, broad=RULE)

    def _take_cues(self, stances: Stances, cued: list[tuple[int, tuple]]) -> None:
        """Hand the stances their cues, in the order found: only the few matches whose
        payload holds a cue class (`_sentences` picks them) are walked in Python."""
        for last, payload in cued:
            for key, length in payload:
                cue = self._roles[key][0]
                if cue is not None:
                    stances.take(key, last + 1 - length, length, cue[0])

    def _sentences(self, found_terms: list[tuple[int, tuple]], ends: list[int]
                   ) -> tuple[dict[int, set[str]], list[int], list[tuple[int, tuple]]]:
        """sentence → the classes the rules may test found in it; each match's sentence
        (that of its first key's start); and the matches holding a cue. Matches come in the
        text's order, so a sentence's are one run, or a few: the classes are gathered a run
        at a time, in C (review/_kernels.c, `sentences`, where it is built)."""
        payloads = self._payloads
        if (kernels := compiled.kernels) is not None:
            return kernels.sentences(found_terms, ends, payloads)
        starts = [last + 1 - payload[0][1] for last, payload in found_terms]
        of = list(map(bisect_right, repeat(ends), starts))
        meant = list(map(payloads.__getitem__, map(itemgetter(1), found_terms)))
        listed = map(itemgetter(0), meant)
        sentences: dict[int, set[str]] = {}
        for sentence, run in groupby(zip(of, listed, strict=True), itemgetter(0)):
            found = sentences.get(sentence)
            if found is None:
                found = sentences[sentence] = set()
            found.update(chain.from_iterable(map(itemgetter(1), run)))
        cued = list(compress(found_terms, map(itemgetter(1), meant)))
        return sentences, of, cued

    @staticmethod
    def _spans(found_terms: list[tuple[int, tuple]], of: list[int],
               sounded: dict[tuple[int, str], list[tuple[int, int]]], sentence: int,
               keys: tuple[str, ...]) -> list[tuple[int, int]]:
        """The spans of the classes `keys` found in the sentence (its matches, then those
        found by sound): needed only for a rule that matched, seldom."""
        spans = [(last + 1 - length, last + 1)
                 for (last, payload), here in zip(found_terms, of, strict=True)
                 if here == sentence for key, length in payload if key in keys]
        return spans + [s for k in keys for s in sounded.get((sentence, k), ())]

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

    def _excused_rule(self, index: int, stance: str, cue: str = "") -> Rule:
        """The rule's finding in a sentence of an excusing stance: the same id, at info, its
        message naming the stance and its words."""
        rule = self._excused.get((index, stance, cue))
        if rule is None:
            base, c = self.items[index].rule, self.classes[stance]
            rule = self._excused[(index, stance, cue)] = excused(base, c.name, c.name_en, cue)
        return rule


def _payloads(roles: dict[str, tuple[tuple | None, bool]]) -> _Memo:
    """What each automaton payload ((class, length) pairs) means to the scan, worked out
    the first time it is found: the classes it adds to its sentence (a stance's cue only
    when rules need it too), and whether it holds a cue."""
    return _Memo(lambda payload: (
        tuple(key for key, _ in payload if roles[key][0] is None or roles[key][1]),
        any(roles[key][0] is not None for key, _ in payload)))


class _Memo(dict):
    def __init__(self, compute: Callable[[tuple], object]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, payload: tuple) -> object:
        value = self[payload] = self.compute(payload)
        return value


def sound_terms(classes: dict[str, WordClass]) -> Iterator[tuple[str, str]]:
    """(class, term) of every class whose terms are found by sound."""
    return ((key, term) for key, c in sorted(classes.items()) if c.sound for term in c.terms)


def load(config: Config) -> tuple[dict[str, WordClass], list[CoRule]]:
    """The classes (with a class of its own for each word of a sequence) and the rules;
    the rules compiled once per content of the files (review.cache)."""
    classes = dict(classes_module.load(config))  # a copy: sequences add their words

    def build() -> list[CoRule]:
        known = dict(classes)
        rules = [r for path in rule_files() for r in load_rules(path, known)]
        rules += [r for path in sequence_files() for r in load_sequences(path, known)]
        require_unique_ids((r.rule.id, r.source) for r in rules)
        return rules

    paths = classes_module.class_files(config) + rule_files() + sequence_files()
    # a sequence's compiled expression holds its slots' patterns: keyed by them too
    slots = "\0".join(f"{key}={slot.pattern}" for key, slot in sorted(SLOTS.items()))
    rules = cache.cached("corules", paths, build, _encode, _decode, extra=slots)
    for r in rules:
        for word in r.sequence.words if r.sequence else ():
            classes.setdefault(f"={word}", WordClass(word, word, (word,)))
    return classes, rules


def _encode(rules: list[CoRule]) -> list:
    return [[r.rule.to_list(), list(r.all), list(r.any), list(r.none), list(r.excused_by),
             list(r.hit), list(r.miss), r.source, list(r.quoted), r.kind.value,
             None if r.sequence is None else
             [list(r.sequence.elements), r.sequence.source, list(r.sequence.needs),
              list(r.sequence.words), [group for group, _ in r.sequence.checks]]]
            for r in rules]


def _decode(data: list) -> list[CoRule]:
    return [CoRule(Rule.from_list(rule), tuple(all_), tuple(any_), tuple(none),
                   tuple(excused_by), tuple(hit), tuple(miss), source, tuple(quoted),
                   Kind(kind), None if sequence is None else _sequence(*sequence))
            for rule, all_, any_, none, excused_by, hit, miss, source, quoted, kind, sequence
            in data]


def _sequence(elements: list[str], source: str, needs: list[str], words: list[str],
              groups: list[str]) -> Sequence:
    """A compiled sequence from the cache; a checked slot's group is `s<index of its
    element>`."""
    checks = tuple((g, SLOTS[elements[int(g[1:])][1:-1]]) for g in groups)
    return Sequence(tuple(elements), source, tuple(needs), tuple(words), checks)


def build(config: Config) -> CooccurrenceStage:
    classes, rules = load(config)
    paths = classes_module.class_files(config) + rule_files() + sequence_files()
    index = sound.cached_index("sound_classes", classes_module.class_files(config),
                               lambda: sound_terms(classes), str) \
        if any(c.sound for c in classes.values()) else None
    return CooccurrenceStage(classes, rules, cache_path("cooccurrence", paths), index)
