"""The classifier stage on whole posts: quiet on a clean government post; an inserted ad
paragraph or venting sentence is flagged, and only that sentence."""

import pytest

from review.config import CLASSIFIER_THRESHOLDS, Config
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


def test_a_threshold_set_for_one_class_leaves_the_others_as_shipped():
    config = Config(classifier={"ads": 0.9})
    assert config.classifier["ads"] == 0.9
    assert config.classifier["opinion"] == CLASSIFIER_THRESHOLDS["opinion"]
    assert set(config.classifier) == set(CLASSIFIER_THRESHOLDS)


@pytest.mark.parametrize("table", [{"spam": 0.5}, {"ads": 0}, {"ads": -1}])
def test_an_unknown_class_or_a_threshold_that_flags_everything_is_refused(table):
    with pytest.raises(ValueError):
        Config(classifier=table)


def test_a_model_that_knows_fewer_classes_flags_what_it_knows(tmp_path):
    """An organisation's model trained on ads and neutral only: no error for the classes it
    lacks, and its own class still flags."""
    from review.model import train

    lines = [f"ads\t{t}" for t in ADS_LINES] + [f"neutral\t{t}" for t in NEUTRAL_LINES]
    data = tmp_path / "ours.tsv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    train.train([data], tmp_path / "model")
    stage = Pipeline(Config(stages=["classifier"], model=tmp_path / "model")).stages[0]
    assert sorted(stage.thresholds) == ["ads"]
    assert [f.category for f in Pipeline(Config(stages=["classifier"], model=tmp_path / "model"))
            .check_text(AD).findings] == [Category.ADS]


ADS_LINES = [f"本店{item}大促销，原价{p}元现价{p // 2}元，买一送一，欢迎进店选购！"
             for item in ("羽绒服", "电饭煲", "运动鞋", "床上用品", "保温杯", "电动车", "茶叶",
                          "羊毛衫", "儿童玩具", "家用电器")
             for p in (98, 198, 298, 398, 598)]
NEUTRAL_LINES = [f"{unit}召开{topic}工作会议，研究部署下一阶段重点任务。"
                 for unit in ("区住建局", "县教育局", "镇政府", "街道办事处", "县卫健委")
                 for topic in ("安全生产", "防汛抗旱", "乡村振兴", "营商环境", "城市管理",
                               "疫苗接种", "秋冬季供暖", "耕地保护", "垃圾分类", "消防安全")]
