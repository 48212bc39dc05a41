"""The baseline file: what it accepts, by file, rule and text — an id merged into another
rule since the baseline was written still accepts that rule's finding."""

from collections import Counter

from review.ci import baseline


def test_an_accepted_finding_under_a_merged_id_is_still_accepted():
    accepted = baseline.load('{"version": 1, "findings": ["posts/a.md\\tEX1517\\tabc123"]}')
    assert baseline.by_file(accepted) == {"posts/a.md": Counter({("EX0112", "abc123"): 1})}


def test_a_damaged_baseline_accepts_nothing():
    assert baseline.load("{not json") == Counter()
