"""Insider pass 41: what `roster pending` shows a co-signing admin of term lists pinned under
paths drawn as the office's (a Cyrillic letter, a trailing space, a zero-width space), the
roster export read in one snapshot while others append, and role changes hidden in a
rotation (docs/redteam/pass-41.md)."""

from __future__ import annotations

import pytest
from workflow.team import Team, three_admins

ORG = '[[lexicon]]\npath = "org/terms.txt"\ncategory = "illegal"\nseverity = "block"\n'
DRAFT = "关于开展冬季安全检查的通知\n\n近期发现有人兜售青岚特供散装酒，请群众注意。\n"


@pytest.mark.parametrize("fake", ["org/t\u0435rms.txt", "org/terms.txt ",
                                  "org/terms.txt\u200b"])
def test_pending_names_a_list_path_drawn_as_the_pinned_one(team: Team, fake: str) -> None:
    """The thief of admin2's key pins, in the office's list's place, a file of his own whose
    path is drawn as its path, and drops the real one: `roster pending` showed admin3
    `lists: − org/terms.txt; lists: + org/tеrms.txt …`, the list pinned again at new content.
    Co-signed, the banned term was out of the gate once the editor took it from review.toml."""
    (team.root / "org").mkdir()
    (team.root / "org" / "terms.txt").write_text("青岚特供散装酒\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG, encoding="utf-8")
    team.ok("admin", "policy", "lists")
    three_admins(team)
    (team.root / fake).write_text("某某无关词\n", encoding="utf-8")
    (team.root / "review.toml").write_text(ORG.replace("org/terms.txt", fake),
                                           encoding="utf-8")
    team.ok("admin2", "policy", "lists", "--drop", "org/terms.txt")
    shown = team.ok("admin3", "roster", "pending").stdout
    odd = next(c for c in fake if not (c.isascii() and c.isprintable() and c != " ")
               or c == " ")
    assert f"⟦U+{ord(odd):04X}⟧" in shown, shown
    assert "lists: − org/terms.txt;" in shown, shown
