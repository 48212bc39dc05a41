"""Compiled patterns kept in the cache: the engine gets exactly what re.compile would give
it, and a missing or damaged file only means compiling again."""

import os
import re
import subprocess
import sys

from conftest import ROOT

from review import regexcache

# A character class over the CJK block (slow to compile), groups by name, flags, look-arounds.
SAMPLES = [
    (r"[\u4e00-\u9fff]{2,10}(?:[、,和及与][\u4e00-\u9fff]{2,10})+", 0),
    (r"(?P<year>\d{4})年(?P<month>\d{1,2})月", 0),
    (r"<!doctype\s+html|<(?:html|body)[\s/>]", re.IGNORECASE),
    (r"(?<![0-9a-z])1[3-9]\d{9}(?![0-9a-z])", 0),
    ("^#.*$", re.MULTILINE),
]


def _fresh_module(monkeypatch, cache_dir) -> None:
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("REVIEW_NO_CACHE", raising=False)
    monkeypatch.setattr(regexcache, "_table", None)
    monkeypatch.setattr(regexcache, "_added", {})
    monkeypatch.setattr(regexcache, "_made", {})


def test_a_cached_pattern_is_the_pattern_re_compiles(tmp_path, monkeypatch):
    _fresh_module(monkeypatch, tmp_path)
    first = [regexcache.compile(p, f) for p, f in SAMPLES]   # compiled here
    regexcache._store()                                      # as at exit
    (stored,) = tmp_path.glob("regex-*.bin")
    _fresh_module(monkeypatch, tmp_path)
    again = [regexcache.compile(p, f) for p, f in SAMPLES]   # from the file
    assert regexcache._added == {}
    # Pattern equality is the engine's: same pattern, flags and compiled code
    assert again == first == [re.compile(p, f) for p, f in SAMPLES]
    for got, (p, f) in zip(again, SAMPLES, strict=True):
        want = re.compile(p, f)
        assert (got.groups, got.groupindex, got.flags) == (want.groups, want.groupindex, want.flags)
    assert again[1].match("2026年12月").group("month") == "12"
    stored.write_bytes(b"damaged")                          # a damaged file: compiled again
    _fresh_module(monkeypatch, tmp_path)
    assert [regexcache.compile(p, f) for p, f in SAMPLES] == first


def test_an_invalid_pattern_raises_as_re_does(tmp_path, monkeypatch):
    _fresh_module(monkeypatch, tmp_path)
    try:
        regexcache.compile("[unclosed")
    except re.error:
        pass
    else:
        raise AssertionError("no re.error")


# Every pattern the package compiled in a check, compared with re.compile's in that process.
EVERY_PATTERN = """
import re, runpy, sys
sys.argv = ["review", "check", sys.argv[1], "--format", "json", "--fail-on", "never"]
try:
    runpy.run_module("review", run_name="__main__")
except SystemExit:
    pass
from review import regexcache
made = regexcache._made
differ = [p for (p, f), c in made.items() if c != re.compile(p, f)]
print(len(made), len(regexcache._added), len(differ), file=sys.stderr)
"""


def test_a_check_reads_every_pattern_from_the_cache_and_each_equals_re_compile(tmp_path):
    env = {**os.environ, "REVIEW_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("REVIEW_NO_CACHE", None)
    draft = ROOT / "fixtures" / "drafts" / "ads.txt"

    def run() -> list[int]:
        done = subprocess.run([sys.executable, "-c", EVERY_PATTERN, str(draft)], env=env,
                              capture_output=True, text=True, check=True, cwd=tmp_path)
        return [int(n) for n in done.stderr.split()[-3:]]

    made, added, differ = run()      # the first check compiles and stores them
    assert made > 50 and added == made and differ == 0
    made_again, added, differ = run()
    assert made_again == made and added == 0 and differ == 0


def test_finditer_near_finds_what_finditer_does():
    """A pattern tried only near its anchor (within reach after a match's start) finds the
    same matches, groups and all, as trying it everywhere: optional prefixes, look-behinds,
    overlapping anchors and matches that reach past the next anchor."""
    import random

    cases = [
        (r"(?P<past>原|前任)?(?P<deputy>常务副|副)?(?P<title>县长|队长|大队长)(?=[甲乙])",
         "县长|队长|大队长", 5,
         ("原", "前任", "常务副", "副", "县长", "大队长", "队长", "甲", "乙")),
        (r"(?<!中)(台湾|香港)(..)和\2|中国(..)和(台湾|香港)\3", "中国|台湾|香港", 0,
         ("中国", "台湾", "香港", "和", "甲乙", "甲", "中")),
        (r"外(?:籍|国)[^。]{0,6}来自(香港)", "香港", 10,
         ("外籍", "外国", "来自", "香港", "。", "甲")),
    ]
    rng = random.Random(19)
    matched = 0
    for pattern, anchor, reach, alphabet in cases:
        compiled, near = re.compile(pattern), re.compile(anchor)
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
            want = [(m.span(), m.groups()) for m in compiled.finditer(text)]
            got = [(m.span(), m.groups())
                   for m in regexcache.finditer_near(compiled, near, reach, text)]
            assert got == want, text
            matched += bool(want)
    assert matched > 500  # the texts do hold matches
