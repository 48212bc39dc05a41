"""Automata built commonest characters first find exactly what a plain one finds."""

import pickle
from pathlib import Path

import ahocorasick
from conftest import ROOT

from review.automaton import (
    COMMON,
    MATCHES_KEYS,
    build_automaton,
    cache_path,
    common_characters,
    load_cached,
    matches,
    store_cached,
)

PROSE = (ROOT / "fixtures" / "prose" / "correct_government.txt").read_text(encoding="utf-8")


def test_the_same_matches_as_keys_added_in_any_order():
    words = sorted({PROSE[i:i + n] for n in (2, 3, 4) for i in range(0, len(PROSE) - n, 7)
                    if "\n" not in PROSE[i:i + n]})
    plain = ahocorasick.Automaton()
    for word in words:
        plain.add_word(word, word)
    plain.make_automaton()
    ranked = build_automaton((word, word) for word in words)
    found = sorted(ranked.iter(PROSE))
    assert found == sorted(plain.iter(PROSE))
    assert len(found) > len(words)


def test_integer_values_and_no_keys():
    automaton = build_automaton([("政府", 7), ("工作报告", 9)], ahocorasick.STORE_INTS)
    assert list(automaton.iter("政府工作报告")) == [(1, 7), (5, 9)]
    assert len(build_automaton([])) == 0


def test_the_character_order_is_what_jiebas_dictionary_gives():
    assert common_characters() == COMMON
    assert len(set(COMMON)) == len(COMMON) == 3000


def test_a_cached_automaton_comes_back_and_a_foreign_pickle_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    built = build_automaton([("政府", (1, 0, 2)), ("工作报告", (2, 0, 4))])
    store_cached(built, tmp_path / "a.bin")
    loaded = load_cached(tmp_path / "a.bin")
    assert list(loaded.iter("政府工作报告")) == list(built.iter("政府工作报告")) \
        == [(1, (1, 0, 2)), (5, (2, 0, 4))]
    # values kept apart from the automaton come back the same by every way of asking
    assert loaded.get("工作报告") == (2, 0, 4) and loaded.get("报告", "-") == "-"
    assert sorted(loaded.keys()) == ["工作报告", "政府"] and len(loaded) == 2
    assert list(matches(loaded).iter("政府工作报告")) == list(loaded.iter("政府工作报告"))

    class Payload:  # what a planted cache file would run when unpickled
        def __reduce__(self):
            return (Path.touch, (tmp_path / "ran",))

    (tmp_path / "b.bin").write_bytes(pickle.dumps(Payload()))
    assert load_cached(tmp_path / "b.bin") is None
    assert not (tmp_path / "ran").exists()
    (tmp_path / "c.bin").write_bytes(b"damaged")
    assert load_cached(tmp_path / "c.bin") is None
    damaged = bytearray((tmp_path / "a.bin").read_bytes())
    damaged[len(damaged) // 2] ^= 0x40     # pyahocorasick would trust it, and could crash
    (tmp_path / "a.bin").write_bytes(bytes(damaged))
    assert load_cached(tmp_path / "a.bin") is None
    assert load_cached(tmp_path / "missing.bin") is None


def test_cache_paths_follow_their_inputs_and_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    terms = tmp_path / "terms.txt"
    terms.write_text("限量抢购\n", encoding="utf-8")
    first = cache_path("automaton", [terms])
    assert first == cache_path("automaton", [terms]) != cache_path("automaton", [terms], "x")
    terms.write_text("限量抢购\n先到先得\n", encoding="utf-8")
    assert cache_path("automaton", [terms]) != first
    assert cache_path("automaton", [tmp_path / "missing.txt"]) is None
    monkeypatch.setenv("REVIEW_NO_CACHE", "1")
    assert cache_path("automaton", [terms]) is None


def test_the_bulk_paths_search_finds_the_same_in_the_same_order():
    """Matches (ahocorasick_rs) against pyahocorasick's iter, nested and overlapping keys,
    characters outside the BMP included."""
    import random

    rng = random.Random(20261206)
    alphabet = "政府工作报告𠀀a"
    for _ in range(150):
        keys = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
                for _ in range(rng.randint(1, 40))}
        automaton = build_automaton((key, (key, len(key))) for key in keys)
        text = "".join(rng.choice(alphabet + "。") for _ in range(200))
        assert matches(automaton).iter(text) == list(automaton.iter(text))
    assert matches(build_automaton([])).iter("政府") == []
    searched = matches(build_automaton([("政府", 1)]))
    assert matches(searched) is searched  # made once
    large = build_automaton((str(n), n) for n in range(MATCHES_KEYS + 1))
    assert matches(large) is large  # too costly to build for what it saves
