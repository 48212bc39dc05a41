"""Red-team pass 45 on the workflow (docs/redteam/pass-45.md)."""

from __future__ import annotations

import pytest
from workflow.team import Team

REJECTED = ("关于开展冬季消防安全检查的通知\n\n"
            "请各单位于12月10日前完成自查，并将结果报区应急管理局。\n")


# H1 (and H2): characters of the CJK Radicals Supplement block drawn as the ideograph they stand for
# (⺝ for 月, ⻔ for 门, ⻅ for 见 …) with no compatibility decomposition: a rejected draft
# saved again with one of them went to another reviewer as new text and was released.
@pytest.mark.parametrize(("plain", "radical"), [("月", "\u2e9d"), ("门", "\u2ed4"),
                                                ("见", "\u2ec5"), ("长", "\u2ed3"),
                                                # H2: katakana, bopomofo, a stroke
                                                ("工", "エ"), ("口", "ロ"), ("一", "\u3127"),
                                                ("一", "\u31d0")])
def test_a_rejected_draft_with_a_radical_drawn_as_its_ideograph_stays_rejected(
        team: Team, plain: str, radical: str) -> None:
    text = REJECTED.replace("区应急", f"区{plain}应急")
    first = team.submit("editor", team.write("a.md", text))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    again = text.replace(plain, radical)
    assert again != text
    team.refused("editor", "submit", team.write("b.md", again), match="rejected")


def test_a_radical_drawn_as_an_ideograph_is_read_as_it_in_the_check() -> None:
    from review.normalize import View, fold

    assert fold(View.identity("12\u2e9d10日，\u2ed1江，\u2ed4户")).text == "12月10日,长江,门户"
    assert fold(View.identity("エ作人ロ统\u3127ｴ")).text == "工作人口统一工"


# H3: a Markdown image between two characters: its `!` was read as text (a sentence's end)
# and its alt text between the words, though a reader sees 冰, a picture, 毒.
@pytest.mark.parametrize("image", ["![](dot.png)", "![图](dot.png)", '![](dot.png "t")'])
def test_a_markdown_image_inside_a_word_does_not_part_it(team: Team, image: str) -> None:
    item = team.submit("editor", team.write("a.md", f"本店出售冰{image}毒，请联系。\n"))
    shown = team.ok("reviewer", "show", str(item), "--format", "json").stdout
    assert "IL601@" in shown
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block")


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
    item = team.submit("editor", team.write(name, text))
    assert "IL601@" in team.ok("reviewer", "show", str(item), "--format", "json").stdout
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block")


def test_line_breaks_a_reader_sees_still_end_the_line() -> None:
    from review.markup import html_view

    for page in ('<p>冰<br>毒</p>', '<p>冰<span style="color:transparent"><br></span>毒</p>',
                 '<p>冰<br hidden style="display:block">毒</p>'):
        assert "冰毒" not in html_view(page).text, page


# H5: a PostgreSQL member's row numbered right after the head but made by hand (no key
# needed): every action stops, as designed for a log that keeps it for good — but the message
# said only "record N was altered", not which database role added it.
@pytest.mark.parametrize("team", ["postgresql"], indirect=True)
def test_a_row_in_its_place_made_by_hand_names_the_database_role(team: Team, request) -> None:
    from sqlalchemy import create_engine, text
    from workflow.team import CLEAN, member_url

    from review.workflow.chain import record_hash

    team.submit("editor", team.write("a.md", CLEAN))
    url = member_url(team, request)
    role = url.split("://", 1)[1].split("@", 1)[0]
    member = create_engine(url)
    with member.begin() as conn:
        head = conn.execute(text("SELECT seq, actor, hash FROM review_log ORDER BY seq DESC "
                                 "LIMIT 1")).one()
        seq = head.seq + 1
        conn.execute(text("INSERT INTO review_log (seq, kind, item_id, actor, body, signature, "
                          "prev_hash, hash) VALUES (:s, 'note', NULL, :a, '{}', 'AAAA', :p, "
                          ":h)"),
                     {"s": seq, "a": head.actor, "p": head.hash,
                      "h": record_hash(seq, "note", None, head.actor, "{}", "AAAA", head.hash)})
    member.dispose()
    team.fails(3, "reviewer", "queue", match=f"record {seq} was added by database role {role}")


# H6: punctuation drawn alike (・ • for ·, ― ─ for —, ≪≫ for 《》, 〝〞 for “”): the rejected
# text saved again with one of them was new text to the rejection.
@pytest.mark.parametrize(("mark", "alike"), [("·", "・"), ("·", "•"), ("—", "―"), ("—", "─"),
                                             ("《", "≪"), ("“", "〝")])
def test_a_rejected_draft_with_punctuation_drawn_alike_stays_rejected(
        team: Team, mark: str, alike: str) -> None:
    text = "关于《消防法》的通知——请各单位于12月10日前完成自查·上报“结果”。\n"
    first = team.submit("editor", team.write("a.md", text))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    team.refused("editor", "submit", team.write("b.md", text.replace(mark, alike)),
                 match="rejected")


def test_a_rejection_signed_when_only_ascii_punctuation_was_left_out_still_holds() -> None:
    from review.workflow.service import _same_text, _text_digests, sha256

    page = "关于《消防法》的通知——请各单位于12月10日前完成自查·上报“结果”。\n".encode()
    then = _same_text(page, "a.md", "ascii")
    assert then != _same_text(page, "a.md")
    assert sha256(then.encode()) in _text_digests(page, "a.md")


# H7: a reference-style link or image whose label names a definition: the label is syntax, a
# reader never sees it — 本店出售冰[][甲]毒 shows 本店出售冰毒 (an empty link).
@pytest.mark.parametrize(("inside", "defined"), [("[][甲]", "[甲]: http://x.cn"),
                                                 ("![][r]", "[r]: dot.png"),
                                                 ("![][图]", "[图]: dot.png")])
def test_a_reference_label_inside_a_word_does_not_part_it(team: Team, inside: str,
                                                          defined: str) -> None:
    draft = f"本店出售冰{inside}毒，请联系。\n\n{defined}\n"
    item = team.submit("editor", team.write("a.md", draft))
    assert "IL601@" in team.ok("reviewer", "show", str(item), "--format", "json").stdout
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block")


def test_a_label_that_names_no_definition_is_shown_as_written() -> None:
    from review.markup import markdown_view

    assert markdown_view("冰[x][q]毒\n").text == "冰[x][q]毒\n"
