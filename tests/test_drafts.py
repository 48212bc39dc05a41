"""The bundled drafts: a clean notice passes; each category is caught with exact spans."""

import pytest
from conftest import DRAFTS

from review.findings import Decision, Severity


def test_a_clean_notice_that_mentions_sensitive_topics_passes(pipeline):
    text = (DRAFTS / "clean_notice.txt").read_text(encoding="utf-8")
    for word in ["诈骗", "毒品", "保密", "隐私", "疫情", "统计"]:
        assert word in text
    result = pipeline.check_text(text)
    assert result.decision == Decision.PASS, result.findings


EXPECTED = {
    "illegal": [("illegal", "跑·分·兼·职"), ("illegal", "出售冰*毒"),
                ("illegal", "法 轮 大 法 好")],
    "security": [("security", "今晚有地震"), ("security", "赶紧囤货"), ("security", "集体散步"),
                 ("security", "光*复*香*港")],
    "secrets": [("secrets", "秘密★"), ("secrets", "工作群截图"),
                ("secrets", "11010519491231002X"), ("secrets", "6228480012345678903")],
    "ads": [("ads", "全网最低价"), ("ads", "限 时 秒 杀"), ("ads", "abc_health888"),
            ("ads", "https://shop.example.top/sale")],
    "opinion": [("opinion", "说实话我"), ("opinion", "氣死我了"), ("opinion", "领导瞎指挥")],
    "consent": [("consent", "遇难人数"), ("consent", "办案民警透露"),
                ("consent", "已被刑事拘留")],
}
DECISIONS = {"illegal": Decision.BLOCK, "security": Decision.BLOCK, "secrets": Decision.BLOCK,
             "ads": Decision.BLOCK, "opinion": Decision.REVIEW, "consent": Decision.REVIEW}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_category_is_caught_with_exact_spans(pipeline, name):
    text = (DRAFTS / f"{name}.txt").read_text(encoding="utf-8")
    result = pipeline.check_text(text)
    found = {(f.category.value, f.text): f for f in result.findings}
    for category, span in EXPECTED[name]:
        if category == "consent":
            # a statement needs the unit's consent: the finding spans the sentence and quotes
            # the words that gave it away
            at = text.index(span)
            start = text.rfind("\n", 0, at) + 1
            end = text.index("。", at) + 1
            finding = next((f for f in result.findings if f"“{span}”" in f.message), None)
            assert finding is not None, [f.message for f in result.findings]
            assert (finding.start, finding.end) == (start, end)
            continue
        finding = found.get((category, span))
        assert finding is not None, f"{category} {span!r} not found in {sorted(found)}"
        assert (finding.start, finding.end) == (text.index(span), text.index(span) + len(span))
    assert result.decision == DECISIONS[name]


def test_consent_topics_are_reviewed_never_blocked(pipeline):
    text = (DRAFTS / "consent.txt").read_text(encoding="utf-8")
    consent = [f for f in pipeline.check_text(text).findings if f.category.value == "consent"]
    assert consent and all(f.severity is Severity.REVIEW for f in consent)


def test_markdown_link_targets_and_hidden_html_are_checked_with_file_offsets(pipeline):
    text = (DRAFTS / "post.md").read_text(encoding="utf-8")
    result = pipeline.check_text(text, kind="markdown")
    found = {f.text: f for f in result.findings}
    link = "https://shop.example.top/buy?id=42"
    assert found[link].rule == "AD503" and found[link].start == text.index(link)
    assert "health_shop01" in found  # inside an inline <span>
    assert not any("gov.cn" in f.text for f in result.findings)
    assert not any("编辑备注" in f.text for f in result.findings)


def test_html_entities_are_decoded_and_scripts_ignored(pipeline):
    text = (DRAFTS / "post.html").read_text(encoding="utf-8")
    result = pipeline.check_text(text, kind="html")
    spans = {f.text for f in result.findings}
    assert "出售&#20912;&#27602;" in spans  # 出售冰毒 written as character references
    assert "https://item.taobao.com/item.htm?id=1" in spans
    assert all(f.start > text.index("</style>") for f in result.findings)
    assert not any(f.start > text.index("<script>") for f in result.findings)
