"""A pinned root of trust and attestations checked against the whole rule (issue 16 #1, #2):
the insider's own roster, and attestations he assembles from real records and his own key."""

import base64
import json
import shutil
from itertools import combinations

from sqlalchemy import text
from workflow.team import CLEAN, Team

from review.workflow import attest, dsse
from review.workflow.chain import Place, body_of
from review.workflow.history import findings_digest
from review.workflow.keys import load
from review.workflow.trust import Root, entry, from_entry

from .test_attacks import approved_item, engine

BLOCKED = "关于开展冬季消防安全检查的通知\n\n全网最低价，扫码立减，加微信领取优惠券。\n"


def rogue_workspace(team, tmp_path, monkeypatch) -> Team:
    """The editor's own workspace: his key as its admin and editor, a second key of his as
    reviewer."""
    rogue = Team(tmp_path.parent / f"{tmp_path.name}-rogue", None)
    (rogue.root / "keys").mkdir(parents=True)
    for name in ("editor.pem", "editor.pem.pub"):
        shutil.copy(team.root / "keys" / name, rogue.root / "keys" / name)
        shutil.copy(team.root / "keys" / name, rogue.root / "keys" / name.replace(
            "editor", "admin"))
    monkeypatch.chdir(rogue.root)
    (rogue.root / "review.toml").write_text("", encoding="utf-8")
    rogue.keygen("sock")
    rogue.ok("admin", "init", "--name", "editor")
    rogue.ok("admin", "roster", "add", "editor", "--role", "editor", "--key",
             f"{rogue.key('editor')}.pub")
    rogue.ok("admin", "roster", "add", "sock", "--role", "reviewer", "--key",
             f"{rogue.key('sock')}.pub")
    return rogue


def adopt(rogue, team) -> None:
    """Copy the rogue workspace's attestations and roster export into the real one."""
    shutil.copytree(rogue.root / ".review" / "attestations",
                    team.root / ".review" / "attestations", dirs_exist_ok=True)
    shutil.copy(rogue.root / ".review" / "roster.json", team.root / ".review" / "roster.json")


def log_entries(team, where: str, **params) -> list[dict]:
    """Records of the store's log, as an attestation carries them."""
    with engine(team).begin() as conn:
        return [dict(seq=r["seq"], kind=r["kind"], item=r["item_id"], actor=r["actor"],
                     body=r["body"], signature=r["signature"], prev_hash=r["prev_hash"])
                for r in conn.execute(text(f"SELECT * FROM review_log WHERE {where} "
                                           "ORDER BY seq"), params).mappings()]


def signed_record(identity, kind: str, previous: list, statement: dict, trust_head: str,
                  workspace: str, seq: int) -> dict:
    """A record the attacker signs with a key he holds, chained after `previous`."""
    item_prev = from_entry(previous[-1]).computed_hash() if previous else "0" * 64
    item = from_entry(previous[0]).item_id if previous else None
    place = Place(workspace, seq, "e" * 64, item_prev, trust_head)
    body = body_of(kind, item, statement, place)
    return {"seq": seq, "kind": kind, "item": item, "actor": identity.fingerprint,
            "body": body, "signature": base64.b64encode(identity.sign(body.encode())).decode(),
            "prev_hash": "e" * 64}


def release_by(identity, records: list, trust_records: list, seq: int) -> dict:
    """A release of the records' content that `identity` signs himself, as if in the log."""
    statement = from_entry(records[0]).statement
    return signed_record(identity, "release", records,
                         {"path": statement["path"],
                          "content_sha256": statement["content_sha256"]},
                         from_entry(trust_records[-1]).computed_hash(),
                         from_entry(trust_records[0]).statement["workspace"], seq)


def test_a_self_signed_roster_and_its_attestation_are_refused(team, tmp_path, monkeypatch):
    path = team.write("a.txt", CLEAN)
    rogue = rogue_workspace(team, tmp_path, monkeypatch)
    rogue.write("a.txt", CLEAN)
    item = rogue.submit("editor", path)
    rogue.ok("sock", "approve", str(item))
    rogue.ok("editor", "release", str(item))
    rogue.ok("admin", "roster", "export")
    monkeypatch.chdir(team.root)
    adopt(rogue, team)
    team.refused(None, "verify", path, match="does not start at the pinned root")


def attestation_of(team, item_path: str) -> tuple:
    [made] = (team.root / ".review" / "attestations").iterdir()
    env = json.loads(made.read_text())
    return made, env, json.loads(base64.b64decode(env["payload"]))


def reseal(made, env, body, signer) -> None:
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
    made.write_text(json.dumps(dsse.envelope(env["payloadType"], payload, [signer])))


def test_an_attestation_assembled_from_real_records_must_satisfy_the_policy(team):
    """The editor takes the level-1 approval of an item that needs two levels, drops the
    rejection, signs a release himself and the attestation: each record verifies, the rule
    does not."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "不同意")
    # Take a released item's attestation as the template.
    other, released = approved_item(team, "b.txt", CLEAN + "另一稿。\n")
    team.ok("approver", "approve", str(released))
    team.ok("editor", "release", str(released))
    made, env, body = attestation_of(team, other)
    records = log_entries(team, "item_id = :i AND kind <> 'reject'", i=item)
    records.append(release_by(load(team.key("editor")), records, body["predicate"]["trust"],
                              records[-1]["seq"] + 50))
    body["predicate"].update(records=records, item=item, path=path)
    content = from_entry(records[0]).statement["content_sha256"]
    body["subject"] = [{"name": path, "digest": {"sha256": content}}]
    target = made.with_name(f"{content}-{item}.dsse.json")
    reseal(target, env, body, load(team.key("editor")))
    team.refused(None, "verify", path, match="needs approval at level 2")


def test_a_block_finding_without_an_override_fails_verification(team):
    path = team.write("ad.txt", BLOCKED)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block findings")
    # The editor assembles what release refused: the real submission and approval …
    other, released = approved_item(team, "b.txt")
    team.ok("editor", "release", str(released))
    made, env, body = attestation_of(team, other)
    records = log_entries(team, "item_id = :i", i=item)
    records.append(release_by(load(team.key("editor")), records, body["predicate"]["trust"],
                              records[-1]["seq"] + 50))
    content = from_entry(records[0]).statement["content_sha256"]
    body["predicate"].update(records=records, item=item, path=path)
    body["subject"] = [{"name": path, "digest": {"sha256": content}}]
    reseal(made.with_name(f"{content}-{item}.dsse.json"), env, body, load(team.key("editor")))
    team.refused(None, "verify", path, match="block findings")
    # … and an attestation whose records were trimmed or re-ordered breaks their links.
    body["predicate"]["records"] = [records[0], records[-1]]
    reseal(made.with_name(f"{content}-{item}.dsse.json"), env, body, load(team.key("editor")))
    team.refused(None, "verify", path, match="removed or replaced")


def test_the_attestation_carries_every_record_verify_needs(team):
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    made, env, body = attestation_of(team, path)
    kinds = [r["kind"] for r in body["predicate"]["records"]]
    assert kinds == ["submit", "approve", "release"]
    assert body["predicate"]["trust"][0]["kind"] == "init"
    # each carried record reads back as carried (its hash recomputed, never taken as given)
    assert entry(from_entry(body["predicate"]["records"][0])) == body["predicate"]["records"][0]


def test_no_subset_of_real_records_with_the_attackers_keys_verifies(team):
    """Two levels. The item was approved at level 1 and rejected at level 2. The editor takes
    any subset of its real records, adds approvals signed by his own key or an outsider's,
    signs the release and the attestation himself: the policy allows none of them. The same
    construction from the complete records of an item that was approved at both levels
    verifies, so the test can fail."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "不同意")
    good_path, good = approved_item(team, "b.txt", CLEAN + "另一稿。\n")
    team.ok("approver", "approve", str(good))
    team.ok("editor", "release", str(good))
    _, _, template = attestation_of(team, good_path)
    trust_entries = template["predicate"]["trust"]
    workspace = from_entry(trust_entries[0]).statement["workspace"]
    head = from_entry(trust_entries[-1]).computed_hash()
    root = Root(from_entry(trust_entries[0]).actor, workspace)
    editor, outsider = load(team.key("editor")), load(team.key("outsider"))

    def rows(item_id):
        return log_entries(team, "item_id = :i", i=item_id)

    def verdict(records, target_path):
        content = from_entry(records[0]).statement["content_sha256"]
        statement = {"path": target_path, "content_sha256": content}
        seq = max(r["seq"] for r in records) + 40
        records = [*records, signed_record(editor, "release", records, statement, head,
                                           workspace, seq)]
        # the records and the trust chain alone: a summary for readers (the template's is
        # another release's) is compared with the records since pass 75, and left out says
        # nothing
        body = {**template, "subject": [{"name": target_path, "digest": {"sha256": content}}],
                "predicate": {"records": records, "trust": template["predicate"]["trust"]}}
        payload = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
        env = dsse.envelope(attest.ATTESTATION_TYPE, payload, [editor])
        return attest.check(env, root, target_path, content)

    good_records = [r for r in rows(good) if r["kind"] != "release"]
    assert verdict(good_records, good_path) is None  # the control: a lawful release verifies
    real = rows(item)
    assert [r["kind"] for r in real] == ["submit", "approve", "reject"]
    content = from_entry(real[0]).statement["content_sha256"]
    submitted = from_entry(real[0]).statement["found"]
    tried = 0
    for size in range(1, len(real) + 1):
        for subset in combinations(real, size):
            subset = list(subset)
            for signer in (None, editor, outsider):
                records = subset
                if signer is not None:
                    level2 = {"path": path, "content_sha256": content, "level": 2,
                              "decision": "approve", "comment": "",
                              "findings_sha256": findings_digest(submitted)}
                    records = [*subset, signed_record(signer, "approve", subset, level2, head,
                                                      workspace, subset[-1]["seq"] + 20)]
                tried += 1
                assert verdict(records, path) is not None, (
                    [r["kind"] for r in records], signer and signer.fingerprint)
    assert tried == 21


def test_a_roster_chain_cut_before_a_stricter_policy_does_not_verify(team):
    """Red team A01: the two-level policy's record left out of the carried chain (and the
    release signed against the older head) would bring back one level. The real approval
    names the two-level policy as the head it saw, so the chain must reach it."""
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    path, item = approved_item(team)
    team.ok("approver", "reject", str(item), "--reason", "不同意")
    trust = log_entries(team, "kind IN ('init', 'roster.add', 'policy.set')")
    records = log_entries(team, "item_id = :i AND kind IN ('submit', 'approve')", i=item)
    cut = trust[:-1]  # without the two-level policy.set
    workspace = from_entry(cut[0]).statement["workspace"]
    editor = load(team.key("editor"))
    content = from_entry(records[0]).statement["content_sha256"]
    release = release_by(editor, records, cut, records[-1]["seq"] + 5)
    body = {"_type": attest.STATEMENT_TYPE, "predicateType": attest.PREDICATE_TYPE,
            "subject": [{"name": path, "digest": {"sha256": content}}],
            "predicate": {"item": item, "path": path, "records": [*records, release],
                          "trust": cut}}
    env = dsse.envelope(attest.ATTESTATION_TYPE, json.dumps(body).encode(), [editor])
    root = Root(from_entry(cut[0]).actor, workspace)
    assert attest.check(env, root, path, content) == \
        "it does not carry the roster and policy in force at the release"


def test_malformed_attestations_beside_a_real_one_are_reasons_not_crashes(team):
    """Red team A06: anyone can drop a file into the attestations folder."""
    path, item = approved_item(team)
    team.ok("editor", "release", str(item))
    made, env, body = attestation_of(team, path)
    digest = made.name.split("-")[0]
    for n, bad in enumerate([{**body, "subject": ["x"]},
                             {**body, "subject": [{"name": path, "digest": "x"}]},
                             {**body, "predicate": {**body["predicate"], "records": 5}}]):
        payload = base64.b64encode(json.dumps(bad).encode()).decode()
        (made.parent / f"{digest}-0{n}.dsse.json").write_text(
            json.dumps({**env, "payload": payload}))
    (made.parent / f"{digest}-09.dsse.json").write_text('["not", "an", "envelope"]')
    team.ok(None, "verify", path)  # the real one still verifies
    made.unlink()
    result = team.refused(None, "verify", path, match="no valid release attestation")
    assert "Traceback" not in result.output
