"""Stance: how a sentence speaks. A warning, an enforcement or court report or a debunk quotes
what it condemns (警惕“保本高息”的话术; 以“六合彩必中号码”为饵): a term or phenomenon found
in such a sentence is mention, not use. Stance classes are the word classes with
`stance = true` (lexicons/classes/stance.toml); a rule's `excused_by` names the stances that
make its finding a quotation, reported at info with the stance named — never dropped.

A cue speaks for its sentence or, with `scope = "paragraph"`, for its paragraph: in
网传“下周封城”。经核实，系谣言。 the verdict follows the rumour, and an anti-fraud story tells
the criminals' words a sentence before it says 被骗. What the post quotes (“…”) is covered by a
cue anywhere in the post, and a debunk's verdict (系谣言, `scope = "document"`) covers nothing
else. So a paragraph appended to an anti-drug post that offers drugs has no cue of its own, a
rumour in the post's own voice is not covered by a verdict on another, and a sentence calling
the reader to deal (加微信私聊) is excused only by a cue in that very sentence."""

from __future__ import annotations

from bisect import bisect_right

from review.automaton import build_automaton
from review.findings import Rule, Severity
from review.normalize import CompactView
from review.regexcache import compile as re_compile

# A negation right before a stance cue: 不是谣言, 没造谣, 并非骗局, 绝非虚假信息.
_NEGATIONS = ("不是", "并非", "绝非", "决非", "没有", "没", "非")
# Where a sentence ends in the compact view (which keeps these and drops in-sentence marks).
SENTENCE_END = re_compile(r"[。!?;\n]")
_BREAK = re_compile("\n")
# The class of calls to deal addressed to the reader (lexicons/classes/stance.toml).
SOLICIT = "call_to_deal"


def sentence_ends(text: str) -> list[int]:
    return [m.start() for m in SENTENCE_END.finditer(text)]


def sentence_of(ends: list[int], position: int) -> int:
    return bisect_right(ends, position)


class Stances:
    """The stances found in a compact text, by sentence and by paragraph (a line)."""

    def __init__(self, view: CompactView, folded: str, ends: list[int]) -> None:
        self.view, self.folded = view, folded
        self.text, self.ends = view.text, ends
        self.sentence: dict[int, set[str]] = {}
        self.paragraph: dict[int, set[str]] = {}
        self.document: set[str] = set()
        self.soliciting: set[int] = set()  # sentences that address the reader to deal
        self._cues: dict[tuple[str, str, int], str] = {}  # the first cue of each reach
        self._breaks: list[int] | None = None

    def _paragraph_of(self, position: int) -> int:
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        return bisect_right(self._breaks, position)

    def add(self, stance: str, position: int, scope: str, length: int = 0) -> None:
        """A cue of `stance` starting at `position`, `length` characters long."""
        cue = self.text[position:position + length]
        if scope == "document":
            self.document.add(stance)
            self._cues.setdefault((stance, "document", 0), cue)
            return
        if scope == "paragraph":
            paragraph = self._paragraph_of(position)
            self.paragraph.setdefault(paragraph, set()).add(stance)
            self._cues.setdefault((stance, "paragraph", paragraph), cue)
        # every cue also speaks for its own sentence, whatever else it reaches
        sentence = sentence_of(self.ends, position)
        self.sentence.setdefault(sentence, set()).add(stance)
        self._cues.setdefault((stance, "sentence", sentence), cue)

    def cue(self, stance: str, position: int) -> str:
        """The words of `stance` that speak for `position` (据县统计局发布 …): the nearest."""
        for key in ((stance, "sentence", sentence_of(self.ends, position)),
                    (stance, "paragraph", self._paragraph_of(position)),
                    (stance, "document", 0)):
            if key in self._cues:
                return self._cues[key]
        return next((c for (s, _, _), c in self._cues.items() if s == stance), "")

    def take(self, stance: str, start: int, length: int, scope: str) -> None:
        """A cue found at `start`: a call to deal, or a stance unless negated (不是谣言)."""
        if stance == SOLICIT:
            self.solicit(start)
        elif not negated(self.text, start):
            self.add(stance, start, scope, length)

    def solicit(self, position: int) -> None:
        """A call to deal (加微信私聊, 有需要的朋友, 当天下款) at `position`: unless quoted, its
        sentence speaks in its own voice, and only a cue in that sentence makes it a quotation."""
        if not quoted(self.folded, self.view.source[position]):
            self.soliciting.add(sentence_of(self.ends, position))

    def at(self, position: int) -> set[str]:
        """The stances that speak for the sentence holding `position`."""
        sentence = sentence_of(self.ends, position)
        own = self.sentence.get(sentence, set())
        if sentence in self.soliciting:
            return own  # an offer slipped into a warning's paragraph is not the warning's
        if (self.document or self.paragraph) and quoted(self.folded, self.view.source[position]):
            # What the post quotes is the quotation of any warning, report or verdict in it:
            # the dealer's line in a paragraph of its own, the warning in the next.
            own = own | self.document | set().union(*self.paragraph.values())
        if not self.paragraph:
            return own
        return own | self.paragraph.get(self._paragraph_of(position), set())


class StanceFinder:
    """The stances of each sentence of a compact text, found in one automaton pass."""

    def __init__(self, terms: dict[str, tuple[str, ...]],
                 scopes: dict[str, str] | None = None, solicit: tuple[str, ...] = ()) -> None:
        scopes = scopes or {}
        self.scopes = scopes
        self.frames = Frames({k: (scopes[k], terms[k]) for k in scopes
                              if scopes[k] in ("before", "after")})
        keys: dict[str, list[str]] = {}
        for stance, words in terms.items():
            if stance in self.frames:
                continue
            for word in words:
                keys.setdefault(word, []).append(stance)
        for word in solicit:
            keys.setdefault(word, []).append(SOLICIT)
        self.automaton = build_automaton((k, (len(k), tuple(v))) for k, v in keys.items()) \
            if keys else None

    def find(self, view: CompactView, folded: str, ends: list[int]) -> Stances:
        text = view.text
        found = Stances(view, folded, ends)
        if self.automaton is None:
            return found
        for last, (length, stances) in self.automaton.iter(text):
            for stance in stances:
                found.take(stance, last + 1 - length, length, self.scopes.get(stance, "sentence"))
        return found


class Frames:
    """Stances whose cue stands right next to a term: 依法打击出售枪支, 出售枪支案, 贩卖冰毒的
    嫌疑人. The term is then the name of an offence being dealt with, not an offer."""

    # What may stand between a term and its cue: 出售枪支的团伙, 打击了出售枪支, 打击等
    # and quotation marks: 警惕“兼职拍摄军港”, “出售神药”案.
    _LINK_AFTER = ("的", "等", "类", "”", '"', "’", "'", "」", "』", "》")
    _LINK_BEFORE = ("了", "的", "各类", "一切", "各种", "所有",
                    "“", '"', "‘", "'", "「", "『", "《")

    def __init__(self, classes: dict[str, tuple[str, tuple[str, ...]]]) -> None:
        self.after = {k: terms for k, (side, terms) in classes.items() if side == "after"}
        self.before = {k: terms for k, (side, terms) in classes.items() if side == "before"}

    def __contains__(self, stance: str) -> bool:
        return stance in self.after or stance in self.before

    def around(self, view: CompactView, folded: str, start: int, end: int, stance: str) -> bool:
        """Whether the cue of `stance` stands right before or right after view.text[start:end].
        Looked for in the folded text, where a comma still separates: 出售神药，案头必备."""
        start, end = view.source[start], view.source[end - 1] + 1
        cues = self.after.get(stance)
        if cues is not None:
            rest = folded[end:end + 10]
            for _ in range(3):
                rest = next((rest[len(k):] for k in self._LINK_AFTER if rest.startswith(k)), rest)
            return rest.startswith(cues)
        head = folded[max(0, start - 12):start]
        for _ in range(3):
            head = next((head[:-len(k)] for k in self._LINK_BEFORE if head.endswith(k)), head)
        return head.endswith(self.before.get(stance, ()))


def quoted(folded: str, position: int) -> bool:
    """Whether `position` of the folded text stands inside quotation marks in its paragraph:
    有网民发布“明天开始全面封控”的信息. A rumour stated in the post's own voice is not."""
    paragraph = folded.rfind("\n", 0, position) + 1
    opened = max(folded.rfind("“", paragraph, position), folded.rfind("「", paragraph, position))
    closed = max(folded.rfind("”", paragraph, position), folded.rfind("」", paragraph, position))
    return opened > closed


def negated(text: str, start: int) -> bool:
    """Whether the cue at `start` follows a negation (不是谣言, 并非骗局)."""
    # as (?:不是|…|非)$ searched in the two characters before it would: $ also before a line
    # break that ends them (a string method, not a regex search: this is asked per cue)
    before = text[max(0, start - 2):start]
    return before.removesuffix("\n").endswith(_NEGATIONS)


def excused(rule: Rule, name: str, name_en: str, cue: str = "") -> Rule:
    """The rule as a quotation under a stance: the same id, at info, its message naming the
    stance and the words that show it (据县应急管理局通报)."""
    shown_zh, shown_en = (f"（“{cue}”）", f" (“{cue}”)") if cue else ("", "")
    return rule._replace(severity=Severity.INFO,
                         message_zh=f"{rule.message_zh}；出现在{name}{shown_zh}中，视为引述，仅作提示",
                         message_en=f"{rule.message_en}; quoted in {name_en}{shown_en}: "
                                    "for information")
