"""Words a page's reader sees joined, parted in the file by text an element hides.

`本人长期出<span hidden>甲</span>售冰毒` shows 本人长期出售冰毒: the hidden 甲 is still text of the
page (checked where it stands), but read in file order it parts the words around it. So
review.markup keeps each line's text once more without what its elements hide by their own
markup — the `hidden` attribute, or a style attribute that removes or shrinks the text to
nothing, as a browser reads it (review.inlinestyle) — and reads that copy after the line,
where it differs. Text a style sheet hides
through a selector (`.x { display: none }`) is not followed: that needs the cascade.
"""

from __future__ import annotations

# Elements that hold no text: a hidden one hides nothing of the line.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# Elements whose content no reader of a working page sees: a player's or a canvas's fallback,
# what shows only without scripts (WeChat and every browser run them), a ruby's fallback
# brackets, the text between an iframe's tags.
NEVER_SHOWN = frozenset({"video", "audio", "canvas", "noscript", "rp", "iframe"})


def hides(tag: str, values: dict[str, str | None]) -> bool:
    """Whether a start tag hides its element's text by its own markup."""
    if tag in VOID:
        return False
    if tag in NEVER_SHOWN or (tag == "dialog" and "open" not in values):
        return True
    style = values.get("style") or ""
    if not style.strip():
        return "hidden" in values
    from review.inlinestyle import hides as style_hides

    return style_hides(style, "hidden" in values)


def removes(values: dict[str, str | None]) -> bool:
    """Whether an element's own markup takes its box away (`display: none`, or `hidden` with
    no `display`): a line break so taken away, or one inside such an element, ends no line."""
    from review.inlinestyle import declared

    style = values.get("style") or ""
    display = [t.lower_value for t in declared(style).get("display") or []
               if t.type == "ident"] if style.strip() else []
    return display == ["none"] or ("hidden" in values and not display)


class Line:
    """A line's text without what its elements hide, while a parser reads it."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        self.parted = False       # hidden text stood between characters of this line
        self.pending = False      # hidden text after the line's last visible characters
        self.open: list[str] = []  # the elements open inside the hiding one, it first
        self.boxless = False      # the hiding one takes its box away (removes)

    @property
    def hiding(self) -> bool:
        return bool(self.open)

    @property
    def unboxed(self) -> bool:
        """Inside an element whose box is taken away: a line break here breaks nothing."""
        return bool(self.open) and self.boxless

    def start(self, tag: str, values: dict[str, str | None],
              styled: bool | None = None) -> None:
        """`styled`: whether the page's style sheets hide the element (True) or show it
        (False) as review.pagestyle weighs them, or None: as its own markup says."""
        if self.open:
            if tag not in VOID:
                self.open.append(tag)
        elif (hides(tag, values) if styled is None else styled and tag not in VOID):
            self.open.append(tag)
            self.boxless = removes(values)

    def end(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def aside(self) -> None:
        """Text read on lines of its own inside this one (an image's alt text, which a loaded
        image does not show): it parts the line as hidden text does."""
        if "".join(self.kept).strip():
            self.pending = True

    def read(self, text: str) -> None:
        """Text the page shows in this line, where it stands."""
        if not self.open:
            if text.strip():
                self.parted = self.parted or self.pending
                self.pending = False
            self.kept.append(text)
        elif text.strip() and "".join(self.kept).strip():
            self.pending = True

    def flush(self) -> str | None:
        """The line without its hidden text when hidden text parted it, else None; a new
        line starts."""
        kept, parted = "".join(self.kept), self.parted
        self.kept, self.parted, self.pending = [], False, False
        return kept if parted and kept.strip() else None
