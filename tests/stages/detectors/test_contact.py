import pytest


@pytest.mark.parametrize("text, span", [
    ("需要的加微信 abc_shop888 下单", "abc_shop888"),
    ("加 V：sale2026x 详聊", "sale2026x"),
    ("私聊威信号tianmei_99", "tianmei_99"),
])
def test_wechat_handles_with_a_call_to_act_are_blocked(found, text, span):
    assert ("AD501", "block", span) in found(text)


def test_qq_numbers_offered_for_dealings_are_blocked(found):
    assert ("AD502", "block", "123456789") in found("代理加QQ：123456789")


def test_a_bare_handle_is_for_review(found):
    assert ("AD501", "review", "wang_lei88") in found("他的微信号wang_lei88。")


@pytest.mark.parametrize("text", [
    "欢迎关注微信公众号：pinganxihu。",
    "搜索微信号 xihugov 关注我们。",
])
def test_official_account_names_are_not_findings(found, text):
    assert found(text) == []
