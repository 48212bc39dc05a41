"""Insider red-team pass 71 (docs/redteam/pass-71.md): `review published` of a saved page that
hides the approved post by a sheet its style sheet imports, by `zoom`, or by text in its
background's colour written in another notation, and shows other words (pass 68's P1 by new
ways)."""

import pytest
from ci.test_insider_sixtyeighth_pass import OTHER, POST, compare

from review.ci import published

HIDDEN = {
    "imported data: sheet": (
        "<style>@import url('data:text/css,.x%7Bdisplay:none%7D');</style><div class=x>",
        "</div>"),
    "imported data: sheet, as a string": (
        "<style>@import \"data:text/css,.x%7Bvisibility:hidden%7D\" screen;</style>"
        "<div class=x>", "</div>"),
    "zoomed to nothing": ("<div style='zoom:0.001'>", "</div>"),
    "white in hsl on white": ("<div style='color:hsl(0 0% 100%);background:#fff'>", "</div>"),
    "background's colour by name": ("<div style='color:rgb(255,255,255);background:white'>",
                                    "</div>"),
}


@pytest.mark.parametrize("hiding", sorted(HIDDEN))
def test_the_approved_post_hidden_by_style_is_missing(pipeline, hiding):
    before, after = HIDDEN[hiding]
    page = f"<html><body>{before}{POST}{after}{OTHER}</body></html>"
    result = compare(pipeline, page)
    assert result.decision == "block", hiding
    assert published.MISSING.id in {f.rule for f in result.findings}, hiding


SHOWN = {
    "a sheet imported for print": (
        "<style>@import url('data:text/css,.x%7Bdisplay:none%7D') print;</style>"
        "<div class=x>", "</div>"),
    "zoomed in": ("<div style='zoom:1.5'>", "</div>"),
    "dark text on white in hsl": ("<div style='color:hsl(0 0% 10%);background:#fff'>",
                                  "</div>"),
}


@pytest.mark.parametrize("showing", sorted(SHOWN))
def test_the_approved_post_shown_is_found(pipeline, showing):
    before, after = SHOWN[showing]
    page = f"<html><body>{before}{POST}{after}</body></html>"
    result = compare(pipeline, page)
    assert published.MISSING.id not in {f.rule for f in result.findings}, showing
