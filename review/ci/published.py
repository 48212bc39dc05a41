"""`review published`: what went out against what was approved (双向反馈). Every difference
is a finding of the published page under a rule RV101–RV199: passages of the approved text
missing or altered on the page, link syntax left unrendered, links and images that differ,
and findings the published text has that the approved one did not. Text the page adds around
the post (navigation, footers) is not a difference; a passage it adds inside the post, between
the page's counterparts of two approved passages, is.

A finding's span is where the difference is on the page; what has no place there (a missing
passage, link or image) is an empty span where it should have been: before the page's
counterpart of the approved passage that follows it."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review import inputs, pagestyle
from review.ci import pictures as saved_pictures
from review.columns import address_named
from review.decide import decision_of, to_finding
from review.document import Document
from review.errors import Refused, ReviewError
from review.findings import FileResult, Finding, Hit, Rule
from review.i18n import Msg, said
from review.normalize import View
from review.report.records import LazyRules, Report
from review.rules.release import (
    ADDED,
    ALTERED,
    BROKEN_LINK_SYNTAX,
    IMAGE_CHANGED,
    IMAGE_MISSING,
    IMAGE_NOT_APPROVED,
    IMAGE_NOT_COMPARED,
    LINK_MISSING,
    LINK_NOT_APPROVED,
    MISSING,
    NEW_FINDING,
)
from review.rules.release import PUBLISHED as RULES

if TYPE_CHECKING:
    from review.loading import Source
    from review.pipeline import Pipeline
    from review.resources import Resource
    from review.workflow.service import ItemView


_SEGMENT = re.compile(r"[^。！？!?\n]+")
# What is compared of a passage: its words, and the marks that make a number what it is —
# a decimal point, a ratio's or a time's colon, a fraction's slash, a separator between
# digits, a sign before one, a percent after one. Punctuation and spacing aside otherwise, a
# page saying 35% or 5℃ where 3.5% and -5℃ were approved is an altered passage, not the
# same words.
_COMPARED = re.compile(r"[^\W_]+|(?<=\d)[.,:/．，：／](?=\d)|[-+−－＋±](?=\d)|(?<=\d)[%％‰]")
# Each number mark as one character whichever width it is written in: 3．5 is 3.5.
_MARK_FORM = str.maketrans("．，：／－＋−％", ".,:/-+-%")
_WORDS_SPAN = re.compile(r"[^\W_](?:.*[^\W_])?", re.DOTALL)  # first to last word character
_URL = re.compile(r"https?://[^\s\"'<>()\]]+")
_MD_LINK = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]+)[^)]*\)")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_IMAGE_MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>]*>", re.IGNORECASE)
_IMG = re.compile(r"""<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']|!\[[^\]]*\]\(([^)\s]+)""",
                  re.IGNORECASE)
_BROKEN = re.compile(r"\]\(\s*https?://|\[[^\]\n]{1,80}\]\([^)\n]*$|href\s*=|<a\s", re.IGNORECASE)


@dataclass(frozen=True)
class Passage:
    words: str  # what is compared: its words only, markup, punctuation and spacing aside
    shown: str  # as a reader sees it
    start: int  # its span in the document's text
    end: int


def _visible(doc: Document, text: str) -> View:
    view = inputs.named(doc.kind).view
    return view(text) if view else View.identity(text)


def _without_images(text: str) -> str:
    """Images are compared on their own; blanks in their place keep every offset."""
    return _IMAGE_MARKUP.sub(lambda m: " " * len(m.group()), text)


def passages(doc: Document, styled: str | None = None) -> list[Passage]:
    """The passages a reader sees (split at sentence ends and line breaks): without what an
    element hides by its own markup (`hidden`, `display:none`, `<noscript>` …). The check's
    view reads hidden text too, and a saved page holding the approved text in a hidden block,
    and other words where its reader sees them, compared as the same post (pass 65, N1).
    `styled`: a published page's style sheets weighed as review.pagestyle says (pass 68)."""
    from contextlib import nullcontext

    from review import pagestyle
    from review.markup import shown_only

    with shown_only(), pagestyle.reading(styled) if styled else nullcontext():
        view = _visible(doc, _without_images(doc.original))
    out = []
    for m in _SEGMENT.finditer(view.text):
        inner = _WORDS_SPAN.search(m.group())
        if inner:
            start, end = view.span(m.start() + inner.start(), m.start() + inner.end())
            words = "".join(_COMPARED.findall(inner.group())).translate(_MARK_FORM)
            out.append(Passage(words, inner.group(), start, end))
    return out


def links(text: str) -> set[str]:
    text = _without_images(text)
    found = set(_URL.findall(text)) | set(_HREF.findall(text)) | set(_MD_LINK.findall(text))
    return {u.rstrip(".,;") for u in found if u.startswith(("http://", "https://"))}


def image_addresses(text: str) -> list[str]:
    """The addresses of the pictures the comparison of names reads (`<img src>`, a lazy
    loader's `data-src` too, Markdown's images)."""
    return [a or b for a, b in _IMG.findall(text)]


def images(text: str) -> set[str]:
    return {a.rsplit("/", 1)[-1].split("?")[0] for a in image_addresses(text)}


class _Comparison:
    """The findings of one page against its approved text."""

    def __init__(self, approved: Document, page: Document, lang: str,
                 pictures: saved_pictures.Pictures | None = None,
                 require_saved: bool = False) -> None:
        self.approved, self.page, self.lang = approved, page, lang
        self.pictures = pictures or saved_pictures.Pictures()
        self.require_saved = require_saved
        # the approved passages must be where the page's style sheets may hide nothing; what
        # its style sheets may show besides is looked through for passages added in the post
        self.before = passages(approved)
        self.after = passages(page, pagestyle.HIDING)
        self.shown = passages(page, pagestyle.SHOWING)
        # approved passage index → its span on the page (empty where it should have been)
        self.place: dict[int, tuple[int, int]] = {}
        self.found: list[Finding] = []

    def add(self, rule: Rule, start: int, end: int, detail: str | None = None,
            suggestion: str | None = None) -> None:
        finding = to_finding(self.page, Hit(rule, start, end), rule.severity, self.lang)
        if detail:
            sep = ": " if self.lang == "en" else "："
            finding = finding.replace(message=f"{finding.message}{sep}{detail}")
        if suggestion:
            finding = finding.replace(suggestion=suggestion)
        self.found.append(finding)

    def passages(self) -> None:
        matcher = difflib.SequenceMatcher(a=[p.words for p in self.before],
                                          b=[p.words for p in self.after], autojunk=False)
        missing, used = [], set()
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            for k, passage in enumerate(self.before[i1:i2]):
                counterpart = self.after[j1 + k] if op in ("equal", "replace") and \
                    j1 + k < j2 else None
                if counterpart is None or op == "replace" and difflib.SequenceMatcher(
                        a=passage.words, b=counterpart.words).ratio() <= .6:
                    missing.append(i1 + k)
                    continue
                if op == "replace":
                    self.add(ALTERED, counterpart.start, counterpart.end,
                             suggestion=passage.shown)
                self.place[i1 + k] = (counterpart.start, counterpart.end)
                used.add(j1 + k)
        # A page passage between the first and the last approved one's counterparts is in the
        # post, not the page's chrome around it: nobody approved it.
        for j in range(min(used, default=0), max(used, default=-1)):
            if j not in used:
                self.add(ADDED, self.after[j].start, self.after[j].end)
        if used:  # … and one a style sheet may show there, which the markup hides (pass 68)
            first, last = self.after[min(used)].start, self.after[max(used)].end
            read = {(p.start, p.end) for p in self.after}
            approved = {p.words for p in self.before}
            for p in self.shown:
                if first < p.start < last and (p.start, p.end) not in read and \
                        p.words not in approved:
                    self.add(ADDED, p.start, p.end)
        end = self.after[-1].end if self.after else 0
        for i in reversed(missing):  # before the next passage that is on the page
            at = self.place.get(i + 1, (end, end))[0]
            self.place[i] = (at, at)
            self.add(MISSING, at, at, detail=self.before[i].shown)

    def where_approved(self, needle: str) -> int:
        """The page offset standing for where `needle` is in the approved text: at or after
        the page's counterpart of the approved passage it is in or follows."""
        offset = self.approved.original.find(needle)
        index = max((i for i, p in enumerate(self.before) if p.start <= offset), default=None)
        if offset < 0 or index is None:
            return 0
        start, end = self.place[index]
        return end if offset >= self.before[index].end else start

    def on_page(self, rule: Rule, needle: str, detail: str | None = None) -> None:
        start = self.page.original.find(needle)
        start, end = (start, start + len(needle)) if start >= 0 else (0, 0)
        self.add(rule, start, end, detail=detail or (None if end else needle))

    def markup(self) -> None:
        view = _visible(self.page, self.page.original)
        for m in _BROKEN.finditer(view.text):
            start, end = view.span(m.start(), m.end())
            context = view.text[max(0, m.start() - 20):m.end() + 40].strip()
            self.add(BROKEN_LINK_SYNTAX, start, end, detail=context)
        approved_links, page_links = links(self.approved.original), links(self.page.original)
        for url in sorted(page_links - approved_links):
            self.on_page(LINK_NOT_APPROVED, url)
        for url in sorted(approved_links - page_links):
            at = self.where_approved(url)
            self.add(LINK_MISSING, at, at, detail=url)
        approved_images, page_images = images(self.approved.original), images(self.page.original)
        # a name is no difference when the page holds the approved bytes under the other one
        # (a site's upload name, a browser's `chart(1).png`) — unless the page also loads that
        # name from where its bytes were not read (a remote picture of the same name)
        same, unread = self.pictures.same, self.pictures.unread
        missing = approved_images - page_images - {posixpath.basename(r.path) for _, r in same}
        unapproved = page_images - approved_images - {
            posixpath.basename(f.path) for f, _ in same
            if saved_pictures.key(f.path) not in unread}
        for name in sorted(missing):
            at = self.where_approved(name)
            self.add(IMAGE_MISSING, at, at, detail=name)
        for name in sorted(unapproved):
            self.on_page(IMAGE_NOT_APPROVED, name)
        self.picture_bytes(missing, unapproved)

    def picture_bytes(self, missing: set[str], unapproved: set[str]) -> None:
        """The saved page's files against the bound ones by their bytes; a name the markup
        comparison reported already is not reported again."""
        lang, pictures = self.lang, self.pictures
        for file, bound in pictures.changed:
            detail = Msg("published_picture_changed", page=_file(file, lang),
                         bound=" | ".join(_file(r, lang) for r in bound)).say(lang)
            self.on_page(IMAGE_CHANGED, posixpath.basename(file.path), detail)
        for file in pictures.unbound:
            if posixpath.basename(file.path) not in unapproved:
                detail = Msg("published_picture_unbound", page=_file(file, lang)).say(lang)
                self.on_page(IMAGE_NOT_APPROVED, posixpath.basename(file.path), detail)
        for r in pictures.missing:
            if posixpath.basename(r.path) not in missing:
                at = self.where_approved(posixpath.basename(r.path))
                self.add(IMAGE_MISSING, at, at, detail=Msg(
                    "published_picture_missing", bound=address_named(r.path),
                    approved=r.sha256[:12]).say(lang))
        if self.require_saved:
            for needle, message in pictures.uncompared:
                self.on_page(IMAGE_NOT_COMPARED, needle, message.say(lang))

    def new_findings(self, pipeline: Pipeline, approved_findings: list[Finding]) -> None:
        """The page's own findings that the approved text did not have (by rule and text, or
        the words that gave a consent statement away), counted: a page that repeats an
        approved finding — an overridden contact handle put again under a new passage that
        sells something — has one the approval never covered."""
        known = Counter((f.rule, f.words or f.text) for f in approved_findings)
        sep = ": " if self.lang == "en" else "："
        for f in pipeline.check(self.page, self.lang).findings:
            key = (f.rule, f.words or f.text)
            known[key] -= 1
            if known[key] < 0:
                self.found.append(f.replace(
                    rule=NEW_FINDING.id,
                    message=f"{NEW_FINDING.message(self.lang)}{sep}{f.rule} {f.message}"))


def _file(resource: Resource, lang: str) -> str:
    """A file named with its hash's first digits, its unprintable characters named."""
    return Msg("published_bound_file", path=address_named(resource.path),
               sha=resource.sha256[:12]).say(lang)


def compare(approved: Document, page: Document, approved_findings: list[Finding],
            pipeline: Pipeline, lang: str = "zh",
            pictures: saved_pictures.Pictures | None = None,
            require_saved: bool = False) -> FileResult:
    """The published page's result: a finding for every difference from the approved text
    (and, given what its saved files' bytes say, from the approved files; with
    `require_saved`, for every picture they could not say anything of)."""
    comparison = _Comparison(approved, page, lang, pictures, require_saved)
    comparison.passages()
    comparison.markup()
    comparison.new_findings(pipeline, approved_findings)
    findings = sorted(comparison.found, key=lambda f: (f.start, f.end, f.rule))
    lines = {n: page.line_text(n) for f in findings for n in {f.line, f.end_line}}
    return FileResult(path=page.path, decision=decision_of(findings), findings=findings,
                      lines=lines)


def read_page(saved: Source, limit: int) -> tuple[Document, bytes]:
    """The saved page (a file, or stdin as `-`) as its kind reads it, and its bytes. A page
    over `limit` bytes is refused by its size before it is read (stdin: one byte past it is
    all that is read), as `review check` refuses a draft."""
    from review.loading import read_bytes

    try:
        data = read_bytes(saved, limit)
        return inputs.guess(saved.path, data).read(data, saved.display), data
    except ReviewError as err:
        raise err.about(saved.display) from None


def page_pictures(saved: Source, page: Document, data: bytes,
                  item: ItemView) -> saved_pictures.Pictures:
    """The files the saved page loads from its folder, against those the release bound (a page
    from standard input has none saved with it)."""
    folder = None if saved.path is None else saved.path.parent
    name = "-" if saved.path is None else saved.path.name
    return saved_pictures.read(folder, name, data, item.resources, item.remote,
                               image_addresses(page.original), saved.display)


def _void_release(service, item_id: int) -> Msg | None:
    """Why the item's release is one the rules refused (review audit verify names it), or
    None."""
    _, history = service.judged(item_id)
    with service.store.reading() as conn:
        void = dict(service.release_problems(conn, service.state(conn)))
    return void.get(history.released[0].seq) if history.released else None


def compare_item(item_id: int, saved: Source, lang: str, limit: int,
                 require_saved: bool = False) -> Report:
    from review.workflow import workspace
    from review.workflow.service import Service

    page, data = read_page(saved, limit)
    ws = workspace.find()
    store = ws.store()
    store.check_version()
    service = Service(ws, store, None)
    item = service.show(item_id)
    if item.state != "released":
        # a page compared with a draft nobody approved (a rejected one, say) would be said to
        # match "the approval" that never was
        raise Refused("published_not_released", item=item_id, state=Msg(f"state_{item.state}"))
    problem = _void_release(service, item_id)
    if problem is not None:
        # a release the rules refused (one the editor appended by hand, of content rejected in
        # another item) approved nothing that went out: no page is said to match it
        raise Refused("published_release_void", item=item_id, problem=problem)
    pipeline = service.pipeline  # the check that gated release, with the policy's phrases
    approved = Document(item.path, item.content,
                        inputs.kind_of(item.path, item.content.encode()).name)
    pictures = page_pictures(saved, page, data, item)
    result = compare(approved, page, item.findings, pipeline, lang, pictures, require_saved)
    # what was not compared is a finding with --require-saved, else a notice: never left out
    notices = pictures.site if require_saved else pictures.notices
    return Report.of([result], LazyRules(pipeline.rules, RULES), command="published",
                     context={"item": item_id}, fail_on="info",
                     notices=[said(n, lang) for n in notices])
