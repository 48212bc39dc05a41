"""The lexicon stage: every lexicon term, found in one pass of an Aho-Corasick automaton.

Terms are matched in the compact view (normalised, noise removed), so spaced, starred and
traditional spellings are found; every match is reported, overlapping ones included.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ahocorasick

from review import cache, lexicon
from review.automaton import build_automaton, load_cached, store_cached
from review.config import Config
from review.document import Document
from review.findings import Hit, Rule
from review.lexicon import Entry

CONTEXT_WIDTH = 12
_TERM, _ALLOW = 0, 1


class LexiconStage:
    name = "lexicon"

    def __init__(self, entries: list[Entry]) -> None:
        self._setup(_encode(entries))

    @classmethod
    def from_encoded(cls, data: dict, automaton_file: Path | None = None) -> LexiconStage:
        """From the cache's form: rules are made only for terms that are found (a 200,000-term
        list must not cost 200,000 objects per run), and the automaton may come from a file."""
        stage = cls.__new__(cls)
        stage._setup(data, automaton_file)
        return stage

    def _setup(self, data: dict, automaton_file: Path | None = None) -> None:
        self.templates = [(t[:7], tuple(t[7]), tuple(t[8]), t[9], t[10])
                          for t in data["templates"]]
        self.rows = data["rows"]  # [template index, rule id, [terms]]
        self.plain = [not (context or allow) and noise
                      for _, context, allow, noise, _ in self.templates]
        self._rules: dict[int, Rule] = {}
        self.automaton = load_cached(automaton_file)
        if self.automaton is None:
            self.automaton = self._build_automaton()
            store_cached(self.automaton, automaton_file)

    def _build_automaton(self) -> ahocorasick.Automaton:
        payloads: dict[str, list[tuple[int, int, int]]] = {}
        for index, (template, _, terms) in enumerate(self.rows):
            for term in terms:
                payloads.setdefault(term, []).append((index, _TERM, len(term)))
            for phrase in self.templates[template][2]:
                payloads.setdefault(phrase, []).append((index, _ALLOW, len(phrase)))
        return build_automaton((key, tuple(value)) for key, value in payloads.items())

    def rule(self, index: int) -> Rule:
        rule = self._rules.get(index)
        if rule is None:
            template, rule_id, _ = self.rows[index]
            rule = self._rules[index] = Rule.from_list([rule_id, *self.templates[template][0]])
        return rule

    def rules(self) -> Iterator[Rule]:
        return (self.rule(index) for index in range(len(self.rows)))

    def scan(self, doc: Document) -> Iterator[Hit]:
        view = doc.compact
        text = view.text
        if not text or not self.rows:
            return
        rows, plain, starts, ends = self.rows, self.plain, view.starts, view.ends
        checked: list[tuple[int, int, int]] = []
        allowed: dict[int, list[tuple[int, int]]] = {}
        for last, payload in self.automaton.iter(text):
            for index, kind, length in payload:
                if kind == _ALLOW:
                    allowed.setdefault(index, []).append((last + 1 - length, last + 1))
                elif plain[rows[index][0]]:  # no allow, context or contiguity: report at once
                    yield Hit(self.rule(index), starts[last + 1 - length], ends[last])
                else:
                    checked.append((index, last + 1 - length, last + 1))
        for index, start, end in checked:
            _, context, _, noise, _ = self.templates[rows[index][0]]
            if any(a <= start and end <= b for a, b in allowed.get(index, ())):
                continue  # a longer allowed phrase beats the term inside it
            if context and not _has_context(text, start, end, context):
                continue
            if not noise and view.source[end - 1] - view.source[start] != end - 1 - start:
                continue  # this entry must appear without inserted characters
            yield Hit(self.rule(index), starts[start], ends[end - 1])


def _has_context(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    window = text[max(0, start - CONTEXT_WIDTH):end + CONTEXT_WIDTH]
    return any(word in window for word in words)


def _options(config: Config) -> list[lexicon.LexiconOptions]:
    return [*(lexicon.bundled() if config.bundled_lexicons else []), *config.lexicon_options()]


def _settings(options: list[lexicon.LexiconOptions]) -> str:
    return repr([(o.category, o.severity, o.gate) for o in options])


def load_encoded(config: Config) -> dict:
    """Every entry of the configured lexicons in the cache's form (compiled once per change)."""
    options = _options(config)

    def build() -> dict:
        return _encode([entry for option in options for entry in lexicon.load(option)])

    return cache.cached("lexicon", [o.path for o in options], build, lambda d: d, _checked,
                        _settings(options))


def _checked(data: dict) -> dict:
    """The cached form, or KeyError/TypeError (and a rebuild) when it is not that form."""
    if not isinstance(data["templates"], list) or not isinstance(data["rows"], list):
        raise TypeError("not the lexicon cache form")
    return data


def load_entries(config: Config) -> list[Entry]:
    return _decode(load_encoded(config))


def _encode(entries: list[Entry]) -> dict:
    """Entries share everything but their id and terms with many others (a plain list's 200,000
    terms share one message): store each shared part once."""
    templates: dict[tuple, int] = {}
    rows = []
    for e in entries:
        shared = (*e.rule.to_list()[1:], tuple(e.context), tuple(e.allow), e.noise, e.source)
        index = templates.setdefault(shared, len(templates))
        rows.append([index, e.rule.id, list(e.terms)])
    return {"templates": [list(t) for t in templates], "rows": rows}


def _decode(data: dict) -> list[Entry]:
    templates = [(t[:7], tuple(t[7]), tuple(t[8]), t[9], t[10]) for t in data["templates"]]
    out = []
    for index, rule_id, terms in data["rows"]:
        fields, context, allow, noise, source = templates[index]
        out.append(Entry(Rule.from_list([rule_id, *fields]), tuple(terms), context, allow,
                         noise, source=source))
    return out


def build(config: Config) -> LexiconStage:
    options = _options(config)
    try:
        automaton_file = cache.path_for("automaton", [o.path for o in options],
                                        _settings(options), ".bin")
    except OSError:
        automaton_file = None
    return LexiconStage.from_encoded(load_encoded(config), automaton_file)
