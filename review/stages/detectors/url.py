"""AD503 commercial links, AD504 other external links.

Government (*.gov.cn) and official media domains pass, as do domains the config names.
Shops, short links and marketing domains are ads (`block`); any other external link is
`review`: the editor confirms it is not commercial. The raw text is scanned, so link targets
hidden by Markdown or HTML are checked too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, hit

COMMERCIAL = Rule("AD503", Category.ADS, Gate.POLICY, Severity.BLOCK,
                  "商业或营销链接", "a commercial or marketing link",
                  "删除链接", "remove the link")
EXTERNAL = Rule("AD504", Category.ADS, Gate.POLICY, Severity.REVIEW,
                "外部链接，须确认不是商业链接", "an external link: confirm it is not commercial",
                "确需引用的，请改用政府网站或权威媒体链接",
                "link to a government site or an official medium instead")
SPECS = [
    RuleSpec(COMMERCIAL, Kind.DETECTOR, source=__name__,
             hit=("年货节特惠，点击 https://item.taobao.com/item.htm?id=123 抢购。",
                  "更多优惠请访问 www.haohuo.shop 了解。",
                  "想买的朋友浏览器输入 haohuo点shop 下单。"),
             miss=("详情请见区政府门户网站 https://www.example.gov.cn/notice/1.html。",
                   "转载自新华网 http://www.news.cn/politics/2026-12/01/c_1.htm。"),
             detail_zh="网店、短链接、营销域名的链接。",
             detail_en="a link to a shop, a short-link service or a marketing domain."),
    RuleSpec(EXTERNAL, Kind.DETECTOR, source=__name__,
             hit=("报名请登录 https://www.example-events.com/signup 填写信息。",
                  "活动详情见 www.lvyou-example.net。",
                  "详情见 www点lvyou-example点com/item?id=86。"),
             miss=("政策原文见 https://www.gov.cn/zhengce/content/2026-01/01/content_1.htm。",
                   "人民网 http://society.people.com.cn/n1/2026/1201/c1.html 报道了此事。",
                   "下午三点com网络公司来访。"),
             detail_zh="政府网站和权威媒体以外的外部链接，须确认不是商业链接。",
             detail_en="a link outside government sites and official media: confirm it is not "
                       "commercial."),
]

OFFICIAL_SUFFIXES = (
    "gov.cn", "12377.cn", "12371.cn", "people.com.cn", "people.cn", "xinhuanet.com", "news.cn",
    "cctv.com", "cctv.cn", "cntv.cn", "chinadaily.com.cn", "gmw.cn", "qstheory.cn", "ce.cn",
    "youth.cn", "cri.cn", "cnr.cn", "chinanews.com.cn", "china.com.cn", "81.cn", "workercn.cn",
    "cyol.com", "12306.cn", "12315.cn", "12333.cn", "npc.gov.cn", "cpc.people.com.cn",
    "edu.cn", "ac.cn", "moe.edu.cn", "chsi.com.cn",
)
COMMERCIAL_SUFFIXES = (
    "taobao.com", "tmall.com", "jd.com", "pinduoduo.com", "yangkeduo.com", "1688.com",
    "vip.com", "suning.com", "dianping.com", "meituan.com", "t.cn", "dwz.cn", "url.cn",
    "suo.im", "bit.ly", "tinyurl.com", "v.douyin.com", "weidian.com", "youzan.com", "xhslink.com",
)
COMMERCIAL_TLDS = ("shop", "vip", "top", "xyz", "store", "club", "buzz", "bet", "casino", "win",
                   "loan", "icu", "fun", "live")
REVIEW_HOSTS = ("mp.weixin.qq.com",)

_TLD = r"(?:com|cn|net|org|top|xyz|shop|vip|cc|me|io|club|site|online|store|app|info|biz|tv|" \
       r"icu|fun|live|win|bet|loan|buzz|casino|ly|im)"
_PATH = r"[a-z0-9\-._~:/?#@$&*+=%]"  # RFC 3986 characters; Chinese text may follow at once
# (?:https?://|www\.){_PATH}+|(?<![\w@.-])(?:[a-z0-9-]+\.)+{_TLD}(?![a-z0-9-])(?:/{_PATH}*)?
# written to open with its first character, a letter, digit or hyphen (the branch chosen by
# it, the look-behind after it): the engine then skips to the next such character instead
# of trying every branch at every character of Chinese prose (eight times quicker).
PATTERN = re_compile(
    rf"[a-z0-9-](?:(?<=h)ttps?://{_PATH}+|(?<=w)ww\.{_PATH}+"
    rf"|(?<![\w@.-].)[a-z0-9-]*\.(?:[a-z0-9-]+\.)*{_TLD}(?![a-z0-9-])(?:/{_PATH}*)?)",
    re.ASCII,
)
_HOST = re_compile(r"^(?:https?://)?([^/:?#]+)")
# A link with its dots spelled out to slip past a filter: www点shop点com, shop(dot)com.
_SPELT_DOT = r"(?:点|\(点\)|\[点\]|（点）|\(dot\)|\[dot\])"
# (?<![a-z0-9-])(?:[a-z0-9-]+{_SPELT_DOT})+…, opening with its first character likewise
SPELT = re_compile(rf"[a-z0-9-](?<![a-z0-9-].)[a-z0-9-]*{_SPELT_DOT}(?:[a-z0-9-]+{_SPELT_DOT})*"
                   rf"{_TLD}(?![a-z0-9-])(?:/{_PATH}*)?")


def _matches(host: str, suffixes: tuple[str, ...]) -> bool:
    return any(host == s or host.endswith("." + s) for s in suffixes)


def is_official(host: str, options: Options) -> bool:
    return _matches(host.lower(), OFFICIAL_SUFFIXES + options.official_domains)


def classify(url: str, options: Options) -> Rule | None:
    host = _HOST.match(url)
    if not host:
        return None
    name = host.group(1).lower().rstrip(".")
    if "." not in name or is_official(name, options):
        return None
    if _matches(name, COMMERCIAL_SUFFIXES) or name.rsplit(".", 1)[-1] in COMMERCIAL_TLDS:
        return COMMERCIAL
    return EXTERNAL


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.raw
    for m in PATTERN.finditer(view.text):
        url = m.group().rstrip(".,;:!?")
        rule = classify(url, options)
        if rule is not None:
            if _matches(url.split("/")[2] if "://" in url else "", REVIEW_HOSTS):
                rule = EXTERNAL
            yield hit(view, rule, m.start(), m.start() + len(url))
    for m in SPELT.finditer(view.text):
        url = m.group().rstrip(".,;:!?")
        rule = classify(re.sub(_SPELT_DOT, ".", url), options)
        if rule is not None:
            yield hit(view, rule, m.start(), m.start() + len(url))
