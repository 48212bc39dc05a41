import pytest


@pytest.mark.parametrize("text, span", [
    ("秘密★1年\n关于某项工作的安排", "秘密★"),
    ("绝密 ★ 启用前", "绝密 ★"),
    ("机密☆", "机密☆"),
])
def test_classification_marks_are_blocked(found, text, span):
    assert ("SC510", "block", span) in found(text)


@pytest.mark.parametrize("text, span", [
    ("【内部资料】2027年工作要点", "【内部资料】"),
    ("（内部资料，不得外传）", "（内部资料，不得外传）"),
    ("标题\n  内部文件  \n正文", "内部文件"),
    ("请勿外传\n会议纪要", "请勿外传"),
])
def test_internal_circulation_notes_are_blocked(found, text, span):
    assert ("SC511", "block", span) in found(text)


@pytest.mark.parametrize("text", [
    "各单位要牢记涉密文件不得外传的纪律要求。",
    "办理内部资料性出版物准印证须提交以下材料。",
    "坚持保守秘密，增强保密意识。",
])
def test_confidentiality_training_is_not_a_finding(found, text):
    assert not [f for f in found(text) if f[0] in ("SC510", "SC511")]
