"""`review rules --classes` and `review rules --explain CLASS`: the word classes the
co-occurrence and sequence rules are written in — what each recognises, whether it is a stance
and where it speaks, and which rules use it."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from review.errors import UsageError
from review.rules.classes import WordClass

if TYPE_CHECKING:  # the rules come from the stage that runs them
    from review.stages.cooccurrence import CoRule

SCOPES = {"sentence": ("本句", "its sentence"), "paragraph": ("本段", "its paragraph"),
          "document": ("全文", "the whole post"), "before": ("紧邻词前", "right before a term"),
          "after": ("紧邻词后", "right after a term")}
SHOWN_TERMS = 12


def _role(c: WordClass, en: bool) -> str:
    if not c.stance:
        return "things or acts" if en else "事物或行为"
    where = SCOPES[c.scope][1 if en else 0]
    return f"stance, speaks for {where}" if en else f"立场（作用于{where}）"


def class_rows(classes: dict[str, WordClass], lang: str) -> list[str]:
    """One tab-separated line per class: key, name, role, sound, number of terms, first terms."""
    en = lang == "en"
    rows = []
    for key, c in sorted(classes.items()):
        if key.startswith("="):
            continue  # a sequence rule's own word, not a class
        sound = ("sound" if en else "读音匹配") if c.sound else ""
        rows.append("\t".join([key, c.name_en if en else c.name, _role(c, en), sound,
                               str(len(c.terms)), "、".join(c.terms[:5])]))
    return rows


def class_page(key: str, classes: dict[str, WordClass], rules: list[CoRule], lang: str) -> str:
    """One class's page: its role, its terms, the rules that use it."""
    c = classes.get(key) if not key.startswith("=") else None
    if c is None:
        close = difflib.get_close_matches(key, [k for k in classes if not k.startswith("=")])
        hint = f"; did you mean {', '.join(close)}?" if close else \
            "; `review rules --classes` lists them"
        raise UsageError(f"no rule or word class {key!r}{hint}")
    used_by = [r.rule.id for r in rules
               if key in (*r.all, *r.any, *r.none, *r.excused_by)
               or (r.sequence is not None and f"@{key}" in r.sequence.elements)]
    en = lang == "en"
    sep = ": " if en else "："
    more = f" … (+{len(c.terms) - SHOWN_TERMS})" if len(c.terms) > SHOWN_TERMS else ""
    lines = [f"{key}  {c.name_en if en else c.name}", "",
             f"{'role' if en else '作用'}{sep}{_role(c, en)}",
             f"{'terms' if en else '词语'}{sep}{'、'.join(c.terms[:SHOWN_TERMS])}{more}"]
    if c.sound:
        lines.append("also found by sound (pinyin, mixed script, homophones)" if en
                     else "也按读音匹配（拼音、夹杂字母、同音字）")
    lines.append(f"{'used by' if en else '使用它的规则'}{sep}{', '.join(used_by) or '-'}")
    return "\n".join(lines)
