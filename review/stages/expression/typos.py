"""EX9501: typos nobody listed — a string that is not a word, one confusable character away
from a common word or idiom (一愁莫展 → 一筹莫展, 其本上 → 基本上). The approach of
pycorrector's rule stage, done offline and cheaply:

- confusable characters: the same reading (pypinyin, tones ignored) or a similar shape
  (`lexicons/expression/same_stroke.txt`, from pycorrector, Apache-2.0);
- words and their frequencies: jieba's dictionary, compiled into the cache (jieba itself is
  never imported; its 1.2 s dictionary load is not paid at check time);
- the common three- and four-character words and idioms are found through an automaton of
  their halves (a typo leaves one half whole), so a draft is scanned once, in C; a string
  that differs from such a word in one confusable character and is no word itself is a
  candidate, then weighed: the draft's text around it must read much better with the
  correction (a unigram segmentation's log-probability gains at least GAIN), the string must
  occur once (a name or a term repeats), and it must not sit in a name — before 镇/村/路/公司
  …, before 同志/先生 …, inside 《》 or a quotation.

Severity review; the correction is offered as a replacement (`review fix`) only when no other
common word is as near."""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import ahocorasick

from review import cache, compiled
from review.automaton import build_automaton, cached_automaton, matches
from review.document import Document
from review.findings import RULE as BROAD
from review.findings import Category, Gate, Hit, Rule, Severity
from review.packed import CharStrings, Strings
from review.rules.spec import Kind, RuleSpec

if TYPE_CHECKING:
    from review.stages.expression.bulk import HalvesArrays

RULE = Rule("EX9501", Category.EXPRESSION, Gate.TEXT, Severity.REVIEW,
            "疑似错别字：与常用词只差一个音近或形近字", "likely typo: one confusable character "
            "away from a common word", "核对用字", "check the characters")
SPECS = [RuleSpec(
    RULE, Kind.TYPO, source=__name__,
    hit=("我们要坚持实事求事，一切从实际出发。", "全县干部群众同舟共际，战胜了洪水。",
         "他工作兢兢业业，任劳任冤。", "经过整治，村里面貌焕然一心。"),
    miss=("我们要坚持实事求是，一切从实际出发。", "全县干部群众同舟共济，战胜了洪水。",
          "他工作兢兢业业，任劳任怨。", "《任劳任冤》是一部话剧的名字。",
          "请到黄材镇农办咨询。"),
    detail_zh="不是词、却与一个常用词或成语只差一个音近或形近字的字串，且改正后上下文通顺得多；"
              "人名、地名、机构名、书名号和引号内的不报。",
    detail_en="a string that is no word, one confusable character away from a common word or "
              "idiom, where the corrected text reads much better; names of people, places and "
              "bodies, titles of works and quotations are not reported.")]

# natural-log probability the correction must add to the text around it, by the word's length:
# a four-character string one character from an idiom is a typo far more often than a
# two-character one is (which is mostly where two words meet)
GAIN = {3: 10.0, 4: 8.0}
_COMMON_CHAR = 2000  # a character is common above this summed frequency of its words
_KNOWN_CHAR = 500    # and a character read the same must be this common to stand in (shapes: any;
# 蚂 for 马 in 蛛丝马迹, 804); the characters of the words looked for are confused however rare
# (芋 for 竽 in 滥竽充数: an idiom's rare character is where a typo puts a common one)
# Two-character words are left to the lists (lexicons/expression/words.toml): a two-character
# misspelling is mostly where two words meet, and the gain that tells them apart (11) found 2%
# of the SIGHAN typos while costing a 50 MB automaton (SIGHAN: benchmarks/sighan.py).
_WORD3 = 2000
_IDIOM = 5           # four-character idioms (jieba's POS i, l) this frequent
_WORD4 = 1000        # and other four-character words (实事求是 is a noun to jieba)
_NOT_A_WORD = 3      # jieba's rarest entries are noise: at most this frequent is no word
_MISSING = object()  # a sentinel for a memo read inline
_LONGEST = 8  # the longest words kept: a candidate inside a longer idiom (无所不用其极) is none
_COMMON_HALF = 10000  # a half this frequent as a word of its own is no key (see _halves)
# bump when what is compiled into the cache changes (it is keyed by this)
_INDEX_VERSION = 18
_PROPER = {"nr", "ns", "nt", "nz", "nrt", "nrfg", "t", "m", "eng", "x"}
_MISTAGGED = {"nr", "nz", "nrt", "nrfg"}  # of _PROPER: where jieba puts idioms it took for names
# after a name of a place or a body (黄材镇, 玉潭中队, 勤达诚公司) and around a person's
_PLACE_END = set("镇村乡县区市省街路道巷桥湖山江河港湾州屯寨庄坪岭峪沟营堡园苑楼厦馆站店厂场队")
_EVERY = set("全各本该每我两多一这那此")  # 全县, 各村, 本市, 我区 …: no name's end
_PERSON_AFTER = ("同志", "先生", "女士", "老师", "书记", "主任", "局长", "县长", "镇长", "村长",
                 "经理", "师傅", "大姐", "大爷", "等人", "等同志")


class Lexicon:
    """jieba's words by length: sorted and joined (fixed width), with a quantised log
    frequency per word (one character each), so a cache load is a few strings, not 350,000
    objects, and a lookup a binary search. (A plain class: a dataclass's generated methods
    are compiled at every start, and nothing compares or prints a lexicon.)"""

    __slots__ = ("words", "freqs", "log_total", "_seen", "_by_width", "_indexes")

    def __init__(self, words: dict[int, str], freqs: dict[int, str], log_total: float) -> None:
        self.words, self.freqs, self.log_total = words, freqs, log_total
        # look-ups remembered: a check asks for the same few thousand strings again and again
        self._seen: dict[str, float | None] = {}
        # words and frequencies of widths 1 to 4, as the compiled `best` takes them
        self._by_width = (tuple(words.get(w) for w in range(1, 5)),
                          tuple(freqs.get(w) for w in range(1, 5)))
        self._indexes: tuple = ()  # `warm`'s: where each first character's words start

    def warm(self) -> None:
        """The bulk path: each width's words indexed by their first character (1 MB), so that
        `best` searches among a few words, not all (review/_kernels.c, word_index)."""
        if (kernels := compiled.kernels) is not None and not self._indexes:
            self._indexes = (tuple(None if words is None else kernels.word_index(words, width)
                                   for width, words in enumerate(self._by_width[0], 1)),)

    def logp(self, word: str) -> float | None:
        seen = self._seen
        if word in seen:
            return seen[word]
        if len(seen) > 500_000:
            seen.clear()
        value = seen[word] = self._search(word)
        return value

    def _search(self, word: str) -> float | None:
        width = len(word)
        joined = self.words.get(width)
        if joined is None:
            return None
        low, high = 0, len(joined) // width
        while low < high:
            mid = (low + high) // 2
            if joined[mid * width:(mid + 1) * width] < word:
                low = mid + 1
            else:
                high = mid
        if joined[low * width:(low + 1) * width] != word:
            return None
        return (ord(self.freqs[width][low]) - 48) / 4 - self.log_total

    def best(self, text: str) -> float:
        """The log-probability of the likeliest segmentation of `text` into words."""
        if compiled.kernels is not None:
            return self.best_many([text])[0]
        return self._best(text)

    def best_many(self, texts: list[str]) -> list[float]:
        """`best` of each text: in C where it is built (review/_kernels.c, the same additions
        and comparisons as `_best`, the reference, so the same numbers)."""
        if compiled.kernels is None:
            return list(map(self._best, texts))
        return compiled.kernels.best(texts, *self._by_width, self.log_total, *self._indexes)

    def _best(self, text: str) -> float:
        seen, logp, missing = self._seen, self.logp, _MISSING
        unknown = -self.log_total - 8.0
        size = len(text)
        score = [0.0] + [-math.inf] * size
        for i in range(size):
            here = score[i]
            for end in range(i + 1, min(i + 4, size) + 1):
                word = text[i:end]
                p = seen.get(word, missing)  # logp's memo read inline: the hot loop
                if p is missing:
                    p = logp(word)
                if p is None:
                    if end - i > 1:
                        continue
                    p = unknown
                if here + p > score[end]:
                    score[end] = here + p
        return score[-1]


class Typos:
    """`halves`: an automaton of the two-character halves of the common three- and
    four-character words; `words[value]`: the words sharing it, space-separated, and
    `offsets[value]` where the half stands in each (a digit a word); `confusable[c]`: the
    characters a typo puts in the place of c. jieba's word frequencies (the lexicon) are read
    only when a candidate needs weighing."""

    def __init__(self, lexicon: Callable[[], Lexicon], halves: ahocorasick.Automaton,
                 words: Sequence[str], offsets: Sequence[str], confusable: CharStrings) -> None:
        self._load_lexicon = lexicon
        self.halves = halves
        # Strings as the cache holds them (a few of some 11,000 are looked at in a draft:
        # two strings a half load far quicker than a list of pairs), made pairs when found.
        self.words = words
        self.offsets = offsets
        self._pairs: dict[int, list[tuple[str, int]]] = {}
        self.confusable = confusable
        self._arrays: HalvesArrays | None = None  # the bulk path's (warm)

    def pairs(self, value: int) -> list[tuple[str, int]]:
        """(word, where the half stands in it) of the words sharing half `value`."""
        found = self._pairs.get(value)
        if found is None:
            found = self._pairs[value] = list(zip(self.words[value].split(" "),
                                                  map(int, self.offsets[value]), strict=True))
        return found

    def warm(self) -> None:
        """The bulk path: the halves found by ahocorasick_rs, the words checked in arrays."""
        from review.stages.expression.bulk import HalvesArrays

        self.halves = matches(self.halves)
        self._arrays = HalvesArrays(self.words, self.offsets, self.confusable)
        self.lexicon.warm()  # loaded now: before `--jobs` forks, its workers share it

    @cached_property
    def lexicon(self) -> Lexicon:
        """Loaded the first time a candidate needs it: most drafts have none."""
        return self._load_lexicon()

    @cached_property
    def _rare(self) -> float:
        return math.log(_NOT_A_WORD + 0.5) - self.lexicon.log_total

    def detect(self, doc: Document) -> Iterator[Hit]:
        view = doc.visible
        text = view.text
        found: dict[tuple[int, int], set[str]] = {}
        for start, end, word in self._candidates(text):
            if self._no_word(text[start:end]):
                found.setdefault((start, end), set()).add(word)
        for (start, end), words in sorted(found.items()):
            right = max(words, key=lambda w: self.lexicon.logp(w) or -math.inf)
            if self._credible(text, start, end, right):
                # a listed wrong → right for the same place is the more certain judgement
                yield Hit(RULE, *view.span(start, end),
                          replacement=right if len(words) == 1 else None, broad=BROAD)

    def _candidates(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word): where the text misspells a word by one confusable character
        outside the half found."""
        if self._arrays is not None:
            yield from self._arrays.candidates(text, self.halves.iter(text))
            return
        confusable = self.confusable.has
        size = len(text)
        # the hot loop of the stage: a half is found about once in ten characters
        for last, value in self.halves.iter(text):
            for word, offset in self.pairs(value):
                start = last - 1 - offset
                end = start + len(word)
                if start < 0 or end > size:
                    continue
                slip = _the_slip(text, start, word, offset)
                if slip >= 0 and confusable(word[slip], text[start + slip]):
                    yield start, end, word

    def _no_word(self, written: str) -> bool:
        return (self.lexicon.logp(written) or -math.inf) <= self._rare

    def _credible(self, text: str, start: int, end: int, right: str) -> bool:
        if text.count(text[start:end]) > 1 or _in_name(text, start, end) or \
                self._in_longer_word(text, start, end):
            return False
        a, b = _cjk_window(text, start, end)
        before = text[a:b]
        after = before[:start - a] + right + before[end - a:]
        return self.lexicon.best(after) - self.lexicon.best(before) >= GAIN[end - start]


    def _in_longer_word(self, text: str, start: int, end: int) -> bool:
        """Whether a word longer than four characters (无所不用其极, 不以物喜不以己悲) holds the
        candidate: its first four characters are no word of their own."""
        logp = self.lexicon.logp
        return any(logp(text[a:a + width]) is not None
                   for width in range(5, _LONGEST + 1)
                   for a in range(max(0, end - width), start + 1) if a + width <= len(text))


def _the_slip(text: str, start: int, word: str, offset: int) -> int:
    """Where the text at `start` differs from `word` outside the half found at `offset`, when
    in exactly one place; else -1. (The stage's hot path: a few index operations.)"""
    if len(word) == 4:
        i, j = (2, 3) if offset == 0 else (0, 1)
        right_i, right_j = text[start + i] == word[i], text[start + j] == word[j]
        if right_i == right_j:  # both right: the word itself; both wrong: not a typo of it
            return -1
        return j if right_i else i
    slip = 2 if offset == 0 else 0  # three characters: the one outside the half
    return -1 if text[start + slip] == word[slip] else slip


def _cjk_window(text: str, start: int, end: int, margin: int = 4) -> tuple[int, int]:
    a = start
    while a > max(0, start - margin) and "\u4e00" <= text[a - 1] <= "\u9fff":
        a -= 1
    b = end
    while b < min(len(text), end + margin) and "\u4e00" <= text[b] <= "\u9fff":
        b += 1
    return a, b


def _in_name(text: str, start: int, end: int) -> bool:
    after = text[end:end + 3]
    # 黄材镇 (the slip's own name), 黄材X镇; not 招开全县, 整冶各村: a place of the clause
    place = after[:1] in _PLACE_END or after[1:2] in _PLACE_END and after[:1] not in _EVERY
    if place or after.startswith(_PERSON_AFTER):
        return True
    for opening, closing in ("《》", "“”", "「」", "『』"):
        at = text.rfind(opening, max(0, start - 40), start)
        if at >= 0 and closing not in text[at:start]:
            return True
    return False


# --- compiled once into the cache ---------------------------------------------------------

def stroke_file() -> Path:
    from review.stages.expression.data import expression_dir

    return expression_dir() / "same_stroke.txt"


@lru_cache(maxsize=1)
def jieba_dictionary() -> Path:
    # located, not imported; once a process (the search of sys.path is some milliseconds)
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _read_dictionary(path: Path) -> tuple[dict[str, int], dict[str, str]]:
    freq: dict[str, int] = {}
    pos: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                freq[parts[0]] = int(parts[1])
                pos[parts[0]] = parts[2] if len(parts) > 2 else ""
    return freq, pos


def _confusables(freq: dict[str, int], targets: list[str] | None = None) -> dict[str, str]:
    """For each common character and each character of the words looked for (`targets`), the
    characters a typo puts in its place: those read the same, and those of a similar shape. A
    typo's character may be a rarer one (姆 for 拇)."""
    from pypinyin import Style, pinyin

    weight: dict[str, int] = {}
    for word, f in freq.items():
        for c in word:
            if "\u4e00" <= c <= "\u9fff":
                weight[c] = weight.get(c, 0) + f
    known = {c for c, w in weight.items() if w >= _KNOWN_CHAR}
    keys = {c for c in known if weight[c] >= _COMMON_CHAR} | {c for word in targets or ()
                                                               for c in word}
    # every reading of a character: a typo replaces 懈 with 解 for its reading xiè (常抓不解)
    sound = {c: set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]) for c in known | keys}
    by_sound: dict[str, set[str]] = {}
    for c, readings in sound.items():
        for reading in readings:
            by_sound.setdefault(reading, set()).add(c)
    shape: dict[str, set[str]] = {}
    for line in stroke_file().read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            group = set(line.split())
            for c in group:
                shape.setdefault(c, set()).update(group - {c})
    out = {}
    for c in keys:
        alike = set().union(*(by_sound[r] for r in sound[c])) | shape.get(c, set())
        out[c] = "".join(sorted(alike - {c}))
    return out


def _targets(freq: dict[str, int], pos: dict[str, str]) -> Iterator[str]:
    """The words whose misspellings are looked for: common three-character words, idioms, and
    common four-character words."""
    for word, f in freq.items():
        if not all("\u4e00" <= c <= "\u9fff" for c in word):
            continue
        tag = pos.get(word)
        if len(word) == 3:
            if f >= _WORD3 and tag not in _PROPER:
                yield word
        elif len(word) == 4 and (f >= _WORD4 and tag not in _PROPER
                                 or f >= _IDIOM and _idiom(word, tag, freq)):
            yield word


def _idiom(word: str, tag: str | None, freq: dict[str, int]) -> bool:
    """Whether jieba's four-character word is an idiom: tagged one (i, l), or held by
    pypinyin's phrase list. jieba tags some idioms as names (包罗万象, 明察秋毫 nr; 任重道远 nz)
    and some as nouns (出谋划策 n); of those, places and bodies are never idioms, and neither
    is a compound of two words (复合材料: its misspelling 复核材料 is two right words)."""
    from pypinyin.phrases_dict import phrases_dict

    if tag in ("i", "l"):
        return True
    if word not in phrases_dict:
        return False
    return tag in _MISTAGGED if tag in _PROPER else not _compound(word, freq)


def _compound(word: str, freq: dict[str, int]) -> bool:
    return all(freq.get(half, 0) > _NOT_A_WORD for half in (word[:2], word[2:]))


def _halves(targets: Iterator[str], freq: dict[str, int]) -> dict[str, list[tuple[str, int]]]:
    """Each word under its front half and its back half: a typo leaves one of them whole (a
    three-character word's middle character is not looked at). A half that is itself a very
    common word (经济, 社会) is no key: it is found in every other sentence, and a typo in the
    word's other half is rare beside one in the common half, found by the other key."""
    index: dict[str, list[tuple[str, int]]] = {}
    for word in targets:
        for half, offset in ((word[:2], 0), (word[-2:], len(word) - 2)):
            if freq.get(half, 0) < _COMMON_HALF:
                index.setdefault(half, []).append((word, offset))
    return index


def _lexicon(freq: dict[str, int]) -> Lexicon:
    total = sum(freq.values())
    words: dict[int, str] = {}
    freqs: dict[int, str] = {}
    for width in range(1, _LONGEST + 1):
        # jieba's rarest entries are noise and count as no word: left out, the file halves
        chosen = sorted(w for w in freq if len(w) == width and freq[w] > _NOT_A_WORD)
        words[width] = "".join(chosen)
        freqs[width] = "".join(chr(48 + round(math.log(freq[w]) * 4)) for w in chosen)
    return Lexicon(words, freqs, math.log(total))


def build() -> Typos:
    dictionary = jieba_dictionary()
    state = os.stat(dictionary)
    extra = f"{dictionary}\0{state.st_size}\0{state.st_mtime_ns}\0{_INDEX_VERSION}"
    loaded: dict = {}

    def read() -> tuple[dict[str, int], dict[str, str]]:
        if not loaded:
            loaded["dictionary"] = _read_dictionary(dictionary)
        return loaded["dictionary"]

    def index() -> list:
        freq, pos = read()
        targets = list(_targets(freq, pos))
        halves = _halves(iter(targets), freq)
        return [Strings.pack(list(halves)),
                Strings.pack([" ".join(word for word, _ in pairs) for pairs in halves.values()]),
                Strings.pack(["".join(str(offset) for _, offset in pairs)
                              for pairs in halves.values()]),
                CharStrings.pack(_confusables(freq, targets))]

    def lexicon() -> Lexicon:
        # the joined words as UTF-16 (decoded about twice as fast as marshal's UTF-8)
        return cache.cached("typo_words", [stroke_file()], lambda: _lexicon(read()[0]),
                            lambda x: [{k: v.encode("utf-16-le", "surrogatepass")
                                        for k, v in table.items()} for table in
                                       (x.words, x.freqs)] + [x.log_total],
                            lambda d: Lexicon(*({int(k): bytes(v).decode("utf-16-le",
                                                                         "surrogatepass")
                                                 for k, v in table.items()}
                                                for table in d[:2]), d[2]),
                            extra, plain=True)

    # packed (review.packed): a draft looks at a few of some 12,000 entries
    packed = cache.cached("typo_index", [stroke_file()], index, lambda x: x, lambda x: x, extra,
                          plain=True)
    halves, words, offsets = (Strings.unpack(part) for part in packed[:3])
    confusable = CharStrings.unpack(packed[3])
    automaton = cached_automaton(
        cache.path_for("typo_halves", [stroke_file()], extra),
        lambda: build_automaton(((half, i) for i, half in enumerate(halves)),
                                ahocorasick.STORE_INTS))
    return Typos(lexicon, automaton, words, offsets, confusable)
