"""Insider pass 33: what it got through, and what now stops it (CI's: tests/ci/
test_insider_thirtythird_pass.py).

- On PostgreSQL a proposal's lapse is judged by the times the server received the proposal
  and its co-signature. The records a restore brings in were received anew, so their server
  time says nothing, and the lapse fell back to both signers' clocks: after the office moved
  its store (backup, restore), the thief of one admin key co-signed, with his clock set back,
  a proposal the other admins had let lapse before the move. The co-signature's server time
  now counts against the proposal's signed time whenever the proposal's own is unknown."""

from __future__ import annotations

import json

import pytest
from workflow.team import CLEAN, Team, clock
from workflow.test_insider_twentyninth_pass import _later, _proposal

from .test_backup import _elsewhere


def test_a_restore_does_not_let_a_clock_set_back_revive_a_lapsed_proposal(
        team: Team, tmp_path, tmp_path_factory, monkeypatch, request) -> None:
    if not team.url:
        pytest.skip("SQLite has no clock the signer does not control")
    with monkeypatch.context() as m:
        clock(team, m, _later(-45))  # proposed then, and received then by the server
        seq = _proposal(team)
    out = tmp_path / "moved.db"
    team.ok("admin", "backup", "--out", str(out))
    target = request.getfixturevalue("postgres").schema_url(request)
    moved, _ = _elsewhere(team, tmp_path_factory, monkeypatch, target)
    moved.ok("admin", "restore", str(out), "--witnesses", str(team.root / ".review" / "witness"))
    clock(moved, monkeypatch, _later(-40), server="now")  # the thief's clock; the server's own
    assert json.loads(moved.ok("admin2", "roster", "pending", "--format", "json").stdout) == []
    moved.refused("admin2", "roster", "cosign", str(seq), match="lapsed")
    item = moved.submit("editor", moved.write("a.md", CLEAN))
    moved.refused("outsider", "approve", str(item))
