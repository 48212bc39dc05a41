"""SC510: classification marks (绝密★, 机密★, 秘密★) and restricted-circulation notes
(内部资料, 不得外传) that show a document was never meant for publication."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, hit

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
                  "（秘密★）全区重点部位安保部署情况汇总"),
             miss=("全区开展保密宣传月活动，普及密级标志知识。",
                   "保守国家秘密是每个公民的义务。"),
             detail_zh="绝密★、机密★、秘密★等密级标志。",
             detail_en="a classification mark such as 绝密★, 机密★ or 秘密★."),
    RuleSpec(RESTRICTED, Kind.DETECTOR, source=__name__,
             hit=("【内部资料 不得外传】2027年度重点项目推进计划",
                  "内部文件，请勿外传\n区财政局关于预算调整的说明"),
             miss=("《某某年鉴》为内部资料性出版物，已依法取得准印证。",
                   "保密培训强调：涉密文件不得外传。"),
             detail_zh="“内部资料”“不得外传”等限定传阅范围的标注（以标注形式出现时）。",
             detail_en="a restricted-circulation note (内部资料, 不得外传) written as an "
                       "annotation."),
]

_CLASSIFIED = re.compile(r"(?:绝密|机密|秘密)\s*[★☆]")
# Only as an annotation: in brackets or on a line of its own. 内部资料性出版物 is a legal
# publication category, and a training post may well say 涉密文件不得外传.
_NOTE = r"(?:内部(?:资料|文件|材料|传阅)(?:\s*[,、]?\s*(?:不得|严禁|请勿|禁止)(?:外传|外泄))?" \
        r"|(?:不得|严禁|请勿|禁止)(?:外传|外泄))"
_RESTRICTED = re.compile(
    rf"[【\[(]\s*{_NOTE}\s*[】\])]|^[ \t]*{_NOTE}[ \t]*[。!]?[ \t]*$", re.MULTILINE)


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    for pattern, rule in ((_CLASSIFIED, CLASSIFIED), (_RESTRICTED, RESTRICTED)):
        for m in pattern.finditer(view.text):
            start, end = m.span()
            while view.text[start] in " \t":
                start += 1
            while view.text[end - 1] in " \t":
                end -= 1
            yield hit(view, rule, start, end)
