"""The privacy detectors SC520–SC526, through the whole pipeline."""

import pytest


def rules(found, text: str) -> dict[str, tuple[str, str]]:
    """rule → (severity, text) of the privacy findings (SC520–SC549)."""
    return {rule: (severity, span) for rule, severity, span in found(text)
            if "SC520" <= rule <= "SC549"}


@pytest.mark.parametrize("text, span", [
    ("走失老人王德顺家住城关镇建设路32号3单元，请知情者联系。", "城关镇建设路32号3单元"),
    ("当事人住址为幸福小区5号楼2单元301室。", "幸福小区5号楼2单元301室"),
    ("受助对象李桂芝一家住在东坡村五组。", "东坡村五组"),
    ("户主陈有福，住址：青石村3组12号。", "青石村3组12号"),
    ("他家住锦绣花园2栋401室，平时独居。", "锦绣花园2栋401室"),
])
def test_home_addresses_given_as_someones_home_are_blocked(found, text, span):
    assert rules(found, text)["SC520"] == ("block", span)


def test_a_buildings_residents_or_住在_are_for_review(found):
    assert rules(found, "投诉人住在钻石新村20栋201，噪音扰民。")["SC520"][0] == "review"
    assert rules(found, "火情发生在锦绣花园2栋401室，住户及时报警。")["SC520"] == \
        ("review", "锦绣花园2栋401室")


@pytest.mark.parametrize("text", [
    "县政务服务中心位于人民路88号，办公地址：行政中心2号楼3楼。",
    "本次招聘会举办地点：县体育馆2号门。",
    "新开业的便民超市门店地址为建设路32号1楼。",
    "家住城区的市民可就近接种疫苗。",
    "国家住建部发布新标准《技术规程 cjj 179-2012》。",
    "小区41栋居民反映电梯故障，物业已维修。",
    "请居住在幸福小区3栋的居民今天下午做核酸检测。",
])
def test_offices_venues_shops_and_whole_buildings_are_not_home_addresses(found, text):
    assert "SC520" not in rules(found, text) or rules(found, text)["SC520"][0] == "review"
    assert "SC520" not in rules(found, text) or "居住" in text


@pytest.mark.parametrize("text, rule, span", [
    ("西湖村村民李春兰患尿毒症多年。", "SC521", "李春兰患尿毒症"),
    ("患白血病的小学生王梓涵急需配型。", "SC521", "患白血病的小学生王梓涵"),
    ("刘建国今年五十二岁。他去年确诊为肝癌。", "SC521", "刘建国今年五十二岁。他去年确诊为肝癌"),
    ("居民赵德胜确诊为艾滋病病毒感染者。", "SC521", "赵德胜确诊为艾滋病病毒感染者"),
    ("吴大勇曾因盗窃被判处有期徒刑三年。", "SC522", "吴大勇曾因盗窃被判"),
    ("居民周海涛有吸毒史，已纳入帮扶。", "SC522", "周海涛有吸毒史"),
    ("刑满释放人员马小军，回村后办起了养殖场。", "SC522", "刑满释放人员马小军"),
    ("何志军为二级智力残疾，由其母亲照顾。", "SC523", "何志军为二级智力残疾"),
    ("肢体残疾的村民黄秀英靠编织竹篮补贴家用。", "SC523", "肢体残疾的村民黄秀英"),
])
def test_a_named_persons_health_record_or_disability_is_blocked(found, text, rule, span):
    assert rules(found, text)[rule] == ("block", span)


def test_in_praise_it_is_for_review(found):
    text = "身残志坚的肢体残疾村民黄秀英被评为自强模范。"
    assert rules(found, text)["SC523"][0] == "review"


@pytest.mark.parametrize("text", [
    "县卫健委主任王志刚看望慰问了患尿毒症的困难群众。",
    "村民张某患尿毒症多年，家庭十分困难。",
    "刘女士确诊为乳腺癌后，医保报销了大部分费用。",
    "陈建华为患白血病的邻居发起募捐。",
    "主治医生李明介绍，癌症早筛可以显著提高治愈率。",
    "犯罪嫌疑人王某某曾因盗窃被判刑，有吸毒史。",
    "县司法局局长陈立新介绍了刑满释放人员安置帮教工作。",
    "全县持证残疾人共计3200人，残疾证办理实现跨省通办。",
    "小陈患有抑郁症，在家人陪伴下逐渐康复。",
    "慈善临时救助只是对特困大病患者高额医疗费用自付部分的补充。",
])
def test_masked_names_officials_and_other_peoples_illness_are_not_found(found, text):
    assert not {"SC521", "SC522", "SC523"} & set(rules(found, text))


@pytest.mark.parametrize("text, severity", [
    ("城关小学五年级（2）班学生王梓涵放学途中失踪。", "block"),
    ("溺水身亡的男孩刘浩然今年11岁。", "block"),
    ("陈思雨（女，12岁）系东坡中学七年级3班学生。", "block"),
    ("实验小学四年级学生赵子航在比赛中获得一等奖。", "review"),
    ("14岁的崔晓峰是城关中学初二（2）班的班长。", "block"),
])
def test_a_minors_name_with_school_or_age(found, text, severity):
    assert rules(found, text)["SC524"][0] == severity


@pytest.mark.parametrize("text", [
    "城关小学五年级（2）班李某某同学在比赛中获得一等奖。",
    "12岁以下儿童由成人陪同可免费入园。",
    "村民王德顺今年78岁，身体硬朗。",
    "七十一岁的齐国华老人每天坚持锻炼。",
    "小明今年11岁，在城关小学读五年级。",
    "县教育局局长张立平到东坡中学七年级3班听课。",
    "大年初一，全县各景区游人如织。",
    "王德顺老人5岁丧母，14岁那年外出学艺。",
    "初中一年级按学区划片招生，初一、初二年级期末考试安排在1月。",
])
def test_not_a_minors_identity(found, text):
    assert "SC524" not in rules(found, text)


@pytest.mark.parametrize("text, rule, span", [
    ("经查，举报人为刘志强，反映的问题基本属实。", "SC525", "举报人为刘志强"),
    ("报案人孙桂香称其家中财物被盗。", "SC525", "报案人孙桂香"),
    ("村民郭永福实名举报村干部违规发放补贴。", "SC525", "郭永福实名举报"),
    ("证人马春生（家住西湖村三组）证实当晚听到争吵。", "SC526", "证人马春生（家住西湖村三组"),
    ("证人邓国华，住址为东风路18号，当场报警。", "SC526", "证人邓国华，住址为东风路18号"),
])
def test_reporters_and_witnesses_are_blocked(found, text, rule, span):
    assert rules(found, text)[rule] == ("block", span)


@pytest.mark.parametrize("text", [
    "举报人刘某某反映的问题经查部分属实。",
    "县纪委监委对举报人信息严格保密，欢迎群众监督举报。",
    "报案人王女士称其手机被盗。",
    "县市场监管局局长周建平表示，将认真核查群众举报。",
    "培训办组织举报人和永鑫驾校进行协商。",
    "证人黄丽萍介绍，事发时她正在路边等车。",
])
def test_masked_reporters_and_witnesses_without_address_are_not_found(found, text):
    assert not {"SC525", "SC526"} & set(rules(found, text))
