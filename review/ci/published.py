"""`review published`: what went out against what was approved (双向反馈). Reports passages
of the approved text that are missing or altered on the page, link syntax left unrendered,
links and images that differ, and findings the published text has that the approved one did
not. Text the page adds around the post (navigation, footers) is not a difference."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from review.document import Document
from review.errors import ReviewError, UsageError
from review.findings import Finding
from review.loading import decode

if TYPE_CHECKING:
    from review.pipeline import Pipeline
from review.markup import visible_view

_SEGMENT = re.compile(r"[^。！？!?\n]+")
_URL = re.compile(r"https?://[^\s\"'<>()\]]+")
_MD_LINK = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]+)[^)]*\)")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMG = re.compile(r"""<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']|!\[[^\]]*\]\(([^)\s]+)""",
                  re.IGNORECASE)
_BROKEN = re.compile(r"\]\(\s*https?://|\[[^\]\n]{1,80}\]\([^)\n]*$|href\s*=|<a\s", re.IGNORECASE)


def kind_of(path: str, text: str) -> str:
    if path.lower().endswith((".html", ".htm")) or re.search(r"<(?:html|body|p|div)\b", text,
                                                              re.IGNORECASE):
        return "html"
    return "markdown" if path.lower().endswith((".md", ".markdown")) else "text"


def segments(text: str, kind: str) -> list[str]:
    """The passages a reader sees, compared by their words only (markup and spacing aside)."""
    text = _IMG_TAG.sub("", _MD_IMAGE.sub("", text))  # images are compared on their own
    visible = visible_view(text, kind).text
    return [s for s in (re.sub(r"[\W_]+", "", m.group()) for m in _SEGMENT.finditer(visible))
            if s]


def links(text: str) -> set[str]:
    text = _IMG_TAG.sub("", _MD_IMAGE.sub("", text))
    found = set(_URL.findall(text)) | set(_HREF.findall(text)) | set(_MD_LINK.findall(text))
    return {u.rstrip(".,;") for u in found if u.startswith(("http://", "https://"))}


def images(text: str) -> set[str]:
    return {(a or b).rsplit("/", 1)[-1].split("?")[0] for a, b in _IMG.findall(text)}


def compare(approved: str, approved_kind: str, page: str, page_kind: str,
            approved_findings: list[Finding], pipeline: Pipeline | None = None) -> list[dict]:
    """`pipeline`: the workspace's (Workspace.pipeline); without one, the default config."""
    problems: list[dict] = []
    before, after = segments(approved, approved_kind), segments(page, page_kind)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            for k, passage in enumerate(before[i1:i2]):
                counterpart = after[j1 + k] if op == "replace" and j1 + k < j2 else None
                if counterpart and difflib.SequenceMatcher(a=passage, b=counterpart).ratio() > .6:
                    problems.append({"kind": "altered", "detail": f"{passage} → {counterpart}"})
                else:
                    problems.append({"kind": "missing", "detail": passage})
    visible_page = visible_view(page, page_kind).text
    for m in _BROKEN.finditer(visible_page):
        problems.append({"kind": "broken_link_syntax",
                         "detail": visible_page[max(0, m.start() - 20):m.end() + 40].strip()})
    approved_links, page_links = links(approved), links(page)
    for url in sorted(page_links - approved_links):
        problems.append({"kind": "link_not_approved", "detail": url})
    for url in sorted(approved_links - page_links):
        problems.append({"kind": "link_missing", "detail": url})
    approved_images, page_images = images(approved), images(page)
    if approved_images != page_images:
        for name in sorted(approved_images - page_images):
            problems.append({"kind": "image_missing", "detail": name})
        for name in sorted(page_images - approved_images):
            problems.append({"kind": "image_not_approved", "detail": name})
    problems += new_findings(page, page_kind, approved_findings, pipeline)
    return problems


def new_findings(page: str, kind: str, approved_findings: list[Finding],
                 pipeline: Pipeline | None = None) -> list[dict]:
    if pipeline is None:
        from review.config import Config
        from review.pipeline import Pipeline

        pipeline = Pipeline(Config())
    known = {(f.rule, f.text) for f in approved_findings}
    result = pipeline.check(Document("published", page, kind))
    return [{"kind": "new_finding", "detail": f"{f.rule} {f.severity.value} {f.text} "
             f"({f.message})"} for f in result.findings if (f.rule, f.text) not in known]


def compare_item(item_id: int, saved: Path) -> list[dict]:
    from review.workflow import workspace
    from review.workflow.service import Service

    ws = workspace.find()
    store = ws.store()
    store.check_version()
    item = Service(ws, store, None).show(item_id)
    try:
        page = decode(saved.read_bytes())
    except ReviewError as err:
        raise err.about(str(saved)) from None
    except OSError as err:
        raise UsageError(f"cannot read {saved}: {err.strerror or err}") from None
    return compare(item.content, kind_of(item.path, item.content), page,
                   kind_of(saved.name, page), item.findings, ws.pipeline())


def dump(problems: list[dict]) -> str:
    return json.dumps(problems, ensure_ascii=False, indent=2)
