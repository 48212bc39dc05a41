import pytest

from review.document import Document
from review.stages.expression import regions


def found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in regions.detect(Document("t", text))]


@pytest.mark.parametrize("text, span", [
    # a list closed by 等国(家) or a count: the finding runs to the closing, where 和地区 goes
    ("来自美国、日本、台湾等国家的游客", "台湾等国家"),
    ("展会吸引了韩国、新加坡和香港等国的企业参展", "香港等国"),
    ("各国代表团包括：法国、德国、澳门", "澳门"),
])
def test_regions_listed_as_countries_are_blocked(text, span):
    assert found(text) == [span]


@pytest.mark.parametrize("text", [
    "来自美国、日本、中国台湾等国家和地区的游客",
    "来自美国、日本等国家和台湾地区的游客",
    "香港特区政府与各国驻港机构保持沟通",
    "台湾同胞和各国友人欢聚一堂",
    "我们欢迎香港、澳门的朋友来内地旅游",
])
def test_correct_wording_is_quiet(text):
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "向香港特别行政区同胞、澳门和台湾同胞、海外侨胞，向世界各国的朋友们致以问候。",
    "香港权智集团、日本夏普株式会社等企业作出了积极反应。",
    "港人及各国投资者对香港前景信心不断增强。",
    "中国和平地收回香港，赢得了世界各国人民的赞誉。",
])
def test_regions_merely_near_the_word_country_are_quiet(text):
    assert found(text) == []


@pytest.mark.parametrize("text, span", [
    ("选手来自越南、中国台湾、老挝等6个国家。", "中国台湾、老挝等6个国家"),
    ("来自中国香港、葡萄牙两国的嘉宾出席。", "中国香港"),
])
def test_a_region_named_with_china_is_still_an_item_of_a_list_of_countries(text, span):
    assert found(text) == [span]


@pytest.mark.parametrize("text, span", [
    ("研学营招收15名香港中学生和15名中国中学生。", "香港中学生和15名中国中学生"),
    ("推动中国高校与台湾高校的交流合作。", "中国高校与台湾高校"),
    ("澳门居民和中国居民同样享受优惠。", "澳门居民和中国居民"),
])
def test_a_region_set_against_china_is_blocked(text, span):
    assert found(text) == [span]


@pytest.mark.parametrize("text", [
    "研学营招收15名香港中学生和15名内地中学生。",
    "推动大陆高校与台湾高校的交流合作。",
    "中国高校与中国台湾高校的交流合作。",
    "台湾同胞和中国人民血脉相连。",          # different nouns on the two sides
    "香港中学生和中国历史爱好者。",
])
def test_mainland_and_the_region_side_by_side_are_quiet(text):
    assert found(text) == []
