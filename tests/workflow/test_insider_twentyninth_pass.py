"""Insider pass 29: what it got through, and what now stops it.

- A trust root pinned as `SHA256:…` alone took the workspace of whatever export sat in the
  folder (or, in CI, in the change): the editor's sandbox export and attestation made the text
  the office rejected verify as released. With no store beside the draft it bound to nothing
  and took any workspace of the admin's. It binds now only to the store's workspace or a
  trusted export; with neither, `review verify` exits 2.
- A proposal under the admins' threshold never lapsed: co-signed months later, it took effect.
  It lapses after 30 days now.
- A submission dated by the editor's clock (set back or forward) counted in the period he
  chose in `review stats`; a forward-dated override came back in every later feedback export.
  Records are dated by the log's order as well as the signer's clock now."""

from __future__ import annotations

import json
import shutil

import pytest
from workflow.team import CLEAN, Team, carry, clock, sandbox_release, store_url, three_admins


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    return Team.small(tmp_path, store_url(request))


def test_another_workspace_s_export_does_not_rebind_the_root(office: Team, tmp_path_factory,
                                                               monkeypatch) -> None:
    """The sandbox's roster export put where the office's goes: the root pinned alone took
    the export's workspace, and the sandbox's release of the rejected text verified."""
    path = office.write("a.md", CLEAN)
    office.ok("reviewer", "reject", str(office.submit("editor", path)), "--reason", "不发")
    sandbox = sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    carry(sandbox, office.root, "roster.json")
    office.refused("reviewer", "verify", path, match="workspace")


def test_a_root_without_its_workspace_and_no_store_is_refused(office: Team, tmp_path_factory,
                                                                monkeypatch) -> None:
    """A copy of the content repository (no store beside it): nothing says which of the
    admin's workspaces the root pinned alone stands for."""
    path = office.write("a.md", CLEAN)
    sandbox = sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    clone = tmp_path_factory.mktemp("clone")
    (clone / "posts").mkdir()
    shutil.copy(office.root / path, clone / path)
    carry(sandbox, clone)
    monkeypatch.chdir(clone)
    clone_team = Team(clone, None)
    (clone / "keys").symlink_to(office.root / "keys")
    clone_team.usage_error("reviewer", "verify", path, match="@<workspace>")


def test_ci_does_not_bind_the_root_to_the_change_s_own_export(office: Team, tmp_path_factory,
                                                              monkeypatch) -> None:
    """`review ci` with the root pinned alone and no export at the base revision yet: the
    change committed the sandbox's export and attestation, and the gate took the export's
    workspace as the office's — the rejected text passed as released."""
    import json
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=office.root, check=True, capture_output=True)

    path = office.write("a.md", CLEAN)
    office.ok("reviewer", "reject", str(office.submit("editor", path)), "--reason", "不发")
    (office.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire-approval = true\n', encoding="utf-8")
    (office.root / ".gitignore").write_text(".review/review.db*\n.review/witness/\nkeys/\n"
                                            "state/\nposts/\n", encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("config", "user.email", "ci@example.gov.cn")
    git("config", "user.name", "CI")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "change")
    sandbox = sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    carry(sandbox, office.root, "roster.json")
    git("add", "-f", "-A", ".review/attestations", ".review/roster.json", path)
    git("commit", "-q", "-m", "change")
    result = office.run("reviewer", "ci", "--base", "main", "--format", "json")
    draft = next(f for f in json.loads(result.stdout)["files"] if f["path"] == path)
    assert not draft["approved"] and draft["approval_rule"] == "RV001"
    assert result.exit_code == 1


def _later(days: int) -> str:
    from datetime import datetime, timedelta

    return (datetime.now().astimezone() + timedelta(days=days)).isoformat(timespec="seconds")


def _proposal(team: Team) -> str:
    """Two more admins, a threshold of two, and admin's proposal of a reviewer key: its seq
    (read from what `roster add` says: `roster pending` lists no lapsed proposal)."""
    three_admins(team)
    said = team.ok("admin", "roster", "add", "outsider", "--role", "reviewer",
                   "--key", f"{team.key('outsider')}.pub").stdout
    return said.split("record ")[1].split(":")[0]


def test_a_proposal_left_pending_lapses(team: Team, monkeypatch) -> None:
    """A roster change one admin proposed and the others let lie stayed open for ever: a
    co-signature months later (by whoever holds an admin key then) still made it take effect."""
    with monkeypatch.context() as m:  # proposed a month and a half ago (by every clock)
        clock(team, m, _later(-45))
        seq = _proposal(team)
    clock(team, monkeypatch, _later(0), server="now")
    assert json.loads(team.ok("admin", "roster", "pending", "--format", "json").stdout) == []
    team.refused("admin2", "roster", "cosign", str(seq), match="lapsed")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("outsider", "approve", str(item))


def test_a_proposal_co_signed_in_time_takes_effect(team: Team, monkeypatch) -> None:
    from review.workflow import service as service_mod

    seq = _proposal(team)
    with monkeypatch.context() as m:
        m.setattr(service_mod, "signed_time", lambda: _later(3))
        team.ok("admin2", "roster", "cosign", str(seq))
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("outsider", "approve", str(item))


def test_a_hand_made_co_signature_of_a_lapsed_proposal_counts_for_nothing() -> None:
    """The roster is rebuilt from the records: a co-signature appended late, or one without a
    date under a dated proposal (made by hand to skip the expiry), completes nothing."""
    from review.workflow.roster import Proposal

    made = _later(0)
    proposal = Proposal(_record({"name": "x", "at": made}), set())
    assert not proposal.lapsed(_later(29))
    assert proposal.lapsed(_later(31)) and proposal.lapsed(_later(-3)) and proposal.lapsed(None)
    assert Proposal(_record({"name": "x"}), set()).lapsed(made)
    assert not Proposal(_record({"name": "x"}), set()).lapsed(None)  # both from before dates


def _record(statement: dict):
    from review.workflow.chain import Record

    return Record(5, "roster.add", None, "SHA256:x", json.dumps({"statement": statement}), "",
                  "0" * 64, "")


def _month(days: int) -> str:
    return _later(days)[:7]


def _ad_findings(team: Team, period: str) -> int:
    data = json.loads(team.ok(None, "stats", "--format", "json", "--period", period).stdout)
    return sum(r["findings"] for r in data["rules"] if r["name"] == "AD001")


AD = "社区通知\n\n居民可加微信咨询订餐事宜。\n"


def _colleagues_work(team: Team) -> None:
    """Two honest submissions and decisions on them, today."""
    for n in range(2):
        item = team.submit("editor2", team.write(f"c{n}.md", CLEAN + f"第{n}稿。\n"))
        team.ok("reviewer", "approve", str(item))


@pytest.mark.parametrize("shift", [-400, 75])
def test_a_submission_dated_by_the_editor_s_clock_stays_in_its_period(team: Team, monkeypatch,
                                                                      shift: int) -> None:
    """The editor set his clock back (or forward) before `review submit`: his draft's findings
    counted in `review stats` for a period he chose, out of the month they were reviewed."""
    from review.workflow import service as service_mod

    _colleagues_work(team)
    with monkeypatch.context() as m:
        m.setattr(service_mod, "signed_time", lambda: _later(shift))
        item = team.submit("editor", team.write("ad.md", AD))
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "override", str(item), "AD001@9", "--reason", "本单位自己的咨询微信")
    _colleagues_work(team)
    assert _ad_findings(team, _month(shift)) == 0
    assert _ad_findings(team, _month(0)) == 1


def test_a_forward_dated_override_is_not_exported_again(team: Team, monkeypatch,
                                                        tmp_path) -> None:
    """A reviewer's override signed with his clock two months ahead came back in every
    `review feedback export --since` of the weeks after: the same example counted again."""
    from review.workflow import service as service_mod

    item = team.submit("editor", team.write("ad.md", AD))
    _colleagues_work(team)
    team.ok("reviewer", "show", str(item))
    with monkeypatch.context() as m:
        m.setattr(service_mod, "signed_time", lambda: _later(60))
        team.ok("reviewer", "override", str(item), "AD001@9", "--reason", "本单位自己的咨询微信")
    _colleagues_work(team)
    team.ok(None, "feedback", "export", "--since", _later(1)[:10], "--out", str(tmp_path / "f"))
    assert (tmp_path / "f" / "feedback.tsv").read_text(encoding="utf-8") == ""
