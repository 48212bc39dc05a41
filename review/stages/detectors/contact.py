"""AD501 WeChat handles, AD502 QQ numbers: contact handles given for private dealings.

The finding spans the handle itself. An official account's name (微信公众号：xxx, 关注…) is not
a contact handle. A handle offered with a call to act (加, 私聊, 下单 …) is an ad: `block`;
a bare handle is `review`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, hit, near

WECHAT = Rule("AD501", Category.ADS, Gate.POLICY, Severity.BLOCK,
              "微信联系方式（私下交易或广告引流）",
              "a WeChat contact handle (ad or private dealing)",
              "删除联系方式", "remove the contact handle")
QQ = Rule("AD502", Category.ADS, Gate.POLICY, Severity.BLOCK,
          "QQ 联系方式（私下交易或广告引流）", "a QQ contact number (ad or private dealing)",
          "删除联系方式", "remove the contact number")
SPECS = [
    RuleSpec(WECHAT, Kind.DETECTOR, source=__name__,
             hit=("手工粽子现货供应，有需要的加微信 zongzi_2026 下单。",
                  "想要团购的私聊威信号meishi_88，量大从优。",
                  "门店扫码关注即可订购，或+V：suanfen_2026。"),
             miss=("欢迎关注微信公众号：pinganxihu，获取最新资讯。",
                   "搜索微信号 xihugov 关注我们。"),
             detail_zh="招揽交易的微信号（含变体写法）；政务公众号名称不报。",
             detail_en="a WeChat handle offered for dealings (evasive spellings included); "
                       "official accounts are not reported."),
    RuleSpec(QQ, Kind.DETECTOR, source=__name__,
             hit=("招收兼职代理，加QQ：123456789 了解详情。",
                  "内部资源，需要的加扣扣 987654321 私聊。"),
             miss=("区图书馆读者交流群已满员，请关注公众号了解新群。",
                   "QQ音乐与区文旅局联合推出家乡歌曲专辑。"),
             detail_zh="为交易或导流留下的 QQ 号。",
             detail_en="a QQ number left for dealings or to draw buyers away."),
]

# The view is folded (simplified, lower case, half-width), so one spelling covers many; the
# characters of a prefix may be spaced out (加 薇 信).
_GAP = r"[ \t*·|_-]?"
_PREFIXES = ["微信", "威信", "薇信", "徽信", "维信", "微芯", "v信", "vx", "wx", "weixin", "wechat",
             "vchat", "绿色软件"]
_WECHAT = re_compile(
    "(?:" + "|".join(_GAP.join(map(re.escape, p)) for p in _PREFIXES)
    + r"|(?:加|\+)\s*v(?=[\s:：]))(?:号|id)?[\s:：]*([a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])")
_QQ = re_compile(r"(?:qq|扣扣|企鹅)(?:号|号码)?[\s:：]*([1-9]\d{4,10})(?!\d)")
_OFFICIAL = ("公众号", "关注", "官方", "视频号", "服务号", "订阅号", "搜索")
_SOLICIT = ("加", "添加", "私聊", "私信", "下单", "购买", "咨询", "代理", "联系", "详询", "找我")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    for pattern, rule in ((_WECHAT, WECHAT), (_QQ, QQ)):
        for m in pattern.finditer(view.text):
            start, end = m.span(1)
            # an official account named in the same clause (关注公众号：xxx), not a clause
            # before it (扫码关注订购，或+V：xxx)
            clause = max(view.text.rfind(c, max(0, m.start() - 8), m.start()) for c in ",;。")
            before = 8 if clause < 0 else m.start() - clause - 1
            if near(view, m.start(), m.start(1), _OFFICIAL, before=before):
                continue
            solicits = near(view, m.start(), m.start(1), _SOLICIT, before=8)
            yield hit(view, rule, start, end, None if solicits else Severity.REVIEW)
