"""The lexicon stage: every lexicon term, found in one pass of an Aho-Corasick automaton.

Terms are matched in the compact view (normalised, noise removed), so spaced, starred and
traditional spellings are found; every match is reported, overlapping ones included. Terms of
a file with `sound = true` are also found by sound (review/sound.py): in mixed script always,
in pinyin alone when it is four syllables or more (homophone characters are left to the word
classes); the entry's allow, context and stance checks apply to them alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, repeat
from pathlib import Path

import ahocorasick

from review import cache, collector, sound
from review.automaton import build_automaton, cache_path, cached_automaton, matches
from review.config import Config
from review.document import Document
from review.errors import ConfigError
from review.findings import Hit, Rule
from review.rules import lexicons
from review.rules.lexicons import Entry
from review.rules.spec import require_unique_ids
from review.stages.stance import SOLICIT, StanceFinder, Stances, excused, sentence_ends

CONTEXT_WIDTH = 12
# What a term's payload says: report it at once (no allow, context or contiguity to check),
# check it after the pass, or it is an allowed phrase.
_PLAIN, _TERM, _ALLOW = 0, 1, 2
# A lexicon term in pinyin alone must be this long: shorter ones are names and signs.
_PINYIN_SYLLABLES = 4


class LexiconStage:
    name = "lexicon"

    def __init__(self, entries: list[Entry], stances: StanceFinder | None = None,
                 stance_names: dict[str, tuple[str, str]] | None = None) -> None:
        self._setup(_encode(entries), None, stances, stance_names)
        if any(e.sound for e in entries):
            index = sound.build_index(_sound_terms(entries))
            self.sound = sound.Index(index.entries, index.ordinary, False)

    @classmethod
    def from_encoded(cls, data: dict, automaton_file: Path | None = None,
                     stances: StanceFinder | None = None,
                     stance_names: dict[str, tuple[str, str]] | None = None) -> LexiconStage:
        """From the cache's form: rules are made only for terms that are found (a 200,000-term
        list must not cost 200,000 objects per run), and the automaton may come from a file."""
        stage = cls.__new__(cls)
        stage._setup(data, automaton_file, stances, stance_names)
        return stage

    def _setup(self, data: dict, automaton_file: Path | None = None,
               stances: StanceFinder | None = None,
               stance_names: dict[str, tuple[str, str]] | None = None) -> None:
        # Row i (one entry) has rule id ids[i] and template template_of[i]; its terms are
        # read only when the automaton is built.
        self.templates, self.ids, self.template_of = _unpack(data)
        self._rules: dict[int, Rule] = {}
        self.stances, self.stance_names = stances, stance_names or {}
        self._excused: dict[tuple[int, str, str], Rule] = {}
        self.automaton = cached_automaton(automaton_file,
                                          lambda: self._build_automaton(data["terms"]))
        self.sound: sound.Index[int] | None = None

    def _build_automaton(self, joined_terms: str) -> ahocorasick.Automaton:
        plain = [not (context or allow or excused_by) and noise
                 for _, context, allow, noise, _, excused_by in self.templates]
        payloads: dict[str, list[tuple[int, int, int]]] = {}
        for index, terms in enumerate(_split_terms(joined_terms)):
            kind = _PLAIN if plain[self.template_of[index]] else _TERM
            for term in terms:
                payloads.setdefault(term, []).append((index, kind, len(term)))
            for phrase in self.templates[self.template_of[index]][2]:
                payloads.setdefault(phrase, []).append((index, _ALLOW, len(phrase)))
        return build_automaton((key, tuple(value)) for key, value in payloads.items())

    def rule(self, index: int) -> Rule:
        rule = self._rules.get(index)
        if rule is None:
            fields = self.templates[self.template_of[index]][0]
            rule = self._rules[index] = Rule.from_list([self.ids[index], *fields])
        return rule

    def rules(self) -> Iterator[Rule]:
        return (self.rule(index) for index in range(len(self.ids)))

    def rule_ids(self) -> list[str]:
        return self.ids

    def warm(self) -> None:
        self.automaton = matches(self.automaton)

    def scan(self, doc: Document) -> Iterator[Hit]:
        view = doc.compact
        text = view.text
        if not text or not self.ids:
            return
        template_of, starts, ends = self.template_of, view.starts, view.ends
        rules, rule = self._rules, self.rule
        checked: list[tuple[int, int, int]] = []
        allowed: dict[int, list[tuple[int, int]]] = {}
        stances: Stances | None = None
        for last, payload in self.automaton.iter(text):
            for index, kind, length in payload:
                if kind == _PLAIN:
                    yield Hit(rules.get(index) or rule(index), starts[last + 1 - length],
                              ends[last])
                elif kind == _TERM:
                    checked.append((index, last + 1 - length, last + 1))
                else:
                    allowed.setdefault(index, []).append((last + 1 - length, last + 1))
        for m in self.sound.matches(text) if self.sound else ():
            if m.kind != sound.PINYIN or m.syllables >= _PINYIN_SYLLABLES:
                checked += ((index, m.start, m.end) for index in m.new)
        for index, start, end in checked:
            _, context, _, noise, _, excused_by = self.templates[template_of[index]]
            if any(a <= start and end <= b for a, b in allowed.get(index, ())):
                continue  # a longer allowed phrase beats the term inside it
            if context and not _has_context(text, start, end, context):
                continue
            if not noise and view.source[end - 1] - view.source[start] != end - 1 - start:
                continue  # this entry must appear without inserted characters
            if excused_by and self.stances is not None:
                if stances is None:  # only drafts with such a term are judged for stance
                    stances = self.stances.find(view, doc.visible.text, sentence_ends(text))
                found = stances.at(start)
                frames = self.stances.frames
                stance = next((k for k in excused_by if k in found
                               or (k in frames and frames.around(view, doc.visible.text,
                                                                 start, end, k))), None)
                if stance is not None:
                    cue = stances.cue(stance, start) if stance in found else ""
                    yield Hit(self._excused_rule(index, stance, cue), starts[start],
                              ends[end - 1])
                    continue
            yield Hit(self.rule(index), starts[start], ends[end - 1])

    def _excused_rule(self, index: int, stance: str, cue: str = "") -> Rule:
        rule = self._excused.get((index, stance, cue))
        if rule is None:
            rule = self._excused[(index, stance, cue)] = excused(
                self.rule(index), *self.stance_names[stance], cue)
        return rule


def _has_context(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """A context word before or after the term — not inside it: a term that holds one of its
    own context words (拉横幅维权, context 拉横幅) must still find it around."""
    window = text[max(0, start - CONTEXT_WIDTH):start] + "\0" + text[end:end + CONTEXT_WIDTH]
    return any(word in window for word in words)


def lexicon_options(config: Config) -> list[lexicons.LexiconOptions]:
    return [*(lexicons.bundled() if config.bundled_lexicons else []), *config.lexicon_options()]


def _settings(options: list[lexicons.LexiconOptions]) -> str:
    return repr([(o.category, o.severity, o.gate) for o in options])


def load_encoded(config: Config) -> dict:
    """Every entry of the configured lexicons in the cache's form (compiled once per change)."""
    options = lexicon_options(config)

    def build() -> dict:
        entries = [entry for option in options for entry in lexicons.load(option)]
        require_unique_ids((e.rule.id, e.source) for e in entries)
        return _encode(entries)

    return cache.cached("lexicon", [o.path for o in options], build, lambda d: d, _checked,
                        _settings(options))


def _checked(data: dict) -> dict:
    """The cached form, or KeyError/TypeError (and a rebuild) when it is not that form."""
    if not (isinstance(data["templates"], list) and isinstance(data["runs"], list)
            and isinstance(data["ids"], str) and isinstance(data["terms"], str)):
        raise TypeError("not the lexicon cache form")
    rows = sum(n for _, n in data["runs"])
    if rows and not data["ids"].count("\n") == data["terms"].count("\n") == rows - 1:
        raise TypeError("the lexicon cache's rows do not line up")
    return data


def load_entries(config: Config) -> list[Entry]:
    return _decode(load_encoded(config))


def _encode(entries: list[Entry]) -> dict:
    """Entries share everything but their id and terms with many others (a plain list's 200,000
    terms share one message): each shared part is stored once, with runs of rows that use it.
    Ids and terms are kept as two long strings, so that reading the cache makes two objects,
    not hundreds of thousands (ids hold no line break; terms neither, nor a tab)."""
    templates: dict[tuple, int] = {}
    runs: list[list[int]] = []
    for e in entries:
        r = e.rule
        shared = (r.category, r.gate, r.severity, r.message_zh, r.message_en, r.suggestion_zh,
                  r.suggestion_en, e.context, e.allow, e.noise, e.source, e.excused_by)
        index = templates.setdefault(shared, len(templates))
        if runs and runs[-1][0] == index:
            runs[-1][1] += 1
        else:
            runs.append([index, 1])
    return {"templates": [[t[0].value, t[1].value, t[2].value, *t[3:7], list(t[7]), list(t[8]),
                           t[9], t[10], list(t[11])] for t in templates],
            "runs": runs, "ids": "\n".join(e.rule.id for e in entries),
            "terms": "\n".join("\t".join(e.terms) for e in entries)}


def _unpack(data: dict) -> tuple[list[tuple], list[str], list[int]]:
    """The cached form's templates, and each row's rule id and template."""
    templates = [(t[:7], tuple(t[7]), tuple(t[8]), t[9], t[10], tuple(t[11]))
                 for t in data["templates"]]
    ids = data["ids"].split("\n") if data["ids"] else []
    template_of = list(chain.from_iterable(repeat(t, n) for t, n in data["runs"]))
    return templates, ids, template_of


def _sound_terms(entries: list[Entry]) -> Iterator[tuple[int, str]]:
    """(row, term) of every entry found by sound."""
    return ((row, term) for row, e in enumerate(entries) if e.sound for term in e.terms)


def _split_terms(joined: str) -> list[list[str]]:
    return [row.split("\t") for row in joined.split("\n")] if joined else []


def _decode(data: dict) -> list[Entry]:
    templates, ids, template_of = _unpack(data)
    out = []
    for rule_id, index, terms in zip(ids, template_of, _split_terms(data["terms"]), strict=True):
        fields, context, allow, noise, source, excused_by = templates[index]
        out.append(Entry(Rule.from_list([rule_id, *fields]), tuple(terms), context, allow,
                         noise, source=source, excused_by=excused_by))
    return out


def build(config: Config) -> LexiconStage:
    options = lexicon_options(config)
    automaton_file = cache_path("automaton", [o.path for o in options], _settings(options))
    with collector.paused():  # compiling a large list makes no cycles
        data = load_encoded(config)
        wanted = {k for t in data["templates"] for k in t[11]}
        stances, names = _stances(config, wanted) if wanted else (None, {})
        stage = LexiconStage.from_encoded(data, automaton_file, stances, names)
    # Only a TOML file's [meta] can ask for sound matching: a plain list (an organisation's
    # 200,000 terms) is neither read again nor keyed.
    files = [o for o in options if o.path.suffix == ".toml"]
    by_id = sound.cached_index(
        "sound_lexicon", [o.path for o in files],
        lambda: ((e.rule.id, t) for o in files for e in lexicons.load(o) if e.sound
                 for t in e.terms), str) if files else None
    if by_id:
        wanted = {p for found in by_id.entries.values() for p, _ in found}
        row = {rule_id: n for n, rule_id in enumerate(stage.ids) if rule_id in wanted}
        stage.sound = sound.Index({k: [(row[p], t) for p, t in v]
                                   for k, v in by_id.entries.items()}, by_id.ordinary, False)
    return stage


def _stances(config: Config, wanted: set[str]
             ) -> tuple[StanceFinder, dict[str, tuple[str, str]]]:
    """The stance classes the entries' `excused_by` name (lexicons/classes/)."""
    from review.rules import classes as word_classes

    classes = word_classes.load(config)
    unknown = sorted(k for k in wanted if k not in classes or not classes[k].stance)
    if unknown:
        raise ConfigError(f"excused_by: {unknown[0]!r} is not a stance class "
                          "(lexicons/classes/, stance = true)")
    return (StanceFinder({k: classes[k].terms for k in wanted},
                         {k: classes[k].scope for k in wanted},
                         classes[SOLICIT].terms if SOLICIT in classes else ()),
            {k: (classes[k].name, classes[k].name_en) for k in wanted})
