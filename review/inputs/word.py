"""Word drafts (.docx, with python-docx): the reader, and the map from the text it reads back
to the paragraphs and runs each character came from.

The map is one walk over the document — `Layout` — shared by the reader, by `review check
--annotate` (a comment anchored to a finding's runs) and by `review fix` (a correction made
inside a run): a finding's offsets index the text this walk assembles, so all three agree on
where a character is by construction, not by two walks kept alike.

The text is what a reader of the file reads, part by part: the body's paragraphs and table
cells in reading order, then its text boxes, the bound data of its content controls, the
alternative text of its pictures, shapes and tables, headers and footers, footnotes and
endnotes, and the targets of its links (checked for commercial
links like an HTML page's). A numbered paragraph's list label (word/numbering.xml's `w:lvlText`
of the level it uses, the %1…%9 of the numbers left out) is printed before it by Word: read as
a piece of its own just before the paragraph, located as 编号 and the paragraph (or cell).
Comments others left in the file are context, not text to publish: they are not read as text;
one that starts with `review-ignore` is a directive (review.suppress).

Word wraps text in many things a reader never sees as such: content controls (`w:sdt`), custom
XML and smart tags, tracked insertions and moves, simple fields, bidirectional embeddings,
links, tables inside table cells. So a paragraph's text is not that of its child runs only
(python-docx's Paragraph.text) but of every run inside it, in document order, at any depth —
except the text a reader does not see: tracked deletions and the old place of moved text
(`w:del`, `w:moveFrom`), properties, and the text boxes a run anchors (read as text boxes of
their own). Blocks are found the same way, through content controls and custom XML, and a
table's rows and cells through those that wrap rows and cells; a table inside a cell is read
as part of that cell. Formulas (`m:oMath`) and symbols (`w:sym`) are read as the characters
they show. Field codes are read too, as a piece of their own after each part's text: Word
shows some codes' text (MACROBUTTON, GOTOBUTTON, an updated QUOTE).

Nothing visible is passed over in silence: after the walk, any text left unread in a part
(text in a construct the walk does not know) makes the draft refused with a one-line error
naming that construct, as does content Word imports from elsewhere (`w:altChunk`,
`w:subDoc`), which this file does not hold.

Not every character read can be edited in place: a correction or a comment inside a simple
field (Word recomputes its result), a formula, a ruby, a content control bound to data (Word
shows the data, not the runs) or alternative content (Word keeps two copies) is left to the
editor and said so (`runs` gives None).
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from review.document import Document
from review.errors import InputError
from review.inputs.office import Parts
from review.inputs.wordfields import FieldValues, computed_here, fields, stale_symbol
from review.location import PART_NAMES, Location
from review.regexcache import compile as re_compile

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.text.run import CT_R
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_V = "{urn:schemas-microsoft-com:vml}"
W_P, W_TBL, W_TR, W_TC, W_R, W_T = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
M_R, M_T = _M + "r", _M + "t"
_SDT, _SDT_PR, _TXBX = _W + "sdt", _W + "sdtPr", _W + "txbxContent"
# Text a reader does not see: a tracked deletion, the old place of moved text.
_DELETED = frozenset({_W + "del", _W + "moveFrom"})
# Content Word shows but this file does not hold (another file, a part in another format):
# its draft is refused, never read as if it were not there.
_ELSEWHERE = {_W + "altChunk": "w:altChunk", _W + "subDoc": "w:subDoc"}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# a link's screen tip, by the element and the attribute that holds it
_TIPPED = {_W + "hyperlink": _W + "tooltip", _A + "hlinkClick": "tooltip",
           _A + "hlinkHover": "tooltip"}
# A picture's, shape's or table's alternative text (Word's 替代文字: what a screen reader says
# and what a page made from the draft shows when the picture fails — an HTML draft's `alt` is
# read, so a Word draft's is too): DrawingML's non-visual properties (`wp:docPr` and the
# `cNvPr` of a picture, shape or group inside it), a VML shape's `alt`, a table's caption and
# description.
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_ALT_HOLDERS = frozenset({_WP + "docPr",
                          "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr",
                          "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}cNvPr",
                          "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}cNvPr"})
_TABLE_ALT = frozenset({_W + "tblCaption", _W + "tblDescription"})
_GRAPHICS = {"http://schemas.openxmlformats.org/drawingml/2006/diagram": "SmartArt",
             "http://schemas.openxmlformats.org/drawingml/2006/chart": "chart",
             "http://schemas.microsoft.com/office/drawing/2014/chartex": "chart"}
# Inside these, runs are read but not edited: Word recomputes a field's result; a formula's
# and a ruby's runs are no plain text; alternative content is kept twice.
_ALTERNATIVE = _MC + "AlternateContent"
_NOT_EDITABLE = frozenset({_W + "fldSimple", _M + "oMath", _M + "oMathPara", _W + "ruby",
                           _ALTERNATIVE})
# Where Word keeps the data a content control may be bound to, besides custom XML parts.
_CORE_STORE = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"
_APP_STORE = "{6668398D-A668-4E3E-A5EB-62B293D839F1}"
_XMLNS = re_compile(r"""xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']""")


def _properties(tag: str) -> bool:
    """pPr, rPr, sdtPr, tblPr, m:fPr…, and their tracked changes: properties, no text."""
    local = tag.rsplit("}", 1)[-1]
    return local.endswith(("Pr", "PrChange", "PrEx"))


def _skipped(child: _Element) -> bool:
    tag = child.tag
    return not isinstance(tag, str) or tag in _DELETED or _properties(tag)


def _refuse_elsewhere(element: _Element) -> None:
    if element.tag in _ELSEWHERE:
        raise InputError("docx_unread", construct=_ELSEWHERE[element.tag])


def _find(container: _Element, wanted: frozenset[str]) -> Iterator[_Element]:
    """The `wanted` elements of a container in document order, through whatever wraps them
    (content controls, custom XML), never into a paragraph, run, table, row or cell that is
    not wanted, nor into deleted content or properties."""
    for child in container:
        if _skipped(child):
            continue
        if child.tag in wanted:
            yield child
        elif child.tag not in _STOPS:
            _refuse_elsewhere(child)
            yield from _find(child, wanted)


_STOPS = frozenset({W_P, W_TBL, W_TR, W_TC, W_R, M_R})
_BLOCKS = frozenset({W_P, W_TBL})


def blocks(container: _Element) -> Iterator[_Element]:
    """A block container's paragraphs and tables (the body, a cell, a header, a text box)."""
    return _find(container, _BLOCKS)


def rows(table: _Element) -> Iterator[_Element]:
    return _find(table, frozenset({W_TR}))


def cells(row: _Element) -> Iterator[_Element]:
    return _find(row, frozenset({W_TC}))


def paragraphs_in(container: _Element) -> Iterator[_Element]:
    """Every paragraph of a block container in reading order, those of the tables in it
    (and of tables in their cells) included."""
    for block in blocks(container):
        if block.tag == W_P:
            yield block
        else:
            for row in rows(block):
                for cell in cells(row):
                    yield from paragraphs_in(cell)


def items(paragraph: _Element) -> list[tuple[_Element, bool]]:
    """The runs whose text is the paragraph's text, in document order, each with whether a
    correction or comment may be made in it: w:r at any depth (in links, content controls,
    insertions, fields…), and m:r, a formula's run (never editable)."""
    out: list[tuple[_Element, bool]] = []
    _inline(paragraph, out, True)
    return out


def _inline(element: _Element, out: list[tuple[_Element, bool]], editable: bool) -> None:
    for child in element:
        if _skipped(child):
            continue
        tag = child.tag
        if tag == W_R:
            # a run with text in alternative content shows one of its copies: read, not edited
            out.append((child, editable and not any(
                c.tag == _ALTERNATIVE and char_of(c) for c in child)))
            for ruby in child.iterchildren(_W + "ruby"):
                _inline(ruby, out, False)  # its guide text and base: runs in a run
        elif tag == M_R:
            out.append((child, False))
        else:
            _refuse_elsewhere(child)
            inner = editable and tag not in _NOT_EDITABLE and not (
                tag == _SDT and _binding(child) is not None)
            _inline(child, out, inner)


def runs_of(paragraph: _Element) -> list[CT_R]:
    """The runs of a paragraph a comment may be anchored on or a correction made in."""
    return [run for run, editable in items(paragraph) if editable]


def run_text(run: _Element) -> str:
    """The text a run shows: that of a w:r's text, tabs, breaks, hyphens and symbols (as
    review.inputs.wordedit counts them), or of a formula's m:r."""
    return "".join(char_of(child) for child in run)


_BREAK = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def char_of(child: _Element) -> str:
    """The text of one child of a run: a w:t's (or a formula's m:t's) characters, a tab, a line
    break (not a page or column break, as python-docx reads it), a hyphen, a symbol; nothing
    for the others."""
    tag = child.tag
    if tag in (W_T, M_T):
        return child.text or ""
    if tag in _BREAK:
        return _BREAK[tag]
    if tag == _ALTERNATIVE:  # every copy: which one Word shows depends on the version
        return "".join(char_of(c) for branch in child for c in branch)
    if tag == _W + "br":
        return "\n" if child.get(_W + "type", "textWrapping") == "textWrapping" else ""
    if tag == _W + "sym":
        try:
            code = int(child.get(_W + "char", ""), 16)
        except ValueError:
            return ""
        # F000–F0FF is a symbol font's glyph (Wingdings' tick); any other code is the
        # character itself, in whatever font (宋体's 冰)
        if 0xF000 <= code <= 0xF0FF or not 0 < code <= 0x10FFFF or 0xD800 <= code < 0xE000:
            return ""
        return chr(code)
    return ""


def paragraph_text(paragraph: _Element) -> str:
    return "".join(run_text(run) for run, _ in items(paragraph))


def _binding(sdt: _Element) -> _Element | None:
    properties = sdt.find(_SDT_PR)
    return None if properties is None else properties.find(_W + "dataBinding")


@dataclass(frozen=True)
class Piece:
    """One part of the text: `text` starts at `start` in the document's text.

    paragraphs: the paragraphs whose texts, joined by new lines, are `text`; empty when the
    text is in no run that may be edited (a link's target; a text box, of which Word keeps a
    second copy for older readers; a footnote; a content control's bound data). anchored: a
    Word comment can be anchored in it (the body's paragraphs and table cells; not headers,
    footers or text boxes)."""

    start: int
    text: str
    location: Location
    paragraphs: tuple[CT_P, ...] = ()
    anchored: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Layout:
    """A .docx opened with python-docx, and where each piece of its text is."""

    def __init__(self, data: bytes) -> None:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            self.document: WordDocument = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
            raise InputError("not_docx") from None
        self.parts = Parts()
        self.pieces: list[Piece] = []
        self._read: set[int] = set()       # ids of the runs read, to find any left unread
        self._alive: list[_Element] = []   # keeps those runs' proxies, so that an id is one
        self._stores: list[tuple[str, _Element]] | None = None
        self._numbering = _Numbering(self.document)
        self._field_values = FieldValues(self.document, _parse)
        _refuse_own_fonts(self.document)
        self._walk()
        self._unhidden(data)
        self.text = self.parts.text()

    def _add(self, text: str, location: Location, paragraphs: tuple[CT_P, ...] = (),
             anchored: bool = False) -> None:
        start = self.parts.add(text, location)
        if start is not None:
            self.pieces.append(Piece(start, text, location, paragraphs, anchored))

    def _joined(self, paragraphs: list[_Element]) -> str:
        """The paragraphs' texts joined by new lines; their runs are counted as read."""
        texts = []
        for paragraph in paragraphs:
            found = items(paragraph)
            self._alive.extend(run for run, _ in found)
            self._read.update(id(run) for run, _ in found)
            texts.append("".join(run_text(run) for run, _ in found))
        return "\n".join(texts)

    def _walk(self) -> None:
        document = self.document
        body = document.element.body
        paragraph = table = 0
        for block in blocks(body):
            if block.tag == W_P:
                text = self._joined([block])
                # the label before the paragraph it numbers (an empty one's: the next's)
                self._labels([block], Location(part=PART_NAMES["numbering"],
                                               paragraph=paragraph + 1))
                if text.strip():
                    paragraph += 1
                    self._add(text, Location(paragraph=paragraph), (block,), True)
            else:
                table += 1
                self._table(block, table)
        self._boxes(body)
        self._bound(body)
        self._codes(body)
        self._alt(body)
        self._unread(body, "document")
        # a body paragraph that is in no piece of its own is in a text box
        self._refuse_reordering(body, Location(part=PART_NAMES["textbox"]))
        seen: set[str] = set()
        parts: set[int] = set()
        kept: list[object] = []
        for section in document.sections:
            for name, part in (("header", section.header), ("header", section.first_page_header),
                               ("header", section.even_page_header),
                               ("footer", section.footer), ("footer", section.first_page_footer),
                               ("footer", section.even_page_footer)):
                if part.is_linked_to_previous:  # the prior section's, or none: reading it
                    continue                    # would add one to the file
                element = part._element
                kept.append(element)
                if id(element) in parts:
                    continue
                parts.add(id(element))
                paragraphs = list(paragraphs_in(element))
                text = self._joined(paragraphs)
                if text.strip() and text not in seen:  # two sections' own may say the same
                    seen.add(text)
                    self._labels(paragraphs, Location(part=PART_NAMES[name]))
                    self._add(text, Location(part=PART_NAMES[name]), tuple(paragraphs))
                self._boxes(element)
                self._bound(element)
                self._codes(element)
                self._alt(element)
                self._unread(element, name)
                self._refuse_reordering(element, Location(part=PART_NAMES[name]))
        for name in ("footnote", "endnote"):
            self._notes(name)
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/hyperlink") and rel.is_external:
                self._add(rel.target_ref, Location(part=PART_NAMES["link"]))

    def _unhidden(self, data: bytes) -> None:
        """The text again as Word shows it, hidden runs left out, where that differs: a
        hidden character between two visible ones parts, for the check, words a reader sees
        joined (出<hidden>甲</hidden>售冰毒). Both are read — hidden text is still text in
        the draft — each piece that differs located as its own, in the part 不含隐藏文字."""

        shown = without_hidden(data)
        if shown is data:
            return
        read = set(self.parts.pieces)
        for piece in Layout(shown).pieces:
            if piece.text not in read:
                self._add(piece.text, piece.location._replace(part=PART_NAMES["unhidden"]))

    def _labels(self, paragraphs: list[_Element], location: Location) -> None:
        """The list labels Word prints before these paragraphs, as one piece (none when no
        label holds a letter or digit: `%1.`, `（%1）`, a bullet)."""
        labels = [label for p in paragraphs if (label := self._numbering.label(p))]
        if labels:
            self._add("\n".join(labels), location)

    def _table(self, table: _Element, number: int) -> None:
        """A table's cells, each once, at the row and grid column where it starts: a cell
        merged across columns is one w:tc; one merged down is read where its text is (the
        cells it continues into hold none, or what they hold is read where it is)."""
        for r, row in enumerate(rows(table), 1):
            column = 1
            for cell in cells(row):
                paragraphs = list(paragraphs_in(cell))
                self._labels(paragraphs, Location(part=PART_NAMES["numbering"], table=number,
                                                  row=r, cell=column))
                self._add(self._joined(paragraphs), Location(table=number, row=r, cell=column),
                          tuple(paragraphs), True)
                column += _span(cell)

    def _boxes(self, root: _Element) -> None:
        """The text boxes of a part, and the text of its WordArt (a watermark's)."""
        n = sum(1 for p in self.pieces if p.location.part == PART_NAMES["textbox"])
        for box in root.iter(_TXBX, _V + "textpath"):
            if _deleted(box, root):
                continue
            if box.tag == _TXBX:
                inside = list(paragraphs_in(box))
                text = self._joined(inside)
                self._labels(inside, Location(part=PART_NAMES["textbox"], paragraph=n + 1))
            else:
                text = box.get("string") or ""
            if text.strip():
                n += 1
                self._add(text, Location(part=PART_NAMES["textbox"], paragraph=n))

    def _alt(self, root: _Element) -> None:
        """The alternative texts of this part's pictures, shapes and tables, one piece each
        (the same words given as title and description read once), and the screen tips of
        its links, which Word shows over a link the pointer rests on (red-team pass 71)."""
        n = 0
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue
            if tag in _TIPPED:
                tip = element.get(_TIPPED[tag]) or ""
                if tip.strip() and not _deleted(element, root):
                    self._add(tip, Location(part=PART_NAMES["link"]))
                continue
            if tag in _ALT_HOLDERS:
                said = [element.get("title") or "", element.get("descr") or ""]
            elif tag in _TABLE_ALT:
                said = [element.get(_W + "val") or ""]
            elif tag.startswith(_V):
                said = [element.get("alt") or "", element.get("title") or ""]
            else:
                continue
            text = "\n".join(dict.fromkeys(s for s in said if s.strip()))
            if text and not _deleted(element, root):
                n += 1
                self._add(text, Location(part=PART_NAMES["alt"], paragraph=n))

    def _bound(self, root: _Element) -> None:
        """What Word shows in the content controls bound to data when the file is opened:
        the data, where it says other than the runs the control holds."""
        n = sum(1 for p in self.pieces if p.location.part == PART_NAMES["bound"])
        for sdt in root.iter(_SDT):
            binding = _binding(sdt)
            if binding is None or _deleted(sdt, root):
                continue
            value = self._bound_value(binding)
            if value is None:
                continue
            for item in sdt.iter(_W + "listItem"):  # a drop-down list shows the item's name
                if item.get(_W + "value") == value:
                    value = item.get(_W + "displayText") or value
                    break
            shown = "".join(paragraph_text(p) for p in sdt.iter(W_P)) or "".join(
                run_text(r) for r, _ in items(sdt))
            if "".join(value.split()) != "".join(shown.split()) and value.strip():
                n += 1
                self._add(value, Location(part=PART_NAMES["bound"], paragraph=n))

    def _bound_value(self, binding: _Element) -> str | None:
        """The text of the node a content control's binding names, in the store it names (or,
        as Word does when that store is missing, the first where the path finds a node)."""
        from lxml import etree

        path = binding.get(_W + "xpath")
        if not path:
            return None
        names = dict(_XMLNS.findall(binding.get(_W + "prefixMappings") or ""))
        store_id = (binding.get(_W + "storeItemID") or "").upper()
        stores = self._data_stores()
        for _, root in sorted(stores, key=lambda s: s[0] != store_id):
            try:
                found = root.xpath(path, namespaces=names)
            except (etree.XPathError, TypeError, ValueError):
                continue
            if isinstance(found, list) and found:
                node = found[0]
                return "".join(node.itertext()) if isinstance(node, etree._Element) \
                    else str(node)
            if isinstance(found, str) and found:
                return found
        return None

    def _data_stores(self) -> list[tuple[str, _Element]]:
        """(store item id, root) of every XML part a content control may be bound to."""
        if self._stores is not None:
            return self._stores
        stores = []
        for part in self.document.part.package.iter_parts():
            name = str(part.partname)
            item = None
            if name == "/docProps/core.xml":
                item = _CORE_STORE
            elif name == "/docProps/app.xml":
                item = _APP_STORE
            elif name.startswith("/customXml/item") and "Props" not in name:
                for rel in part.rels.values():
                    if rel.reltype.endswith("/customXmlProps") and not rel.is_external:
                        props = _parse(rel.target_part.blob)
                        if props is not None:
                            item = next((v for k, v in props.attrib.items()
                                         if k.endswith("}itemID")), None)
            if item is None:
                continue
            root = _parse(part.blob)
            if root is not None:
                stores.append((item.upper(), root))
        self._stores = stores
        return stores

    def _notes(self, name: str) -> None:
        """The footnotes or endnotes: each a piece of its own, read but not edited (python-docx
        does not write them back)."""
        for rel in self.document.part.rels.values():
            if not rel.reltype.endswith(f"/{name}s") or rel.is_external:
                continue
            root = _parse(rel.target_part.blob)
            if root is None:
                raise InputError("not_docx")
            n = 0
            for note in root.iterchildren(_W + name):  # the separator line's has no text
                inside = list(paragraphs_in(note))
                text = self._joined(inside)
                self._labels(inside, Location(part=PART_NAMES[name], paragraph=n + 1))
                if text.strip():
                    n += 1
                    self._add(text, Location(part=PART_NAMES[name], paragraph=n))
            self._boxes(root)
            self._bound(root)
            self._codes(root)
            self._unread(root, name)

    def _codes(self, root: _Element) -> None:
        """The part's field codes, as one piece after its text. Word shows text that only a
        code holds: a MACROBUTTON's or GOTOBUTTON's display text (they have no result of
        their own), a QUOTE's once the field is updated (on opening, with settings'
        updateFields, and before printing), an EQ's; and a complex HYPERLINK field's target
        is there alone. Read beside the text, never inside it: a code between two runs must
        not part the words they show."""
        codes: dict[int, list[str]] = {}  # by paragraph, in document order
        for element in root.iter(_W + "instrText", _W + "fldSimple"):
            if _deleted(element, root):
                continue
            paragraph = next(element.iterancestors(W_P), element)
            if id(paragraph) not in codes and (stale := stale_symbol(paragraph)):
                raise InputError("docx_symbol_result", shown=stale[0], saved=stale[1])
            text = element.text or "" if element.tag == _W + "instrText" else \
                " " + (element.get(_W + "instr") or "") + " "
            codes.setdefault(id(paragraph), []).append(text)
        # each paragraph's codes, then what they show once updated that no code or saved
        # result says (a document property, a variable, a symbol's character: wordfields)
        shown = [" ".join(f"{''.join(code)} {self._field_values.shown(''.join(code))}".split())
                 for code in codes.values()]
        self._add("\n".join(code for code in shown if code),
                  Location(part=PART_NAMES["field"]))

    def _unread(self, root: _Element, part: str) -> None:
        """Refuse the draft when text of this part was left unread by the walk: text in a
        construct it does not know is no reason to pass the draft unchecked. A diagram's or
        a chart's text lives in parts of its own (SmartArt boxes, titles, labels): a draft
        showing one is refused too, never passed as if the words were not there."""
        for data in root.iter(_A + "graphicData"):
            kind = _GRAPHICS.get(data.get("uri", ""))
            if kind is not None and not _deleted(data, root):
                raise InputError("docx_unread", construct=kind)
        # alternative content: Word shows one branch (the first Choice whose namespaces it
        # knows, else the Fallback), the walk reads them all, one after the other — a
        # character in the branch Word leaves out parted, for the check, the words a reader
        # sees joined (出<Fallback>甲</Fallback>售冰毒: red-team pass 66 O1). Branches that
        # say the same (a text box's DrawingML and VML copies) are read as before; others
        # are refused.
        for alternative in root.iter(_ALTERNATIVE):
            said = {"".join(t.text or "" for t in branch.iter(W_T, M_T)
                            if not _deleted(t, branch))
                    for branch in alternative if isinstance(branch.tag, str)}
            if len(said) > 1 and not _deleted(alternative, root):
                raise InputError("docx_unread", construct="mc:AlternateContent")
        for t in root.iter(W_T, M_T):
            if not (t.text or "").strip() or _deleted(t, root):
                continue
            # inside an element of a namespace Word does not know: one the file declares
            # ignorable Word drops with all it holds (mc:Ignorable), so the walk's reading of
            # it parted the words a reader sees joined (red-team pass 68)
            foreign = next((a for a in t.iterancestors() if not _known_namespace(a.tag)), None)
            if foreign is not None:
                raise InputError("docx_unread", construct=_qname(foreign))
            run = next(t.iterancestors(W_R, M_R), None)
            if run is not None and id(run) in self._read:
                continue
            outer = (run if run is not None else t).getparent()
            raise InputError("docx_unread", construct=_qname(outer if outer is not None else t))

    def _refuse_reordering(self, root: _Element, where: Location) -> None:
        """Refuse the draft when Word shows some of its text right to left: a bidirectional
        override or embedding (`w:bdo`, `w:dir` with w:val="rtl") shows the characters (or
        the runs) inside in another order than the file holds them, which the check reads.
        Said of the paragraph it is in (direction control characters are refused for every
        kind, review.inputs)."""
        for element in root.iter(_W + "bdo", _W + "dir"):
            if (element.get(_W + "val") or "").lower() != "rtl" or _deleted(element, root):
                continue
            paragraph = next(element.iterancestors(W_P), None)
            location = next((piece.location for piece in self.pieces
                             if paragraph is not None and paragraph in piece.paragraphs),
                            where)
            raise InputError("bidi_markup", construct=f'{_qname(element)} w:val="rtl"',
                             where=location)

    def directives(self) -> tuple:
        """The `review-ignore` directives of the document's Word comments (review.suppress),
        each covering the text its comment is anchored to in the body."""
        from review import suppress

        said = {cid: text.strip() for cid, text in self._comments().items()
                if text.strip().startswith(suppress.PREFIX)}
        if not said:
            return ()
        starts: dict[str, int] = {}
        ends: dict[str, int] = {}
        marks = {_W + "commentRangeStart": starts, _W + "commentRangeEnd": ends}
        for piece in self.pieces:
            at = piece.start
            for paragraph in piece.paragraphs if piece.anchored else ():
                found = items(paragraph)
                sizes = {id(run): len(run_text(run)) for run, _ in found}
                for el in paragraph.iter():
                    if id(el) in sizes:
                        at += sizes[id(el)]
                    elif el.tag in marks:
                        marks[el.tag][_id(el)] = at
                at += 1
        out = []
        for cid, text in said.items():
            start, end = starts.get(cid), ends.get(cid)
            if start is None or end is None:
                continue  # anchored in no text of the body: it covers nothing there
            out.append(suppress.parse(text[len(suppress.PREFIX):], start, max(end, start),
                                      (start, max(end, start))))
        return tuple(out)

    def _comments(self) -> dict[str, str]:
        """Comment id → text, without making a comments part where there is none (the
        layout may be saved again by --annotate or fix)."""
        if not any(rel.reltype.endswith("/comments")
                   for rel in self.document.part.rels.values()):
            return {}
        return {str(c.comment_id): c.text for c in self.document.comments}

    def covering(self, start: int, end: int) -> list[Piece]:
        """The pieces that hold a character of [start, end)."""
        first = max(bisect_right(self.pieces, start, key=lambda p: p.start) - 1, 0)
        return [p for p in self.pieces[first:] if p.start < end and start < p.end]

    def runs(self, start: int, end: int) -> list[tuple[CT_R, int]] | None:
        """The runs holding the text's characters in [start, end), each with the offset of
        its first character, read from the document as it is now (after runs were split or
        edited); None when a character is in no run that may be edited (a link's target, a
        text box, a field's result, a formula)."""
        found: list[tuple[CT_R, int]] = []
        for piece in self.covering(start, end):
            if not piece.paragraphs:
                return None
            at = piece.start
            for paragraph in piece.paragraphs:
                for run, editable in items(paragraph):
                    size = len(run_text(run))
                    if size and at < end and start < at + size:
                        if not editable:
                            return None
                        found.append((run, at))
                    at += size
                at += 1  # the new line that joins the paragraphs
        return found

    def save(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


# %1…%9: the numbers of the list's levels, which a label shows (or, with numFmt none, not)
_PLACEHOLDER = re_compile("%[1-9]")


class _Numbering:
    """The list labels of numbered paragraphs: word/numbering.xml's levels, reached from a
    paragraph's own numbering (w:numPr) or its style's, through a w:num's level overrides and
    an abstract numbering's link to a numbering style."""

    def __init__(self, document: WordDocument) -> None:
        numbering = _related(document, "/numbering")
        styles = _related(document, "/styles")
        self._nums: dict[str, _Element] = {}
        self._abstracts: dict[str, _Element] = {}
        self._styles: dict[str, _Element] = {}
        self._counts: dict[str, dict[int, int]] = {}  # numId → level → the number so far
        if numbering is not None:
            for num in numbering.iterchildren(_W + "num"):
                self._nums.setdefault(num.get(_W + "numId", ""), num)
            for abstract in numbering.iterchildren(_W + "abstractNum"):
                self._abstracts.setdefault(abstract.get(_W + "abstractNumId", ""), abstract)
        if styles is not None:
            for style in styles.iterchildren(_W + "style"):
                self._styles.setdefault(style.get(_W + "styleId", ""), style)

    def label(self, paragraph: _Element) -> str:
        """The label's text as Word draws it, its numbers counted from each level's start in
        the level's format (`%1评` from 9 in Chinese counting is 九评); "" for none, or one
        without a letter (an ordinary `%1.`, `第%1条` or bullet: nothing to check). Called in
        reading order: the numbers count the paragraphs of each list and level so far."""
        if not self._nums:
            return ""
        own = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id, level = _num_pr(own)
        style_id = None
        if num_id is None or level is None:
            style = paragraph.find(f"{_W}pPr/{_W}pStyle")
            style_id = style.get(_W + "val") if style is not None else None
            styled_num, styled_level = self._style_numbering(style_id)
            if num_id is None:
                num_id = styled_num
                level = level if level is not None else styled_level
        if num_id is None or num_id == "0":
            return ""
        text = self._level_text(num_id, level, style_id)
        if not text:
            return ""
        counts = self._counts.setdefault(num_id, {})
        depth = int(level) if level and level.isdigit() else 0
        counts[depth] = counts.get(depth, self._start(num_id, depth) - 1) + 1
        for deeper in [d for d in counts if d > depth]:
            del counts[deeper]  # a new item at this level restarts the ones below it
        numbers = _PLACEHOLDER.sub(lambda m: _formatted(
            counts.get(int(m.group()[1]) - 1, self._start(num_id, int(m.group()[1]) - 1)),
            self._format(num_id, int(m.group()[1]) - 1)), text)
        # a label of numbers and punctuation alone (`（%1）`, `第%1条`) says nothing to check
        plain = _PLACEHOLDER.sub("", text)
        return numbers if any(c.isalnum() and c not in _COUNTERS for c in plain) else ""

    def _lvl(self, num_id: str, depth: int) -> _Element | None:
        """The w:lvl of this numbering's level (an override's own, else the abstract's)."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        for override in num.iterchildren(_W + "lvlOverride"):
            if override.get(_W + "ilvl") == str(depth):
                own = override.find(_W + "lvl")
                if own is not None:
                    return own
        ref = num.find(_W + "abstractNumId")
        abstract = self._abstracts.get(ref.get(_W + "val", "") if ref is not None else "")
        return next((lvl for lvl in (abstract.iterchildren(_W + "lvl")
                                     if abstract is not None else ())
                     if lvl.get(_W + "ilvl") == str(depth)), None)

    def _start(self, num_id: str, depth: int) -> int:
        num = self._nums.get(num_id)
        for override in num.iterchildren(_W + "lvlOverride") if num is not None else ():
            if override.get(_W + "ilvl") == str(depth):
                start = _val(override.find(_W + "startOverride"))
                if start is not None and start.isdigit():
                    return int(start)
        lvl = self._lvl(num_id, depth)
        start = _val(lvl.find(_W + "start")) if lvl is not None else None
        return int(start) if start is not None and start.isdigit() else 1

    def _format(self, num_id: str, depth: int) -> str:
        lvl = self._lvl(num_id, depth)
        return (_val(lvl.find(_W + "numFmt")) if lvl is not None else None) or "decimal"

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """numId and ilvl a paragraph style (or one it is based on) numbers with."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            num_id, level = _num_pr(style.find(f"{_W}pPr/{_W}numPr"))
            if num_id is not None:
                return num_id, level
            based = style.find(_W + "basedOn")
            style_id = based.get(_W + "val") if based is not None else None
        return None, None

    def _level_text(self, num_id: str, level: str | None, style_id: str | None) -> str | None:
        for _ in range(4):  # a numbering style links to another numbering: a few steps
            num = self._nums.get(num_id)
            if num is None:
                return None
            abstract_ref = num.find(_W + "abstractNumId")
            abstract = self._abstracts.get(
                abstract_ref.get(_W + "val", "") if abstract_ref is not None else "")
            if level is None:  # numbered by its style: the level that names the style
                level = next((lvl.get(_W + "ilvl") for lvl in
                              (abstract.iterchildren(_W + "lvl") if abstract is not None else ())
                              if style_id and _val(lvl.find(_W + "pStyle")) == style_id), "0")
            for override in num.iterchildren(_W + "lvlOverride"):
                if override.get(_W + "ilvl") == level:
                    text = _val(override.find(f"{_W}lvl/{_W}lvlText"))
                    if text is not None:
                        return text
            if abstract is None:
                return None
            for lvl in abstract.iterchildren(_W + "lvl"):
                if lvl.get(_W + "ilvl") == level:
                    return _val(lvl.find(_W + "lvlText"))
            link = _val(abstract.find(_W + "numStyleLink"))
            linked, _ = self._style_numbering(link)
            if linked is None:
                return None
            num_id = linked
        return None


_DIGITS = "零一二三四五六七八九"
_COUNTERS = frozenset("第条章节款项篇部分")  # 第%1条, 第%1章: what a label counts
_CYCLES = {"ideographTraditional": "甲乙丙丁戊己庚辛壬癸",
           "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥"}


def _formatted(n: int, fmt: str) -> str:
    """A list number as Word draws it in the level's format (decimal for formats that draw
    nothing a check could read otherwise)."""
    n = min(max(n, 0), 99_999)
    if fmt in _CYCLES:
        cycle = _CYCLES[fmt]
        return cycle[(n - 1) % len(cycle)]
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital",
               "chineseLegalSimplified", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _chinese(n: int) -> str:
    """一, 十, 十一, 二十三, 一百零五 …: how Word counts in Chinese."""
    if n < 10:
        return _DIGITS[n]
    out, zero = "", False
    for value, unit in ((10_000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + (
                "" if unit == "十" and digit == 1 and not out else _DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _num_pr(num_pr: _Element | None) -> tuple[str | None, str | None]:
    if num_pr is None:
        return None, None
    return _val(num_pr.find(_W + "numId")), _val(num_pr.find(_W + "ilvl"))


def _val(element: _Element | None) -> str | None:
    return element.get(_W + "val") if element is not None else None


def _related(document: WordDocument, kind: str) -> _Element | None:
    """The root of the main document's part of this relationship kind, read from its bytes
    (python-docx would make an empty part where there is none)."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith(kind) and not rel.is_external:
            return _parse(rel.target_part.blob)
    return None


def _span(cell: _Element) -> int:
    span = cell.find(f"{_W}tcPr/{_W}gridSpan")
    try:
        return max(int(span.get(_W + "val")), 1) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _deleted(element: _Element, root: _Element) -> bool:
    """Whether an element is inside a tracked deletion (or moved-away text) below root."""
    for ancestor in element.iterancestors():
        if ancestor is root:
            return False
        if ancestor.tag in _DELETED:
            return True
    return False


def _qname(element: _Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else "?"
    local = tag.rsplit("}", 1)[-1]
    return f"{element.prefix}:{local}" if element.prefix else local


_FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
# a font file itself, whatever names it (Word writes obfuscated fonts; others plain ones)
_FONT_TYPES = ("application/vnd.openxmlformats-officedocument.obfuscatedfont", "font/",
               "application/x-font", "application/font", "application/vnd.ms-opentype")
_EMBEDDED = tuple(_W + f"embed{style}" for style in ("Regular", "Bold", "Italic", "BoldItalic"))


def _refuse_own_fonts(document: WordDocument) -> None:
    """A draft that carries a font of its own (word/fonts/, "embed fonts in the file") is
    drawn with it by Word, WPS and LibreOffice, and a font can draw any character as another
    (今天开会 as 出售冰毒): the characters read here would not be the words a reader sees.
    Refused, as a page's own font is (review.markup)."""
    for part in document.part.package.iter_parts():
        fonts = [rel for rel in part.rels.values() if rel.reltype == _FONT_RELATIONSHIP]
        if not fonts and not part.content_type.lower().startswith(_FONT_TYPES):
            continue
        root = _parse(part.blob) if fonts else None
        named = next((font.get(_W + "name") for font in (root.iter(_W + "font")
                                                         if root is not None else ())
                      if any(font.find(tag) is not None for tag in _EMBEDDED)), None)
        raise InputError("docx_embedded_font", name=named or str(part.partname))


def _parse(blob: bytes) -> _Element | None:
    from lxml import etree

    try:
        return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _id(element) -> str:
    return element.get(_W + "id")


def read_docx(data: bytes, display: str, kind: str) -> Document:
    layout = Layout(data)
    document = layout.parts.document(display, kind)
    document.found_directives = layout.directives()
    return document


# Run properties that hide a run from the reader (Word's "hidden" font effect).
_HIDING = (_W + "vanish", _W + "specVanish", _W + "webHidden")
_OFF = {"0", "false", "off"}
# Red-team pass 40: text a reader does not see though Word draws it — white or near-white
# (on an unshaded white page), at most 1 pt (w:sz counts half-points), or squeezed to a
# tenth of its width or less (w:w, in per cent) — hides as hidden text does.
_TINY = 2
_CRUSHED = 10
_DISPLACED = 48  # w:position: 24 pt up or down, out of any line of body text
_FITTED = 40  # w:fitText: 2 pt a character
_LIGHT = 0xF0  # each of red, green and blue at least this: #F0F0F0 on white is not seen
_WHITE_THEMES = {"background1", "light1"}
# a theme's text colour, as Office's themes and every template Word ships paint it: black, as
# _WHITE_THEMES are white (red-team pass 52 W3); what a file's theme part says comes first
_BLACK_THEMES = {"text1", "dark1"}
Theme = dict[str, str]  # a w:themeColor name (text1, accent1, …) → the RRGGBB it paints
_NO_THEME: Theme = {**dict.fromkeys(_BLACK_THEMES, "000000"),
                    **dict.fromkeys(_WHITE_THEMES, "FFFFFF")}
# w:themeColor's names → the theme part's colour scheme (a:clrScheme); text1, background1, …
# go through the settings' w:clrSchemeMapping (t1, bg1, …), dark1 by default
_SCHEME = {"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2",
           **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
           "hyperlink": "hlink", "followedHyperlink": "folHlink"}
_MAPPED = {"text1": ("t1", "dark1"), "background1": ("bg1", "light1"),
           "text2": ("t2", "dark2"), "background2": ("bg2", "light2")}
_SYSTEM = {"windowText": "000000", "window": "FFFFFF"}
_THEME_TYPES = {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
                "http://purl.oclc.org/ooxml/officeDocument/relationships/theme"}


def without_hidden(data: bytes) -> bytes:
    """The .docx with every run a reader does not see (hidden text) taken out of its text
    parts: what the file shows. (Such runs are checked — text in a draft is published text —
    but "the same draft" is the same for a reader: a rejection must not be escaped by one
    hidden character.) The input unchanged when it is no readable Word file."""
    from lxml import etree

    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        names = source.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return data
    parser = etree.XMLParser(resolve_entities=False, huge_tree=False)
    try:
        theme = _theme(source, names, parser)
        styles = _hiding_styles(etree.fromstring(source.read("word/styles.xml"), parser),
                                theme) \
            if "word/styles.xml" in names else _Styles({}, {}, None, theme=theme)
        body = etree.fromstring(source.read("word/document.xml"), parser) \
            if "word/document.xml" in names else None
    except (etree.XMLSyntaxError, KeyError, OSError, ValueError):
        return data
    updating = _updates_fields(source, names, parser)
    page = body.find(_W + "background") if body is not None else None
    styles.background = page is not None and \
        page.get(_W + "color", "auto").upper() not in ("AUTO", "FFFFFF")
    out = io.BytesIO()
    changed = False
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            part = source.read(name)
            if name.startswith("word/") and name.endswith(".xml"):
                try:
                    root = etree.fromstring(part, parser)
                except etree.XMLSyntaxError:
                    return data
                for run in list(root.iter(W_R)):
                    if styles.hides(run):
                        parent = run.getparent()
                        if parent is not None:  # a part whose root is a run: left as it is
                            parent.remove(run)
                            changed = True
                changed = _without_stale_results(root, updating) or changed
                changed = _run_in(root, styles) or changed
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(name, part)
    return out.getvalue() if changed else data


_MARK_GONE = frozenset({_W + "del", _W + "moveFrom"})
def _updates_fields(source: zipfile.ZipFile, names: list[str], parser) -> bool:
    """Whether the settings ask Word to update the fields when it opens the file
    (`w:updateFields`): each field is then read as one flagged dirty (red-team pass 68)."""
    from lxml import etree

    try:
        settings = etree.fromstring(source.read("word/settings.xml"), parser) \
            if "word/settings.xml" in names else None
    except (etree.XMLSyntaxError, KeyError, OSError, ValueError):
        return False
    flag = settings.find(_W + "updateFields") if settings is not None else None
    return flag is not None and flag.get(_W + "val", "true").lower() not in _OFF


def _without_stale_results(root: _Element, every: bool = False) -> bool:
    """Take out the saved results of the fields Word recomputes when it opens the file
    (`w:dirty`): a reader sees what Word computes, not what was saved. A `SET x ""` field that
    shows nothing once updated, saved showing 甲 between 出 and 售冰毒, parted for the check
    the words a reader sees joined (red-team pass 66 O4). The saved result is still read
    where it stands; this is the reading as shown. Fields whose value review.inputs.wordfields
    computes (document properties, variables, SYMBOL) are left: their values are read beside
    the result, and a SYMBOL's result is held to its code. `every`: the settings ask Word to
    update every field on opening (`w:updateFields`)."""
    changed = False
    for each in fields(root):
        if (each.dirty or every) and not computed_here(each.code):
            for run in each.result:
                if run.getparent() is not None:
                    run.getparent().remove(run)
                    changed = True
    return changed


def _run_in(root: _Element, styles: _Styles) -> bool:
    """Join each paragraph a reader sees run into the next one with it (red-team pass 66 O2):
    one whose paragraph mark is a tracked deletion (Word's final view and the accepted text
    join the two), hidden (a style separator: the next paragraph goes on on the same line),
    or a drop cap's frame (its letter is the next paragraph's first). Read apart, the words a
    reader sees joined across the mark (本人长期出¶售冰毒) were no words to the check. The next
    paragraph is the next one in the text, into or out of a content control or custom XML
    around either (red-team pass 68); a table's is not (Word keeps a table's first paragraph
    apart); the last first, so that a chain joins whole."""
    changed = False
    for paragraph in reversed(list(root.iter(W_P))):
        properties = paragraph.find(_W + "pPr")
        if properties is None:
            continue
        mark = properties.find(_W + "rPr")
        frame = properties.find(_W + "framePr")
        gone = mark is not None and (any(c.tag in _MARK_GONE for c in mark)
                                     or styles._aspect(properties, "hidden"))
        drop = frame is not None and frame.get(_W + "dropCap", "none") in ("drop", "margin")
        following = _next_paragraph(paragraph) if gone or drop else None
        if following is None:
            continue
        for child in list(following):
            if child.tag != _W + "pPr":
                paragraph.append(child)
        following.getparent().remove(following)
        changed = True
    return changed


# the namespaces of the WordprocessingML Word knows (its own versions' extensions included)
_KNOWN_NAMESPACES = ("http://schemas.openxmlformats.org/", "http://purl.oclc.org/ooxml/",
                     "http://schemas.microsoft.com/office/", "urn:schemas-microsoft-com:",
                     "http://www.w3.org/")


def _known_namespace(tag: object) -> bool:
    if not isinstance(tag, str) or not tag.startswith("{"):
        return True  # a comment, a processing instruction, or no namespace (refused anyway)
    return tag[1:].startswith(_KNOWN_NAMESPACES)


# block-level elements that hold paragraphs of the same flow: a content control, custom XML,
# a tracked insertion or move of whole paragraphs
_FLOW = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo",
                   _W + "smartTag"})


def _next_paragraph(paragraph: _Element) -> _Element | None:
    """The paragraph after `paragraph` in the text it runs on in: a next sibling, or the first
    of a content control's (custom XML's …) after it, or the one after the control it ends;
    None before a table, at a cell's, a text box's or the body's end."""
    node = paragraph
    while True:
        following = node.getnext()
        while following is not None:
            if following.tag == W_P:
                return following
            if following.tag in _FLOW:
                first = _first_paragraph(following)
                if first is not None:
                    return first
            elif following.tag in (W_TBL, _W + "sectPr"):
                return None
            following = following.getnext()
        parent = node.getparent()
        if parent is None or parent.tag not in _FLOW:
            return None
        node = parent


def _first_paragraph(wrapper: _Element) -> _Element | None:
    for child in wrapper:
        if child.tag == W_P:
            return child
        if child.tag == W_TBL:
            return None
        if child.tag in _FLOW and (first := _first_paragraph(child)) is not None:
            return first
    return None


def _theme(source: zipfile.ZipFile, names: list[str], parser) -> Theme:
    """The colours the document's theme part paints for each w:themeColor name (red-team
    pass 55: accent1 text on an accent1 fill; a theme whose dark1 is white), over _NO_THEME;
    a colour the scheme gives otherwise than as RGB or a system colour is left out (not
    judged). _NO_THEME when the file has no theme part, or one that cannot be read."""
    from lxml import etree

    try:
        part = _theme_part(etree.fromstring(source.read("word/_rels/document.xml.rels"),
                                            parser)) \
            if "word/_rels/document.xml.rels" in names else None
    except (etree.XMLSyntaxError, KeyError, OSError, ValueError):
        part = None
    part = part if part in names else next(
        (name for name in names if name.startswith("word/theme/") and name.endswith(".xml")),
        None)
    if part is None:
        return _NO_THEME
    try:
        scheme = etree.fromstring(source.read(part), parser).find(f".//{_A}clrScheme")
        settings = etree.fromstring(source.read("word/settings.xml"), parser) \
            if "word/settings.xml" in names else None
    except (etree.XMLSyntaxError, KeyError, OSError, ValueError):
        return _NO_THEME
    if scheme is None:
        return _NO_THEME
    painted: Theme = {}
    for name, tag in _SCHEME.items():
        entry = scheme.find(_A + tag)
        colour = entry[0] if entry is not None and len(entry) else None
        if colour is None or len(colour):  # a colour modified (lumMod, …): not worked out
            continue
        # a system colour is the system's: lastClr is only what the writer last saw (Word
        # and LibreOffice paint windowText black whatever it says; red-team pass 57 W2)
        value = colour.get("val", "") if colour.tag == _A + "srgbClr" else \
            _SYSTEM.get(colour.get("val", "")) or colour.get("lastClr", "") \
            if colour.tag == _A + "sysClr" else ""
        if _rgb(value):
            painted[name] = value.upper()
    mapping = settings.find(_W + "clrSchemeMapping") if settings is not None else None
    for name, (attribute, usual) in _MAPPED.items():
        mapped = mapping.get(_W + attribute, usual) if mapping is not None else usual
        if mapped in painted:
            painted[name] = painted[mapped]
    return {**_NO_THEME, **painted}


def _theme_part(relationships: _Element) -> str | None:
    """The name of the theme part the document relates to (word/theme/theme1.xml)."""
    import posixpath

    for relationship in relationships:
        # the theme's type, not one that merely ends in /theme (red-team pass 57 W1)
        if relationship.get("Type", "") in _THEME_TYPES and \
                relationship.get("TargetMode") != "External":
            target = relationship.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("word", target))
    return None


def _theme_rgb(element: _Element, prefix: str, theme: Theme) -> str | None:
    """The colour (RRGGBB) a theme colour named on `element` paints (`prefix`: "themeColor"
    on w:color, "themeFill" or "themeColor" on w:shd), tinted (lightened towards white) or
    shaded (darkened) as Word does, on the colour's lightness; None when none is named or
    the theme does not say it."""
    name = element.get(_W + prefix, "")
    base = theme.get(name)
    stem = prefix[:-5] if prefix.endswith("Color") else prefix  # themeTint, themeFillTint
    tint = _hex(element.get(f"{_W}{stem}Tint", "FF"))
    shade = _hex(element.get(f"{_W}{stem}Shade", "FF"))
    if base is None or tint is None or shade is None:
        return None
    import colorsys

    hue, light, saturation = colorsys.rgb_to_hls(*(int(base[i:i + 2], 16) / 255
                                                   for i in (0, 2, 4)))
    light = light * shade / 255
    light = light * tint / 255 + 1 - tint / 255
    red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return "".join(f"{round(c * 255):02X}" for c in (red, green, blue))


def _hidden_flag(properties: _Element | None, aspect: str = "hidden",
                 theme: Theme = _NO_THEME) -> bool | None:
    """Whether run properties hide (True), show (False) or say nothing (None), by one
    aspect (_FLAGS): the hidden effect, a white colour, a size too small to read, or a
    width squeezed to nothing."""
    if properties is None:
        return None
    return _white_flag(properties, theme) if aspect == "white" else _FLAGS[aspect](properties)


def _vanish_flag(properties: _Element) -> bool | None:
    flags = [flag for flag in properties if flag.tag in _HIDING]
    if not flags:
        return None
    return any(flag.get(_W + "val", "true").lower() not in _OFF for flag in flags)


def _white_flag(properties: _Element, painted: Theme = _NO_THEME) -> bool | None:
    colour = properties.find(_W + "color")
    if colour is None:
        return None
    theme = colour.get(_W + "themeColor", "")
    if theme and (resolved := _theme_rgb(colour, "themeColor", painted)):
        return all(int(resolved[i:i + 2], 16) >= _LIGHT for i in (0, 2, 4))
    if theme:  # Word draws the theme's colour, not the one written beside it
        shade = colour.get(_W + "themeShade", "FF")  # a shade darkens the colour by it
        tint = _hex(colour.get(_W + "themeTint", "FF"))  # a tint lightens any colour to white
        if tint is not None and tint < 0xFF - _LIGHT + 1 and _hex(shade) == 0xFF:
            return True  # tinted to 1/16 of itself or less: near-white, whatever the colour
        return theme in _WHITE_THEMES and _hex(shade) is not None and _hex(shade) >= _LIGHT
    value = colour.get(_W + "val", "")
    channels = [_hex(value[i:i + 2]) for i in (0, 2, 4)] if len(value) == 6 else [None]
    return all(c is not None and c >= _LIGHT for c in channels)


def _hex(digits: str) -> int | None:
    try:
        return int(digits, 16) if len(digits) == 2 else None
    except ValueError:
        return None


def _tiny_flag(properties: _Element) -> bool | None:
    # a run Word formats as complex script (w:cs, w:rtl) is drawn at its complex-script size
    if any(flag.get(_W + "val", "true").lower() not in _OFF
           for flag in properties if flag.tag in (_W + "cs", _W + "rtl")) and \
            properties.find(_W + "szCs") is not None:
        return _measure(properties, "szCs", _TINY)
    return _measure(properties, "sz", _TINY)


def _crushed_flag(properties: _Element) -> bool | None:
    return _measure(properties, "w", _CRUSHED)


def _measure(properties: _Element, name: str, most: int) -> bool | None:
    """Whether a run property's number is at most `most` (None: not set, or no number)."""
    found = properties.find(_W + name)
    if found is None:
        return None
    try:
        return int(float(found.get(_W + "val", "").rstrip("%"))) <= most
    except ValueError:
        return None


def _displaced_flag(properties: _Element) -> bool | None:
    """Raised or lowered out of its line (w:position, in half-points): Word clips it to an
    exact line height, or draws it far above or below the words around (red-team pass 68)."""
    found = properties.find(_W + "position")
    if found is None:
        return None
    try:
        return abs(int(float(found.get(_W + "val", "")))) >= _DISPLACED
    except ValueError:
        return None


def _fitted_flag(properties: _Element) -> bool | None:
    """Fitted into a width too narrow to read (w:fitText, in twentieths of a point): under
    _FITTED a character of the run (red-team pass 68)."""
    found = properties.find(_W + "fitText")
    if found is None:
        return None
    try:
        width = int(float(found.get(_W + "val", "")))
    except ValueError:
        return None
    run = properties.getparent()
    count = len("".join(t.text or "" for t in run.iter(W_T))) if run is not None else 0
    return width <= _FITTED * max(1, count)


_FLAGS = {"hidden": _vanish_flag, "white": _white_flag, "tiny": _tiny_flag,
          "crushed": _crushed_flag, "displaced": _displaced_flag, "fitted": _fitted_flag}


_HIGHLIGHTS = {"white": "FFFFFF", "black": "000000", "yellow": "FFFF00", "green": "00FF00",
               "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF", "red": "FF0000",
               "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
               "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
               "darkGray": "808080", "lightGray": "C0C0C0"}
_UNKNOWN = "?"  # a ground whose colour is not worked out (a pattern's mix)


def _ground(properties: _Element | None, theme: Theme = _NO_THEME) -> str | None:
    """The colour (RRGGBB) properties paint behind their text: a highlight, or a shading's
    fill (a solid one's colour); _UNKNOWN for a patterned one; None for none."""
    if properties is None:
        return None
    return _ground_of(properties.find(_W + "highlight"), properties.find(_W + "shd"), theme)


def _ground_of(marked: _Element | None, shading: _Element | None,
               theme: Theme = _NO_THEME) -> str | None:
    """The ground a highlight and a shading paint (either may be None: not written), as
    `_ground` says."""
    if marked is not None and marked.get(_W + "val", "none") != "none":
        return _HIGHLIGHTS.get(marked.get(_W + "val", ""), _UNKNOWN)
    if shading is None:
        return None
    kind = shading.get(_W + "val", "clear")
    if kind == "nil":
        return None
    # Word paints a theme's colour where one is named, not the fill or colour written beside
    # it (red-team pass 49 W1): a theme's white, shaded no darker than near-white, is white
    fill = _theme_ground(shading, "Fill", theme) or shading.get(_W + "fill", "auto")
    ink = _theme_ground(shading, "Color", theme) or shading.get(_W + "color", "auto")
    colour = fill if kind == "clear" else ink
    if kind == "clear" and colour.upper() == "AUTO":
        return None
    if kind not in ("clear", "solid"):
        # a pattern mixes its colour into its fill: one colour when the two are alike (a
        # white pattern on white is a white ground; red-team pass 49 W2)
        return fill.upper() if _rgb(fill) and _rgb(ink) and _alike(fill, ink) else _UNKNOWN
    if not _rgb(colour):
        return "000000" if kind == "solid" and colour.upper() == "AUTO" else _UNKNOWN
    return colour.upper()


def _rgb(colour: str) -> bool:
    """Whether a colour is written as RRGGBB."""
    return len(colour) == 6 and all(_hex(colour[i:i + 2]) is not None for i in (0, 2, 4))


def _theme_ground(shading: _Element, which: str, theme: Theme = _NO_THEME) -> str | None:
    """The colour a shading's theme fill or colour ("Fill", "Color") paints: the theme's
    (red-team pass 55), else FFFFFF for a theme's white shaded no darker than near-white,
    _UNKNOWN for any other theme's colour, None where no theme is named."""
    name = shading.get(f"{_W}theme{which}")
    if not name:
        return None
    if resolved := _theme_rgb(shading, f"theme{which}", theme):
        return resolved
    shade = _hex(shading.get(f"{_W}theme{which}Shade", "FF"))
    tint = _hex(shading.get(f"{_W}theme{which}Tint", "FF"))
    if shade == 0xFF and tint is not None and tint <= 0xFF - _LIGHT:
        return "FFFFFF"  # tinted to near-white, whatever the colour
    if name in _WHITE_THEMES and shade is not None and shade >= _LIGHT:
        return "FFFFFF"
    return _UNKNOWN


def _alike(one: str, other: str) -> bool:
    """Two colours (RRGGBB) a reader cannot tell apart, text on ground: each channel within
    a sixteenth (as #F0F0F0 is from white)."""
    return all(abs(int(one[i:i + 2], 16) - int(other[i:i + 2], 16)) <= 0xFF - _LIGHT
               for i in (0, 2, 4))


def _shaded(ground: str | None) -> bool:
    """Whether a ground (`_ground`) is a background white text shows on: one not white or
    near-white."""
    return ground is not None and (ground == _UNKNOWN or not _alike(ground, "FFFFFF"))


def _colour_of(properties: _Element | None, theme: Theme = _NO_THEME) -> str | None:
    """The colour run properties write (RRGGBB; None for auto, a theme's the theme does not
    say, or none). A theme's colour is the theme part's, tinted or shaded (red-team pass 55):
    accent1 text on an accent1 fill is as unseen as red on red."""
    colour = properties.find(_W + "color") if properties is not None else None
    if colour is not None and colour.get(_W + "themeColor"):
        return _theme_rgb(colour, "themeColor", theme)
    if colour is None:
        return None
    value = colour.get(_W + "val", "")
    if len(value) != 6 or any(_hex(value[i:i + 2]) is None for i in (0, 2, 4)):
        return None
    return value.upper()


# a highlight and a shading as written (either None: not written), nearest first: a shading
# written, even `nil` or clear on auto, stops those of the styles below it (red-team pass 55)
Marks = tuple["_Element | None", "_Element | None"]
_NO_MARKS: Marks = (None, None)


def _marks(properties: _Element | None) -> Marks:
    if properties is None:
        return _NO_MARKS
    return properties.find(_W + "highlight"), properties.find(_W + "shd")


def _nearest(*marks: Marks) -> Marks:
    """Each of a highlight and a shading from the first that writes it."""
    return (next((m[0] for m in marks if m[0] is not None), None),
            next((m[1] for m in marks if m[1] is not None), None))


# a table style's conditional parts (w:tblStylePr: first row, banded rows, …): which applies
# to a cell is not worked out; the cell's ground is the style's only where they all agree
_CELL, _TABLE = "tcPr", "tblPr"


@dataclass
class _Styles:
    """Which styles hide their runs (through `basedOn`), by aspect, and the document's
    default; whether the page has a background (white text may show on it)."""

    hiding: dict[str, dict[str, bool]]
    default: dict[str, bool | None]
    paragraph_default: str | None
    background: bool = False              # the page's own colour (w:background)
    # the colour (RRGGBB) each style's run properties give its text, through `basedOn`, and
    # the highlight and shading (Marks) they paint behind it: a style's red on a run's red
    # shading hides as the run's own red does
    colours: dict[str, str] = field(default_factory=dict)
    marks: dict[str, Marks] = field(default_factory=dict)
    # the shading each paragraph style's paragraph properties paint (through `basedOn`), and
    # the document's defaults (w:docDefaults): a run takes its colour from them too, and a
    # paragraph its shading — red text on a paragraph style's red shading is unseen as on a
    # paragraph's own (red-team pass 50 W1, W2); "" in `colours`: a colour no RGB (auto, a
    # theme's the theme does not say) written there, which stops the styles and defaults
    # below it
    paragraph_shadings: dict[str, _Element] = field(default_factory=dict)
    default_colour: str | None = None
    default_marks: Marks = _NO_MARKS
    paragraph_default_shading: _Element | None = None
    # each table style's ground of a cell and of the table (red-team pass 55)
    table_grounds: dict[str, dict[str, str | None]] = field(default_factory=dict)
    theme: Theme = field(default_factory=lambda: _NO_THEME)

    def hides(self, run: _Element) -> bool:
        if any(self._aspect(run, aspect) for aspect in ("hidden", "tiny", "crushed",
                                                        "displaced", "fitted")):
            return True
        if self._aspect(run, "white") and not self._on_shading(run):
            return True
        # its own colour on the nearest ground that it, its paragraph, cell or table paints:
        # red on red, black on a black highlight, white on a white highlight
        names = self._styles_of(run)
        colour = _colour_of(run.find(_W + "rPr"), self.theme) \
            if run.find(f"{_W}rPr/{_W}color") is not None else next(
                (self.colours[name] for name in names if name in self.colours),
                self.default_colour)
        if not colour:
            return False
        ground = next((ground for ground in self._grounds(run) if ground is not None), None)
        return ground is not None and ground != _UNKNOWN and _alike(colour, ground)

    def _grounds(self, run: _Element) -> Iterator[str | None]:
        """The grounds behind a run, nearest first: its own highlight or shading, its
        paragraph's, each cell's and table's around it — each as written there, else as
        its style (a table's for a cell and a table) or the document's defaults say."""
        names = self._styles_of(run)
        yield _ground_of(*_nearest(_marks(run.find(_W + "rPr")),
                                   *(self.marks[name] for name in names if name in self.marks),
                                   self.default_marks), self.theme)
        for above in run.iterancestors(W_P, W_TC, W_TBL):
            if above.tag == W_P:
                shading = above.find(f"{_W}pPr/{_W}shd")
                if shading is None:
                    style = self._pstyle_of(above)
                    shading = self.paragraph_shadings.get(style, self.paragraph_default_shading) \
                        if style else self.paragraph_default_shading
                yield _ground_of(None, shading, self.theme)
                continue
            level = _CELL if above.tag == W_TC else _TABLE
            shading = above.find(f"{_W}{level}/{_W}shd")
            if shading is not None:
                yield _ground_of(None, shading, self.theme)
                continue
            table = above if above.tag == W_TBL else next(above.iterancestors(W_TBL), None)
            style = table.find(f"{_W}tblPr/{_W}tblStyle") if table is not None else None
            yield self.table_grounds.get(_val(style) or "", {}).get(level)

    def _styles_of(self, run: _Element) -> list[str]:
        """The styles a run's properties come from, nearest first: its character style's,
        then its paragraph's."""
        properties = run.find(_W + "rPr")
        style = properties.find(_W + "rStyle") if properties is not None else None
        return [name for name in (style.get(_W + "val", "") if style is not None else "",
                                  self._pstyle(run) or "") if name]

    def _aspect(self, run: _Element, aspect: str) -> bool:
        properties = run.find(_W + "rPr")
        own = _hidden_flag(properties, aspect, self.theme)
        if own is not None:
            return own
        style = properties.find(_W + "rStyle") if properties is not None else None
        if style is not None and \
                self.hiding.get(style.get(_W + "val", ""), {}).get(aspect) is not None:
            return self.hiding[style.get(_W + "val", "")][aspect]
        pstyle = self._pstyle(run)
        if pstyle is not None and self.hiding.get(pstyle, {}).get(aspect) is not None:
            return self.hiding[pstyle][aspect]
        return bool(self.default.get(aspect))

    def _pstyle(self, run: _Element) -> str | None:
        paragraph = next(run.iterancestors(W_P), None)
        return self._pstyle_of(paragraph) if paragraph is not None else self.paragraph_default

    def _pstyle_of(self, paragraph: _Element) -> str | None:
        found = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return (found.get(_W + "val") if found is not None else None) or self.paragraph_default

    def _on_shading(self, run: _Element) -> bool:
        """Whether a run is on a ground white text shows on: the page's own colour, a text
        box (it may be filled), or the nearest ground behind it not white."""
        if self.background or next(run.iterancestors(_TXBX), None) is not None:
            return True
        return _shaded(next((ground for ground in self._grounds(run) if ground is not None),
                            None))


def _hiding_styles(root: _Element, theme: Theme = _NO_THEME) -> _Styles:
    own: dict[str, tuple[_Element | None, str | None]] = {}
    paragraph_own: dict[str, _Element | None] = {}
    paragraph_default = None
    for style in root.iter(_W + "style"):
        sid = style.get(_W + "styleId", "")
        based = style.find(_W + "basedOn")
        own[sid] = (style.find(_W + "rPr"), based.get(_W + "val") if based is not None else None)
        paragraph_own[sid] = style.find(_W + "pPr")
        if style.get(_W + "type") == "paragraph" and \
                style.get(_W + "default", "").lower() in ("1", "true", "on"):
            paragraph_default = sid
    hiding: dict[str, dict[str, bool]] = {}
    colours: dict[str, str] = {}
    marks: dict[str, Marks] = {}
    paragraph_shadings: dict[str, _Element] = {}
    for sid in own:
        seen, at = set(), sid
        colour, mark, paragraph_shading = None, _NO_MARKS, None
        said = False  # a colour written (a theme's or auto too): the styles below are not read
        while at is not None and at in own and at not in seen:
            seen.add(at)
            properties = own[at][0]
            if not said and properties is not None and properties.find(_W + "color") is not None:
                colour, said = _colour_of(properties, theme), True
            mark = _nearest(mark, _marks(properties))
            if paragraph_shading is None and paragraph_own[at] is not None:
                paragraph_shading = paragraph_own[at].find(_W + "shd")
            at = own[at][1]
        if said:
            colours[sid] = colour or ""  # auto or a theme's: the defaults are not read either
        if mark != _NO_MARKS:
            marks[sid] = mark
        if paragraph_shading is not None:
            paragraph_shadings[sid] = paragraph_shading
        for aspect in _FLAGS:
            seen, at, flag = set(), sid, None
            while at is not None and at in own and at not in seen and flag is None:
                seen.add(at)
                flag = _hidden_flag(own[at][0], aspect, theme)
                at = own[at][1]
            if flag is not None:
                hiding.setdefault(sid, {})[aspect] = flag
    defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    paragraph_defaults = root.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr")
    return _Styles(hiding, {aspect: _hidden_flag(defaults, aspect, theme) for aspect in _FLAGS},
                   paragraph_default, colours=colours, marks=marks,
                   paragraph_shadings=paragraph_shadings,
                   default_colour=_colour_of(defaults, theme), default_marks=_marks(defaults),
                   paragraph_default_shading=paragraph_defaults.find(_W + "shd")
                   if paragraph_defaults is not None else None,
                   table_grounds=_table_grounds(root, theme), theme=theme)


def _table_grounds(root: _Element, theme: Theme) -> dict[str, dict[str, str | None]]:
    """Each table style's ground of a cell (its w:tcPr's shading) and of the table (its
    w:tblPr's), through `basedOn` (red-team pass 55). A style's conditional parts
    (w:tblStylePr: the first row, banded rows, …) shade some cells only, which ones not
    worked out: where one paints another ground than the whole style's, the cell's (or the
    table's) is _UNKNOWN — never judged hidden, and white text on it is seen."""
    styles = {style.get(_W + "styleId", ""): style for style in root.iter(_W + "style")
              if style.get(_W + "type") == "table"}
    found: dict[str, dict[str, str | None]] = {}
    for sid in styles:
        seen, at = set(), sid
        whole: dict[str, _Element] = {}  # the shading of each level, nearest first
        parts: dict[tuple[str, str], _Element] = {}  # (condition, level) → shading
        while at in styles and at not in seen:
            seen.add(at)
            style = styles[at]
            for level in (_CELL, _TABLE):
                shading = style.find(f"{_W}{level}/{_W}shd")
                if shading is not None:
                    whole.setdefault(level, shading)
                for part in style.findall(_W + "tblStylePr"):
                    shading = part.find(f"{_W}{level}/{_W}shd")
                    if shading is not None:
                        parts.setdefault((part.get(_W + "type", ""), level), shading)
            at = _val(style.find(_W + "basedOn"))
        grounds: dict[str, str | None] = {}
        for level in (_CELL, _TABLE):
            ground = _ground_of(None, whole.get(level), theme)
            others = {_ground_of(None, shading, theme)
                      for (_, at_level), shading in parts.items() if at_level == level}
            grounds[level] = ground if others <= {ground} else _UNKNOWN
        found[sid] = grounds
    return found
