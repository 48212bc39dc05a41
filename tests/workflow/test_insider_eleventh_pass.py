"""The eleventh red-team pass on the two-person rule (issue 16). (Word and HTML content the
reader skipped: tests/test_inputs.py.)"""

import hashlib
import json

import pytest
from sqlalchemy import text
from workflow.team import CLEAN

from .test_attacks import approved_item, engine
from .test_insider_eighth_pass import append_signed, void_in_export

OTHER = "今天天气晴。\n"


def _set_row(team, item: int, content: str, path: str) -> None:
    """What sqlite3 (or a member's database role) can do to the item's row."""
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text("UPDATE review_items SET content=:c, content_sha256=:d, path=:p, "
                          "state='pending' WHERE id=:i"),
                     {"c": content.encode(), "d": hashlib.sha256(content.encode()).hexdigest(),
                      "p": path, "i": item})
    made.dispose()


def test_a_resubmission_appended_after_a_release_does_not_wash_it(team):
    """A text approved in one item and rejected in another; the editor appends a release of
    the approved copy by hand, then a resubmission of that item with harmless text (and the
    row set to match). The history took the resubmission as a fresh, unreleased version, so
    the export judged the release against the harmless text and vouched for it."""
    team.add("outsider", "reviewer")
    copy = team.write("copy.txt", CLEAN)
    rejected = team.submit("editor", copy)
    path, item = approved_item(team)
    team.ok("outsider", "reject", str(rejected), "--reason", "数据未经核实")
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    release = append_signed(team, "editor", "release", item,
                            {"path": path, "content_sha256": digest})
    other = team.write("c.txt", OTHER)
    append_signed(team, "editor", "resubmit", item,
                  {"path": other, "content_sha256": hashlib.sha256(OTHER.encode()).hexdigest(),
                   "review": "first", "title": "x", "findings": {}, "found": []})
    _set_row(team, item, OTHER, other)
    exported = team.run("admin", "roster", "export")
    assert f"record {release}" in exported.stderr
    assert void_in_export(team) == [release]
    assert team.run("admin", "audit", "verify").exit_code == 1


def test_nothing_after_a_release_changes_the_item(team):
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    other = team.write("c.txt", OTHER)
    append_signed(team, "editor", "resubmit", item,
                  {"path": other, "content_sha256": hashlib.sha256(OTHER.encode()).hexdigest(),
                   "review": "first", "title": "x", "findings": {}, "found": []})
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert (shown["state"], shown["path"]) == ("released", path)


def test_a_release_appended_to_an_unapproved_item_neither_releases_nor_freezes_it(team):
    """`review release` wrote a signed attestation for a release its editor appended by hand
    to his unapproved item; and the store took it as the item's release for good."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    release = append_signed(team, "editor", "release", item,
                            {"path": path, "content_sha256": digest})
    team.refused("editor", "release", str(item), match="needs approval")
    assert not list((team.root / ".review").glob("attestations/*"))
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert shown["state"] == "pending"
    team.ok("reviewer", "approve", str(item))  # the item goes on as if nothing were appended
    team.ok("editor", "release", str(item))
    team.ok("admin", "roster", "export")
    assert void_in_export(team) == [release]


def test_an_approval_is_of_the_version_the_reviewer_read(team):
    """The reviewer reads item 1; the editor resubmits other text under the same item and
    path; the reviewer's `approve 1` signed the new text, unread."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    read = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    team.write("a.txt", CLEAN + "另据内部消息，明年起取消全部补贴。\n")
    team.ok("editor", "submit", path)
    team.refused("reviewer", "approve", str(item), match="not the one you read")
    team.refused("reviewer", "approve", str(item), "--version",
                 read["content_sha256"], match="not the one you read")
    now = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert now["content_sha256"] != read["content_sha256"]
    team.ok("reviewer", "approve", str(item))


def test_an_approval_names_the_version_it_may_sign(team):
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.refused("reviewer", "approve", str(item), "--version", "0" * 64,
                 match="not the one you read")
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    # the twelfth pass: two drafts sharing a 12-digit prefix were made in minutes
    team.fails(2, "reviewer", "approve", str(item), "--version", digest[:12],
               match="at least 32")
    team.ok("reviewer", "approve", str(item), "--version", digest[:32])


def test_an_override_and_a_consent_bind_to_the_version_read(team):
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "show", str(item))
    team.write("a.txt", CLEAN + "补充说明。\n")
    team.ok("editor", "submit", path)
    team.refused("reviewer", "override", str(item), "AD001@1", "--reason", "引用",
                 match="not the one you read")
    team.refused("reviewer", "consent", str(item), "--ref", "文号2026-1",
                 match="not the one you read")


def test_rejected_markdown_re_marked_up_is_still_rejected(team):
    """Emphasis, a heading mark or a quote mark changed the rejected text's digest."""
    path = team.write("a.md", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    lines = CLEAN.strip().split("\n")
    marked = "# " + lines[0] + "\n\n" + "\n".join(f"> **{line}**" for line in lines[1:]) + "\n"
    copy = team.write("b.md", marked)
    team.refused("editor", "submit", copy, match=f"rejected in item {item}")


class _Unsigned:
    """A record appended with someone else's key id in its actor column and no signature."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint

    def sign(self, data: bytes) -> bytes:
        return b"\0" * 64


def test_the_log_credits_no_one_with_a_record_he_did_not_sign(team):
    """An unsigned reject whose actor column holds the reviewer's key showed as his, with the
    reason the editor wrote."""
    from review.workflow import chain

    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    reviewer = json.loads(team.ok("reviewer", "whoami", "--format", "json").stdout)["key"]
    made = engine(team)
    with made.begin() as conn:
        seq = chain.append(conn, _Unsigned(reviewer), "reject", item, {
            "path": path, "content_sha256": hashlib.sha256(CLEAN.encode()).hexdigest(),
            "level": 1, "decision": "reject", "reason": "我收了钱，放行"}).seq
    made.dispose()
    logged = json.loads(team.ok("admin", "log", str(item), "--format", "json").stdout)
    record = next(r for r in logged if r["seq"] == seq)
    assert record["person"] is None and record["signed"] is False
    assert "counts for nothing" in team.ok("admin", "log", str(item)).stdout
    assert json.loads(team.ok("admin", "log", str(item), "--format", "json").stdout)[0][
        "signed"] is True


# --- the twelfth pass ------------------------------------------------------------------------

def _release(team, who, item, path, content=CLEAN):
    return append_signed(team, who, "release", item,
                         {"path": path, "content_sha256": hashlib.sha256(content.encode())
                          .hexdigest()})


def test_a_second_release_appended_by_hand_is_refused_like_the_first(team):
    """The second of two hand-made releases was judged in a history where the first (refused)
    counted, so it stood: the item left the queue and `review release` wrote an attestation."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    first, second = _release(team, "editor", item, path), _release(team, "editor", item, path)
    assert json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)[
        "state"] == "pending"
    team.refused("editor", "release", str(item), match="needs approval")
    team.ok("admin", "roster", "export")
    assert void_in_export(team) == [first, second]
    team.ok("reviewer", "reject", str(item), "--reason", "未经核实")


def test_a_resubmission_without_findings_makes_no_release_stand(team):
    """A version-2 resubmission appended without its signed findings: the release after it
    was taken as one from before findings were signed, judged as the store did then."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    append_signed(team, "editor", "resubmit", item,
                  {"path": path, "content_sha256": digest, "review": "first", "title": "x"})
    release = _release(team, "editor", item, path)
    assert json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)[
        "state"] == "pending"
    team.ok("admin", "roster", "export")
    assert void_in_export(team) == [release]


def test_a_rejected_text_hidden_from_the_sniffed_reading_is_still_the_rejected_text(team):
    """A .txt holding `<p>` and the rejected text inside `<!-- -->`: read as HTML (sniffed)
    the text was gone, while the check, `review show` and the published file read it as
    plain text. The rejection is compared with the text as the file's kind reads it too."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    page = team.write("page.html", f"<p>\n<!--\n{CLEAN}-->\n")
    team.ok("editor", "submit", page)  # as a page, the comment is not read: other text
    wrapped = team.write("b.txt", f"<!--\n{CLEAN}-->\n")
    team.refused("editor", "submit", wrapped, match=f"rejected in item {item}")


def test_a_damaged_row_of_a_rejected_item_stops_nobody_else(team):
    """Emptying or deleting the row of an item with a rejection (any member may write the
    tables) stopped every submission, approval and release in the workspace."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text("DELETE FROM review_items WHERE id=:i"), {"i": item})
    made.dispose()
    other = team.submit("editor2", team.write("c.txt", OTHER))
    team.ok("reviewer", "approve", str(other))
    team.ok("editor2", "release", str(other))
    copy = team.write("b.txt", CLEAN)
    team.refused("editor", "submit", copy, match=f"rejected in item {item}")  # still sticks
    queued = team.run("reviewer", "queue")
    assert queued.exit_code == 3 and f"item {item}" in queued.stderr


def test_a_squatted_attestation_name_does_not_stop_a_colleague_s_release(team):
    """A directory (or, in a sticky shared folder, a file of his own) put at the name a
    colleague's attestation would take: the release was recorded, its attestation never
    written, and every retry said "already released"."""
    path, item = approved_item(team)
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    squat = team.root / ".review" / "attestations" / f"{digest}-{item}.dsse.json"
    squat.mkdir(parents=True)
    team.ok("editor", "release", str(item))
    written = [p for p in squat.parent.glob(f"{digest}-*.dsse.json") if p.is_file()]
    assert len(written) == 1
    team.refused("editor", "release", str(item), match=f"item {item} is released")
    written[0].unlink()  # lost: written again, beside the squatter
    team.ok("editor", "release", str(item))
    team.ok("admin", "roster", "export")
    assert "released" in team.ok("reviewer", "verify", "--roster", ".review/roster.json",
                                 path).output


def test_many_releases_appended_by_hand_are_judged_once(team, monkeypatch):
    """The twelfth pass: each of N refused releases was judged against a history rebuilt with
    all the others, in every action that read the item: a colleague's unrelated submission
    took 33 s after 600 of them."""
    from review.workflow import history

    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    for _ in range(40):
        _release(team, "editor", item, path)
    judged = []
    real = history.release_refused
    monkeypatch.setattr(history, "release_refused",
                        lambda *args, **kw: judged.append(1) or real(*args, **kw))
    history._VERDICTS.clear()
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert shown["state"] == "pending" and len(judged) == 1
    team.ok("admin", "roster", "export")
    assert len(void_in_export(team)) == 40


# --- the thirteenth pass ----------------------------------------------------------------------

def test_an_item_number_near_the_limit_stops_no_submission(team):
    """A row renumbered to 2⁶³ − 2 (or 2³¹ − 2 on PostgreSQL) in the table made the next item
    take the last number, and every submission after it overflow — for good, since the log
    keeps the number."""
    first = team.submit("editor", team.write("a.txt", CLEAN))
    big = 2**31 - 2 if team.url else 2**63 - 2
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text("UPDATE review_items SET id=:big WHERE id=:i"), {"big": big, "i": first})
        conn.execute(text("INSERT INTO review_items (id, path, title, content, content_sha256,"
                          " findings, state, submitted_by, last_changed_by, submitted_seq,"
                          " updated_seq) VALUES (2, 'x', 'x', :c, 'x', '[]', 'pending', 'x',"
                          " 'x', 0, 0)"), {"c": b"x"})
    made.dispose()
    numbers = [team.submit("editor", team.write(f"n{i}.txt", OTHER + str(i))) for i in range(2)]
    assert numbers == [2, 3]  # the stray row 2 made way; nothing near the limit


def test_a_rejected_word_draft_with_a_hidden_run_added_is_still_rejected(team):
    """Red-team pass 13: one hidden character (Word's hidden font effect) made the rejected
    text "another text", though a reader sees exactly the rejected one."""
    import io

    import docx

    def draft(hidden: str) -> bytes:
        document = docx.Document()
        paragraph = document.add_paragraph("关于调整市区部分道路限行措施的通告："
                                           "自下周一起全天限行。")
        if hidden:
            paragraph.add_run(hidden).font.hidden = True
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    item = team.submit("editor", team.write("a.docx", draft("")))
    team.ok("reviewer", "reject", str(item), "--reason", "限行未经批准")
    again = team.write("b.docx", draft("壹"))
    team.refused("editor", "submit", again, match=f"rejected in item {item}")


# --- the fourteenth pass ----------------------------------------------------------------------

def test_a_rejection_of_an_item_nobody_submitted_stops_nobody(team):
    """One unsigned reject record for an item with no submission, placed right: every
    colleague's submission and approval failed ("item 77 has no signed submission")."""
    from review.workflow import chain

    made = engine(team)
    with made.begin() as conn:
        chain.append(conn, _Unsigned("SHA256:nobody"), "reject", 77,
                     {"path": "x", "content_sha256": "0" * 64, "level": 1,
                      "decision": "reject", "reason": "x"})
    made.dispose()
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))


def _word(text: str, hidden: str = "", styled: bool = False) -> bytes:
    import io

    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    paragraph = document.add_paragraph(text)
    if hidden:
        run = paragraph.add_run(hidden)
        if styled:
            style = document.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER)
            style.font.hidden = True
            run.style = style
        else:
            run.font.hidden = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_run_hidden_by_its_style_does_not_escape_a_rejection(team):
    text_ = "关于调整市区部分道路限行措施的通告：自下周一起全天限行。"
    item = team.submit("editor", team.write("a.docx", _word(text_)))
    team.ok("reviewer", "reject", str(item), "--reason", "限行未经批准")
    again = team.write("b.docx", _word(text_, "壹", styled=True))
    team.refused("editor", "submit", again, match=f"rejected in item {item}")


def test_a_rejected_markdown_draft_with_a_script_added_is_still_rejected(team, monkeypatch):
    # a script is refused at submission since pass 67; the rejection sticks before that
    monkeypatch.setattr("review.markup._note_script", lambda tag, values: None)
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    again = team.write("b.md", CLEAN + "<script>壹</script>\n")
    team.refused("editor", "submit", again, match=f"rejected in item {item}")


def test_a_word_part_whose_root_is_a_hidden_run_is_no_crash():
    import io
    import zipfile

    from review.inputs.word import without_hidden

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z, zipfile.ZipFile(io.BytesIO(_word("正文"))) as w:
        for name in w.namelist():
            z.writestr(name, w.read(name))
        z.writestr("word/x.xml", '<w:r xmlns:w="http://schemas.openxmlformats.org/'
                   'wordprocessingml/2006/main"><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r>')
    assert without_hidden(data.getvalue()) == data.getvalue()


# --- the fifteenth pass -----------------------------------------------------------------------

def test_an_export_never_writes_through_a_link_planted_at_its_name(team, tmp_path):
    """A member's link from `.review/roster.json` to the admin's private key: the export wrote
    the roster into the key. The link itself is replaced now (in a sticky shared folder the
    rename fails on another member's file: one line, exit 2), never what it points to."""
    precious = tmp_path / "admin-key.pem"
    precious.write_text("the admin's key", encoding="utf-8")
    exported = team.root / ".review" / "roster.json"
    exported.unlink(missing_ok=True)
    exported.symlink_to(precious)
    team.ok("admin", "roster", "export")
    assert precious.read_text(encoding="utf-8") == "the admin's key"
    assert not exported.is_symlink() and exported.stat().st_size > 100


@pytest.mark.parametrize("filler", ["\u180b", "\u17b4", "\u115f", "\u3164", "\uffa0"])
def test_a_default_ignorable_character_does_not_escape_a_rejection(team, filler):
    """U+180B, U+17B4 and the Hangul fillers are drawn as nothing, yet made the rejected text
    "another text"."""
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    again = team.write("b.md", CLEAN.replace("各单位", "各" + filler + "单位"))
    team.refused("editor", "submit", again, match=f"rejected in item {item}")


# --- the sixteenth pass -----------------------------------------------------------------------

def _rejected_then_work_goes_on(team) -> int:
    """An item the reviewer rejects, then a colleague's item he approves: his witness and
    everyone's remembered head move past the rejection."""
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    team.ok("reviewer", "approve", str(team.submit("editor2", team.write("c.txt", OTHER))))
    return item


def _drop_log_triggers(conn) -> None:
    """What anyone who can write a SQLite file can do: the append-only triggers go."""
    for trigger in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                     "AND tbl_name = 'review_log'")).scalars().all():
        conn.execute(text(f"DROP TRIGGER {trigger}"))


def test_a_rejection_altered_in_place_stops_the_next_action(team):
    """SQLite: the trigger dropped, a few characters of the rejection's signature changed in
    place (its hash column left as it was: the next record names it), the trigger put back.
    The rejection became a record "signed by nobody", counting for nothing: the draft was
    approved and released. Every record read for a decision must hash to its stored hash."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not drop the log's triggers (MEMBER_GRANTS)")
    item = _rejected_then_work_goes_on(team)
    made = engine(team)
    with made.begin() as conn:
        _drop_log_triggers(conn)
        conn.execute(text("UPDATE review_log SET signature = 'AAAA' || substr(signature, 5) "
                          "WHERE kind = 'reject'"))
    made.dispose()
    result = team.run("reviewer", "approve", str(item))
    assert result.exit_code == 3 and "altered" in result.stderr
    assert team.run("editor", "release", str(item)).exit_code == 3


def test_a_stray_row_with_a_draft_s_path_blocks_no_submission(team):
    """A row the log never knew, with a draft's path: every submission of that path stopped
    (exit 3). It is passed over; the draft becomes an item of its own number."""
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text("INSERT INTO review_items (id, path, title, content, content_sha256,"
                          " findings, state, submitted_by, last_changed_by, submitted_seq,"
                          " updated_seq) VALUES (50, 'posts/a.txt', 'x', :c, 'x', '[]',"
                          " 'pending', 'x', 'x', 0, 0)"), {"c": b"x"})
    made.dispose()
    item = team.submit("editor", team.write("a.txt", CLEAN))
    assert item != 50


# --- the seventeenth pass ---------------------------------------------------------------------

def test_a_rejection_relabelled_in_place_behind_every_head_is_caught(team):
    """SQLite: the rejection's body relabelled as a note of no item, its columns to match,
    its hash column left (the next record names it), long after everyone's remembered head
    and witness had passed it: no query by kind or item saw it any more, and the draft went
    out. Every action now hashes every record again."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not drop the log's triggers (MEMBER_GRANTS)")
    item = _rejected_then_work_goes_on(team)
    team.ok("editor", "queue")
    made = engine(team)
    with made.begin() as conn:
        _drop_log_triggers(conn)
        conn.execute(text("UPDATE review_log SET kind = 'note', item_id = NULL, body = "
                          "json_set(body, '$.kind', 'note', '$.item', json('null')) "
                          "WHERE kind = 'reject'"))
    made.dispose()
    result = team.run("reviewer", "approve", str(item))
    assert result.exit_code == 3 and "altered" in result.stderr


def test_an_approval_signed_before_its_signer_held_the_role_never_counts(team):
    """An editor appended an approval signed with his own key (counting for nothing); made a
    reviewer later, his old approval came to count, and the colleague's draft went out."""
    from review.workflow.history import findings_digest

    path = team.write("b.txt", CLEAN)
    item = team.submit("editor2", path)
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    append_signed(team, "editor", "approve", item, {
        "path": path, "content_sha256": shown["content_sha256"], "level": 1,
        "decision": "approve", "comment": "", "findings_sha256": findings_digest(
            shown["findings"])})
    made = engine(team)
    with made.begin() as conn:  # append_signed marks the row released: put it back
        conn.execute(text("UPDATE review_items SET state='pending' WHERE id=:i"), {"i": item})
    made.dispose()
    team.add("editor", "reviewer")
    team.refused("editor2", "release", str(item), match="needs approval")
    team.ok("reviewer", "approve", str(item))
    team.ok("editor2", "release", str(item))


def test_the_workspace_config_cannot_point_a_colleague_at_another_store(team, tmp_path):
    """Red-team pass 17: a PostgreSQL team reading `database-url` from the shared workspace's
    config; a member copied the store into a SQLite file of his own, doctored it and changed
    the config to name the copy. Each computer remembers which store it used for the
    workspace and refuses another one named by the config (REVIEW_DATABASE_URL, the person's
    own choice, still moves it)."""
    if team.url:
        pytest.skip("the same rule; the team's URL comes from the environment here")
    team.ok("reviewer", "queue")
    copy = tmp_path / "copy.db"
    copy.write_bytes((team.root / ".review" / "review.db").read_bytes())
    (team.root / "review.toml").write_text(f'database-url = "sqlite:///{copy}"\n',
                                           encoding="utf-8")
    result = team.run("reviewer", "queue")
    assert result.exit_code == 2 and "another store" in result.stderr


# --- the eighteenth pass ----------------------------------------------------------------------

def test_an_index_made_to_lie_about_a_rejection_stops_the_next_action(team):
    """SQLite: an index on an expression that gives the rejection another kind, its stored
    definition rewritten (writable_schema) to read `ON review_log(kind)`: queries by kind no
    longer returned the rejection, while the table the other checks read stayed intact."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not create indexes on the log (MEMBER_GRANTS)")
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text("CREATE INDEX ix_lie ON review_log("
                          "CASE WHEN kind = 'reject' THEN 'note' ELSE kind END)"))
        conn.execute(text("PRAGMA writable_schema = ON"))
        conn.execute(text("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_lie ON "
                          "review_log(kind)' WHERE name = 'ix_lie'"))
        conn.execute(text("PRAGMA writable_schema = OFF"))
    made.dispose()
    result = team.run("editor", "submit", team.write("b.txt", CLEAN))
    assert result.exit_code == 3 and "tampered" in result.stderr
    assert team.run("admin", "audit", "verify").exit_code != 0


def test_a_person_revoked_and_added_back_holds_only_the_roles_named_again(team):
    """A reviewer moved to editing (revoked, added back as an editor with a new key) kept
    his reviewer role from the first grant and approved a colleague's draft."""
    team.keygen("reviewer_new")
    team.ok("admin", "roster", "revoke", "reviewer")
    team.add("reviewer", "editor", key_of="reviewer_new")
    item = team.submit("editor2", team.write("b.txt", CLEAN))
    team.refused("reviewer_new", "approve", str(item), match="does not hold the role")


def test_the_log_replaced_by_a_view_over_it_stops_the_next_action(team):
    """Red-team pass 19: the log renamed, a view named `review_log` over it (with a trigger
    passing inserts on), and the lying index on the real table: an integrity check of
    `review_log` checked a view, and the rejection stopped following its text."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not rename the log (MEMBER_GRANTS)")
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    made = engine(team)
    with made.begin() as conn:
        conn.execute(text("ALTER TABLE review_log RENAME TO review_log_real"))
        conn.execute(text("CREATE VIEW review_log AS SELECT * FROM review_log_real"))
    made.dispose()
    result = team.run("editor", "submit", team.write("b.txt", CLEAN))
    assert result.exit_code == 3 and "review_log is not a table" in result.stderr
