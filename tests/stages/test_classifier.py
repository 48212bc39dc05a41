"""The classifier stage on whole posts: quiet on a clean government post; an inserted ad
paragraph or venting sentence is flagged, and only that sentence."""

import pytest

from review.config import Config
from review.findings import Category
from review.pipeline import Pipeline

POST = """关于开展2026年冬季供暖服务质量检查的通知

各供热企业、各街道办事处：

为保障群众温暖过冬，区住房和城乡建设局决定于12月1日至15日开展冬季供暖服务质量检查。

检查重点包括室内温度是否达标、报修响应是否及时、收费标准是否公示。居民如发现室温不达标，可拨打供热服务热线反映，工作人员将在24小时内上门处理。

各单位要高度重视，认真组织自查，于12月20日前将自查情况报区住建局。
"""
AD = ("好消息！本店新到一批加厚羽绒被，原价599元，今天下单只要199元，"
      "买两床再送枕头一对，数量有限，先到先得！")
VENT = "说真的，每年都搞这种检查，累死人了，烦透了！"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(stages=["classifier"]))


def flagged(pipeline, text):
    return [(f.category, f.text) for f in pipeline.check_text(text).findings]


def test_a_clean_post_is_quiet(pipeline):
    assert flagged(pipeline, POST) == []


def test_an_inserted_ad_paragraph_is_flagged_alone(pipeline):
    text = POST.replace("各单位要高度重视", AD + "\n\n各单位要高度重视")
    found = flagged(pipeline, text)
    assert found and all(category is Category.ADS for category, _ in found)
    assert "".join(span for _, span in found) in AD


def test_an_inserted_venting_sentence_is_flagged_alone(pipeline):
    text = POST.replace("各单位要高度重视，", VENT + "各单位要高度重视，")
    assert flagged(pipeline, text) == [(Category.OPINION, VENT)]


def test_quoted_speech_is_not_the_accounts_opinion(pipeline):
    text = "记者在现场看到，居民们排队领取新年礼包。“太开心了，社区真是办了件大好事！”王阿姨说。"
    assert [c for c, _ in flagged(pipeline, text) if c is Category.OPINION] == []


def test_a_quotation_left_open_ends_with_its_paragraph(pipeline):
    quoted = "王阿姨说：“太开心了。" + VENT
    assert [c for c, _ in flagged(pipeline, quoted) if c is Category.OPINION] == []
    after = "王阿姨说：“太开心了。\n" + VENT + "\n“天冷了。”" + VENT
    assert [t for c, t in flagged(pipeline, after) if c is Category.OPINION] == [VENT, VENT]


def test_thresholds_come_from_the_config():
    never = Pipeline(Config(stages=["classifier"], classifier={"ads": 1.01, "opinion": 1.01}))
    assert never.check_text(AD + VENT).findings == []
