"""Keys, the roster export and offline verification."""

import json
import os
import stat

from workflow.team import CLEAN


def test_keygen_writes_a_private_key_only_its_owner_can_read(team):
    mode = stat.S_IMODE(os.stat(team.key("editor")).st_mode)
    assert mode == 0o600
    assert (team.key("editor").parent / "editor.pem.pub").read_text().startswith("ed25519:")
    team.usage_error("editor", "keygen", "--name", "editor", match="refusing to overwrite")


def test_a_passphrase_protected_key(team, monkeypatch):
    from review.workflow import keys

    path = team.root / "keys" / "locked.pem"
    keys.generate(path, "s3cret")
    monkeypatch.delenv("REVIEW_KEY_PASSPHRASE", raising=False)
    result = team.runner.invoke(team_main(), ["whoami"], env={**team.env(None),
                                                              "REVIEW_KEY": str(path)})
    assert result.exit_code == 2 and "REVIEW_KEY_PASSPHRASE" in result.stderr
    ok = team.runner.invoke(team_main(), ["whoami", "--format", "json"],
                            env={**team.env(None), "REVIEW_KEY": str(path),
                                 "REVIEW_KEY_PASSPHRASE": "s3cret"})
    assert ok.exit_code == 0 and json.loads(ok.stdout)["name"] is None  # valid, not on roster


def team_main():
    from review.cli import main

    return main


def test_roles_accumulate_and_list(team):
    team.add("reviewer", "approver")
    people = {p["name"]: p for p in json.loads(team.ok(None, "roster", "list", "--format",
                                                       "json").stdout)}
    assert people["reviewer"]["roles"] == ["approver", "reviewer"]
    assert len(people["reviewer"]["keys"]) == 1
    team.usage_error("admin", "roster", "add", "x", "--role", "superuser", "--key",
                     f"{team.key('outsider')}.pub", match="unknown role")


def test_verify_works_offline_from_the_pinned_root_or_a_trusted_export(team):
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    exported = team.ok("admin", "roster", "export", "--out", "roster.json").stdout
    team.pin_workspace = False
    assert f"trust root: {team.env(None)['REVIEW_TRUST_ROOT']}@" in exported
    offline = {**team.env(None), "REVIEW_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/x"}
    # the root alone names no workspace (passes 29 and 30), the root as printed does
    result = team.runner.invoke(team_main(), ["verify", path], env=offline)
    assert result.exit_code == 2 and "@<workspace>" in result.stderr, result.output
    offline["REVIEW_TRUST_ROOT"] = exported.split("trust root: ")[1].strip()
    result = team.runner.invoke(team_main(), ["verify", path], env=offline)
    assert result.exit_code == 0, result.output  # the attestation carries it all
    unpinned = {k: v for k, v in offline.items() if k != "REVIEW_TRUST_ROOT"}
    result = team.runner.invoke(team_main(), ["verify", path], env=unpinned)
    assert result.exit_code == 2 and "no pinned root of trust" in result.stderr
    result = team.runner.invoke(team_main(), ["verify", path, "--roster", "roster.json"],
                                env=unpinned)
    assert result.exit_code == 0, result.output
    # A roster export edited by hand (a record's body changed) is not trusted.
    env = json.loads((team.root / "roster.json").read_text())
    import base64

    body = json.loads(base64.b64decode(env["payload"]))
    for record in body["trust"]:
        record["body"] = record["body"].replace('"roles":["editor"]', '"roles":["admin","editor"]')
    assert any('["admin","editor"]' in record["body"] for record in body["trust"])
    env["payload"] = base64.b64encode(json.dumps(body).encode()).decode()
    (team.root / "forged.json").write_text(json.dumps(env))
    forged = team.runner.invoke(team_main(), ["verify", path, "--roster", "forged.json"],
                                env=unpinned)
    assert forged.exit_code == 1 and "forged.json" in forged.stderr


def test_an_attestation_copied_to_other_content_does_not_verify(team):
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    attestation = team.ok("editor", "release", str(item)).stdout.strip()
    other = team.write("b.txt", CLEAN)  # identical bytes, another path
    team.refused(None, "verify", other, match="not posts/b.txt")
    team.write("a.txt", CLEAN + "x")
    team.refused(None, "verify", path, match="no valid release attestation")
    assert os.path.exists(attestation)


def test_the_only_admin_cannot_revoke_himself(team):
    team.refused("admin", "roster", "revoke", "admin", match="only admin")
    team.keygen("admin2")
    team.add("admin2", "admin")
    team.ok("admin2", "roster", "revoke", "admin")
    team.refused("admin2", "roster", "revoke", "admin2", match="only admin")


def test_a_revoked_person_comes_back_only_with_a_new_key(team):
    """Re-adding a revoked key used to say "done" and change nothing."""
    team.ok("admin", "roster", "revoke", "reviewer")
    team.refused("admin", "roster", "add", "reviewer", "--role", "reviewer", "--key",
                 f"{team.key('reviewer')}.pub", match="new key")
    team.keygen("reviewer-new")
    team.add("reviewer", "reviewer", key_of="reviewer-new")
    who = json.loads(team.ok("reviewer-new", "whoami", "--format", "json").stdout)
    assert who["name"] == "reviewer"
    item = team.submit("editor", team.write("b.txt", CLEAN))
    team.refused("reviewer", "approve", str(item), match="revoked")  # the old key: never again
    team.ok("reviewer-new", "approve", str(item))
    team.ok(None, "audit", "verify")
