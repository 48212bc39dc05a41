"""SC504: personal e-mail addresses. An office's published mailbox is not a finding:
government and official domains, or an address introduced as 投稿邮箱/联系邮箱."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, hit, near
from review.stages.detectors.url import is_official

RULE = Rule("SC504", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.REVIEW,
            "个人电子邮箱（可能涉及个人隐私）", "a personal e-mail address (possibly private)",
            "确认是单位公开邮箱，否则删除", "keep only the office's published mailbox")
SPECS = [RuleSpec(
    RULE, Kind.DETECTOR, source=__name__,
    hit=("志愿者李某的邮箱lixiaoming1988@163.com已登记在册。",
         "如有疑问可发邮件至 wangfang_2001@qq.com 联系她本人。"),
    miss=("来信请寄区政府办公室邮箱 bangongshi@example.gov.cn。",
          "投稿邮箱：xcb_tougao@163.com，欢迎来稿。"),
    detail_zh="个人电子邮箱地址；政府域名和注明投稿、办公用途的公开邮箱不报。",
    detail_en="a personal e-mail address; government domains and published submission or "
              "office mailboxes are not reported.")]

PATTERN = re_compile(r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{0,63}@([a-z0-9-]+(?:\.[a-z0-9-]+)*"
                     r"\.[a-z]{2,})", re.ASCII)
_PUBLISHED = ("投稿", "联系邮箱", "电子邮箱", "邮箱地址", "来信", "来稿", "举报邮箱", "咨询邮箱",
              "官方邮箱", "工作邮箱", "报名邮箱")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.raw
    if "@" not in view.text:  # the pattern's look-behind start makes a full scan costly
        return
    for m in PATTERN.finditer(view.text):
        if is_official(m.group(1), options):
            continue
        if near(view, m.start(), m.end(), _PUBLISHED, before=16):
            continue
        yield hit(view, RULE, m.start(), m.end())
