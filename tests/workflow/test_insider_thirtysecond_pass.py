"""Insider pass 32: what it got through, and what now stops it.

- Pass 31 had a restore name the witnesses of the workspace it replaces (`--witnesses
  OLD/.review/witness`). The editor made an empty directory called `witness` inside that
  directory (he may add entries to it) before he spoilt the store: restore read that one —
  no witness in it — and restored last night's backup from before a rejection, which the
  editor then released. The directory named is now the one read, and one holding no witness
  is refused.
- A draft's escape sequences and lone carriage returns reached the reviewer's terminal as
  they were: `review show` drew an innocent line over a sentence the check flags, and erased
  the findings, and the reviewer approved what he had not seen. Control and direction
  characters are shown by name now (⟦U+001B⟧), as the desk shows them.
- Policy proposals crossed: a `policy.set` states the whole policy, so one proposed before
  the review levels were raised (an allowed phrase, say — the thief of one admin key can
  propose one) put the old levels back when another admin co-signed it for its phrase. A
  policy proposal is stale once another policy took effect after it: the co-signature is
  refused, and one made by hand changes nothing.
- A reviewer who may also edit added a sentence to a colleague's draft and resubmitted it;
  once the colleague resubmitted it again, the reviewer — neither its first nor its last
  submitter — approved his own sentence. Whoever signed any version of an item is one of its
  writers now: no approval, override, consent or separate release of it is his.
- A workspace made around the office's stopped every action (held), with the advice to remove
  the office's own .review/. The message asks for the one made in the wrong place now."""

from __future__ import annotations

import hashlib
import json

from workflow.team import CLEAN, Team, three_admins

from review.workflow import chain
from review.workflow.keys import load

from .test_attacks import approved_item, engine
from .test_backup import _elsewhere
from .test_insider_eighth_pass import append_record
from .test_insider_thirtyfirst_pass import backup_before_a_rejection


def test_a_witness_directory_inside_the_witnesses_does_not_stand_for_them(
        team: Team, tmp_path, tmp_path_factory, monkeypatch) -> None:
    """The editor's empty `witness/witness/`, then the spoilt store: the office restored the
    backup from before the rejection with `--witnesses OLD/.review/witness`, as the README
    says, and the restore read the editor's directory instead of the witnesses."""
    nightly, _ = backup_before_a_rejection(team, tmp_path)
    old = team.root / ".review" / "witness"
    (old / "witness").mkdir()  # the editor's: an entry he may add
    restored, _ = _elsewhere(team, tmp_path_factory, monkeypatch)
    for named in (old, old.parent):  # the witness directory, or the .review/ holding it
        restored.fails(3, "admin", "restore", str(nightly), "--witnesses", str(named),
                       match="saw record")
    # a directory holding no witness is no witness directory: said, never taken as "nothing lost"
    restored.usage_error("admin", "restore", str(nightly), "--witnesses", str(old / "witness"),
                         match="no witness")
    restored.usage_error("admin", "restore", str(nightly), "--witnesses", str(tmp_path),
                         match="no witness")
    assert not (restored.root / ".review" / "review.db").exists()


CONCEALED = ("关于开展冬季消防安全检查的通知\n"
             "\x1b[3A\x1b[2M\x1b[1B\n"  # up to the findings, delete them, back down
             "我个人认为这项政策完全是错误的，老百姓都很不满。\x1b[2K\r"
             "请各单位于12月10日前完成自查，并将结果报区应急管理局。\n")


def test_a_draft_cannot_draw_over_itself_in_the_reviewer_s_terminal(team: Team) -> None:
    """Escape sequences and a carriage return in the draft went to the reviewer's terminal
    as they were: the flagged sentence overwritten by an innocent one, the findings above
    erased — and he approved a draft he had not read."""
    item = team.submit("editor", team.write("a.txt", CONCEALED))
    shown = team.ok("reviewer", "show", str(item)).stdout
    assert "\x1b" not in shown and "\r" not in shown
    assert "⟦U+001B⟧[3A" in shown and "⟦U+000D⟧" in shown
    assert "我个人认为这项政策完全是错误的" in shown and "OP019" in shown
    # a draft saved with CRLF line ends is shown as it reads, nothing named
    crlf = team.submit("editor", team.write("b.txt", CLEAN.replace("\n", "\r\n")))
    shown = team.ok("reviewer", "show", str(crlf)).stdout
    assert "⟦" not in shown and "\r" not in shown and "请各单位于12月10日前完成自查" in shown
    # the JSON keeps the text exactly
    data = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert data["content"] == CONCEALED


def _proposed(result) -> str:
    return result.stdout.split("record ")[1].split(":")[0]


def test_a_policy_proposal_does_not_undo_a_policy_set_after_it(team: Team) -> None:
    """Two admins' signatures on a statement of the whole policy: an allowed phrase proposed
    while one review level was in force, co-signed after the office raised it to two, put
    the one level back — and a draft approved once went out."""
    three_admins(team)
    raise_levels = _proposed(team.ok("admin", "policy", "set", "--levels",
                                     "reviewer,approver"))
    phrase = _proposed(team.ok("admin2", "policy", "allow", "居民可加微信咨询"))
    team.ok("admin3", "roster", "cosign", raise_levels)
    pending = json.loads(team.ok("admin3", "roster", "pending", "--format", "json").stdout)
    assert [p["seq"] for p in pending] == []  # the stale proposal is not offered
    team.refused("admin3", "roster", "cosign", phrase, match="policy has changed")
    _, item = approved_item(team)
    team.refused("editor", "release", str(item), match="level 2")
    # co-signed by hand (a valid signature), it changes nothing either
    made = engine(team)
    with made.begin() as conn:
        target = next(r for r in chain.records(conn) if r.seq == int(phrase))
        append_record(conn, load(team.key("admin3")), "trust.cosign", None,
                      {"target": target.seq, "target_hash": target.computed_hash(),
                       "at": target.statement["at"]})
    made.dispose()
    team.refused("editor", "release", str(item), match="level 2")
    result = team.ok(None, "roster", "pending", "--format", "json")
    assert json.loads(result.stdout) == []
    # proposed again on the policy in force, it takes effect with the levels kept
    again = _proposed(team.ok("admin2", "policy", "allow", "居民可加微信咨询"))
    team.ok("admin3", "roster", "cosign", again)
    team.refused("editor", "release", str(item), match="level 2")


LATER = CLEAN + "检查期间，辖区内所有商户须暂停营业三天。\n"


def test_a_reviewer_does_not_approve_a_sentence_he_wrote(team: Team) -> None:
    """A reviewer who may also edit added a sentence to a colleague's draft and resubmitted
    it; the colleague went on with the draft and resubmitted it; the reviewer — no longer
    its first nor its last submitter — approved his own sentence, and it went out."""
    team.add("reviewer", "editor")
    team.add("outsider", "reviewer")
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.submit("reviewer", team.write("a.txt", LATER))
    team.refused("reviewer", "approve", str(item), match="submitted or last changed")
    team.submit("editor", team.write("a.txt", LATER + "特此通知。\n"))
    team.ok("reviewer", "show", str(item))
    team.refused("reviewer", "approve", str(item), match="version of item")
    team.refused("reviewer", "consent", str(item), "--ref", "青岚〔2026〕1号",
                 match="version of it")
    # approved by hand (his own key), it counts for nothing: not released
    made = engine(team)
    with made.begin() as conn:
        version = chain.records(conn, item_id=item)[-1].statement
        findings = chain.canonical(version["found"])
        append_record(conn, load(team.key("reviewer")), "approve", item,
                      {"path": version["path"], "content_sha256": version["content_sha256"],
                       "level": 1, "decision": "approve", "comment": "",
                       "findings_sha256": hashlib.sha256(findings).hexdigest(),
                       "at": version["at"]})
    made.dispose()
    team.refused("editor", "release", str(item), match="level 1")
    # a reviewer who wrote none of it approves it
    team.ok("outsider", "show", str(item))
    team.ok("outsider", "approve", str(item))
    team.ok("editor", "release", str(item))


def test_a_workspace_made_around_the_office_s_is_not_the_one_it_asks_to_remove(
        tmp_path_factory, monkeypatch) -> None:
    """The editor ran `review init` in the shared folder above the office's workspace: every
    action stopped (nothing was released or verified there) — with the advice to remove the
    office's own .review/, the inner one. (A folder's matter: SQLite only.)"""
    around = tmp_path_factory.mktemp("around")
    (around / "office").mkdir()
    monkeypatch.chdir(around / "office")
    office = Team.small(around / "office")
    (around / ".review").mkdir()  # the editor's, made later
    result = office.usage_error("reviewer", "queue", match="nested")
    assert "wrong place" in result.stderr and "remove it" not in result.stderr
    office.usage_error("reviewer", "verify", office.write("a.txt", CLEAN), match="nested")
