"""AD501 WeChat handles, AD502 QQ numbers: contact handles given for private dealings.

The finding spans the handle itself. An official account's name (微信公众号：xxx, 关注…) is not
a contact handle. A handle offered with a call to act (加, 私聊, 下单 …) is an ad: `block`;
a bare handle is `review`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.stages.detectors import Options
from review.stages.detectors.common import hit, near

WECHAT = Rule("AD501", Category.ADS, Gate.POLICY, Severity.BLOCK,
              "微信联系方式（私下交易或广告引流）",
              "a WeChat contact handle (ad or private dealing)",
              "删除联系方式", "remove the contact handle")
QQ = Rule("AD502", Category.ADS, Gate.POLICY, Severity.BLOCK,
          "QQ 联系方式（私下交易或广告引流）", "a QQ contact number (ad or private dealing)",
          "删除联系方式", "remove the contact number")
RULES = [WECHAT, QQ]

# The view is folded (simplified, lower case, half-width), so one spelling covers many; the
# characters of a prefix may be spaced out (加 薇 信).
_GAP = r"[ \t*·|_-]?"
_PREFIXES = ["微信", "威信", "薇信", "徽信", "维信", "微芯", "v信", "vx", "wx", "weixin", "wechat",
             "vchat", "绿色软件"]
_WECHAT = re.compile(
    "(?:" + "|".join(_GAP.join(map(re.escape, p)) for p in _PREFIXES)
    + r"|(?:加|\+)\s*v(?=[\s:：]))(?:号|id)?[\s:：]*([a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])")
_QQ = re.compile(r"(?:qq|扣扣|企鹅)(?:号|号码)?[\s:：]*([1-9]\d{4,10})(?!\d)")
_OFFICIAL = ("公众号", "关注", "官方", "视频号", "服务号", "订阅号", "搜索")
_SOLICIT = ("加", "添加", "私聊", "私信", "下单", "购买", "咨询", "代理", "联系", "详询", "找我")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    for pattern, rule in ((_WECHAT, WECHAT), (_QQ, QQ)):
        for m in pattern.finditer(view.text):
            start, end = m.span(1)
            if near(view, m.start(), m.start(1), _OFFICIAL, before=8):
                continue
            solicits = near(view, m.start(), m.start(1), _SOLICIT, before=8)
            yield hit(view, rule, start, end, None if solicits else Severity.REVIEW)
