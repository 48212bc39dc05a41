"""Red-team pass 45 on the workflow (docs/redteam/pass-45.md). H1, H2 and H6 (a rejected draft saved
with characters drawn alike, a rejection signed under an earlier text) are rows of
tests/workflow/test_rejection_drawn_alike.py."""

from __future__ import annotations

import pytest
from workflow.team import Team


def test_a_radical_drawn_as_an_ideograph_is_read_as_it_in_the_check() -> None:
    from review.normalize import View, fold

    assert fold(View.identity("12\u2e9d10日，\u2ed1江，\u2ed4户")).text == "12月10日,长江,门户"
    assert fold(View.identity("エ作人ロ统\u3127ｴ")).text == "工作人口统一工"


# H3: a Markdown image between two characters: its `!` was read as text (a sentence's end)
# and its alt text between the words, though a reader sees 冰, a picture, 毒.
@pytest.mark.parametrize("image", ["![](dot.png)", "![图](dot.png)", '![](dot.png "t")'])
def test_a_markdown_image_inside_a_word_does_not_part_it(team: Team, image: str) -> None:
    team.write("dot.png", b"\x89PNG")  # a picture the draft shows is bound with it: it exists
    team.blocked_at_release(team.write("a.md", f"本店出售冰{image}毒，请联系。\n"))


def test_a_markdown_image_between_sentences_reads_as_before() -> None:
    from review.markup import markdown_view

    assert "示意图" in markdown_view("正常文字![示意图](a.png)。\n").text
    assert markdown_view("注意\\![链接](x)\n").text.count("!") == 1


# H4: a line break a reader never sees — `<br hidden>`, `<br style="display:none">`, a <br>
# inside a `display:none` span, an empty hidden <div> — ended the line the check reads.
@pytest.mark.parametrize(("name", "text"), [
    ("a.html", '<p>本店出售冰<br hidden>毒，请联系。</p>\n'),
    ("a.html", '<p>本店出售冰<br style="display:none">毒，请联系。</p>\n'),
    ("a.html", '<p>本店出售冰<span style="display:none"><br></span>毒，请联系。</p>\n'),
    ("a.html", '<div>本店出售冰<div style="display:none">x</div>毒，请联系。</div>\n'),
    ("a.md", '本店出售冰<br style="display:none">毒，请联系。\n')])
def test_a_line_break_no_reader_sees_does_not_part_the_words(team: Team, name: str,
                                                              text: str) -> None:
    team.blocked_at_release(team.write(name, text))


def test_line_breaks_a_reader_sees_still_end_the_line() -> None:
    from review.markup import html_view

    for page in ('<p>冰<br>毒</p>', '<p>冰<span style="color:transparent"><br></span>毒</p>',
                 '<p>冰<br hidden style="display:block">毒</p>'):
        assert "冰毒" not in html_view(page).text, page


def note_after_head(url: str, gap: int = 0, inserted_by: str | None = None) -> int:
    """A `note` row made by hand after the log's head (`gap` numbers past it), chained and
    hashed as the service would, signed by nobody; `inserted_by` claims who added it. Its
    number."""
    from sqlalchemy import create_engine, text

    from review.workflow.chain import record_hash

    engine = create_engine(url)
    with engine.begin() as conn:
        head = conn.execute(text("SELECT seq, actor, hash FROM review_log ORDER BY seq DESC "
                                 "LIMIT 1")).one()
        seq = head.seq + 1 + gap
        row = {"s": seq, "a": head.actor, "p": head.hash, "b": inserted_by,
               "h": record_hash(seq, "note", None, head.actor, "{}", "AAAA", head.hash)}
        claimed = ", inserted_by" if inserted_by else ""
        conn.execute(text(f"INSERT INTO review_log (seq, kind, item_id, actor, body, signature, "
                          f"prev_hash, hash{claimed}) VALUES (:s, 'note', NULL, :a, '{{}}', "
                          f"'AAAA', :p, :h{', :b' if inserted_by else ''})"), row)
    engine.dispose()
    return seq


# H5: a PostgreSQL member's row numbered right after the head but made by hand (no key
# needed): every action stops, as designed for a log that keeps it for good — but the message
# said only "record N was altered", not which database role added it.
@pytest.mark.parametrize("team", ["postgresql"], indirect=True)
def test_a_row_in_its_place_made_by_hand_names_the_database_role(team: Team, request) -> None:
    from workflow.team import CLEAN, member_url

    team.submit("editor", team.write("a.md", CLEAN))
    url = member_url(team, request)
    role = url.split("://", 1)[1].split("@", 1)[0]
    seq = note_after_head(url)
    team.fails(3, "reviewer", "queue", match=f"record {seq} was added by database role {role}")


# H7: a reference-style link or image whose label names a definition: the label is syntax, a
# reader never sees it — 本店出售冰[][甲]毒 shows 本店出售冰毒 (an empty link).
@pytest.mark.parametrize(("inside", "defined"), [("[][甲]", "[甲]: http://x.cn"),
                                                 ("![][r]", "[r]: dot.png"),
                                                 ("![][图]", "[图]: dot.png")])
def test_a_reference_label_inside_a_word_does_not_part_it(team: Team, inside: str,
                                                          defined: str) -> None:
    draft = f"本店出售冰{inside}毒，请联系。\n\n{defined}\n"
    team.write("dot.png", b"\x89PNG")
    team.blocked_at_release(team.write("a.md", draft))


def test_a_label_that_names_no_definition_is_shown_as_written() -> None:
    from review.markup import markdown_view

    assert markdown_view("冰[x][q]毒\n").text == "冰[x][q]毒\n"
