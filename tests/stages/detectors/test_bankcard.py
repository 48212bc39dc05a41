import pytest


@pytest.mark.parametrize("text, span", [
    ("请把钱转到我的卡号6228480012345678903。", "6228480012345678903"),
    ("卡号：6222 0210 0000 0000 009", "6222 0210 0000 0000 009"),
    ("visa 4111111111111111 到账", "4111111111111111"),
])
def test_luhn_valid_card_numbers_are_blocked(found, text, span):
    assert ("SC503", "block", span) in found(text)


@pytest.mark.parametrize("text", [
    "卡号6228480012345678904。",  # fails the Luhn check
    "卡号6228 **** **** 8903。",
    "捐款账户户名：某某区慈善总会，开户行：某银行，账号6228480012345678903。",
])
def test_invalid_masked_and_published_accounts_are_not_findings(found, text):
    assert not [f for f in found(text) if f[0] == "SC503"]
