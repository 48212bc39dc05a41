import pytest

from review.stages.detectors.names import common_words, person_names


def names(text: str) -> list[str]:
    return [text[start:end] for start, end in person_names(text)]


@pytest.mark.parametrize("text, expected", [
    ("村民李春兰患尿毒症多年。", ["李春兰"]),
    ("举报人为刘志强。", ["刘志强"]),
    ("王小明,男,12岁,", ["王小明"]),
    ("欧阳娜娜因病住院", ["欧阳娜娜"]),
    ("患尿毒症的村民黄秀英靠编织竹篮补贴家用", ["黄秀英"]),
    ("刘强家住建设路", ["刘强"]),
    ("王芳今年11岁", ["王芳"]),
    ("张伟等人参加了培训", ["张伟"]),
    ("12岁的陈思雨", ["陈思雨"]),
    ("司马一凡、诸葛亮亮", ["诸葛亮亮"]),  # numerals end a name: 司马一凡 is missed
])
def test_unmasked_names_are_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "张某、李**、王××、刘女士、陈先生、小陈、老张、张xx、赵〇〇、孙某某",
    "县长王志刚主持会议,王志刚同志指出",
    "副局长李明介绍,主治医生张华说",
    "我们要提高认识,如何做好工作",
    "全县安全生产形势平稳,任务重、责任大",
    "何家村村民,黄金周期间,初中一年级",
])
def test_masked_names_officials_and_words_are_not_names(text):
    assert names(text) == []


def test_the_everyday_words_come_from_jiebas_dictionary():
    words = common_words()
    assert {"安全", "任务", "初中"} <= words
    assert "李明" not in words
