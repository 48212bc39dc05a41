"""SC525 a whistleblower's or reporter's name, SC526 a witness's name with an address.

Who reported a case is protected (刑事诉讼法 第一百一十一条, 信访工作条例): 举报人为刘志强,
村民刘志强实名举报. A witness named with where they live is exposed to retaliation. Masked
names (举报人刘某某, 证人王女士) are not found (names.py)."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.regexcache import finditer_near
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.address import HOME_DETAIL
from review.stages.detectors.common import Options, finditer, hit, windows
from review.stages.detectors.names import person_names

REPORTER = Rule("SC525", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
                "披露举报人、报案人身份（个人隐私与安全）",
                "a whistleblower's or reporter's identity",
                "删除举报人姓名，改为“群众”“举报人”", "drop the name: say 群众 or 举报人")
WITNESS = Rule("SC526", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
               "披露证人姓名及住址（个人隐私与安全）", "a witness's name and address",
               "删除证人姓名和住址", "drop the witness's name and address")
SPECS = [
    RuleSpec(REPORTER, Kind.DETECTOR, source=__name__,
             hit=("经查，举报人为刘志强，反映的问题基本属实。",
                  "报案人孙桂香称其家中财物被盗。",
                  "村民郭永福实名举报村干部违规发放补贴。",
                  "线索提供人：彭晓东，已按规定给予奖励。",
                  "据举报人青山镇居民田国庆反映，该厂夜间偷排废水。",
                  "白沙村村民曾凡荣向县纪委监委实名反映村会计挪用资金。",
                  "这条线索由热心群众韦志刚提供，民警据此抓获了嫌疑人。",
                  "经知情人龚德明指认，民警找到了被盗车辆。"),
             miss=("举报人刘某某反映的问题经查部分属实。",
                   "县纪委监委对举报人信息严格保密，欢迎群众监督举报。",
                   "报案人王女士称其手机被盗。",
                   "县市场监管局局长周建平表示，将认真核查群众举报。",
                   "村民李大爷向镇政府反映路灯不亮，第二天就修好了。",
                   "据知情人透露，该厂已停产多日。",
                   "民警根据群众提供的线索，很快找到了走失老人。"),
             detail_zh="举报人、报案人、检举人、线索提供人的真实姓名，或“某某实名举报”。",
             detail_en="the real name of a whistleblower, reporter or informant."),
    RuleSpec(WITNESS, Kind.DETECTOR, source=__name__,
             hit=("证人马春生（家住西湖村三组）证实当晚听到争吵。",
                  "据证人黄丽萍介绍，她住在幸福小区3栋2单元，目击了事发经过。",
                  "证人邓国华，住址为东风路18号，当场拨打了报警电话。"),
             miss=("证人王某某（家住某村）证实当晚听到争吵。",
                   "证人黄丽萍介绍，事发时她正在路边等车。",
                   "法院依法保护证人的人身安全，证人住址不予公开。"),
             detail_zh="证人的真实姓名与其住址同句出现。",
             detail_en="a witness's real name with where they live."),
]

_ROLES = r"举报人|报案人|检举人|控告人|线索提供人|举报群众|举报者|爆料人|知情人|证人"
_ROLE = re_compile(rf"(?:实名)?(?:{_ROLES})(?:为|是|系)?[:\s]*")
# a role within two characters of each match's start (实名): _ROLE is tried only there
_ROLE_NEAR = re_compile(_ROLES)
_SENTENCE_END = re_compile(r"[。;!?\n]")
# The act right after the name, or after whom it was addressed to (郭桂芳向县纪委实名反映):
# a report, a tip-off, a named complaint; a plain complaint (向12345投诉) is for review.
_ACTS = re_compile(r"(?:向[^,。;!?\n]{1,12}?)?(?:的)?(?:实名)?(?:举报|检举|控告|报案)"
                   r"(?!人|电话|箱|平台|方式|中心|信箱)|向[^,。;!?\n]{1,12}?(实名反映|实名投诉|投诉)"
                   r"|实名反映|实名投诉")
# A tip-off credited to someone: 线索由村民周春华提供.
_TIP = re_compile("线索")
# Between a role and the name, where the person comes from (举报人柳湾镇村民邓海涛).
_BETWEEN = re_compile(r"[^,。;!?\n]{0,14}")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    # Names are looked for only in the sentences that name a role or an act (they cost).
    # an act may open with whom it went to (向县纪委实名反映): 14 characters before its word
    spans = windows(text, ("举报", "报案", "检举", "控告", "线索", "证人", "爆料", "知情人",
                           "实名反映", "投诉"), 14, 6)
    cues = sorted(m.start() for pattern in (_ROLE, _ACTS, _TIP)
                  for m in finditer(pattern, text, spans))
    if not cues:
        return
    names: list[tuple[int, int]] = []
    done = -1
    for cue in cues:
        if cue < done:
            continue
        stop = _SENTENCE_END.search(text, cue)
        low = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, cue - 200), cue)),
                  default=max(0, cue - 200))
        done = stop.start() if stop else len(text)
        names += [(a + low, b + low) for a, b in person_names(text[low:done])]
    starts = {start: end for start, end in names}
    for m in finditer_near(_ROLE, _ROLE_NEAR, 2, text):
        end = starts.get(m.end())
        if end is None and "证人" not in m.group():
            reach = _BETWEEN.match(text, m.end()).end()  # 举报人柳湾镇村民邓海涛
            end = next((b for a, b in names if m.end() < a <= reach), None)
        if end is None:
            continue
        if "证人" not in m.group() or "举报" in m.group():
            yield hit(view, REPORTER, m.start(), end)
            continue
        # the witness's sentence, brackets and commas included: 证人邓国华，住址为…
        stop = _SENTENCE_END.search(text, end, end + 40)
        place = next(HOME_DETAIL.finditer(text, end, stop.start() if stop else end + 40),
                     None)
        if place is not None:
            yield hit(view, WITNESS, m.start(), place.end())
    for start, end in names:
        m = _ACTS.match(text, end)
        if m is not None and not text.startswith("人", m.end()):
            complaint = m.group(1) == "投诉"
            yield hit(view, REPORTER, start, m.end(), Severity.REVIEW if complaint else None)
        elif text.startswith("提供", end) and "线索" in text[max(0, start - 30):start]:
            yield hit(view, REPORTER, start, end + 2)  # 线索由村民周春华提供

