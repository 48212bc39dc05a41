"""Red-team pass 69 (docs/redteam/pass-69.md): a draft holding a site generator's template
directive — an include of another file, a value of the site's data, a shortcode — has the
generator write on the page what no check reads, no reviewer is shown and no approval binds.
Such a draft binds nothing: refused at submission, and a release made before no longer
verifies."""

from __future__ import annotations

import pytest
from workflow.team import CLEAN

DIRECTIVES = [
    "{% include_relative a-note.inc %}",
    "{%- include note.html -%}",
    "{{ site.data.notes.a }}",
    '{{< readfile file="posts/a-note.inc" >}}',
    "{{% include \"a-note.md\" %}}",
]


@pytest.mark.parametrize("line", DIRECTIVES)
def test_a_draft_with_a_template_directive_is_refused_at_submission(team, line):
    path = team.write("a.md", CLEAN + "\n" + line + "\n")
    team.usage_error("editor", "submit", path, match="template directive")
    page = team.write("b.html", f"<html><body><p>今天开会。</p><p>{line}</p></body></html>\n")
    team.usage_error("editor", "submit", page, match="template directive")


def test_a_release_made_before_no_longer_verifies(team, monkeypatch):
    path = team.write("a.md", CLEAN + "\n{% include_relative a-note.inc %}\n")
    with monkeypatch.context() as before:
        before.setattr("review.resources.directive", lambda data, path: None,
                       raising=False)  # absent before the fix
        item = team.submit("editor", path)
        team.ok("reviewer", "approve", str(item))
        team.ok("editor", "release", str(item))
    team.fails(1, None, "verify", path, match="template directive")


def test_control_braces_in_text_are_no_directive(team):
    """Single braces, a brace and a percent apart, and full-width braces direct nothing."""
    path = team.write("a.md", CLEAN + "\n集合 {1, 2} 与 { {3} }，增幅 {5 %}，｛｛全角｝｝。\n")
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    team.ok(None, "verify", path)
