"""The compiled-lexicon cache: the same entries as compiling afresh, and invalidated by any
change to a lexicon file."""

import os
import time
from datetime import date

import pytest

from review import cache
from review.config import Config, LexiconRef
from review.findings import Category
from review.stages import expression
from review.stages.lexicon import load_entries


def test_cached_lexicons_equal_a_fresh_compile(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    first = load_entries(Config())           # compiles and writes the cache
    assert list(tmp_path.glob("lexicon-*.bin"))
    second = load_entries(Config())          # reads it
    monkeypatch.setenv("REVIEW_NO_CACHE", "1")
    fresh = load_entries(Config())
    strip = [(e.rule, e.terms, e.context, e.allow, e.noise) for e in fresh]
    assert [(e.rule, e.terms, e.context, e.allow, e.noise) for e in first] == strip
    assert [(e.rule, e.terms, e.context, e.allow, e.noise) for e in second] == strip


def test_classes_rules_and_expression_data_come_back_from_the_cache_as_compiled(
        tmp_path, monkeypatch):
    """Word classes, co-occurrence and sequence rules, formulations, leaders and fixed sets
    are read from the cache on every check (the rule files' schema is not even imported)."""
    from review.rules import classes
    from review.stages import cooccurrence
    from review.stages.expression import data, formulations, leaders, sets

    directory = data.expression_dir()

    def compiled() -> tuple:
        classes._loaded.clear()  # the process's own copy
        return (cooccurrence.load(Config()),
                formulations.load_formulations(directory / data.FORMULATIONS_FILE),
                leaders.load_leaders(directory / data.LEADERS_FILE),
                sets.load_sets(directory / data.SETS_FILE))

    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    first = compiled()
    kinds = {p.name.split("-")[0] for p in tmp_path.glob("*.bin")}
    assert {"classes", "corules", "formulations", "leaders", "sets"} <= kinds
    cached = compiled()
    monkeypatch.setenv("REVIEW_NO_CACHE", "1")
    fresh = compiled()
    assert first == cached == fresh
    (_, rules), *_ = cached
    assert any(r.sequence and r.sequence.checks for r in rules)  # a slot with a validator
    assert all(o.valid_from is None or isinstance(o.valid_from, date)
               for o in cached[2].offices)


def test_expression_cache_keeps_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    compiled = expression.build(Config())
    cached = expression.build(Config())
    dated = [c for c in cached.corrections.items if c.rule.id == "EX0322"]
    assert dated and str(dated[0].dated.valid_from) == "2022-12-26"
    # entries read back per hit (CorrectionRows) match as compiled (examples and source
    # are the registry's, not kept in the cache)
    assert list(cached.rule_ids()) == list(compiled.rule_ids())

    def matched(stage):
        return [c[:5] for c in stage.corrections.items]

    assert matched(cached) == matched(compiled)


def test_editing_a_lexicon_invalidates_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    ours = tmp_path / "ours.txt"
    ours.write_text("某某牌保健酒\n", encoding="utf-8")
    config = Config(lexicon=[LexiconRef(path=ours, category=Category.ADS)],
                    bundled_lexicons=False)
    assert [e.rule.id for e in load_entries(config)] == ["ours:某某牌保健酒"]
    ours.write_text("某某牌保健酒\n限量抢购\n", encoding="utf-8")
    assert len(load_entries(config)) == 2


def test_the_automaton_is_cached_and_a_damaged_one_rebuilt(tmp_path, monkeypatch):
    from review.document import Document
    from review.stages import lexicon

    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    text = "本店长期出售冰毒，价格面议，加 薇 信详聊。"
    fresh = [(h.rule.id, h.start, h.end) for h in lexicon.build(Config()).scan(Document("d", text))]
    files = list(tmp_path.glob("automaton-*.bin"))
    assert fresh and len(files) == 1
    cached = lexicon.build(Config())
    assert [(h.rule.id, h.start, h.end) for h in cached.scan(Document("d", text))] == fresh
    files[0].write_bytes(b"not an automaton")
    damaged = lexicon.build(Config())
    assert [(h.rule.id, h.start, h.end) for h in damaged.scan(Document("d", text))] == fresh


def test_a_cache_in_another_form_is_rebuilt_not_trusted(tmp_path, monkeypatch):
    from review.document import Document
    from review.stages import lexicon

    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    lexicon.build(Config())
    for path in tmp_path.glob("lexicon-*.bin"):
        path.write_bytes(b"[[1, 2, 3]]")  # e.g. written by an older review
    stage = lexicon.build(Config())
    assert [h.rule.id for h in stage.scan(Document("d", "法*轮*大*法*好"))]


def test_files_unread_for_a_month_are_pruned_when_a_new_one_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    stale, fresh = tmp_path / f"automaton-{'a' * 32}.bin", tmp_path / f"lexicon-{'b' * 32}.json"
    leftover, foreign = tmp_path / f".automaton-{'c' * 32}.bin.123.tmp", tmp_path / "notes.txt"
    long_ago = time.time() - 40 * 86400
    for path in (stale, fresh, leftover, foreign):
        path.write_bytes(b"x")
        os.utime(path, (long_ago, long_ago))
    cache.used(fresh)                         # read today: kept
    expression.build(Config())                # writes new cache files
    assert not stale.exists() and not leftover.exists()
    assert fresh.exists() and foreign.exists()


def test_a_file_rewritten_with_its_old_size_and_mtime_is_hashed_again(tmp_path, monkeypatch):
    """Input files' digests are remembered by their stat; `touch` can restore a modification
    time but not the change time, so an edit cannot hide behind the old stamp."""
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache._Digests, "STABLE_SECONDS", 0)
    ours = tmp_path / "ours.txt"
    ours.write_text("某某牌保健酒\n", encoding="utf-8")
    config = Config(lexicon=[LexiconRef(path=ours, category=Category.ADS)],
                    bundled_lexicons=False)
    assert [e.rule.id for e in load_entries(config)] == ["ours:某某牌保健酒"]
    stamp = ours.stat()
    time.sleep(0.01)
    ours.write_text("某某牌养生酒\n", encoding="utf-8")  # the same number of bytes
    os.utime(ours, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert ours.stat().st_size == stamp.st_size and ours.stat().st_mtime_ns == stamp.st_mtime_ns
    assert [e.rule.id for e in load_entries(config)] == ["ours:某某牌养生酒"]


def test_an_unchanged_file_is_not_read_again_for_its_key(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache._Digests, "STABLE_SECONDS", 0)
    ours = tmp_path / "ours.txt"
    ours.write_text("限量抢购\n", encoding="utf-8")
    first = cache.key("lexicon", [ours])
    fresh = cache._Digests()  # as the next process: the table from the cache directory
    monkeypatch.setattr(cache, "_DIGESTS", fresh)
    read = type(ours).read_bytes
    monkeypatch.setattr(type(ours), "read_bytes",
                        lambda self: pytest.fail("read again") if self == ours else read(self))
    assert cache.key("lexicon", [ours]) == first


def test_a_digest_taken_in_the_file_s_own_second_is_not_remembered(tmp_path, monkeypatch):
    """git's "racily clean" case: a write in the same clock tick as the hash would leave the
    stamp unchanged, so a file this fresh is hashed again at the next start."""
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    ours = tmp_path / "ours.txt"
    ours.write_text("限量抢购\n", encoding="utf-8")
    fresh = cache._Digests()
    fresh.of(ours)
    assert str(ours) not in cache._Digests()._table()
    monkeypatch.setattr(cache._Digests, "STABLE_SECONDS", 0)
    fresh.of(ours)
    assert str(ours) in cache._Digests()._table()
