"""User-facing words in Chinese (default) and English (`--lang en`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from review.findings import Category, Decision, Gate, Severity

CATEGORY_NAMES = {
    Category.ILLEGAL: ("违法信息", "illegal content"),
    Category.SECURITY: ("危害安全稳定", "security and stability"),
    Category.SECRETS: ("秘密与隐私", "secrets and privacy"),
    Category.ADS: ("商业广告和链接", "commercial ads and links"),
    Category.OPINION: ("个人观点和情绪", "personal opinion and emotion"),
    Category.CONSENT: ("须经单位同意", "needs the unit's consent"),
    Category.EXPRESSION: ("表述错误", "wrong expression"),
    Category.RELEASE: ("发布核对", "release check"),
}

GATE_NAMES = {
    Gate.POLITICAL: ("政治关", "political gate"),
    Gate.LEGAL: ("法律关", "legal gate"),
    Gate.POLICY: ("政策关", "policy gate"),
    Gate.CONFIDENTIALITY: ("保密关", "confidentiality gate"),
    Gate.TEXT: ("文字关", "text gate"),
}

SEVERITY_NAMES = {
    Severity.BLOCK: ("阻断", "block"),
    Severity.REVIEW: ("待审", "review"),
    Severity.INFO: ("提示", "info"),
}

DECISION_NAMES = {
    Decision.BLOCK: ("不得发布", "block"),
    Decision.REVIEW: ("需人工审核", "needs review"),
    Decision.PASS: ("通过", "pass"),
}

MESSAGES = {
    "suggestion": ("建议", "suggestion"),
    "error": ("错误", "error"),
    "summary": ("共检查 {files} 个文件：不得发布 {block}，需人工审核 {review}，通过 {passed}，"
                "无法检查 {errors}；发现问题 {findings} 处。",
                "{files} files checked: {block} block, {review} review, {passed} pass, "
                "{errors} could not be read; {findings} findings."),
    "no_input": ("没有找到要检查的文件。", "no files to check."),
    "no_paths": ("没有找到要检查的文件。用法：review check 稿件.txt",
                 "no files to check. usage: review check draft.txt"),
    "crash": ("意外错误（{error}）。详细信息已写入 {log}，报告问题时请附上该文件",
              "unexpected error ({error}). The details are in {log}: attach it to a bug report"),
    "crash_unlogged": ("意外错误（{error}）。无法写入错误日志：{reason}",
                       "unexpected error ({error}). No crash log could be written: {reason}"),
    "progress": ("检查中", "checking"),
    "checking_large": ("正在检查 {name}（{size}），请稍候……", "checking {name} ({size})…"),
    "suppressed": ("已在稿内豁免（review-ignore）：{reason}",
                   "suppressed in the draft (review-ignore): {reason}"),
    "suppressed_count": ("稿内豁免 {count} 处（提示级）。",
                         " {count} suppressed in the draft (info)."),
    "show_suppressed": ("用 --show-suppressed 列出。", " List them with --show-suppressed."),
    "fixed": ("已修正 {fixed} 处；另有 {left} 处须人工处理。",
              "{fixed} fixed; {left} left for a person to handle."),
    "or": ("{first} 或 {rest}", "{first} or {rest}"),
    # input errors
    "empty": ("文件为空，没有可检查的内容", "the file is empty"),
    "binary": ("是二进制文件（{kind}），不是文本稿件，未检查",
               "is a binary file ({kind}), not a text draft"),
    "too_large": ("文件过大（{size}，上限 {limit}），未检查",
                  "is too large ({size}, the limit is {limit})"),
    "too_large_read": ("文件过大（超过上限 {limit}），未检查",
                       "is too large (over the limit of {limit})"),
    "undecodable": ("无法识别文本编码（请另存为 UTF-8），未检查",
                    "cannot be decoded (save it as UTF-8)"),
    "bad_utf8": ("不是有效的 UTF-8：第 {offset} 字节处编码损坏，未检查",
                 "is not valid UTF-8: corrupt bytes at byte {offset}"),
    "bad_utf16": ("UTF-16 编码损坏（含不成对的代理项），未检查",
                  "is corrupt UTF-16 (unpaired surrogates)"),
    "unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "not_found": ("文件或目录不存在", "no such file or directory"),
    "not_regular": ("不是普通文件，未检查", "is not a regular file"),
    "not_a_file": ("是符号链接或子模块，未检查：它指向的内容会被发布，门禁只检查文件本身",
                   "is a link or a submodule, not checked: what it leads to would be "
                   "published; the gate checks files"),
    "transformed_by_git": ("git 属性 {attributes} 会在检出或打包时改写此文件，发布的内容不是审核和"
                           "检查过的内容，未检查：删去 .gitattributes 中的这些属性",
                           "git attribute {attributes} rewrites this file on checkout or "
                           "archive, so what is published is not what was checked and "
                           "approved; not checked: remove it from .gitattributes"),
    "path_collides": ("此文件与 {other} 只差字母大小写或 Unicode 规范形式，"
                      "在 Windows、macOS 上检出时是同一个文件，发布的可能不是审核和检查过的那个，"
                      "未检查：改用不同的文件名",
                      "this file and {other} differ only in letter case or Unicode normal "
                      "form: checked out on Windows or macOS they are one file, so what is "
                      "published may not be what was checked and approved; not checked: "
                      "give it another name"),
    "shows_transformed": ("稿件显示的文件 {files} 带 git 属性 export-subst，打包（git archive）时"
                          "会被改写，可写入任何人写的提交说明，发布的不是审核过的内容，未检查："
                          "删去 .gitattributes 中的这一属性",
                          "this draft shows {files}, which git attribute export-subst rewrites "
                          "on archive (git archive writes in a commit message, anyone's to "
                          "write), so what is published is not what was approved; not checked: "
                          "remove the attribute from .gitattributes"),
    "not_drafts": ("另有 {count} 个文件不是稿件（不属于 include 所列类型），未检查：{names}",
                   "{count} other files are not drafts (no include pattern matches them) and "
                   "were not checked: {names}"),
    "not_docx": ("不是可以读取的 Word 文档（.docx），未检查",
                 "is not a Word document (.docx) that can be read"),
    "not_pdf": ("不是可以读取的 PDF 文件，未检查", "is not a PDF file that can be read"),
    "pdf_encrypted": ("PDF 已加密，未检查：请另存一份未加密的副本",
                      "is an encrypted PDF: save an unprotected copy"),
    "pdf_no_text": ("PDF 没有文字层（扫描图片），未检查：请提供 Word 原稿或先做文字识别",
                    "is a PDF without a text layer (scanned images): send the Word file or "
                    "OCR it"),
    "docx_unread": ("含有无法逐字检查的内容（{construct}），未检查：请在 Word 中将其转为正文后"
                    "再检查",
                    "holds content that cannot be checked word by word ({construct}): make it "
                    "body text in Word and check it again"),
    "mhtml": ("是网页存档（MHTML）文件，其中的网页经过编码，未检查：请另存为 HTML 网页后再检查",
              "is a web archive (MHTML) whose page is encoded: save it as an HTML page and "
              "check that"),
    "old_binary": ("是旧版 Word/WPS 二进制文件，未检查：请另存为 .docx",
                   "is an old Word/WPS binary file: save it as .docx"),
    "unclosed_markup": ("含有 {count} 处永不闭合的标记（自 {where} 起）：浏览器不显示它们，"
                        "逐一读取则耗时过长，未检查；请删除后再检查",
                        "holds {count} markup openings that never close (from {where}): no "
                        "browser shows them, and reading them one by one takes too long; remove "
                        "them and check again"),
    "bidi_controls": ("含有改变文字显示方向的控制字符（位于 {where}），读者看到的文字顺序与"
                      "检查的不同，未检查：请删除这些方向控制字符后再检查",
                      "holds characters that change the direction text is shown in (at {where}), "
                      "so readers would see another order than is checked: remove the "
                      "direction controls and check it again"),
    "bidi_markup": ("含有改变文字显示方向或顺序的标记（{construct}，位于 {where}），读者看到的"
                    "文字顺序与检查的不同，未检查：请删除这些方向或顺序控制后再检查",
                    "holds markup that changes the direction or order text is shown in "
                    "({construct} at {where}), so readers would see another order than is "
                    "checked: remove the direction or order controls and check it again"),
    "embedded_font": ("含有网页自带的字体（{construct}，位于 {where}），字体可以把一个字画成"
                      "另一个字，读者看到的可能不是检查的文字，未检查：请删除自带字体后再检查",
                      "brings a font of its own ({construct} at {where}), which can draw any "
                      "character as another, so readers may see other words than are checked: "
                      "remove the embedded font and check it again"),
    "docx_embedded_font": ("含有文档自带的字体（{name}），字体可以把一个字画成另一个字，读者看到的"
                           "可能不是检查的文字，未检查：请在 Word 中取消“将字体嵌入文件”后再检查",
                           "brings a font of its own ({name}), which can draw any character as "
                           "another, so readers may see other words than are checked: turn off "
                           "\"embed fonts in the file\" in Word and check it again"),
    "docx_symbol_result": ("含有符号域，更新后显示“{shown}”，而保存的结果是“{saved}”，读者看到的"
                           "可能不是检查的文字，未检查：请在 Word 中更新域（F9）并保存后再检查",
                           "holds a SYMBOL field that shows \"{shown}\" once updated but was "
                           "saved as \"{saved}\", so readers may see other words than are "
                           "checked: update the fields in Word (F9), save and check it again"),
    "markup_unplaced": ("含有无法按读者所见位置检查的文字（{construct}，位于 {where}），未检查："
                        "请删除后再检查",
                        "holds text that cannot be checked where a reader sees it ({construct} "
                        "at {where}): remove it and check it again"),
    "pdf_drawn_unread": ("第 {page} 页有注释或表单域显示的文字无法读取，未检查：请先将 PDF 打印为"
                         " PDF（扁平化）后再检查",
                         "page {page}: an annotation or form field shows text that cannot be "
                         "read: flatten the PDF (print it to PDF) and check it again"),
    "pdf_hidden_drawer": ("PDF 的 {construct} 中写有文字（字体字形、图案或蒙版里的文字画在页面上，"
                          "却不在页面的文字层中），读者看到的不是检查的文字，未检查："
                          "请重新导出 PDF 后再检查",
                          "draws text inside a {construct} (a glyph procedure, pattern or soft "
                          "mask paints words on the page that are not in its text), so readers "
                          "see other words than are checked: export the PDF again and check it "
                          "again"),
    "pdf_tounicode": ("所用字体 {font} 给出的文字与它画出的字不同（ToUnicode 与其编码不符，"
                      "如 {drawn} 读作 {read}），读者看到的不是检查的文字，未检查："
                      "请重新导出 PDF 后再检查",
                      "has a font ({font}) whose text differs from the characters it draws "
                      "(its ToUnicode map disagrees with its encoding: {drawn} read as {read}), "
                      "so readers see other words than are checked: export the PDF again and "
                      "check it again"),
    "pdf_xfa": ("是动态表单（XFA）PDF，其显示的文字无法读取，未检查：请先将 PDF 打印为 PDF"
                "后再检查",
                "is a dynamic form (XFA) PDF whose shown text cannot be read: print it to PDF "
                "and check it again"),
    "changed": ("在检查期间被修改，未写批注：请重新检查",
                "changed while it was checked; no comments written: check it again"),
    "unwritable": ("无法写入：{reason}", "cannot be written: {reason}"),
    # review check --annotate
    "annotate_one_docx": ("--annotate 只能用于单个 .docx 文件：review check 稿件.docx --annotate "
                          "批注.docx",
                          "--annotate takes exactly one .docx file: review check draft.docx "
                          "--annotate out.docx"),
    "annotate_same_file": ("--annotate 不能写回原稿：请另给一个文件名",
                           "--annotate must not write over the draft: name another file"),
    "annotate_elsewhere": ("此问题位于{where}（该处不能加批注）：“{text}”",
                           "This finding is in the {where}, where no comment can be anchored: "
                           "“{text}”"),
    # review fix on Word and PDF files
    "fix_pdf": ("PDF 不能修正：请修正 Word 原稿（review fix 原稿.docx）",
                "a PDF cannot be fixed: fix the Word original (review fix draft.docx)"),
    "fix_binary_tty": ("修正后的 Word 文档不能输出到终端：请用 --in-place，或重定向到文件"
                       "（review fix 稿件.docx > 修正稿.docx）",
                       "a fixed Word document is not written to a terminal: use --in-place or "
                       "redirect it (review fix draft.docx > fixed.docx)"),
    "fix_refused": ("{where}：“{text}”未改为“{replacement}”：它跨越格式不同的文字，"
                    "或不是可直接修改的正文（文本框、域、公式等），请在 Word 中修改",
                    "{where}: “{text}” was not changed to “{replacement}”: it spans differently "
                    "formatted text or is not body text that can be edited in place (a text "
                    "box, a field, a formula…); correct it in Word"),
    "fix_refused_page": ("{where}：“{text}”未改为“{replacement}”：文件中这段文字的写法与读者看到的"
                         "不同（如 data: 网址），请手工修改",
                         "{where}: “{text}” was not changed to “{replacement}”: the file writes "
                         "this text otherwise than a reader sees it (a data: URL); correct it by "
                         "hand"),
}


LANGS = ("zh", "en")

# The other areas' tables, read the first time one of their keys is asked for (the check's
# lean path never is). Each is a dict key → (zh, en); keys are unique across all of them.
AREAS = ("review.workflow.messages", "review.accounts.messages", "review.ci.messages",
         "review.model.messages", "review.desk.messages")
_all: dict[str, tuple[str, str]] | None = None


def messages() -> dict[str, tuple[str, str]]:
    """Every message table in one: this module's and the areas'."""
    global _all
    if _all is None:
        import importlib

        merged = dict(MESSAGES)
        for area in AREAS:
            merged.update(importlib.import_module(area).MESSAGES)
        _all = merged
    return _all


def is_key(text: str) -> bool:
    return text in MESSAGES or (text.isidentifier() and text in messages())


class Heard:
    """The language a running command speaks, once its options or config have said it."""

    __slots__ = ("lang",)

    def __init__(self) -> None:
        self.lang: str | None = None


# The commands running, innermost last (a test runner runs one inside another's process).
_running: list[Heard] = []


@contextmanager
def listening() -> Iterator[Heard]:
    """Around a command (the error boundary, review.boundary): what `speak` says inside is its
    language, read back by `spoken` and by the boundary for the error it reports."""
    heard = Heard()
    _running.append(heard)
    try:
        yield heard
    finally:
        _running.remove(heard)


def speak(lang: str | None) -> None:
    """Say this command's messages and errors in `lang` from now on."""
    if _running and lang:
        _running[-1].lang = lang


def spoken(default: str = "zh") -> str:
    """The language `speak` set for this command (default: Chinese)."""
    return (_running[-1].lang if _running else None) or default


def said(value: object, lang: str) -> object:
    """A value as said in `lang`: a Msg or an error that can say itself in it, else itself."""
    say = getattr(value, "say", None)
    return say(lang) if callable(say) else value


def t(key: str, lang: str, /, **kwargs: object) -> str:
    zh, en = MESSAGES[key] if key in MESSAGES else messages()[key]
    return (en if lang == "en" else zh).format(**{k: said(v, lang) for k, v in kwargs.items()})


class Msg(str):
    """A sentence that can be said in either language: as a str it is the English one (what
    logs, JSON fields and code comparing it see), `say(lang)` the user's. Parts of another
    message (kwargs) that are Msgs or errors are said in the same language."""

    key: str
    kwargs: dict

    def __new__(cls, key: str, /, **kwargs: object) -> Msg:
        self = super().__new__(cls, t(key, "en", **kwargs))
        self.key, self.kwargs = key, kwargs
        return self

    def say(self, lang: str) -> str:
        return t(self.key, lang, **self.kwargs)

    def __reduce__(self) -> tuple:
        return _msg, (self.key, self.kwargs)


def _msg(key: str, kwargs: dict) -> Msg:
    return Msg(key, **kwargs)


def either(words: list[str] | tuple[str, ...]) -> str:
    """`a or b or c` in either language (roles, say): the words themselves are not said."""
    first, *rest = words
    return Msg("or", first=first, rest=either(rest)) if rest else first


def name(table: dict, key: object, lang: str) -> str:
    zh, en = table[key]
    return en if lang == "en" else zh
