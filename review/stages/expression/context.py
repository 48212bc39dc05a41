"""EX9502: two-character typos nobody listed, judged in context (工昨 → 工作, 辛闻 → 新闻).

EX9501 looks at three- and four-character words only: a two-character slip is mostly a place
where two correct words meet, and a word's frequency alone cannot tell them apart. Here the
sentence around it decides:

- a pair of adjacent characters is a *slip* when it is no word but one confusable character
  (a reading in common — every reading, tones ignored — or a similar shape) away from a common
  two-character word (about half a million pairs, compiled into the cache by `context_data`);
- each slip is weighed by a score fitted on the project's own tuning set
  (benchmarks/typo_tuning.py: correct sentences with one confusable put in, beside the same
  sentences untouched): how much better the text around it reads with the correction, by
  jieba's word frequencies (a unigram segmentation) and by the character pairs of the
  project's prose (lexicons/expression/context.tsv); less when the written pair is common in
  that prose; more when the written character is a common one (an input method offers
  common characters); less for a shape than for a reading;
- the threshold (THRESHOLD) is past the tuning set's last untouched sentence it would flag,
  with a margin: after the guards that one scores 3.7, and the tail of such scores thins about
  fourfold each half point, so at 4.5 fewer than one correct sentence in 30,000 (the size of
  the government replies the precision test reads) is expected to be flagged. A finding in
  correct prose costs more than a typo missed: only slips that read as plainly wrong are
  reported (他门 and 以经 in a sentence score below it);
- never in names: not where EX9501 would not look (before 镇/村/路/公司…, before 同志/先生…,
  in 《》 or quotation marks), not right after a clause-initial surname, and never a pair the
  draft writes twice (names and terms repeat, slips seldom do).

Severity review; the replacement (`review fix`) is offered when every correction found puts the
same character in the slip's place."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING

from review import compiled
from review.document import Document
from review.findings import RULE as BROAD
from review.findings import Category, Gate, Hit, Rule, Severity
from review.rules.spec import Kind, RuleSpec
from review.stages.expression.context_data import Tables
from review.stages.expression.context_data import build as build_tables
from review.stages.expression.typos import Lexicon, _cjk_window, _in_name

if TYPE_CHECKING:
    from review.stages.expression.bulk import ContextArrays, Segmenter

# (slip's start, index of the wrong character, the right one, the right word, pair gain)
Candidate = tuple[int, int, str, str, float | None]

RULE = Rule("EX9502", Category.EXPRESSION, Gate.TEXT, Severity.REVIEW,
            "疑似错别字：双字词中一个音近或形近字，上下文读不通", "likely typo: a confusable "
            "character in a two-character word, where the context reads far better corrected",
            "核对用字", "check the characters")
SPECS = [RuleSpec(
    RULE, Kind.TYPO, source=__name__,
    hit=("全市各级工昨人员要坚守岗位。", "本周六上午在市民广场举办辛闻发布会。",
         "欢迎广大蹲众积极参与。"),
    miss=("全市各级工作人员要坚守岗位。", "本周六上午在市民广场举办新闻发布会。",
          "张工昨天到村里走访。", "李辛闻同志在会上发言。", "《工昨手记》一书出版。",
          "“辛闻”是他的笔名。"),
    detail_zh="两个字不成词、换一个同音或形近字就是常用双字词，且换后上下文（结巴词频与本项目"
              "语料的字搭配）通顺得多；人名、地名、机构名、书名号和引号内以及全文重复出现的"
              "不报。",
    detail_en="two characters that are no word, one confusable character away from a common "
              "two-character word, where the context reads far better corrected (jieba's word "
              "frequencies and the character pairs of the project's prose); names, titles, "
              "quotations and strings the draft repeats are not reported.")]

# The score's weights, fitted by logistic regression on the tuning set
# (`python -m benchmarks.typo_tuning fit`): segmentation gain, character-pair gain, log count of
# the written pairs in the project's prose, log weight of the written and of the right
# character, a shape (not a reading) confusion; then the intercept.
WEIGHTS = (0.3064, 0.2857, -0.7795, 0.3386, -0.1294, -0.2005)
INTERCEPT = -4.2704
THRESHOLD = 4.5
# cheap floors before the score: the correction must read better on both counts
_MIN_PAIR_GAIN = 3.0
_MIN_SEGMENT_GAIN = 4.0
# the compiled floor's margin under _MIN_PAIR_GAIN (as the arrays' in bulk.py)
_SLACK = 1e-6
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
                "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫"
                "段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class ContextTypos:
    """Loads its tables and jieba's lexicon (from the cache) for the first draft it reads."""

    def __init__(self, lexicon: Callable[[], Lexicon]) -> None:
        self._lexicon = lexicon
        # Remembered across drafts: the same pairs and neighbours come back in every draft,
        # and each answer depends on them alone (bounded: cleared past _MEMO entries).
        self._fixes: dict[str, tuple[tuple[int, str, str], ...]] = {}
        self._pair_gains: dict[str, float] = {}
        # a character's sources, and the characters before and after it in a word, as sets:
        # most pairs of a draft are new to the memo above, and converting the strings anew
        # for each was most of its time (an alphabet's worth of entries each, at most)
        self._sets: tuple[dict[str, frozenset[str]], ...] = ({}, {}, {})
        self._arrays: ContextArrays | None = None  # the bulk path's (warm)
        self._segmenter: Segmenter | None = None
        self._slip_bits: tuple[bytes, ...] = ()  # the bulk path's pair bits (warm)

    @cached_property
    def lexicon(self) -> Lexicon:
        return self._lexicon()

    @cached_property
    def tables(self) -> Tables:
        return build_tables()

    def warm(self) -> None:
        """The bulk path: slips and the cheap floor in arrays (review/stages/expression/bulk.py)
        where the compiled loops are not built (they are quicker on both paths)."""
        if compiled.kernels is not None:
            self.lexicon.warm()  # its words indexed for the compiled `best`
            if self._compiled_tables is not None:
                # a bit a pair of the slips (1 MB, 12 ms to make): most pairs of prose are
                # none, which the bit says without reading the table
                self._slip_bits = (compiled.kernels.pair_bits(self._compiled_tables[0]),)
            return
        from review.stages.expression.bulk import ContextArrays, Segmenter

        self._arrays = ContextArrays(self.tables)
        self._segmenter = Segmenter(self.lexicon)

    @cached_property
    def _compiled_tables(self) -> tuple | None:
        """The tables as the compiled `slip_candidates` reads them (review.packed's parts);
        None where they cannot (a character table not sorted: then the Python finds them)."""
        t = self.tables
        strings = (t.slips, t.sources, t.words.before, t.words.after)
        numbers = (t.follow_totals, t.follow_types, t.log_weight)
        if not all(table.sorted_values() for table in (*strings, t.followers)) or \
                [n.typecode for n in numbers] != ["I", "I", "d"]:
            return None
        follow = (*t.followers.parts(), True, t.follow_counts.text,
                  *chain.from_iterable(n.parts() for n in numbers), t.log_total_weight)
        return (*(c.parts() for c in strings), follow)

    def detect(self, doc: Document, taken: Sequence[tuple[int, int]] = ()) -> Iterator[Hit]:
        view = doc.visible
        text = view.text
        if len(text) < 2:
            return
        # the wrong character's index → (start of the right word, the word): its score
        found: dict[int, dict[tuple[int, str], float]] = {}
        scores: dict[tuple[int, str], float] = {}
        candidates = self._candidates(text)
        gains = self._segment_gains(text, candidates)
        for start, at, fixed, right, pair_gain in candidates:
            if (at, fixed) not in scores:
                scores[at, fixed] = self.score(text, at, fixed, gains.get((at, fixed)),
                                               pair_gain)
            if scores[at, fixed] >= THRESHOLD and not _guarded(text, at):
                found.setdefault(at, {})[start, right] = scores[at, fixed]
        for at, rights in sorted(found.items()):
            start, right = max(rights, key=rights.get)
            first, last = view.span(start, start + 2)
            if any(a < last and first < b for a, b in taken):
                continue  # EX9501 has judged these characters
            # `review fix` applies it when every correction found puts the same character here
            fixes = {word[at - begin] for begin, word in rights}
            yield Hit(RULE, first, last, replacement=right if len(fixes) == 1 else None,
                      broad=BROAD)

    def _candidates(self, text: str) -> list[Candidate]:
        """(slip's start, index of the wrong character, the right one, the right word, its
        character-pair gain or None) for every correction of every slip, in the text's order;
        compiled and on the bulk path only those whose pair gain may reach the floor (the
        others score nothing), the compiled with the gain `features` would compute."""
        arrays, fixes_of = self._arrays, self._fixes_of
        if compiled.kernels is not None and self._compiled_tables is not None:
            # review/_kernels.c: slips, corrections and gains found as here, at the floor (a
            # hair under it: `features` has the last word)
            return compiled.kernels.slip_candidates(text, _MIN_PAIR_GAIN - _SLACK,
                                                    *self._compiled_tables, *self._slip_bits)
        if arrays is not None:
            return self._bulk_candidates(text, arrays)
        return [(start, start + k, fixed, right, None)
                for start in self.tables.slip_starts(text)
                for k, fixed, right in fixes_of(text[start:start + 2])]

    def _bulk_candidates(self, text: str, arrays: ContextArrays) -> list[Candidate]:
        """_candidates on the bulk path: the slips' corrections stay in arrays (their places,
        their characters joined in one string) up to the floor, and tuples are made only for
        the one in ten that passes it, in the same order."""
        import numpy as np

        starts = arrays.slip_array(text)
        pairs = [text[start:start + 2] for start in starts.tolist()]
        fixes = list(map(self._fixes.get, pairs))
        if None in fixes:
            fixes = list(map(self._fixes_of, pairs))
        flat = list(chain.from_iterable(fixes))  # (which character, the right one, the word)
        if not flat:
            return []
        counts = np.fromiter(map(len, fixes), dtype=np.int64, count=len(fixes))
        start = np.repeat(starts, counts)
        at = start + np.fromiter(map(itemgetter(0), flat), dtype=np.int64, count=len(flat))
        keep = np.flatnonzero(arrays.over_floor(text, at, "".join(map(itemgetter(1), flat)),
                                                _MIN_PAIR_GAIN)).tolist()
        return [(s, a, *flat[k][1:], None) for s, a, k in
                zip(start[keep].tolist(), at[keep].tolist(), keep, strict=True)]

    def _segment_gains(self, text: str, candidates: list[Candidate]
                       ) -> dict[tuple[int, str], float]:
        """Every candidate's segmentation gain at once, compiled or on the bulk path
        (Segmenter); on the lean path in Python none: each is computed when its pair gain
        passes."""
        if self._segmenter is None and compiled.kernels is None:
            return {}
        places = list(dict.fromkeys((at, fixed) for _, at, fixed, *_ in candidates))
        windows, corrected = [], []
        for at, fixed in places:
            a, b = _cjk_window(text, at, at + 1)
            windows.append(text[a:b])
            corrected.append(text[a:at] + fixed + text[at + 1:b])
        best = (self._segmenter or self.lexicon).best_many(corrected + windows)
        return {place: best[k] - best[k + len(places)] for k, place in enumerate(places)}

    def corrections(self, text: str, start: int) -> Iterator[tuple[int, str, str]]:
        """(index of the wrong character, the right one, the right word) for the slip at
        `start`: each confusable that makes it a common word."""
        for k, source, right in self._fixes_of(text[start:start + 2]):
            yield start + k, source, right

    def _fixes_of(self, written: str) -> tuple[tuple[int, str, str], ...]:
        """(0 or 1: which character is wrong, the right one, the right word) for a slip."""
        fixes = self._fixes.get(written)
        if fixes is None:
            fixes = self._fixes[written] = tuple(self._corrections(written))
            _bound(self._fixes)
        return fixes

    def _corrections(self, written: str) -> Iterator[tuple[int, str, str]]:
        a, b = written
        sources, words, sets = self.tables.sources, self.tables.words, self._sets
        # in the order of `sources` (sorted): which correction is kept first breaks ties
        for source in sorted(_set_of(sets[0], sources, a) & _set_of(sets[1], words.before, b)):
            yield 0, source, source + b
        for source in sorted(_set_of(sets[0], sources, b) & _set_of(sets[2], words.after, a)):
            yield 1, source, a + source

    def features(self, text: str, at: int, fixed: str, floors: bool = True,
                 segment_gain: float | None = None, pair_gain: float | None = None
                 ) -> list[float] | None:
        """The score's inputs for putting `fixed` at `at`; None when the correction does not
        read better on both counts (the cheap floors; a fit sees every slip). `segment_gain`,
        `pair_gain`: computed already (in arrays or compiled)."""
        tables = self.tables
        wrong = text[at]
        before = text[at - 1] if at > 0 and _cjk(text[at - 1]) else ""
        after = text[at + 1] if at + 1 < len(text) and _cjk(text[at + 1]) else ""
        if pair_gain is None:
            pair_gain = self._pair_gain(before, wrong, fixed, after)
        if floors and pair_gain < _MIN_PAIR_GAIN:
            return None
        if segment_gain is None:
            a, b = _cjk_window(text, at, at + 1)
            window = text[a:b]
            corrected = window[:at - a] + fixed + window[at - a + 1:]
            segment_gain = self.lexicon.best(corrected) - self.lexicon.best(window)
        if floors and segment_gain < _MIN_SEGMENT_GAIN:
            return None
        seen = max([tables.count(before, wrong)] if before else [0])
        if after:
            seen = max(seen, tables.count(wrong, after))
        return [segment_gain, pair_gain, math.log1p(seen), tables.weight(wrong),
                tables.weight(fixed), float(wrong in tables.shapes.get(fixed, ""))]

    def _pair_gain(self, before: str, wrong: str, fixed: str, after: str) -> float:
        """How much better the characters around read with `fixed` for `wrong` (review/
        _kernels.c's `weigh` computes it alike)."""
        key = f"{before or ' '}{wrong}{fixed}{after}"
        pair_gain = self._pair_gains.get(key)
        if pair_gain is None:
            tables = self.tables
            pair_gain = 0.0
            if before:
                pair_gain += tables.log_follow(before, fixed) - tables.log_follow(before, wrong)
            if after:
                pair_gain += tables.log_follow(fixed, after) - tables.log_follow(wrong, after)
            self._pair_gains[key] = pair_gain
            _bound(self._pair_gains)
        return pair_gain

    def score(self, text: str, at: int, fixed: str, segment_gain: float | None = None,
              pair_gain: float | None = None) -> float:
        values = self.features(text, at, fixed, segment_gain=segment_gain, pair_gain=pair_gain)
        if values is None:
            return -math.inf
        return sum(w * v for w, v in zip(WEIGHTS, values, strict=True)) + INTERCEPT


_MEMO = 200_000


def _bound(memo: dict) -> None:
    if len(memo) > _MEMO:
        memo.clear()


def _set_of(memo: dict[str, frozenset[str]], table: dict[str, str], key: str
            ) -> frozenset[str]:
    found = memo.get(key)
    if found is None:
        found = memo[key] = frozenset(table.get(key, ""))
    return found


def _guarded(text: str, at: int) -> bool:
    """A name, a title, a quotation, or a string the draft repeats."""
    for start in (at - 1, at):
        if start >= 0 and start + 2 <= len(text) and (
                _in_name(text, start, start + 2) or text.count(text[start:start + 2]) > 1):
            return True
    for back in (0, 1, 2):  # a surname opening a clause (a byline), then a given name
        if at >= back and text[at - back] in _SURNAMES and \
                (at == back or not _cjk(text[at - back - 1])):
            return True
    return False


def build(lexicon: Callable[[], Lexicon]) -> ContextTypos:
    return ContextTypos(lexicon)
