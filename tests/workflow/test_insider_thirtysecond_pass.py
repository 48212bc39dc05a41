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
  refused, and one made by hand changes nothing."""

from __future__ import annotations

from workflow.team import CLEAN, Team

from .test_attacks import approved_item
from .test_backup import _elsewhere


def test_a_witness_directory_inside_the_witnesses_does_not_stand_for_them(
        team: Team, tmp_path, tmp_path_factory, monkeypatch) -> None:
    """The editor's empty `witness/witness/`, then the spoilt store: the office restored the
    backup from before the rejection with `--witnesses OLD/.review/witness`, as the README
    says, and the restore read the editor's directory instead of the witnesses."""
    team.add("outsider", "reviewer")
    rejected = team.submit("editor", team.write("copy.txt", CLEAN))
    _, item = approved_item(team)
    nightly = tmp_path / "nightly.db"
    team.ok("admin", "backup", "--out", str(nightly))
    team.ok("outsider", "reject", str(rejected), "--reason", "数据未经核实")
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
    del item
