"""SC502 mobile numbers, SC505 private landlines.

A mobile number is a person's: `block`, or `review` where it is given as a work contact
(联系电话, 联系人 …). Landlines and hotlines (12345, 0571-8765 4321, 400 …) are published office
numbers and are reported only where the text calls them a private or home number."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.regexcache import finditer_near
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import SEP, Options, hit, near

MOBILE = Rule("SC502", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
              "个人手机号码（个人隐私）", "a personal mobile number (privacy)",
              "删除或打码，如 138****5678；对外联系请使用单位公开电话",
              "remove or mask it (138****5678); publish the office's number instead")
LANDLINE = Rule("SC505", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
                "个人住宅电话（个人隐私）", "a private home telephone number (privacy)",
                "删除该号码", "remove the number")
SPECS = [
    RuleSpec(MOBILE, Kind.DETECTOR, source=__name__,
             hit=("走失老人李某，其儿子手机13812345678，请知情者留意。",
                  "有意者请打 139 8765 4321 找陈师傅。"),
             miss=("咨询电话：0571-87654321，工作日 9:00—17:00。",
                   "联系人手机：138****5678。"),
             detail_zh="个人手机号码；作为工作联系方式给出的为待审，打码或座机热线不报。",
             detail_en="a personal mobile number; given as a work contact it is for review; "
                       "masked numbers and office lines are not reported."),
    RuleSpec(LANDLINE, Kind.DETECTOR, source=__name__,
             hit=("经查，刘某家庭电话0571-87654321，住址为某小区。",
                  "当事人住宅电话 021-62345678 已登记。"),
             miss=("区政务服务中心办公电话0571-87654321。",
                   "市民服务热线12345全天候受理诉求。"),
             detail_zh="文中称为家庭、住宅或私人电话的座机号码。",
             detail_en="a landline the text calls a home or private number."),
]

_MOBILE = re_compile(rf"(?<![0-9a-z])(?:\+?86{SEP})?1[3-9]\d(?:{SEP}\d){{8}}(?![0-9a-z])")
# Every mobile number holds 1[3-9] within four characters of its start (+86-): the pattern
# is tried only there (finditer_near), not at every character.
_MOBILE_NEAR = re_compile("1[3-9]")
# (?<![0-9a-z])0…, the look-behind after the 0: a pattern opening with a literal lets the
# engine skip to the next 0
_LANDLINE = re_compile(r"0(?<![0-9a-z]0)\d{2,3}[ \-]?\d{7,8}(?![0-9a-z])")
_WORK_CONTACT = ("联系电话", "联系方式", "联系人", "咨询电话", "报名电话", "热线", "值班电话",
                 "服务电话", "办公电话", "举报电话", "投诉电话", "电话咨询", "负责人")
_PRIVATE = ("家庭电话", "住宅电话", "家里电话", "私人电话", "家庭住址", "宅电")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    for m in finditer_near(_MOBILE, _MOBILE_NEAR, 4, view.text):
        work = near(view, m.start(), m.end(), _WORK_CONTACT, before=16)
        yield hit(view, MOBILE, m.start(), m.end(), Severity.REVIEW if work else None)
    for m in _LANDLINE.finditer(view.text):
        if near(view, m.start(), m.end(), _PRIVATE, before=12):
            yield hit(view, LANDLINE, m.start(), m.end())
