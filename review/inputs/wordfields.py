"""What a Word field shows once it is updated, when neither its code nor its saved result says
it: a document property (TITLE, SUBJECT, AUTHOR … and DOCPROPERTY, from docProps/core.xml,
app.xml or custom.xml), a document variable (DOCVARIABLE, settings.xml's w:docVars) or a
character given by its code (SYMBOL 20912 is 冰). Word shows it on opening with w:dirty or
settings' updateFields, and before printing; LibreOffice shows document properties as they
are. The saved result can say anything else, so the check reads these values too; and a
SYMBOL, one character among the paragraph's words (出售 then 冰毒 as two symbols), must show
what its saved result says, or the draft is refused."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from review.record import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    from docx.document import Document as WordDocument
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The fields that show one document property, by the property's name (core.xml's element,
# app.xml's, or a custom property's name: what DOCPROPERTY names, in any letter case).
_PROPERTY_FIELDS = {"title": "title", "subject": "subject", "author": "creator",
                    "keywords": "keywords", "comments": "description",
                    "lastsavedby": "lastmodifiedby"}
_PROPERTY_NAMES = {"author": "creator", "comments": "description",
                   "lastsavedby": "lastmodifiedby"}
# One field's name and its first argument (quoted or not). Codes of a paragraph's fields come
# joined, so a name is found anywhere, not only at a word's start: reading a value too many
# is harmless, one too few is not.
_FIELD = re.compile(r"(DOCPROPERTY|DOCVARIABLE|SYMBOL|TITLE|SUBJECT|AUTHOR|KEYWORDS|COMMENTS|"
                    r"LASTSAVEDBY)(?:\s+(?:\"([^\"]*)\"|(\S+)))?", re.IGNORECASE)
# A symbol font's glyphs (Wingdings' tick), as for w:sym: no character of the text
_SYMBOL_FONT = range(0xF000, 0xF100)


def computed_here(code: str) -> bool:
    """Whether this module computes what a field of this code shows (its value is read beside
    the saved result, a SYMBOL's result checked against it)."""
    return _FIELD.match(code.strip()) is not None


class FieldValues:
    """The values a draft's fields can show, read once from its package."""

    def __init__(self, document: WordDocument,
                 parse: Callable[[bytes], _Element | None]) -> None:
        """`parse`: the reader's parser of a part (review.inputs.word), None when no XML."""
        self.properties: dict[str, str] = {}
        self.variables: dict[str, str] = {}
        for part in document.part.package.iter_parts():
            name = str(part.partname).lower()
            if name in ("/docprops/core.xml", "/docprops/app.xml", "/docprops/custom.xml"):
                root = parse(part.blob)
                if root is not None:
                    self._properties(root, custom=name.endswith("custom.xml"))
        for variable in document.settings.element.iter(_W + "docVar"):
            self.variables[(variable.get(_W + "name") or "").lower()] = \
                variable.get(_W + "val") or ""

    def _properties(self, root: _Element, custom: bool) -> None:
        for element in root:
            if not isinstance(element.tag, str):
                continue
            if custom:  # <property name="…"><vt:lpwstr>value</vt:lpwstr></property>
                key = (element.get("name") or "").lower()
            else:
                key = element.tag.rsplit("}", 1)[-1].lower()
            self.properties.setdefault(key, "".join(element.itertext()))

    def shown(self, code: str) -> str:
        """What the fields of `code` (a paragraph's codes, joined) show once updated, joined."""
        out = []
        for m in _FIELD.finditer(code):
            field, argument = m.group(1).lower(), m.group(2) or m.group(3) or ""
            if field == "symbol":
                out.append(_symbol(argument))
            elif field == "docvariable":
                out.append(self.variables.get(argument.lower(), ""))
            elif field == "docproperty":
                key = argument.lower()
                out.append(self.properties.get(_PROPERTY_NAMES.get(key, key), ""))
            else:
                out.append(self.properties.get(_PROPERTY_FIELDS[field], ""))
        return "".join(out)


class Field(NamedTuple):
    code: str
    dirty: bool  # flagged for Word to update it when it opens the file
    result: list  # the runs of its saved result (a field's inside it included)


def fields(root: _Element) -> list[Field]:
    """The fields under `root`, simple (`w:fldSimple`) and complex (`w:fldChar` begin, code,
    separate, saved result, end), each when it ends: inner before the one around it."""
    out: list[Field] = []
    open_fields: list[tuple[list[str], list, list[bool], bool]] = []  # code, result, shown
    for element in root.iter(_W + "fldSimple", _W + "r"):
        if element.tag == _W + "fldSimple":
            out.append(Field(element.get(_W + "instr") or "", _on(element),
                             list(element.iter(_W + "r"))))
            continue
        mark = element.find(_W + "fldChar")
        if mark is not None:
            kind = mark.get(_W + "fldCharType")
            if kind == "begin":
                open_fields.append(([], [], [False], _on(mark)))
            elif kind == "separate" and open_fields:
                open_fields[-1][2][0] = True
            elif kind == "end" and open_fields:
                code, result, _, dirty = open_fields.pop()
                out.append(Field("".join(code), dirty, result))
            continue
        if open_fields and not open_fields[-1][2][0]:  # the innermost field's code
            open_fields[-1][0].extend(t.text or "" for t in element.iter(_W + "instrText"))
            continue
        for _, result, shown, _ in open_fields:
            if shown[0]:
                result.append(element)
    return out


def _on(element: _Element) -> bool:
    return element.get(_W + "dirty", "").lower() in ("1", "true", "on")


def saved_text(field: Field) -> str:
    return "".join(t.text or "" for run in field.result for t in run.iter(_W + "t"))


def stale_symbol(paragraph: _Element) -> tuple[str, str] | None:
    """The first SYMBOL field of a paragraph whose saved result is not the character its code
    shows once updated: (that character, the saved result); None when there is none."""
    for field in fields(paragraph):
        found = _stale(field.code, saved_text(field))
        if found is not None:
            return found
    return None


def _stale(code: str, saved: str) -> tuple[str, str] | None:
    m = _FIELD.match(code.strip())
    if m is None or m.group(1).upper() != "SYMBOL":
        return None
    shown = _symbol(m.group(2) or m.group(3) or "")
    return (shown, saved) if shown and saved.strip() != shown else None


def _symbol(argument: str) -> str:
    """The character of a SYMBOL field's code (decimal, or hexadecimal with 0x)."""
    try:
        code = int(argument, 16) if argument.lower().startswith("0x") else int(argument)
        return "" if code in _SYMBOL_FONT else chr(code)
    except (ValueError, OverflowError):
        return ""

