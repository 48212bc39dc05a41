"""Insider pass 34: what it got through, and what now stops it.

- Under an admins' threshold of two, an export co-signed by an admin counted the signature
  already on it by whoever signed it with a key in force at the export's end, even when the
  store now holds that key's revocation or rotation: the thief of admin2's key exported the log
  before the office revoked it, and an honest admin's co-signature then completed that export
  with the thief's signature as the second admin's. A co-signing admin now refuses an export
  signed by a key his store no longer holds in force."""

from __future__ import annotations

import json

from workflow.team import Team, three_admins


def _pending(team: Team) -> str:
    out = team.ok("admin", "roster", "pending", "--format", "json").stdout
    return str(json.loads(out)[0]["seq"])


def test_a_revoked_admins_signature_does_not_count_towards_a_co_signed_export(
        team: Team, tmp_path) -> None:
    three_admins(team)
    early = str(tmp_path / "early.json")
    team.ok("admin2", "roster", "export", "--out", early)  # the thief, before the revocation
    team.ok("admin", "roster", "revoke", "admin2")
    team.ok("admin3", "roster", "cosign", _pending(team))
    team.refused("admin", "roster", "export", "--cosign", "--out", early, match="revoked")


def test_a_key_rotated_away_does_not_count_towards_a_co_signed_export(
        team: Team, tmp_path) -> None:
    three_admins(team)
    early = str(tmp_path / "early.json")
    team.ok("admin2", "roster", "export", "--out", early)  # with the key stolen since
    team.keygen("admin2new")
    team.ok("admin", "roster", "rotate", "admin2", "--key", f"{team.key('admin2new')}.pub")
    team.ok("admin3", "roster", "cosign", _pending(team))
    team.refused("admin", "roster", "export", "--cosign", "--out", early, match="revoked")
    team.lang = ""  # Chinese by default
    team.refused("admin", "roster", "export", "--cosign", "--out", early, match="轮换")
