"""Span-exact normalisation: every view keeps, per character, the original span it came from.

`fold` maps a text to its canonical form (traditional → simplified, full-width → half-width,
lower case, digit variants → 0-9, invisible characters dropped). `compact` then drops the
noise a writer inserts between characters to evade a filter, keeping sentence ends and line
breaks as hard boundaries. Matches found in any view map back to the original through
`View.span`, so a finding's text is always exactly `original[start:end]`.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress, count, repeat
from operator import ne
from pathlib import Path

from review import compiled
from review.regexcache import compile as re_compile

# Chinese numerals used to spell out phone numbers and the like: 一三八一二三四五六七八.
_CN_DIGITS = {**dict(zip("〇零一二三四五六七八九", "00123456789", strict=True)),
              **dict(zip("壹贰叁肆伍陆柒捌玖幺", "1234567891", strict=True))}
# Five or more in a row is a digit string, not prose (十一五, 一一 stay as they are); so are
# groups of three or more split by single spaces or hyphens, as a phone number is read out
# (一三八 七七二一 五六四三). The first digit is taken before the branches (D{5,}|D{3,}(?:…)+
# with one fewer): a pattern opening with a character class lets the engine skip to the next
# digit instead of trying both branches at every character.
_D = f"[{''.join(_CN_DIGITS)}0-9]"
_CN_DIGIT_RUN = re_compile(f"{_D}(?:{_D}{{4,}}|{_D}{{2,}}(?:[ \\-]{_D}{{3,}})+)")


class View:
    """A derived text. Character i came from original[starts[i]:ends[i]]. (A plain class, as
    a frozen dataclass's would be in all but cost: its methods compiled at every start.)"""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        self.text, self.starts, self.ends = text, starts, ends

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in _FIELDS[type(self)])

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__ and \
            self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text!r}, …)"

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering view characters [start, end)."""
        return self.starts[start], self.ends[end - 1]

    @classmethod
    def identity(cls, text: str) -> View:
        return cls(text, range(len(text)), range(1, len(text) + 1))


# Unicode's explicit direction controls: embeddings, overrides, isolates and their ends. A
# renderer shows the characters between them in another order than the file holds them.
BIDI_CONTROLS = re_compile("[\u202a-\u202e\u2066-\u2069]")
# Control characters (C0 but tab and line ends, and DEL) and the direction controls: a title, a
# file name or a reason holding one reads otherwise on a screen than what is signed (and
# PostgreSQL cannot read a NUL inside JSON). Refused wherever they would be signed, shown by
# name wherever the desk prints a value someone else wrote.
UNSHOWN = re_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re_compile("[\ud800-\udfff]")
_SURROGATE_SPLIT = re_compile("([\ud800-\udfff])")


# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): drawn as nothing, so a
# reader never sees them — among them letters (Hangul fillers, Lo) and marks a category test
# misses. Inside a term they would hide it from every match.
_IGNORABLE = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
              (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
              (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
              (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
              (0xE0000, 0xE0FFF))


def invisible(ch: str) -> bool:
    """Whether a character is drawn as nothing: default-ignorable, a format character, a
    combining mark on its own or a control."""
    code = ord(ch)
    return any(a <= code <= b for a, b in _IGNORABLE) or \
        unicodedata.category(ch) in ("Cf", "Mn", "Me", "Cc")


# Letters of other scripts drawn exactly as Latin ones (Unicode's confusables, UTS #39, where
# the look-alike is a single Latin letter): a reader sees 加VХ or wechat whatever the file
# holds, so they fold to the Latin letter — or "加VХ" with a Cyrillic Х, and wеchаt with a
# Cyrillic е and а, would pass the check as words nobody sees. Greek and Cyrillic capitals and
# the small letters that look the same; not those that only resemble one (β, κ, п).
_LOOKALIKE = dict(zip(
    "АВЕЗІЈКМНОРСТУХЅҮԚԜӀѴаеіјорсухѕһԁԛԝӏѵ"  # Cyrillic
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιονρυ"  # Greek
    "ոսօ"  # Armenian
    "ɑɡıȷ",  # Latin: alpha, script g, dotless i and j (drawn as a, g, and as Greek ι is)
    "ABE3IJKMHOPCTYXSYQWlVaeijopcyxshdqwlv"
    "ABEZHIKMNOPTYXaiovpu"
    "nuo"
    "agij", strict=True))


# Cherokee and Lisu letters drawn as Latin capitals (UTS #39 confusables): ᏔᎬᏟᎻᎪᎢ and
# ꓪꓰꓚꓧꓮꓔ read "WECHAT" on a screen. Cherokee capitals lower-case to Cherokee small letters
# (U+AB70…), which look the same: both fold to the Latin letter.
_LOOKALIKE_MORE = dict(zip(
    "ᎪᏴᏟᎠᎬᏀᏳᎻᎥᎫᏦᏞᎷᏢᏒᏚᏕᎢᏙᏔᏃᎳ"  # Cherokee
    "ꓐꓑꓓꓔꓖꓗꓙꓚꓜꓝꓟꓠꓡꓢꓣꓦꓧꓪꓫꓬꓮꓰꓲꓳꓴ",  # Lisu
    "ABCDEGGHIJKLMPRSSTVWZW"
    "BPDTGKJCZFMNLSRVHWXYAEIOU", strict=True))
_LOOKALIKE_MORE |= {ch.lower(): latin for ch, latin in _LOOKALIKE_MORE.items()
                    if len(ch.lower()) == 1 and ch.lower() != ch}
# Characters of the CJK Radicals Supplement that fonts draw as the ideograph whose form they
# are, with no compatibility decomposition (NFKC leaves them; Kangxi radicals have one): 12⺝
# reads 12月, ⻔户 reads 门户. Each folds to that ideograph (Unicode's
# EquivalentUnifiedIdeograph.txt), simplified as the text around it is (⻑ → 長 → 长), or a
# rejected draft saved again with one of them is new text, and a listed term hides in it.
_DRAWN_AS_IDEOGRAPH = {
    "\u2e81": "厂", "\u2e84": "乙", "\u2e85": "亻", "\u2e86": "冂", "\u2e89": "刂",
    "\u2e8a": "卜", "\u2e8c": "小", "\u2e8e": "兀", "\u2e90": "尢", "\u2e92": "巳",
    "\u2e93": "幺", "\u2e96": "忄", "\u2e97": "心", "\u2e98": "扌", "\u2e99": "攵",
    "\u2e9b": "旡", "\u2e9c": "日", "\u2e9d": "月", "\u2ea0": "民", "\u2ea1": "氵",
    "\u2ea2": "氺", "\u2ea3": "灬", "\u2ea4": "爫", "\u2ea6": "丬", "\u2ea8": "犭",
    "\u2ea9": "王", "\u2eaa": "疋", "\u2eab": "罒", "\u2eac": "示", "\u2ead": "礻",
    "\u2eb0": "纟", "\u2eb2": "罒", "\u2eb6": "羊", "\u2eb9": "耂", "\u2eba": "肀",
    "\u2ebb": "聿", "\u2ebc": "肉", "\u2ebd": "臼", "\u2ebe": "艹", "\u2ebf": "艹",
    "\u2ec0": "艹", "\u2ec1": "虎", "\u2ec2": "衤", "\u2ec3": "覀", "\u2ec4": "西",
    "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝", "\u2ecb": "车",
    "\u2ecc": "辶", "\u2ecd": "辶", "\u2ece": "辶", "\u2ecf": "阝", "\u2ed0": "钅",
    "\u2ed1": "長", "\u2ed2": "镸", "\u2ed3": "长", "\u2ed4": "门", "\u2ed5": "阜",
    "\u2ed6": "阝", "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页",
    "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2edf": "飠", "\u2ee0": "饣",
    "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟",
    "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eeb": "斉",
    "\u2eec": "齐", "\u2eed": "歯", "\u2eee": "齿", "\u2eef": "竜", "\u2ef0": "龙",
    "\u2ef1": "龜", "\u2ef2": "亀",
    # and, drawn as an ideograph though no radical: katakana (エ作, 人ロ), bopomofo (ㄧ律),
    # CJK strokes (统㇐) and Hangul letters (ㅡ, ㅁ) — half-width katakana fold to these
    "エ": "工", "カ": "力", "ロ": "口", "ニ": "二", "ハ": "八", "タ": "夕", "ト": "卜",
    "ヒ": "匕", "ム": "厶", "メ": "乂", "ー": "一", "\u3127": "一", "\u3126": "儿",
    "\u311a": "丫", "\u3107": "冂", "\u310f": "厂", "\u3119": "厶", "\u3108": "匚",
    "\u3129": "凵", "\u31d0": "一", "\u31d1": "丨", "\u31d2": "丿", "\u31cf": "乀",
    "\u31da": "亅", "\u31d4": "丶", "\u31d3": "丿", "\u31df": "乚", "\u31d6": "乛",
    "\u3161": "一", "\u3163": "丨", "\u3141": "口",
    # and the same Hangul vowels as conjoining letters, which NFKC makes of those (ᅳ ᅵ drawn
    # alone: 微商ᅳ手货源; red-team pass 47)
    "\u1173": "一", "\u1175": "丨",
    # and box-drawing lines, which CJK fonts draw a full cell wide at mid-height as 一 is
    # (微商─手货源 reads 微商一手货源; red-team pass 46). Dashes (— ―) stay punctuation: a
    # rejection's text leaves 一 out with them (review.workflow.service).
    "\u2500": "一", "\u2501": "一",
}


# Letters a reader reads as the plain Latin letter whose shape they are, though Unicode gives
# them no compatibility decomposition, found by their names: small capitals (ᴡᴇᴄʜᴀᴛ), letters
# in a black circle or square and regional indicators not paired into a flag (🅥🆇, 🇻🇽 show
# V and X), and a letter with accents (wēixìn, ẉẹcḥat read as weixin and wechat: the marks do
# not change which word it is). Their names are looked up once, when the table is built.
_NAMED_LATIN = re_compile(r"(?:LATIN LETTER SMALL CAPITAL|NEGATIVE (?:CIRCLED|SQUARED) LATIN "
                          r"CAPITAL LETTER|REGIONAL INDICATOR SYMBOL LETTER) ([A-Z])")


def _drawn_as_latin(ch: str) -> str | None:
    """The Latin letter `ch` is drawn as, where no compatibility decomposition says so."""
    found = _NAMED_LATIN.fullmatch(unicodedata.name(ch, ""))
    if found:
        return found.group(1)
    if ch.isalpha() and not ch.isascii():
        base, *marks = unicodedata.normalize("NFKD", ch)
        if base.isascii() and base.isalpha() and marks and all(
                unicodedata.category(m) == "Mn" for m in marks):
            return base
    return None


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """The canonical form of one (already simplified) character; '' drops it."""
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Mn", "Me") or ch in "\ufffc\ufffd" or cat == "Cs" or (
            ch not in "\n\t\r\x85" and invisible(ch)):
        return ""  # zero-width, joiners, direction marks, variation selectors, lone surrogates
    if ch in "\r\u2028\u2029\x85":
        return "\n" if ch != "\r" else ""
    if cat == "Cc" and ch not in "\n\t":
        return ""
    if ch in _LOOKALIKE:
        return _LOOKALIKE[ch].lower()
    if ch in _LOOKALIKE_MORE:
        return _LOOKALIKE_MORE[ch].lower()
    if ch in _DRAWN_AS_MARK:
        return _DRAWN_AS_MARK[ch]
    drawn = _DRAWN_AS_IDEOGRAPH.get(ch) or (
        None if ch.isascii() else _DRAWN_AS_IDEOGRAPH.get(unicodedata.normalize("NFKC", ch)))
    if drawn is not None:
        simplified = _t2s().convert(drawn)
        return simplified if len(simplified) == 1 else drawn
    folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
    if "\n" in folded or len(folded) > 4:
        folded = ch  # NFKC expansions such as ㍿ are not worth it; keep the character
    if folded == ch and (latin := _drawn_as_latin(ch)) is not None:
        return latin.lower()
    if folded != ch and not folded.isascii():
        # a compatibility ideograph or a squared one (🈣) stands for a traditional character
        # as often as not: simplified like the text around it (販 → 贩)
        simplified = _t2s().convert(folded)
        folded = simplified if len(simplified) == len(folded) else folded
    return folded.lower()


# Letters drawn as a mark of punctuation, which the check reads as noise between the words a
# reader joins: the sinological dot and the Hangul araea as the middle dot (代开ꞏ发票 read as
# no listed term; red-team pass 49), modifier letters as quotes, an apostrophe or a colon.
_DRAWN_AS_MARK = {"\ua78f": "·", "\u1427": "·", "\u318d": "·", "\u119e": "·", "\u02d1": "·",
                  "\u02b9": "'", "\u02bb": "'", "\u02bc": "'", "\u02bd": "'", "\u02ba": '"',
                  "\u02ee": '"', "\u02d0": ":"}


@lru_cache(maxsize=1)
def _t2s():  # noqa: ANN202 — opencc's class, which only a caller of this may import
    """OpenCC's traditional → simplified converter, made the first time a text needs it:
    loading its dictionaries took some 10 ms of every start, and most drafts hold no
    traditional character (the fold tables know which characters it changes)."""
    import opencc

    return opencc.OpenCC("t2s")


def _simplify(text: str) -> str:
    """Traditional → simplified, character for character (OpenCC may convert whole phrases)."""
    if text.isascii() or not _tables()[2].search(text):
        return text  # nothing OpenCC changes on its own (tested: nor in a phrase)
    if _SURROGATE.search(text):
        # OpenCC takes UTF-8; a lone surrogate (only from an API caller: files are decoded
        # strictly) stays as it is and is dropped by the fold table.
        return "".join(_simplify(part) if part and not _SURROGATE.fullmatch(part) else part
                       for part in _SURROGATE_SPLIT.split(text))
    t2s = _t2s()
    converted = t2s.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length somewhere: fall back to one character at a time.
    return "".join(c if len(c := t2s.convert(ch)) == 1 else ch for ch in text)


# The blocks where folding changes anything: Latin (with IPA, spacing modifiers, phonetic
# extensions' small capitals and modifier letters, Latin Extended Additional and -D) and
# controls, combining marks, Greek, Cyrillic and Armenian (letters drawn as Latin ones, and
# NFKC's), Cherokee and Lisu (letters drawn as Latin ones), general punctuation to enclosed
# alphanumerics, CJK radicals, CJK symbols, enclosed CJK, surrogates, compatibility ideographs
# and their supplement, variation selectors and small forms, full-width forms, mathematical
# alphanumerics, enclosed alphanumeric and ideographic supplements (🅥, 🈣), tags.
# Everything else folds to itself.
_BLOCKS = [(0x0000, 0x036F), (0x0370, 0x058F), (0x13A0, 0x13FF), (0x1AB0, 0x1AFF),
           (0x1D00, 0x1EFF),
           (0x2000, 0x2BFF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3200, 0x33FF),
           (0xA4D0, 0xA4FF), (0xA720, 0xA7FF), (0xAB70, 0xABBF),
           (0xD800, 0xDFFF), (0xF900, 0xFAFF), (0xFE00, 0xFE6F), (0xFEFF, 0xFEFF),
           (0xFF00, 0xFFFF), (0x1D400, 0x1D7FF), (0x1F100, 0x1F2FF), (0x2F800, 0x2FA1F),
           (0xE0000, 0xE01EF), *_IGNORABLE,
           *((ord(ch), ord(ch)) for ch in _DRAWN_AS_IDEOGRAPH),
           *((ord(ch), ord(ch)) for ch in _DRAWN_AS_MARK)]


_FOLD_VERSION = 13  # bump when what folds changes, or how it is cached: the table is cached


_ASTRAL = re_compile("[\U00010000-\U0010ffff]")


class _CharClass:
    """A pattern of one character of a large class (_char_class), searched fast. The engine
    tests a character against a class's ranges one by one unless all of them are in the BMP,
    where it uses a bitmap: over 5,000 characters the class of what t2s changes (2,800
    ranges) took 5 ms, its BMP part 0.03 ms. So a text with nothing past the BMP (nearly every
    draft: one quick search tells) is searched with the BMP part only."""

    def __init__(self, sources: tuple[str, str]) -> None:
        """`sources`: the class's pattern and its BMP part's (_class_sources)."""
        self.whole, self.bmp = map(re_compile, sources)

    def _pattern(self, text: str) -> re.Pattern:
        return self.whole if _ASTRAL.search(text) else self.bmp

    def search(self, text: str) -> re.Match | None:
        return self._pattern(text).search(text)

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self._pattern(text).finditer(text)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str | None], _CharClass, _CharClass]:
    """str.translate table of every character that folds to something else, a pattern of
    those folding to other than exactly one character (their offsets need mapping), and a
    pattern of the characters OpenCC's t2s changes on their own (a text without one is left
    as it is, and OpenCC is not loaded). Computing them takes a few thousand NFKC look-ups
    and a t2s conversion of every ideograph, so they are cached on disk — as the table's
    keys and values apart (made a dict in C) and the patterns' sources, so that a start
    spends no Python loop on them. OpenCC's dictionaries are part of the key."""
    from review import cache

    Sources = tuple[str, str]

    def build() -> tuple[dict[int, str | None], Sources, Sources]:
        table, marks = _compute_tables()
        return table, _class_sources(marks), _class_sources(_traditional())

    def decode(data: dict) -> tuple[dict[int, str | None], Sources, Sources]:
        return (dict(zip(data["codes"], data["outs"], strict=True)), tuple(data["marks"]),
                tuple(data["traditional"]))

    def encode(value: tuple[dict[int, str | None], Sources, Sources]) -> dict:
        return {"codes": list(value[0]), "outs": list(value[0].values()),
                "marks": list(value[1]), "traditional": list(value[2])}

    table, marks, traditional = cache.cached(
        "fold", _opencc_dictionaries(), build, encode, decode,
        f"{unicodedata.unidata_version}/{_FOLD_VERSION}")
    return table, _CharClass(marks), _CharClass(traditional)


# Every block an ideograph (or a character standing for one) is in: the characters t2s may
# change alone. Compatibility ideographs fold to one already (_fold_char).
_IDEOGRAPHS = ((0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
               (0x20000, 0x2FA1F), (0x30000, 0x323AF))


def _traditional() -> list[int]:
    """The code points OpenCC's t2s changes, taken one character at a time."""
    t2s = _t2s()
    return [code for low, high in _IDEOGRAPHS for code in range(low, high + 1)
            if t2s.convert(chr(code)) != chr(code)]


def _opencc_dictionaries() -> list[Path]:
    """OpenCC's t2s dictionaries, found without importing it (keys of the fold cache)."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        return []
    share = Path(next(iter(spec.submodule_search_locations))) / "clib" / "share" / "opencc"
    return sorted(share.glob("TS*.ocd2"))


def _class_sources(codes: list[int]) -> tuple[str, str]:
    """The patterns of one of these code points and of one of those in the BMP (_CharClass)."""
    bmp = [code for code in codes if code <= 0xFFFF]
    return _char_class(codes), _char_class(bmp) if bmp else "(?!)"


def _char_class(codes: list[int]) -> str:
    """A pattern of one of these (ascending) code points, consecutive ones as ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


def _compute_tables() -> tuple[dict[int, str | None], list[int]]:
    table: dict[int, str | None] = {}
    marks: list[int] = []
    for low, high in _BLOCKS:
        for code in range(low, high + 1):
            ch = chr(code)
            out = _fold_char(ch)
            if out != ch:
                table[code] = out or None
                if len(out) != 1:
                    marks.append(code)
    return table, marks


def fold(source: View) -> View:
    """Translate whole texts (in C), mapping offsets only around the few characters that
    fold to none or several characters."""
    table, marked, _ = _tables()
    simplified = _simplify(source.text)
    folded = _translate(simplified, table)
    if not folded.isascii():
        lowered = folded.lower()
        if len(lowered) == len(folded):  # a few letters (İ) lengthen: leave those texts be
            folded = lowered
    changes = [m.start() for m in marked.finditer(simplified)]
    if not changes:
        starts, ends = source.starts, source.ends
    else:
        starts, ends = [], []  # type: ignore[assignment]
        previous = 0
        for i in changes:
            starts += source.starts[previous:i]
            ends += source.ends[previous:i]
            width = len(table.get(ord(simplified[i])) or "")
            starts += [source.starts[i]] * width
            ends += [source.ends[i]] * width
            previous = i + 1
        starts += source.starts[previous:]
        ends += source.ends[previous:]
        if len(starts) != len(folded):  # lower() changed a length inside: per character
            return _fold_slowly(source, simplified)
    if any(c in folded for c in _CN_DIGIT_CHARS):
        folded = _CN_DIGIT_RUN.sub(lambda m: m.group().translate(_CN_DIGIT_TABLE), folded)
    return View(folded, starts, ends)


def _translate(text: str, table: dict[int, str | None]) -> str:
    """text.translate(table), in C where it is built (review/_kernels.c): str.translate asks
    the dict about every character, the compiled loop only about those the table holds."""
    kernels = compiled.kernels
    if kernels is None:
        return text.translate(table)
    return kernels.translate(text, table, _key_bits(table))


_BITS: list = [None, b""]  # the last table given to _key_bits, and its bits


def _key_bits(table: dict[int, str | None]) -> bytes:
    """The table's keys as bits, for the table _tables made (kept while it is the same)."""
    if _BITS[0] is not table:
        _BITS[:] = [table, compiled.kernels.key_bits(table)]
    return _BITS[1]


def _fold_slowly(source: View, simplified: str) -> View:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ch, start, end in zip(simplified, source.starts, source.ends, strict=True):
        for out in _fold_char(ch):
            chars.append(out)
            starts.append(start)
            ends.append(end)
    text = "".join(chars)
    if any(c in text for c in _CN_DIGIT_CHARS):
        text = _CN_DIGIT_RUN.sub(lambda m: m.group().translate(_CN_DIGIT_TABLE), text)
    return View(text, starts, ends)


_CN_DIGIT_TABLE = str.maketrans(_CN_DIGITS)
_CN_DIGIT_CHARS = frozenset(_CN_DIGITS)
# Noise: anything that is neither a letter/digit/CJK character nor a boundary (\w is
# str.isalnum() plus the underscore, which is noise too).
_NOISE_CHAR = re_compile(r"[^\w。!?;\n]|_")


class CompactView(View):
    """A folded view without noise; `source[i]` is character i's index in the folded view."""

    __slots__ = ("source",)

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int],
                 source: Sequence[int]) -> None:
        super().__init__(text, starts, ends)
        self.source = source


_FIELDS = {View: View.__slots__, CompactView: (*View.__slots__, *CompactView.__slots__)}


def compact(folded: View) -> CompactView:
    # Every noise character becomes NUL (itself noise) in C, and `compress` keeps the rest
    # with their offsets: no Python step per noise run.
    text = folded.text
    kernels = compiled.kernels
    if kernels is not None:  # review/_kernels.c: the same, in one pass
        made = kernels.compact(text, folded.starts, folded.ends)
        if made is None:
            return CompactView(text, folded.starts, folded.ends, range(len(text)))
        # arrays, not lists: no int object made for each character (the stages read a few)
        compacted, starts, ends, source = made
        return CompactView(compacted, array("q", starts), array("q", ends), array("q", source))
    masked = _NOISE_CHAR.sub("\0", text)
    if "\0" not in masked:
        return CompactView(text, folded.starts, folded.ends, range(len(text)))
    kept = list(map(ne, masked, repeat("\0")))
    return CompactView(masked.replace("\0", ""), list(compress(folded.starts, kept)),
                       list(compress(folded.ends, kept)), list(compress(count(), kept)))


def normalize_terms(terms: list[str]) -> list[str]:
    """Many terms at once, as `normalize_term` would give them one by one: a line break is a
    hard boundary, so the terms are normalised as one text and split again."""
    if any(c in t for t in terms for c in "\n\r\u2028\u2029\x85"):
        return [normalize_term(t) for t in terms]
    out = compact(fold(View.identity("\n".join(terms)))).text.split("\n")
    return out if len(out) == len(terms) else [normalize_term(t) for t in terms]


def normalize_term(term: str) -> str:
    """A lexicon term in the form it is matched in: folded, then compacted."""
    return compact(fold(View.identity(term))).text
