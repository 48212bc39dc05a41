"""The ninth red-team pass on the two-person rule (issue 16). (A tag named like the default
branch: tests/ci/test_gate.py.)"""

import hashlib

import pytest
from workflow.team import CLEAN

from .test_attacks import approved_item
from .test_insider_eighth_pass import append_signed, void_in_export


def test_lowering_the_policy_does_not_forget_a_rejection(team):
    """Reviewer, then approver: the approver rejects at level 2. An admin's routine change to
    one level dropped the level-2 rejection with the level, and the editor released."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "表述不准确")
    team.ok("admin", "policy", "set", "--levels", "reviewer")
    team.refused("editor", "release", str(item), match="rejected")
    same = team.write("again.txt", CLEAN)
    team.refused("editor2", "submit", same, match=f"rejected in item {item}")


def test_a_rejected_text_stays_rejected_after_its_item_moves_on(team):
    """The rejection stuck to the text only through the rejected item's current version:
    once the editor resubmitted that item with other text, the rejected text in another file
    (other line ends) went to another reviewer."""
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    team.write("a.txt", CLEAN + "（已更正数据）\n")
    team.ok("editor", "submit", path)
    copy = team.write("b.txt", CLEAN.replace("\n", "\r\n").encode())
    team.refused("editor", "submit", copy, match=f"rejected in item {item}")


def test_a_release_appended_to_a_colleague_s_unapproved_item_is_not_exported(team):
    """An editor appends his own release of a colleague's pending item (and sets the row to
    match): the item leaves the queue. The export vouches only for releases the rules allowed
    under the roster and policy they saw: it names this one void, as audit names it."""
    path = team.write("c.txt", CLEAN)
    item = team.submit("editor2", path)
    digest = hashlib.sha256(CLEAN.encode()).hexdigest()
    seq = append_signed(team, "editor", "release", item, {"path": path, "content_sha256": digest})
    assert f"record {seq}" in team.ok("admin", "roster", "export").stderr
    assert void_in_export(team) == [seq]
    result = team.run("admin", "audit", "verify")
    assert result.exit_code == 1 and f"record {seq}" in result.output
    assert "is released by its editor, editor2" in result.output


@pytest.mark.parametrize("name,variant", [
    ("same.docx", "docx"), ("same.html", "<html><body><p>{}</p></body></html>"),
    ("zw.txt", "\u200b"), ("wide.txt", "１２月１０日"), ("indent.txt", "\u3000\u3000")])
def test_the_rejected_text_in_another_shape_is_still_rejected(team, name, variant):
    """The tenth pass: the same text as Word or HTML, with a zero-width space, full-width
    digits or another indentation went to another reviewer."""
    from office_samples import docx_bytes

    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "reject", str(item), "--reason", "数据未经核实")
    lines = CLEAN.strip().split("\n")
    if variant == "docx":
        data: str | bytes = docx_bytes([line for line in lines if line])
    elif variant.startswith("<html>"):
        data = variant.format("</p><p>".join(lines))
    elif variant == "１２月１０日":
        data = CLEAN.replace("12月10日", variant)
    elif variant == "\u200b":
        data = CLEAN.replace("各单位", "各\u200b单位")
    else:
        data = CLEAN.replace("请各单位", variant + "请各单位")
    copy = team.write(name, data)
    team.refused("editor2", "submit", copy, match=f"rejected in item {item}")
