"""The release checks' rules: the CI gate (RV001–RV099: a changed file without a valid
release attestation), the published-page check (RV101–RV199: what went out against what
was approved), in-draft suppression (RV201–RV299: what a draft's `review-ignore`
directives did, review.suppress) and reading (RV301–RV399: text a file holds that its readers
are not shown, review.inputs). Declared here, below the pipeline, so that the registry
lists them without importing the commands that use them."""

from __future__ import annotations

from review.findings import Category, Gate, Rule, Severity

# Content that went out unreviewed has passed none of the five gates; 政治关 is the first.
NOT_APPROVED = Rule("RV001", Category.RELEASE, Gate.POLITICAL, Severity.BLOCK,
                    "没有本内容的有效发布证明（未经审核发布）",
                    "no valid release attestation for this content (not approved)",
                    "提交送审（review submit），经审核通过并发布（review release）后再合并",
                    "submit it for review and release it (review submit … review release) "
                    "before merging")
# The roster export at the base revision knows every revocation, policy and threshold up to
# it: a change that removes it, or puts back an older one (validly signed, from before a
# revocation), would have the gate forget them once merged.
ROSTER_GOES_BACK = Rule("RV002", Category.RELEASE, Gate.POLITICAL, Severity.BLOCK,
                        "名册导出被删除、替换或回退：不包含基线版本导出的全部记录",
                        "the roster export is removed, replaced or rolled back: it does not "
                        "hold every record of the base revision's",
                        "合并默认分支后，由管理员重新导出名册（review roster export）并提交",
                        "merge the default branch, then have an admin export the roster again "
                        "(review roster export) and commit that")
GATE = [NOT_APPROVED, ROSTER_GOES_BACK]


def _rule(number: int, gate: Gate, severity: Severity, zh: str, en: str) -> Rule:
    return Rule(f"RV{number}", Category.RELEASE, gate, severity, zh, en,
                "更正发布页面，使其与审核通过的内容一致；确需改动的，修改后重新送审",
                "correct the published page to match the approved text, or submit the change "
                "for review")


# What went out is not what was approved: block. A dropped link or image, or link syntax the
# platform did not render, takes a look but changes nothing the reviewers passed: review.
MISSING = _rule(101, Gate.TEXT, Severity.BLOCK, "审核稿中的内容在发布页面上缺失",
                "a passage of the approved text is missing from the page")
ALTERED = _rule(102, Gate.TEXT, Severity.BLOCK, "发布页面上的内容与审核稿不同",
                "the page's passage differs from the approved text")
BROKEN_LINK_SYNTAX = _rule(103, Gate.TEXT, Severity.REVIEW, "链接语法未被渲染，读者看到的是源码",
                           "link syntax was not rendered: readers see the markup")
LINK_NOT_APPROVED = _rule(104, Gate.POLICY, Severity.BLOCK, "发布页面上有审核稿中没有的链接",
                          "the page has a link the approved text does not")
LINK_MISSING = _rule(105, Gate.POLICY, Severity.REVIEW, "审核稿中的链接在发布页面上缺失",
                     "a link of the approved text is missing from the page")
IMAGE_MISSING = _rule(106, Gate.POLICY, Severity.REVIEW, "审核稿中的图片在发布页面上缺失",
                      "an image of the approved text is missing from the page")
IMAGE_NOT_APPROVED = _rule(107, Gate.POLICY, Severity.BLOCK, "发布页面上有审核稿中没有的图片",
                           "the page has an image the approved text does not")
NEW_FINDING = _rule(108, Gate.POLICY, Severity.BLOCK, "发布页面出现审核时没有的问题",
                    "the page has a finding the approved text did not")
# Text the page adds around the post (navigation, a footer) is not the post; a passage it adds
# between two approved ones is: a reader takes "另：本通知作废" there as the office's words.
ADDED = _rule(109, Gate.TEXT, Severity.BLOCK, "发布页面在审核稿的段落之间加入了未经审核的内容",
              "the page adds a passage the approved text does not have, inside the post")
# A picture of the approved name whose bytes are another's: what readers see was not approved.
IMAGE_CHANGED = _rule(110, Gate.POLICY, Severity.BLOCK, "发布页面上的图片与审核通过的不同",
                      "a picture on the page differs from the approved one")
# One the page loads from where its bytes cannot be read (not saved with the page): only with
# `review published --require-saved`; otherwise said as a notice.
IMAGE_NOT_COMPARED = _rule(111, Gate.POLICY, Severity.REVIEW,
                           "发布页面上的图片无法与审核通过的比对",
                           "a picture on the page could not be compared with the approved ones")
PUBLISHED = [MISSING, ALTERED, BROKEN_LINK_SYNTAX, LINK_NOT_APPROVED, LINK_MISSING, IMAGE_MISSING,
         IMAGE_NOT_APPROVED, NEW_FINDING, ADDED, IMAGE_CHANGED, IMAGE_NOT_COMPARED]


# In-draft suppression (review.suppress): what a `review-ignore` directive did. Never worse than
# info: the findings it names keep their own severity when it is not honoured.
def _directive(number: int, zh: str, en: str, fix_zh: str, fix_en: str) -> Rule:
    return Rule(f"RV{number}", Category.RELEASE, Gate.TEXT, Severity.INFO, zh, en, fix_zh, fix_en)


MALFORMED = _directive(201, "review-ignore 须写明规则编号和理由，未生效",
                       "a review-ignore directive needs rule ids and a reason: it does nothing",
                       "写成 <!-- review-ignore AD009: 理由 -->",
                       "write <!-- review-ignore AD009: reason -->")
NOT_HONOURED = _directive(202, "稿内 review-ignore 不能放行阻断级或须经单位同意的问题",
                          "an in-draft review-ignore cannot let a block or consent finding "
                          "through",
                          "由审核人签名放行（review override）或记录单位同意（review consent）",
                          "a reviewer's signed override (review override) or the unit's "
                          "consent (review consent)")
UNUSED = _directive(203, "review-ignore 所指的问题在此处已不存在",
                    "a review-ignore directive suppresses nothing here",
                    "删除这条 review-ignore，或改正其中的规则编号",
                    "remove the directive or correct its rule ids")
SUPPRESSION = [MALFORMED, NOT_HONOURED, UNUSED]


# Reading (review.inputs): text the file holds and the check read, which its readers do not
# see where it stands. Review: a scan's recognised text is such text too, and is fine when it
# says what the page shows; only a person comparing it with the page can tell.
INVISIBLE = Rule("RV301", Category.RELEASE, Gate.TEXT, Severity.REVIEW,
                 "PDF 中有读者看不到的文字（文字层未绘制，如扫描件的识别文字；白色、透明或极小的"
                 "文字；在页面或剪裁区以外的文字；被图片或色块遮盖的文字，如只遮盖未删除的姓名、"
                 "号码；设为隐藏的注释）：检查读的是这些文字，读者看到的是页面上绘制的内容",
                 "the PDF holds text its readers do not see (a text layer drawn invisibly, as a "
                 "scan's recognised text is; white, transparent or tiny text; text off the page "
                 "or clipped away; text an image or box covers, as a name or number blacked out "
                 "but not removed; an annotation set hidden): the check read that text, readers "
                 "see what the page draws",
                 "打开 PDF 逐页核对页面内容与这些文字是否一致；不一致的，以页面为准重新送审；"
                 "遮盖的内容要从文件中真正删除后再发布",
                 "open the PDF and compare each page with this text; where they differ, submit "
                 "the page's own text for review; remove covered content from the file itself "
                 "before publishing")
READING = [INVISIBLE]
