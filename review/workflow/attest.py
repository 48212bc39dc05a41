"""Release attestations and the roster export: DSSE envelopes that `review verify` and a CI
hook check offline, with nothing but the roster's public keys."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from review.findings import Finding, Severity
from review.workflow import dsse
from review.workflow.chain import Record
from review.workflow.history import History
from review.workflow.keys import Identity, decode_public, encode_public, verify
from review.workflow.roster import Person
from review.workflow.workspace import Workspace

ATTESTATION_TYPE = "application/vnd.review.release+json"
ROSTER_TYPE = "application/vnd.review.roster+json"
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://review.example/release/v1"


def record_entry(record: Record, person: Person) -> dict:
    """A signed log record as an attestation carries it: checkable with the signer's public
    key alone (the body binds the record's place, kind, item and statement)."""
    return {"seq": record.seq, "kind": record.kind, "item": record.item_id,
            "person": person.name, "key": record.actor, "body": record.body,
            "signature": record.signature}


def statement(history: History, state, findings: list[Finding]) -> dict:
    version = history.version
    release, releaser = history.released
    return {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": version.path, "digest": {"sha256": version.content_sha256}}],
        "predicateType": PREDICATE_TYPE,
        "predicate": {
            "item": history.item_id, "path": version.path,
            "content_sha256": version.content_sha256, "editor": history.editor,
            "submission": record_entry(version.record, version.person),
            "levels": [{"level": n, "role": state.policy.levels[n - 1],
                        **record_entry(*history.approvals[n])}
                       for n in sorted(history.approvals)],
            "releaser": {"person": releaser.name, "key": release.actor},
            "release": record_entry(release, releaser),
            "log_seq": release.seq, "log_hash": release.hash,
            "findings": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
            "overrides": [record_entry(*o) for o in history.overrides],
            "consents": [record_entry(*c) for c in history.consents],
        },
    }


def path_of(workspace: Workspace, history: History) -> Path:
    return workspace.attestations / f"{history.version.content_sha256}-{history.item_id}.dsse.json"


def write(workspace: Workspace, identity: Identity, body: dict, history: History) -> Path:
    """Written whole or not at all: to a temporary file beside it, then renamed."""
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
    env = dsse.envelope(ATTESTATION_TYPE, payload, [identity])
    workspace.attestations.mkdir(parents=True, exist_ok=True)
    path = path_of(workspace, history)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(partial, "w", encoding="utf-8") as f:
            f.write(json.dumps(env, indent=2) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


# --- the roster, exported for offline checks ---------------------------------------------

def roster_body(people: dict[str, Person], head: Record | None) -> dict:
    """The roster as `check` reads it: people, roles and public keys with their validity."""
    return {"people": [{"name": p.name, "roles": sorted(p.roles), "revoked": p.revoked_seq
                        is not None,
                        "keys": [{"fingerprint": k.fingerprint, "public": encode_public(k.public),
                                  "added_seq": k.added_seq, "revoked_seq": k.revoked_seq}
                                 for k in p.keys.values()]}
                       for p in people.values()],
            "log_seq": head.seq if head else 0, "log_hash": head.hash if head else None}


def export_roster(people: dict[str, Person], admin: Identity, head: Record | None) -> dict:
    body = roster_body(people, head)
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
    return dsse.envelope(ROSTER_TYPE, payload, [admin])


def read_roster(env: dict) -> dict | None:
    """The exported roster, if an admin listed in it signed it."""
    try:
        payload = json.loads(base64.b64decode(env["payload"]))
        admins = {k["fingerprint"]: decode_public(k["public"])
                  for p in payload["people"] if "admin" in p["roles"] and not p["revoked"]
                  for k in p["keys"] if k["revoked_seq"] is None}
    except (KeyError, TypeError, ValueError):
        return None
    _, good = dsse.open_envelope(env, ROSTER_TYPE, admins)
    return payload if good else None


def check(env: dict, roster: dict, path: str, content_sha256: str) -> str | None:
    """None when the envelope attests a release of exactly this path and content by people on
    the roster in the right roles; otherwise why not."""
    keys = {k["fingerprint"]: (p, k) for p in roster["people"] for k in p["keys"]}
    publics = {fp: decode_public(k["public"]) for fp, (_, k) in keys.items()}
    payload, good = dsse.open_envelope(env, ATTESTATION_TYPE, publics)
    if not good:
        return "no valid signature from a key on the roster"
    try:
        body = json.loads(payload)
        predicate = body["predicate"]
        subject = body["subject"][0]
    except (KeyError, IndexError, ValueError):
        return "not a review release attestation"
    if subject["digest"].get("sha256") != content_sha256 or predicate["content_sha256"] != \
            content_sha256:
        return "attests other content"
    if subject["name"] != path or predicate["path"] != path:
        return f"attests {subject['name']}, not {path}"
    releaser = keys.get(predicate["releaser"]["key"])
    if releaser is None or predicate["releaser"]["key"] not in good:
        return "the releaser did not sign it"
    seen = {predicate["editor"]}
    if not predicate["levels"]:
        return "no review level approved it"
    for level in predicate["levels"]:
        owner = keys.get(level["key"])
        if owner is None or owner[0]["name"] != level["person"]:
            return f"level {level['level']} was approved by a key not on the roster"
        person, key = owner
        if level["role"] not in person["roles"]:
            return f"{person['name']} does not hold the role {level['role']}"
        if key["revoked_seq"] is not None and level["seq"] >= key["revoked_seq"]:
            return f"{person['name']} approved after being revoked"
        try:
            signed = json.loads(level["body"])
            s = signed["statement"]
            if not verify(decode_public(key["public"]), base64.b64decode(level["signature"]),
                          level["body"].encode()):
                return f"level {level['level']}'s approval signature does not verify"
        except (KeyError, TypeError, ValueError):
            return f"level {level['level']}'s approval is not readable"
        if (signed.get("kind"), signed.get("item"), signed.get("seq")) != \
                ("approve", predicate["item"], level["seq"]) or \
                (s.get("path"), s.get("content_sha256"), s.get("level"), s.get("decision")) != \
                (path, content_sha256, level["level"], "approve"):
            return f"level {level['level']}'s approval is for something else"
        if person["name"] in seen:
            return f"{person['name']} acted twice on this release"
        seen.add(person["name"])
    if releaser[0]["name"] in seen - {predicate["editor"]}:
        return "an approver released it"
    return None


def find_valid(directory: Path, roster: dict, path: str, content_sha256: str
               ) -> tuple[str | None, list[str]]:
    """The name of a valid attestation of this path and content in `directory`, or None and
    why each candidate failed."""
    reasons = []
    for candidate in sorted(directory.glob(f"{content_sha256}-*.dsse.json")):
        try:
            env = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        problem = check(env, roster, path, content_sha256)
        if problem is None:
            return candidate.name, []
        reasons.append(problem)
    return None, reasons


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
