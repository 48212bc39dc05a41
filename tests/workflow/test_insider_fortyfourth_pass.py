"""Insider pass 44, in the workflow: what it got through, and what now stops it.

- A revocation made by hand (the thief of admin2's key, his own copy of `review`) whose
  `since` is `true`: `roster pending` showed admin3 `{"name": "reviewer", "since": true}`,
  which reads as "revoked at once"; the roster took it as `int(True)`, record 1, and co-signed
  every approval the reviewer ever signed was void: each release he approved refused. `roster
  revoke --since` writes a record number from 1 to the log's head; a revocation stating
  anything else (a flag, a real, a string, a number before the log) is no revocation."""

import json

import pytest
from workflow.team import CLEAN, Team, three_admins


@pytest.mark.parametrize("since", [True, 0, -5, 1.5, "1"])
def test_a_revocation_made_by_hand_reaches_back_only_to_a_record(
        team: Team, monkeypatch, since) -> None:
    from review.workflow import service

    three_admins(team)
    path = team.write("a.md", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    assert team.run(None, "verify", path).exit_code == 0
    real = service.Service._trust_change

    def forged(self, conn, state, kind, statement):  # the thief's own copy of `review`
        return real(self, conn, state, kind, {**statement, "since": since})

    with monkeypatch.context() as thief:
        thief.setattr(service.Service, "_trust_change", forged)
        team.ok("admin2", "roster", "revoke", "reviewer")
    pending = json.loads(team.ok("admin3", "roster", "pending", "--format", "json").stdout)
    for proposal in pending:
        team.run("admin3", "roster", "cosign", str(proposal["seq"]))
    assert pending == []
    result = team.run(None, "verify", path)
    assert result.exit_code == 0, result.output
