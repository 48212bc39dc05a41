"""Idioms used in the wrong sense (EX6xx): the context classes reach the shapes drafts write,
and the idiom's proper sense stays quiet."""

import pytest


def rules(pipeline, text: str) -> set[str]:
    return {f.rule for f in pipeline.check_text(text).findings if f.rule.startswith("EX6")}


@pytest.mark.parametrize("text, rule", [
    ("窗口前排队的办事群众鳞次栉比，工作人员加班加点。", "EX632"),
    ("今年我县的茶叶炙手可热，外地客商纷纷上门收购。", "EX603"),
    ("个别村的保洁工作差强人意，被县里通报后责令限期整改。", "EX606"),
    ("春节假期居民大多外出旅游，小区里万人空巷，十分清静。", "EX611"),
    ("采用新工艺后，生产效率提高了一倍，真正是事倍功半。", "EX671"),
    ("网格员处心积虑为居民办实事，赢得一致好评。", "EX672"),
    ("文旅融合为县域经济发展推波助澜。", "EX673"),
    ("路边乱扔的垃圾多得令人叹为观止。", "EX674"),
    ("支部书记带头捐款，党员们上行下效，形成了扶贫济困的好风气。", "EX675"),
])
def test_the_wrong_sense_is_found(pipeline, text, rule):
    assert rule in rules(pipeline, text)


@pytest.mark.parametrize("text", [
    "老城区的民居鳞次栉比，街巷纵横。",
    "不下功夫研究方法，干工作就会事倍功半。",
    "不法分子处心积虑地设下骗局。",
    "少数营销号推波助澜，炒作不实信息。",
    "杂技演员的绝技令人叹为观止。",
    "一些不良风气上行下效，危害很大。",
    "寒潮来袭，设施农业首当其冲，损失较重。",
])
def test_the_proper_sense_is_quiet(pipeline, text):
    assert rules(pipeline, text) == set()
