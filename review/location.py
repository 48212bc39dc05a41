"""Where a finding is, in the words a reader of that kind of file uses: line and column in a
text file; page, paragraph or table cell in a document whose text is assembled from parts
(Word, PDF). Offsets (`start`/`end`) index the decoded text; a Location is for people."""

from __future__ import annotations

from review.record import NamedTuple

# How each field is said, in the order a reader narrows a place down.
_WORDS = {
    "page": ("第 {} 页", "page {}"),
    "table": ("表 {}", "table {}"),
    "row": ("第 {} 行", "row {}"),
    "cell": ("第 {} 列", "cell {}"),
    "paragraph": ("第 {} 段", "paragraph {}"),
    "line": ("第 {} 行", "line {}"),
    "column": ("第 {} 列", "column {}"),
}


# The parts outside a document's body that a Location names, as a reader calls them.
PART_NAMES = {"header": "页眉", "footer": "页脚", "textbox": "文本框", "link": "链接",
              "footnote": "脚注", "endnote": "尾注", "bound": "内容控件", "numbering": "编号",
              "annotation": "注释", "form": "表单域", "field": "域代码",
              "unhidden": "不含隐藏文字", "title": "文档标题", "outline": "书签",
              "alt": "替代文字", "invisible": "不可见文字", "laid_out": "按版面顺序"}


class Location(NamedTuple):
    """Every field is 1-based and optional: a kind sets those its readers know (given by
    name). Serialised without the unset ones, so a text file's location is `{"line": 3,
    "column": 7}`. A named tuple (not a pydantic model, nor a dataclass, whose methods are
    compiled at every start): every finding has one, and `review check` must start quickly."""

    part: str | None = None  # a part outside the body: 页眉, 页脚, 文本框, 链接, 脚注…
    line: int | None = None
    column: int | None = None
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def to_dict(self) -> dict[str, int | str]:
        """The fields that are set, in declaration order: what JSON output and stored findings
        hold (and what a signed finding's digest covers, so the form must not change)."""
        return {name: value for name in _FIELDS if (value := getattr(self, name)) is not None}

    @classmethod
    def from_dict(cls, data: object) -> Location:
        """A location read back from a stored finding; ValueError for anything else than a
        table of known fields with 1-based numbers (or the part's name)."""
        if isinstance(data, Location):
            return data
        if not isinstance(data, dict):
            raise ValueError("location: not a table of fields")
        unknown = [key for key in data if key not in _FIELDS]
        if unknown:
            raise ValueError(f"location.{unknown[0]}: not a field of a location")
        for name, value in data.items():
            if value is None:
                continue
            if name == "part" and not isinstance(value, str):
                raise ValueError("location.part: not a string")
            if name != "part" and (not isinstance(value, int) or isinstance(value, bool)):
                raise ValueError(f"location.{name}: not an integer")
        return cls(**data)

    def label(self, lang: str) -> str:
        """`3:7` for a line and column (as editors and compilers write it), else the parts in
        words: `第 2 页 第 3 段` / `page 2, paragraph 3`."""
        if self.line is not None and self.column is not None and not self._others():
            return f"{self.line}:{self.column}"
        # inside a paragraph, cell or page line the column counts characters (表 1 第 2 行
        # 第 2 列 is a table's column)
        words = [(_CHARACTER if k == "column" else _WORDS[k])[lang == "en"].format(v)
                 for k, v in self._ordered()]
        if self.part:
            words.insert(0, _PART_EN.get(self.part, self.part) if lang == "en" else self.part)
        return ", ".join(words) if lang == "en" else " ".join(words)

    def say(self, lang: str) -> str:
        """As a part of a message (review.i18n.said): an input error naming where."""
        return self.label(lang)

    def _ordered(self) -> list[tuple[str, int]]:
        return [(k, getattr(self, k)) for k in _WORDS if getattr(self, k) is not None]

    def _others(self) -> bool:
        return bool(self.part) or any(k not in ("line", "column") for k, _ in self._ordered())


_CHARACTER = ("第 {} 字", "character {}")
_PART_EN = {"页眉": "header", "页脚": "footer", "文本框": "text box", "链接": "link",
            "脚注": "footnote", "尾注": "endnote", "内容控件": "content control",
            "编号": "list label", "注释": "annotation", "表单域": "form field",
            "域代码": "field code", "不含隐藏文字": "without hidden text",
            "文档标题": "document title", "书签": "bookmark",
            "替代文字": "alt text", "按版面顺序": "in page order"}
_FIELDS = Location._fields
