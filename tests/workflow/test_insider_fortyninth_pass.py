"""Red-team pass 49 on the workflow (docs/redteam/pass-49.md). R1 (a rejected draft saved
with characters drawn alike, a rejection signed under an earlier text) are rows of
tests/workflow/test_rejection_drawn_alike.py."""

from __future__ import annotations

import pytest


# R2: in the check, a letter drawn as a mark between the words a reader joins (代开ꞏ发票 with
# the sinological dot, 办理ʼ假证 with the modifier apostrophe) was no noise: no listed term.
@pytest.mark.parametrize("drawn", ["\ua78f", "\u318d", "\u1427", "\u02bc", "\u02ba", "\u02d0"])
def test_a_letter_drawn_as_a_mark_parts_no_listed_term(drawn: str) -> None:
    from review.normalize import View, compact, fold

    def read(text: str) -> str:
        return compact(fold(View.identity(text))).text

    assert read(f"代开{drawn}发票") == read("代开发票")
