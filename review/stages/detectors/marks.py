"""SC510: classification marks (绝密★, 机密★, 秘密★) and restricted-circulation notes
(内部资料, 不得外传) that show a document was never meant for publication."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.automaton import present
from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, finditer, hit, windows

CLASSIFIED = Rule("SC510", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
                  "密级标志：涉密文件不得公开发布", "a classification mark: classified material",
                  "撤下全文，按保密规定处理", "withdraw the text and follow the secrecy rules")
RESTRICTED = Rule("SC511", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
                  "内部资料标注：限定范围的材料不得公开发布",
                  "marked for internal circulation only",
                  "撤下，确认可以公开后再发布", "withdraw it until it is cleared for publication")
SPECS = [
    RuleSpec(CLASSIFIED, Kind.DETECTOR, source=__name__,
             hit=("机密★1年\n关于做好节日期间安全保卫工作的通知",
                  "（秘密★）全区重点部位安保部署情况汇总",
                  "【绝密】全市重要目标警卫方案",
                  "文件密级：机密　保密期限：5年",
                  "本件属机密级文件，请按规定管理。",
                  "下面是标有“绝密”字样的会议纪要，原文如下。"),
             miss=("全区开展保密宣传月活动，普及密级标志知识。",
                   "保守国家秘密是每个公民的义务。",
                   "《保密法》规定，国家秘密的密级分为绝密、机密、秘密三级。",
                   "揭秘：古镇千年不倒的秘密【图】",
                   "培训中讲到，标有“机密”字样的文件不得拍照、复印。"),
             detail_zh="绝密★、机密★、秘密★等密级标志；方括号中的【绝密】【机密】；“密级：机密”；"
                       "“此件属机密级文件”；“标有‘绝密’的……截图如下”。",
             detail_en="a classification mark such as 绝密★, 机密★ or 秘密★, 【机密】, "
                       "密级：机密, 此件属机密级, or a screenshot of a document marked 绝密."),
    RuleSpec(RESTRICTED, Kind.DETECTOR, source=__name__,
             hit=("【内部资料 不得外传】2027年度重点项目推进计划",
                  "内部文件，请勿外传\n区财政局关于预算调整的说明"),
             miss=("《某某年鉴》为内部资料性出版物，已依法取得准印证。",
                   "保密培训强调：涉密文件不得外传。"),
             detail_zh="“内部资料”“不得外传”等限定传阅范围的标注（以标注形式出现时）。",
             detail_en="a restricted-circulation note (内部资料, 不得外传) written as an "
                       "annotation."),
]

_LEVEL = r"(?:绝密|机密|秘密)"
# The mark in its forms: 机密★; 【绝密】 (秘密 in brackets heads too many feature stories);
# 密级：机密 on a cover; 此件属机密级 said of the document itself; and a document shown as
# marked (标有“绝密”的纪要截图如下), which training posts describe but never show.
_CLASSIFIED = re_compile(
    rf"{_LEVEL}\s*[★☆]|[【\[(（]\s*(?:绝密|机密)(?:级)?\s*[】\])）]"
    rf"|密级\s*[:：]\s*{_LEVEL}"
    rf"|(?:此件|本件|本文件|该文件|本材料|此文件)(?:为|系|属|属于|是){_LEVEL}级?"
    rf"|(?:标有|标注|标着|印有|盖有)[“\"「]?{_LEVEL}[★]?[”\"」]?(?:字样)?的[^。;!?\n]{{0,24}}?"
    r"(?:截图如下|全文如下|照片如下|原文如下|见下图|如下图)")
# Only as an annotation: in brackets or on a line of its own. 内部资料性出版物 is a legal
# publication category, and a training post may well say 涉密文件不得外传.
_NOTE = r"(?:内部(?:资料|文件|材料|传阅)(?:\s*[,、]?\s*(?:不得|严禁|请勿|禁止)(?:外传|外泄))?" \
        r"|(?:不得|严禁|请勿|禁止)(?:外传|外泄))"
_RESTRICTED = re_compile(
    rf"[【\[(]\s*{_NOTE}\s*[】\])]|^[ \t]*{_NOTE}[ \t]*[。!]?[ \t]*$", re.MULTILINE)
# What every note holds: a text without any is not searched (the pattern, opening with ^ in
# one branch, is tried at every character)
_NOTE_WORDS = ("内部", "外传", "外泄")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    # Every mark holds 密 (a level or 密级), at most 8 characters after its start and 40
    # before its end; restricted notes are rarer and matched over the whole text as before.
    marks = finditer(_CLASSIFIED, text, windows(text, ("密",), 8, 40))
    notes = _RESTRICTED.finditer(text) if present(text, _NOTE_WORDS) else ()
    for matches, rule in ((marks, CLASSIFIED), (notes, RESTRICTED)):
        for m in matches:
            start, end = m.span()
            while view.text[start] in " \t":
                start += 1
            while view.text[end - 1] in " \t":
                end -= 1
            yield hit(view, rule, start, end)
