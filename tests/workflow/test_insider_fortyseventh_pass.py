"""Red-team pass 47 on the workflow (docs/redteam/pass-47.md). J1 (a rejected draft saved
with characters drawn alike, a rejection signed under an earlier text) are rows of
tests/workflow/test_rejection_drawn_alike.py."""

from __future__ import annotations


# J5: the Hangul vowels ᅳ ᅵ as conjoining letters (U+1173, U+1175) — what NFKC makes of the
# ㅡ ㅣ pass 45 folds — drawn alone as 一 丨: 微商ᅳ手货源 was read as no listed term.
def test_a_conjoining_hangul_vowel_for_a_stroke_is_read_as_it() -> None:
    from review.normalize import View, fold

    assert fold(View.identity("微商\u1173手货源")).text == fold(View.identity("微商一手货源")).text
