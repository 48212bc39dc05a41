import pytest


@pytest.mark.parametrize("text, span", [
    ("点击 https://item.taobao.com/item.htm?id=1 抢购", "https://item.taobao.com/item.htm?id=1"),
    ("详见 www.bestprice.top", "www.bestprice.top"),
    ("戳 t.cn/A6xyz 领取", "t.cn/A6xyz"),
])
def test_shop_short_and_marketing_links_are_blocked(found, text, span):
    assert ("AD503", "block", span) in found(text)


def test_other_external_links_are_for_review(found):
    assert ("AD504", "review", "https://www.example.com/a") in found(
        "原文见https://www.example.com/a。")


@pytest.mark.parametrize("text", [
    "详见 https://www.gov.cn/zhengce/ 和 http://www.zj.gov.cn/art/1.html",
    "新华网 http://www.news.cn/politics/ 报道",
    "人民网people.com.cn消息",
])
def test_government_and_official_media_links_pass(found, text):
    assert found(text) == []


def test_link_targets_hidden_by_markdown_are_still_checked(found):
    text = "请点[这里](https://shop.example.top/buy)报名"
    assert ("AD503", "block", "https://shop.example.top/buy") in found(text, kind="markdown")


def test_configured_official_domains_pass():
    from review.config import Config
    from review.pipeline import Pipeline

    pipeline = Pipeline(Config(official_domains=["example.com"], stages=["patterns"]))
    assert pipeline.check_text("见 https://www.example.com/a").findings == []
