"""A consent finding spans its statement as a reader sees it, names every word that gave it
away, and is recognised by those words (baselines, `review published`)."""

import pytest

from review.ci import published
from review.document import Document

SENTENCE = "据办案民警透露，肇事司机已被刑拘，另一名乘客也已被刑事拘留。"


@pytest.fixture(scope="module")
def pipeline():
    from review.config import Config
    from review.pipeline import Pipeline

    return Pipeline(Config())


def consent(pipeline, doc):
    return [f for f in pipeline.check(doc).findings if f.category.value == "consent"]


def test_a_statement_is_the_visible_sentence_of_a_page(pipeline):
    page = Document("p.html", f"<html><body><h1>通报</h1><p>{SENTENCE}</p></body></html>", "html")
    found = consent(pipeline, page)
    assert found and {f.text for f in found} == {SENTENCE}


def test_every_word_that_gave_it_away_is_named_once(pipeline):
    found = {f.rule: f for f in consent(pipeline, Document("d.txt", SENTENCE))}
    assert set(found["CN013"].words.split("、")) == {"已被刑拘", "已被刑事拘留"}
    assert "“已被刑拘、已被刑事拘留”" in found["CN013"].message


def test_the_same_statement_on_the_published_page_is_not_new(pipeline):
    approved = Document("d.txt", SENTENCE)
    page = Document("p.html", f"<html><body><p>{SENTENCE}</p></body></html>", "html")
    result = published.compare(approved, page, pipeline.check(approved).findings, pipeline)
    assert [f.rule for f in result.findings] == []


def test_a_typo_beside_a_rumour_leaves_the_models_finding():
    from review.config import Config
    from review.pipeline import Pipeline

    rumour = "镇上好几家都说银行卡被冻结了，赶紧拔打电话把钱转出来。"
    rules = {f.rule for f in Pipeline(Config()).check_text(rumour).findings}
    assert "SE901" in rules and any(r.startswith("EX") for r in rules)


def test_the_models_own_statement_is_not_widened_again(pipeline):
    text = "“太好了。”县医院这周收治的食物中毒病人已经有三十多个了，还在往上涨。"
    (model,) = [f for f in pipeline.check_text(text).findings if f.rule == "CN901"]
    assert model.text == "县医院这周收治的食物中毒病人已经有三十多个了，还在往上涨。"
    assert model.words is None
