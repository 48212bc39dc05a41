"""The curated lexicons and the organisation's lists (their examples run through the whole
pipeline in tests/rules/test_examples.py)."""

from functools import cache

import pytest

from review.document import Document
from review.errors import ConfigError
from review.findings import Category
from review.rules.lexicons import Entry, LexiconOptions, bundled, load, load_plain
from review.stages.lexicon import LexiconStage

MIN_ENTRIES = 80


@cache
def entries() -> list[Entry]:
    """Read when a test asks: every test process collects this file."""
    return [entry for option in bundled() for entry in load(option)]


@pytest.mark.parametrize("category", [c for c in Category  # those the lexicons hold
                                      if c not in (Category.EXPRESSION, Category.RELEASE)])
def test_each_category_has_enough_curated_entries(category):
    count = sum(entry.rule.category is category for entry in entries())
    assert count >= MIN_ENTRIES


def test_every_entry_has_its_reasons_in_both_languages():
    for entry in entries():
        assert entry.rule.message_zh and entry.rule.message_en.isascii(), entry.rule.id


def test_consent_entries_never_block():
    assert all(e.rule.severity.value != "block" for e in entries()
               if e.rule.category is Category.CONSENT)


def test_a_plain_term_list_takes_its_category_from_the_config(tmp_path):
    path = tmp_path / "our-terms.txt"
    path.write_text("# 本单位补充词表\n某某牌保健酒\n  限量抢购  # 营销话术\n\n", encoding="utf-8")
    entries = load_plain(LexiconOptions(path, Category.ADS))
    assert [e.rule.id for e in entries] == ["our-terms:某某牌保健酒", "our-terms:限量抢购"]
    stage = LexiconStage(entries)
    hits = list(stage.scan(Document("d", "今日限 量 抢 购，某某牌保健酒")))
    assert {h.rule.category for h in hits} == {Category.ADS}
    assert len(hits) == 2


@pytest.mark.parametrize(("entry_id", "term", "problem"), [
    ("AD 1", "限量抢购", "AD 1"),             # ids are single words
    ("AD1", "限量\\n抢购", "line break"),     # a line break is a boundary: never found
])
def test_malformed_toml_entries_are_refused(tmp_path, entry_id, term, problem):
    path = tmp_path / "ours.toml"
    path.write_text(f'[meta]\ncategory = "ads"\n\n[[entry]]\nid = "{entry_id}"\n'
                    f'term = "{term}"\nreason = "营销话术"\nreason_en = "sales talk"\n'
                    'hit = ["限量抢购"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load(LexiconOptions(path))
