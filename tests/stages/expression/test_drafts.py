"""The 文字关 stage on whole texts: every kind of error caught with its span and suggestion,
and thousands of characters of correct government prose left alone."""

from datetime import date

from conftest import ROOT

from review.config import Config
from review.findings import Category
from review.pipeline import Pipeline

PIPELINE = Pipeline(Config(stages=["expression"], date=date(2026, 11, 25)))


def test_correct_government_prose_has_no_expression_findings():
    text = (ROOT / "fixtures" / "prose" / "correct_government.txt").read_text(encoding="utf-8")
    assert len(text) >= 5000
    found = [(f.rule, f.text) for f in PIPELINE.check_text(text).findings
             if f.category is Category.EXPRESSION]
    assert found == []


def test_each_kind_of_error_is_caught_with_span_and_suggestion():
    text = (ROOT / "fixtures" / "drafts" / "expression.txt").read_text(encoding="utf-8")
    found = {f.text: f for f in PIPELINE.check_text(text).findings}
    expected = {
        "截止目前": ("截至目前", "review"),                       # typo (words)
        "再接再励": ("再接再厉", "review"),                       # idiom
        "贯切落实": ("贯彻落实", "review"),
        "习近平总书记新时代中国特色社会主义思想": ("习近平新时代中国特色社会主义思想", "block"),
        "国务院总理李克强": (None, "block"),                      # former office holder
    }
    # Taiwan listed among 国家: the region rule (EX9201) or a lexicon entry covering the phrase.
    assert any("台湾" in f.text and f.severity.value == "block" and f.gate.value == "political"
               for f in found.values())
    for span, (replacement, severity) in expected.items():
        assert span in found, f"{span} not found: {sorted(found)}"
        f = found[span]
        assert text[f.start:f.end] == span and f.severity.value == severity
        assert f.replacement == replacement
        assert f.suggestion
