"""Roster exports under an admins' threshold (pass 30's A8): an export vouches for which
records the log holds, so, like a roster or policy change, it counts only once as many admins
as the threshold signed it; a co-signing admin signs only what his own store gives."""

import base64
import json

from ci.conftest import ci, commit, git
from workflow.team import CLEAN
from workflow.test_attacks import engine
from workflow.test_insider_second_pass import forge_release

from review.workflow import attest, chain, trust
from review.workflow.keys import load
from review.workflow.workspace import Workspace


def two_admins(repo) -> None:
    """A second admin, a threshold of two, and the export at the base co-signed."""
    repo.keygen("admin2")
    repo.add("admin2", "admin")
    repo.ok("admin", "policy", "set", "--levels", "reviewer", "--admin-threshold", "2")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    first = repo.ok("admin", "roster", "export").stdout
    assert "1 more admin" in first and "--cosign" in first
    assert "trust root" in repo.ok("admin2", "roster", "export", "--cosign").stdout
    git(repo.root, "checkout", "-q", "main")
    commit(repo, "threshold")
    git(repo.root, "checkout", "-q", "-b", "threshold-change")


def test_an_export_one_admin_signed_is_no_export_under_a_threshold_of_two(repo):
    two_admins(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")  # not co-signed yet
    commit(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert "threshold is 2" in " ".join(data["notices"])
    assert "newer than the committed roster export" in data["files"][0]["approval_error"]
    repo.ok("admin2", "roster", "export", "--cosign")
    commit(repo, "co-signed")
    result = ci(repo, "--format", "json")
    assert result.exit_code == 0, result.output


def test_the_thief_of_one_admin_key_cannot_vouch_for_a_release_never_logged(repo):
    """The editor signs a release himself after the policy was raised to two levels, outside
    the store; the thief of admin2's key signs an export of the real log with that release
    added. Before, one admin's signature made the export extend CI's reach to it."""
    two_admins(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    repo.ok("admin2", "roster", "cosign", _pending(repo))
    forge_release(repo, path, item, beyond=True)
    forged = _forged_export(repo, item)
    (repo.root / ".review" / "roster.json").write_text(json.dumps(forged), encoding="utf-8")
    commit(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["files"][0]["approval_error"]
    # the honest admin asked to co-sign it refuses: his store does not give those bytes
    repo.refused("admin", "roster", "export", "--cosign", match="differs from this store")


def test_a_co_signature_is_refused_twice_and_for_what_is_no_export(repo):
    two_admins(repo)
    repo.ok("admin", "roster", "export")
    repo.refused("admin", "roster", "export", "--cosign", match="signed this export already")
    (repo.root / "junk.json").write_text("{}", encoding="utf-8")
    repo.usage_error("admin2", "roster", "export", "--cosign", "--out", "junk.json",
                     match="junk.json is not a roster export")
    repo.refused("editor", "roster", "export", "--cosign", match="admin")


def _pending(repo) -> str:
    """The record number of the one proposal awaiting a second admin."""
    out = repo.ok("admin", "roster", "pending", "--format", "json").stdout
    return str(json.loads(out)[0]["seq"])


def _forged_export(repo, item: int) -> dict:
    """The store's honest export payload with the attestation's release added to its log,
    signed by admin2's key alone."""
    written = next(Workspace(repo.root).attestations.glob(f"*-{item}.dsse.json"))
    att = json.loads(written.read_text(encoding="utf-8"))
    records = json.loads(base64.b64decode(att["payload"]))["predicate"]["records"]
    release = trust.from_entry(records[-1])
    assert release.kind == "release"
    with engine(repo).begin() as conn:
        everything = chain.records(conn)
    log = [(r.seq, r.computed_hash(), r.item_id) for r in everything]
    log.append((release.seq, release.computed_hash(), release.item_id))
    payload = attest.roster_payload([r for r in everything if r.kind in chain.TRUST_KINDS],
                                    log, [])
    return attest.export_roster(payload, load(repo.key("admin2")))
