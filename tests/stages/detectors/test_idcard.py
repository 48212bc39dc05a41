import pytest

VALID = "11010519491231002X"  # the sample number of GB 11643-1999


@pytest.mark.parametrize("text, span", [
    (f"申请人身份证号：{VALID}，现住某小区。", VALID),
    (f"身份证 {VALID.lower()} 已登记", VALID.lower()),
    ("证件号码１１０１０５１９４９１２３１００２Ｘ。", "１１０１０５１９４９１２３１００２Ｘ"),
    ("号码 110105 19491231 002X 请核对", "110105 19491231 002X"),
])
def test_unmasked_id_numbers_are_blocked(found, text, span):
    assert ("SC501", "block", span) in found(text)


@pytest.mark.parametrize("text", [
    "申请人身份证号：1101**********002X。",
    "身份证号：110105194912310021。",  # wrong check digit
    "订单号110105194913310028已发货。",  # month 13
    "统一社会信用代码91330100MA2KXXXX1X。",
])
def test_masked_or_invalid_numbers_are_not_findings(found, text):
    assert not [f for f in found(text) if f[0] == "SC501"]
