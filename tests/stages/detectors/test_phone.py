import pytest


@pytest.mark.parametrize("text, span", [
    ("张某某手机13812345678，住址某小区。", "13812345678"),
    ("有事打 138 1234 5678 找我", "138 1234 5678"),
    ("电话：+86 13912345678", "+86 13912345678"),
    ("号码１３８１２３４５６７８", "１３８１２３４５６７８"),
    ("号码一三八一二三四五六七八", "一三八一二三四五六七八"),
])
def test_private_mobile_numbers_are_blocked(found, text, span):
    assert ("SC502", "block", span) in found(text)


def test_a_mobile_given_as_work_contact_is_for_review(found):
    assert ("SC502", "review", "13812345678") in found("报名咨询联系人：王老师，13812345678。")


@pytest.mark.parametrize("text", [
    "咨询电话：0571-87654321。",
    "市民服务热线12345，反诈专线96110。",
    "客服电话400-123-4567。",
    "联系人手机：138****5678。",
])
def test_office_lines_hotlines_and_masked_numbers_are_not_findings(found, text):
    assert found(text) == []


def test_a_private_home_landline_is_blocked(found):
    assert ("SC505", "block", "0571-87654321") in found("张某家庭电话0571-87654321。")
