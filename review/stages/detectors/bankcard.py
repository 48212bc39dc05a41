"""SC503: bank-card numbers (16–19 digits, Luhn-valid, a card-issuer prefix).

A unit's published account for donations or fees (户名, 开户行, 对公账户) is not private."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import SEP, Options, digits, hit, near
from review.stages.detectors.idcard import is_valid as is_id_card

RULE = Rule("SC503", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
            "个人银行卡号（个人隐私）", "a personal bank-card number (privacy)",
            "删除或打码，如 6222 **** **** 1234", "remove or mask it, e.g. 6222 **** **** 1234")
SPECS = [RuleSpec(
    RULE, Kind.DETECTOR, source=__name__,
    hit=("当事人将工资卡6228480012345678903借给他人使用，被依法处理。",
         "退款请汇至 6222 0210 0000 0000 009，王先生收。"),
    miss=("卡号 6228 **** **** 8903 的持卡人请到柜台办理。",
          "捐款账户户名：某某区慈善总会，开户行：某银行，账号6228480012345678903。"),
    detail_zh="通过 Luhn 校验的银行卡号；单位对公账户（注明户名、开户行）不报。",
    detail_en="a bank card number that passes the Luhn check; an organisation's published "
              "account (with 户名/开户行) is not reported.")]

# (?<![0-9a-z])[3-6]…, the look-behind after the first digit: a pattern that opens with a
# character class lets the engine skip to the next place one stands (three times quicker)
PATTERN = re_compile(rf"[3-6](?<![0-9a-z][3-6])\d(?:{SEP}\d){{14,17}}(?![0-9a-z])")
_PUBLIC_ACCOUNT = ("户名", "开户行", "开户银行", "对公", "收款单位", "捐款账号", "捐赠账号",
                   "账户名称", "单位账号")


def luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    for m in PATTERN.finditer(view.text):
        number = digits(m.group())
        if not 16 <= len(number) <= 19 or not luhn(number) or is_id_card(number):
            continue
        if near(view, m.start(), m.end(), _PUBLIC_ACCOUNT, before=30):
            continue
        yield hit(view, RULE, m.start(), m.end())
