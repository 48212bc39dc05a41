"""EX9301: a fixed enumeration with a wrong member — 四个自信 with 民族自信 for 文化自信,
新发展理念 with 共赢 for 共享. The sets are data (`lexicons/expression/sets.toml`). A list
(items joined by 、 and a last 和/与/及) is judged against a set only when it holds every
member but at most one: lists that share a word or two with a set are ordinary prose. The item
in the missing member's place is known by the set's shape, by the set's name beside the list,
or by resembling the missing member (half its characters in place: 法制 for 法治, 奢侈之风 for
奢靡之风); a typo of a member (奢糜之风, no word) is the typo lists' to report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from review import cache
from review.automaton import present
from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec

RULE = Rule("EX9301", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
            "固定提法的组成有误", "a fixed enumeration has a wrong member",
            "核对固定提法的组成", "check the members of the fixed formulation")
SPECS = [RuleSpec(
    RULE, Kind.SET, source=__name__,
    hit=("要坚定道路自信、理论自信、制度自信、民族自信。",
         "完整准确全面贯彻创新、协调、绿色、开放、共赢的新发展理念。",
         "牢固树立政治意识、大局意识、核心意识、看齐意识、服务意识。"),
    miss=("要坚定道路自信、理论自信、制度自信、文化自信。",
          "增强政治意识、大局意识、责任意识，提升服务水平。",
          "建设富强民主文明和谐美丽的社会主义现代化强国。",
          "推进创新、协调、绿色发展，扩大开放。"),
    detail_zh="一个列举含某固定提法除一项外的全部成员，另一项却不属于它（或成员齐全又多出同形的一项）。",
    detail_en="a list holds all members of a fixed formulation but one, and another item in its "
              "place (or all of them and one more of the same shape).")]

ORDER = Rule("EX9302", Category.EXPRESSION, Gate.POLITICAL, Severity.REVIEW,
             "固定提法的顺序有误", "a fixed enumeration in another order than its official one",
             "按规范顺序列举", "list the members in their official order")
SPECS.append(RuleSpec(
    ORDER, Kind.SET, source=__name__,
    hit=("倡导富强、文明、民主、和谐的价值目标。",
         "坚持协调、创新、绿色的新发展理念，推动高质量发展。",
         "持续纠治官僚主义、形式主义、享乐主义、奢靡之风。",
         "新发展理念，即开放、绿色、共享，必须完整准确全面贯彻。"),
    miss=("倡导富强、民主、文明、和谐的价值目标。",
          "坚持创新、绿色、共享的新发展理念，推动高质量发展。",
          "推动绿色、开放、创新发展。", "加强文明、和谐社区建设。",
          "持续纠治享乐主义、奢靡之风。"),
    detail_zh="列举中一个固定提法的成员齐全而顺序与规范不同，或其中三项以上紧挨提法名称而顺序不同"
              "（社会主义核心价值观、新发展理念、“四风”等按规范顺序表述）。",
    detail_en="a list holds every member of a fixed formulation in another order than the "
              "official one, or three or more members beside the formulation's name in another "
              "order."))

# runs of characters and 、 (a list is one that holds a 、): one pass, no backtracking
_RUN = re_compile(r"[\u4e00-\u9fff、]+")
_LAST_JOINS = re_compile(r"(?<=[\u4e00-\u9fff]{2})[和与及](?=[\u4e00-\u9fff]{2})")


class FixedSet(NamedTuple):
    name: str
    members: tuple[str, ...]
    also: tuple[str, ...]
    shape: tuple[str, str] | None  # ("suffix" | "prefix", text)
    cue: str = ""  # what a draft calls the set (新发展理念), beside the list
    hit: tuple[str, ...] = ()   # lists with a wrong member: EX9301 (tests/rules)
    miss: tuple[str, ...] = ()  # right uses and nearby lists: neither EX9301 nor EX9302

    def member(self, item: str) -> str | None:
        """The member an item names: the item is the member, or ends with it (坚定道路自信)."""
        return next((m for m in (*self.members, *self.also) if item.endswith(m)), None)

    def shaped(self, item: str) -> bool:
        if self.shape is None:
            return False
        side, text = self.shape
        return item.endswith(text) if side == "suffix" else text in item[:len(text) + 2]


def load_sets(path: Path) -> list[FixedSet]:
    """The sets file, compiled once per content (review.cache)."""
    return cache.cached("sets", [path], lambda: _compiled(path), _encode, _decode)


def _compiled(path: Path) -> list[FixedSet]:
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    return [FixedSet(e.name, tuple(e.members), tuple(e.also),
                     tuple(e.shape.split(":", 1)) if e.shape else None, e.cue or "",
                     tuple(e.hit), tuple(e.miss))
            for e in schema.read(path, schema.SetsFile).set]


def _encode(items: list[FixedSet]) -> list:
    return [[s.name, list(s.members), list(s.also), list(s.shape) if s.shape else None, s.cue,
             list(s.hit), list(s.miss)] for s in items]


def _decode(data: list) -> list[FixedSet]:
    return [FixedSet(name, tuple(members), tuple(also), tuple(shape) if shape else None, cue,
                     tuple(hit), tuple(miss))
            for name, members, also, shape, cue, hit, miss in data]


def specs(path: Path) -> list[RuleSpec]:
    """SPECS with the sets file's examples: each set's `hit` lists are EX9301's, its `miss`
    lists neither rule's."""
    fixed = load_sets(path)
    hit = tuple(text for s in fixed for text in s.hit)
    miss = tuple(text for s in fixed for text in s.miss)
    return [spec._replace(hit=spec.hit + (hit if spec.rule is RULE else ()),
                          miss=spec.miss + miss) for spec in SPECS]


def _items(run: str, start: int) -> Iterator[tuple[str, int]]:
    at = start
    for part in run.split("、"):
        last = at + len(part) == start + len(run)
        pieces = _LAST_JOINS.split(part) if last else [part]
        for piece in pieces:
            yield piece, at
            at += len(piece) + 1
        at += len(part) - sum(len(p) + 1 for p in pieces) + 1


def _resembles(item: str, member: str) -> bool:
    """The item ends in a string of the member's length with half its characters or more in
    place (共建 for 共享, 生活富足 for 生活富裕)."""
    tail = item[-len(member):]
    return len(tail) == len(member) and \
        2 * sum(a == b for a, b in zip(tail, member, strict=True)) >= len(member)


def detect(doc: Document, sets: list[FixedSet]) -> Iterator[Hit]:
    """EX9301 and EX9302. A member misspelt into no word (奢糜之风) is reported as a wrong
    item too: the stage keeps the typo detectors' finding where they have one."""
    view = doc.visible
    text = view.text
    if "、" not in text:
        return
    runs = [m for m in _RUN.finditer(text) if "、" in m.group()]
    # most lists share no member with a set: no need to look closer (the order is judged
    # from three members on, the members from all but one). Which sets any list may hold is
    # asked once of all the lists together, not of each list for each set.
    lists = "\n".join(m.group() for m in runs)
    firsts = [_firsts(fixed) for fixed in sets]
    found = present(lists, tuple(dict.fromkeys(chain.from_iterable(firsts))))  # one pass
    likely = [fixed for fixed, its in zip(sets, firsts, strict=True)
              if not found.isdisjoint(its)]
    for m in runs if likely else ():
        run = m.group()
        items: list[tuple[str, int]] | None = None
        for fixed in likely:
            members = fixed.members
            least = min(_ORDERED, len(members) - 1)
            if not any(member in run for member in _firsts(fixed)):
                continue
            found = sum(member in run for member in members)
            # one fewer when the set is named nearby: its sentence may name one more
            if found < least and not (found == least - 1 and fixed.cue and fixed.cue in
                                      text[max(0, m.start() - _REACH):m.end() + _REACH]):
                continue
            if items is None:
                items = [(item, at) for item, at in _items(run, m.start()) if item]
            for item, at in _wrong_items(fixed, items, text, m.start(), m.end()):
                yield Hit(RULE, *view.span(at, at + len(item)))
            order = _out_of_order(fixed, items, text, m.start(), m.end())
            if order is not None:
                yield Hit(ORDER, *view.span(*order))


def _firsts(fixed: FixedSet) -> tuple[str, ...]:
    """The members of which a list that is judged against the set holds one at least."""
    members = fixed.members
    return members[:len(members) - min(_ORDERED, len(members) - 1) + 1]


def _wrong_items(fixed: FixedSet, items: list[tuple[str, int]], text: str, start: int,
                 end: int) -> list[tuple[str, int]]:
    """The items of one list (in the order written) that stand where a member should."""
    items = [*items[:-1], _run_on(fixed, *items[-1])]
    matched = [i for i, (item, _) in enumerate(items) if fixed.member(item)]
    named = {fixed.member(items[i][0]) for i in matched}
    need = len(fixed.members) - 1
    # 召开支部党员大会、支部委员会、党员代表大会，上好党课 beside 三会一课: a member the
    # sentence names after (or before) the list counts, when the set's name is there too
    nearby = set() if len(named) >= need else _named_in_sentence(fixed, text, start, end)
    if len(named | nearby) < need or not matched:
        return []
    named |= nearby
    first, last = matched[0], matched[-1]
    gaps = [items[i] for i in range(first, last + 1) if i not in matched]
    after = [items[last + 1]] if last + 1 < len(items) else []
    before = [items[first - 1]] if first > 0 else []
    if len(named) > need:  # all there: one more of their shape is one too many
        return [(item, at) for item, at in gaps + before + after if fixed.shaped(item)]
    missing = next(m for m in fixed.members if m not in named)
    if gaps:
        wrong = gaps if len(gaps) == 1 else []
    elif fixed.shape:
        wrong = [(item, at) for item, at in before + after if fixed.shaped(item)]
    elif after and fixed.cue and fixed.cue in text[after[0][1]:end + 12]:
        wrong = after  # 开放、共赢的新发展理念: the set is named right after its list
    elif fixed.cue and fixed.cue in text[max(0, start - 12):start] and before:
        wrong = before
    elif nearby:
        wrong = after or before
    else:  # no name beside the list: an item like the missing member stands in its place
        wrong = [(item, at) for item, at in after or before if _resembles(item, missing)]
    # the missing member written longer is no wrong one (支部委员会会议 for 支部委员会)
    return wrong if len(wrong) == 1 and missing not in wrong[0][0] else []


def _named_in_sentence(fixed: FixedSet, text: str, start: int, end: int) -> set[str]:
    """The members the list's sentence names outside the list, each on its own (上好党课; not
    an item of another list), if it names the set too. A quoted list is a quotation
    (“平等、博爱、自由”), not the set."""
    if not fixed.cue or text[start - 1:start] in _QUOTES:
        return set()
    before = re.split("[。！？；!?;]", text[max(0, start - _REACH):start])[-1]
    after = re.split("[。！？；!?;]", text[end:end + _REACH], maxsplit=1)[0]
    if fixed.cue not in before + after:
        return set()
    alone = re_compile(r"(?<!、)(?:{})(?!、)".format("|".join(map(re.escape, fixed.members))))
    return {m.group() for part in (before, after) for m in alone.finditer(part)}


_QUOTES = "“‘\"'「『"
_REACH = 60  # how far around a list its sentence is looked at for the set's name


_ORDERED = 3  # members from which a list's order is judged (beside the set's name)


def _out_of_order(fixed: FixedSet, items: list[tuple[str, int]], text: str, start: int,
                  end: int) -> tuple[int, int] | None:
    """The span from the first to the last member, when a list holds every member in
    another order (an item ending with its member: 坚定道路自信), or three or more beside
    the set's name (right after the list or before it, in the same sentence) in another order
    — then each item is its member (对外开放 is no 开放), but the first may have words
    before it and the last words after it (生活富裕落到实处)."""
    last = len(items) - 1
    found = [_placed(fixed, item, at, True, k == last) for k, (item, at) in enumerate(items)]
    ranked = [place for place in found if place is not None]
    if len(ranked) < len(fixed.members):
        exact = [_placed(fixed, item, at, k == 0, k == last)
                 for k, (item, at) in enumerate(items)]
        ranked = [place for place in exact if place is not None]
        if not _named(fixed, text, start, end, ranked[-1][1] if ranked else start):
            return None
    ranks = [rank for rank, _, _ in ranked]
    if len(set(ranks)) != len(ranks) or len(ranks) < _ORDERED or ranks == sorted(ranks):
        return None
    return ranked[0][1], ranked[-1][2]


def _placed(fixed: FixedSet, item: str, at: int, head: bool, tail: bool
            ) -> tuple[int, int, int] | None:
    """(the member's rank in the set, where it starts, where it ends) for an item that is a
    member, or ends with one when `head` (words before it), or starts with one when `tail`."""
    for rank, member in enumerate(fixed.members):
        if item == member or (head and item.endswith(member)):
            return rank, at + len(item) - len(member), at + len(item)
    for rank, member in enumerate(fixed.members):
        if tail and item.startswith(member):
            return rank, at, at + len(member)
    return None


def _named(fixed: FixedSet, text: str, start: int, end: int, last: int) -> bool:
    """The set's name right after the list or right before it, within its sentence."""
    if not fixed.cue:
        return False
    after = re.split("[。！？；!?;]", text[last:end + 12], maxsplit=1)[0]
    before = re.split("[。！？；!?;]", text[max(0, start - 12):start])[-1]
    return fixed.cue in after or fixed.cue in before


def _run_on(fixed: FixedSet, item: str, at: int) -> tuple[str, int]:
    """The list's last item without the words that run on after it (共赢的新发展理念, 生活富裕
    为总要求), unless the whole is of the set's shape (党的建设)."""
    if fixed.shaped(item) or fixed.member(item):
        return item, at
    # 生活富裕为总要求, 生活富裕落到实处: the member the item starts with
    head = next((m for m in (*fixed.members, *fixed.also) if item.startswith(m)), None)
    return (head, at) if head else (re.split("[的等]", item, maxsplit=1)[0] or item, at)
