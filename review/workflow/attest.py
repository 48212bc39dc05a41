"""Release attestations and the roster export: DSSE envelopes that `review verify` and a CI
hook check offline, from a pinned root of trust (review.workflow.trust) and the signed
records they carry."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import secrets
import stat
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from review import jsonfile
from review.errors import ReviewError, StoreError
from review.findings import Finding, Severity
from review.i18n import Msg
from review.resources import Shown, differences, look
from review.workflow import chain, dsse, trust
from review.workflow.chain import Record
from review.workflow.history import History, release_problem
from review.workflow.history import build as build_history
from review.workflow.keys import Identity
from review.workflow.workspace import Workspace

if TYPE_CHECKING:
    from review.workflow.policy import Policy
    from review.workflow.roster import Person

ATTESTATION_TYPE = "application/vnd.review.release+json"
ROSTER_TYPE = "application/vnd.review.roster+json"
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://review.example/release/v2"


def statement(history: History, state, findings: list[Finding], item_records: list[Record],
              trust_records: list[Record]) -> dict:
    """The release attestation: self-contained. It carries every record of the item from its
    submission to its release and the chain of roster and policy records from `init` to the
    release, so `review verify` checks the whole rule offline from a pinned root. `state`'s
    policy is the one in force at the release."""
    subject, summary = readable(history, state.policy, findings)
    return {
        "_type": STATEMENT_TYPE,
        "subject": subject,
        "predicateType": PREDICATE_TYPE,
        "predicate": {
            **summary,
            "records": [trust.entry(r) for r in item_records],
            "trust": [trust.entry(r) for r in trust_records],
        },
    }


def readable(history: History, policy: Policy, findings: list[Finding]) -> tuple[list, dict]:
    """What an attestation says for people (its subject list and the predicate's fields
    beside the records), as the records say it: `statement` writes it and `verify` requires
    it — a releaser's own copy of `review` could sign a summary that lies (another person at
    a level, no findings, a picture's other hash) over records that hold."""
    version = history.version
    release, releaser = history.released
    bound = version.resources or []
    subject = ([{"name": version.path, "digest": {"sha256": version.content_sha256}}] +
               # the draft first (what `verify` names); then each local file it shows
               [{"name": r.path, "digest": {"sha256": r.sha256}} for r in bound])
    summary = {
        "item": history.item_id, "path": version.path,
        "content_sha256": version.content_sha256, "editor": history.editor,
        "levels": [{"level": n, "role": policy.levels[n - 1], "person": p.name,
                    "seq": r.seq} for n, (r, p) in sorted(history.approvals.items())],
        "releaser": {"person": releaser.name, "key": release.actor},
        "findings": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
        "resources": [r.record() for r in bound],
        "remote": list(version.remote),
        "log_seq": release.seq, "log_hash": release.hash,
    }
    # as JSON reads it back (tuples are lists)
    return jsonfile.loads(json.dumps([subject, summary], ensure_ascii=False))


def _misleading(body: dict, history: History, policy: Policy, findings: list[Finding]
                ) -> str | None:
    """The first field of the attestation's readable summary that its records do not say,
    or None. A field left out says nothing (attestations of earlier versions lack some)."""
    subject, summary = readable(history, policy, findings)
    if body.get("subject") != subject:
        return Msg("att_misleading", field="subject")
    predicate = body["predicate"]
    return next((Msg("att_misleading", field=name) for name, value in summary.items()
                 if name in predicate and predicate[name] != value), None)


def path_of(workspace: Workspace, history: History) -> Path:
    return workspace.attestations / f"{history.version.content_sha256}-{history.item_id}.dsse.json"


def write(workspace: Workspace, identity: Identity, body: dict, history: History) -> Path:
    """Written whole or not at all: to a temporary file beside it, then renamed."""
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
    env = dsse.envelope(ATTESTATION_TYPE, payload, [identity])
    workspace.attestations.mkdir(parents=True, exist_ok=True)
    path = path_of(workspace, history)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    try:
        with open(partial, "x", encoding="utf-8") as f:
            f.write(json.dumps(env, indent=2) + "\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            os.replace(partial, path)
        except OSError:
            # its usual name is taken by something we may not replace (a directory, a
            # colleague's file in a sticky folder): any name with the content's hash is read
            path = path.with_name(f"{path.name.removesuffix('.dsse.json')}-"
                                  f"{secrets.token_hex(8)}.dsse.json")
            os.link(partial, path)  # never over an existing file
    finally:
        partial.unlink(missing_ok=True)
    return path


def holding(workspace: Workspace, history: History, release: Record, public: bytes
            ) -> Path | None:
    """An attestation of this very release, signed by its releaser, among the files named by
    the content's hash — not merely a file at its usual name, which anyone may have put there."""
    prefix = history.version.content_sha256
    for candidate in sorted(workspace.attestations.glob(f"{prefix}-*.dsse.json")):
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ATTESTATION:
                continue
            env = jsonfile.loads(candidate.read_text(encoding="utf-8"))
            payload, good = dsse.open_envelope(env, ATTESTATION_TYPE, {release.actor: public})
            last = jsonfile.loads(payload)["predicate"]["records"][-1]
            if good and trust.from_entry(last).computed_hash() == release.computed_hash():
                return candidate
        except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError,
                trust.Untrusted):
            continue
    return None


MAX_ATTESTATION = 16 * 1024 * 1024  # a real one is a few hundred kilobytes at most

# --- the roster, exported for offline checks ---------------------------------------------

def roster_payload(records: list[Record], log: list[tuple[int, str, int | None]],
                   void: list[int]) -> bytes:
    """The chain of roster and policy records from `init` on, and the (number, hash, item) of
    every record of the log, with the releases the rules refused: what an export signs. The
    same store gives the same bytes, so a co-signing admin can compare it with his own."""
    first = records[0]
    body = {"root": first.actor, "workspace": first.statement.get("workspace") or first.hash,
            "trust": [trust.entry(r) for r in records], "log": [list(x) for x in log],
            "void": list(void)}
    return json.dumps(body, sort_keys=True, ensure_ascii=False).encode()


def export_roster(payload: bytes, admin: Identity) -> dict:
    """The export signed by the exporting admin: at the base revision of a content
    repository, CI's pinned root; and for people, the roster to read. Under an admins'
    threshold it counts once that many admins signed it (`roster export --cosign`)."""
    return dsse.envelope(ROSTER_TYPE, payload, [admin])


def export_log_end(env: dict) -> int:
    """The last record number an export lists (ValueError when it is no export)."""
    try:
        return max(int(e[0]) for e in jsonfile.loads(base64.b64decode(env["payload"]))["log"])
    except (KeyError, IndexError, TypeError, ValueError, OverflowError, AttributeError):
        raise ValueError("not an export") from None


def read_roster(env: dict, root: trust.Root | None = None, *, complete: bool = True
                ) -> trust.Trusted:
    """The roster an export carries, if its chain holds together — from the pinned root, or
    (CI at the base revision, where the export itself is the pin) from its own first admin.
    The export must be signed by as many admins in force at its end as the threshold in force
    asks (one admin's stolen key must not vouch for a log that never was); with
    `complete=False`, by one of them at least (an export still being co-signed). Raises
    trust.Untrusted."""
    try:
        payload = jsonfile.loads(base64.b64decode(env["payload"]))
        entries = payload["trust"]
        # [seq, hash, item] (an item's record) or [seq, hash]; older exports: no item
        entries_of_log = [(int(e[0]), str(e[1]), None if len(e) < 3 or e[2] is None
                           else int(e[2])) for e in payload.get("log", [])]
        log = tuple((seq, digest) for seq, digest, _ in entries_of_log)
        items = {seq: item for seq, _, item in entries_of_log if item is not None}
        void = frozenset(int(seq) for seq in payload.get("void", []))
        if root is None:
            root = trust.Root(str(payload["root"]), str(payload["workspace"]))
    except (KeyError, IndexError, TypeError, ValueError, OverflowError, AttributeError):
        raise trust.Untrusted(Msg("not_roster_export")) from None
    try:  # a file anyone can write: whatever its shape, untrusted — never a crash
        trusted = dataclasses.replace(trust.trusted(entries, root), log=log, items=items,
                                      void=void)
        signers = set(export_signers(env, trusted).values())  # people: two keys are one
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError):
        raise trust.Untrusted(Msg("not_roster_export")) from None
    if not signers:
        raise trust.Untrusted(Msg("export_not_admin_signed"))
    if root.checkpoint and root.checkpoint not in {(r.seq, r.computed_hash())
                                                   for r in trusted.records}:
        raise trust.Untrusted(Msg("export_lacks_checkpoint", seq=root.checkpoint[0]))
    need = trusted.policy.admin_threshold
    if complete and len(signers) < need:
        raise trust.Untrusted(Msg("export_below_threshold", signed=len(signers), need=need))
    return trusted


def export_signers(env: dict, trusted: trust.Trusted) -> dict[str, str]:
    """The export's good signatures by admins in force at its end: key fingerprint → name."""
    admins = {fp: (person.name, key.public) for person in trusted.roster.people.values()
              if "admin" in person.roles for fp, key in person.keys.items()
              if key.revoked_seq is None}
    _, good = dsse.open_envelope(env, ROSTER_TYPE,
                                 {fp: public for fp, (_, public) in admins.items()})
    return {fp: admins[fp][0] for fp in good}


def root_of(trusted: trust.Trusted) -> trust.Root:
    """The export's root, requiring what it holds of every attestation checked against it."""
    last = trusted.records[-1]
    return trust.Root(trusted.records[0].actor, trusted.workspace,
                      checkpoint=(last.seq, last.computed_hash())).anchored(trusted)


def check(env: dict, root: trust.Root, path: str, content_sha256: str,
          shown: Shown | None = None) -> str | None:
    """None when the envelope attests a release of exactly this path and content that the
    rule allowed — every record of the item signed at its place by the people the policy in
    force asked for, the roster traced to the pinned root — and, `shown` given (what the
    draft loads now, review.resources), with exactly the local files it shows bound to it;
    otherwise why not. A file of any other shape is a reason, never a crash: anyone can put a
    file beside a real one."""
    try:
        return _check(env, root, path, content_sha256, shown)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError):
        return Msg("att_unreadable")
    except ReviewError as err:  # a carried key that is no key, say: this file's problem only
        return Msg("att_unreadable_because", problem=err)


def _check(env: dict, root: trust.Root, path: str, content_sha256: str,
           shown: Shown | None) -> str | None:
    try:
        body = jsonfile.loads(base64.b64decode(env["payload"]))
        predicate = body["predicate"]
        subject = body["subject"][0]
        entries, trust_entries = predicate["records"], predicate["trust"]
    except (KeyError, IndexError, TypeError, ValueError):
        return Msg("att_other_version")
    if not root.workspace:
        # a root pinned alone names every workspace its admin ever made (a sandbox where an
        # editor is the admin): only a store, a pin or an export from a trusted place binds it
        return Msg("att_root_unbound", root=root.admin)
    if subject.get("name") != path:
        return Msg("att_other_path", name=subject.get("name"), path=path)
    if subject.get("digest", {}).get("sha256") != content_sha256:
        return Msg("att_other_content")
    try:
        state = trust.trusted(trust_entries, root)
        records = [trust.from_entry(e) for e in entries]
        if not records or any(r.item_id != records[0].item_id for r in records):
            return Msg("att_not_one_item")
        trust.placed(records, "item_prev", state.workspace)
        last = records[-1]
        # The roster's and policy's records must reach as far as any signer of the item saw
        # them, or a chain cut short would bring back an older policy or an unrevoked key.
        carried = {r.computed_hash() for r in state.records}
        if any(chain.place_of(r).trust not in carried for r in records) or \
                chain.place_of(last).trust != state.head:
            return Msg("att_trust_short")
        # as in the store: a record signed against an earlier roster or policy than the one
        # in force at its place counts for nothing
        inert = chain.misplaced(records, "item_prev", state.records)
        history = build_history([r for r in records if r.seq not in inert], state.roster,
                                state.policy, state.workspace, placed=True)
    except trust.Untrusted as err:
        return Msg("problem_only", problem=err)
    except StoreError as err:
        return Msg("problem_only", problem=err)
    if history.released is None or history.released[0] is not last:
        return Msg("att_no_release_end")
    if any(a.seq >= b.seq for a, b in pairwise(records)):
        return Msg("att_out_of_order")
    if any(seq <= last.seq and digest not in carried for seq, digest in root.known):
        return Msg("att_omits_trust")
    if root.checkpoint and last.seq < root.checkpoint[0] and last.seq not in root.log:
        # on a chain that may fork from the pinned one before its record: only an export or
        # store holding that record shows the release is the log's
        return Msg("att_before_checkpoint", seq=last.seq, pinned=root.checkpoint[0])
    revoked = next(((r, root.revoked[r.actor]) for r in records
                    if r.seq >= root.revoked.get(r.actor, r.seq + 1)), None)
    if revoked:
        return Msg("att_revoked_key", seq=revoked[0].seq, since=revoked[1])
    if last.seq in root.void:
        return Msg("att_void_store" if root.store else "att_void", seq=last.seq)
    if not root.store:
        problem = _logged(root, records)
        if problem:
            return problem
    version = history.version
    if (version.path, version.content_sha256) != (path, content_sha256):
        return Msg("att_other_release")
    if version.findings is None:
        return Msg("att_unsigned_findings")
    release, releaser = history.released
    _, good = dsse.open_envelope(env, ATTESTATION_TYPE,
                                 {release.actor: state.roster.key(release.actor).public})
    if not good:
        return Msg("att_releaser_unsigned")
    findings = [Finding.from_dict(f) for f in version.findings]
    # the store's log last: what the rule refuses is said as such, before where it was signed
    return release_problem(history, state.policy, releaser, findings) or (
        _policy_since(history, state.policy, root, releaser, findings)) or (
        _misleading(body, history, state.policy, findings)) or (
        differences(version.resources, shown) if shown is not None else None) or (
        _logged(root, records) if root.store else None)


def _policy_since(history: History, policy: Policy, root: trust.Root, releaser: Person,
                  findings: list[Finding]) -> str | None:
    """CI: why the release does not satisfy the policy in force at the base revision, when
    that policy is not the one it was released under (two levels since, a publisher apart),
    or None. A draft released before the office raised its policy is published under it."""
    if root.policy is None or root.policy == policy:
        return None
    # each level approved by someone holding the role that level asks now: a level of the
    # day's policy held by a reviewer is no level an approver must hold since
    problem = release_problem(history, root.policy, releaser, findings) or next(
        (Msg("rp_needs_level", item=history.item_id, level=n, role=role)
         for n, role in enumerate(root.policy.levels, 1)
         if role not in history.approvals[n][1].roles), None)
    return Msg("att_policy_since", problem=problem) if problem else None


def _logged(root: trust.Root, records: list[Record]) -> str | None:
    """Why the records are not those of the log the root knows (an export's, or the store's
    beside the draft) — one of its item's left out, one it does not hold — or None."""
    last, reach = records[-1], max(root.log, default=0)
    numbers = {r.seq for r in records}
    omitted = [seq for seq, item in root.items.items()
               if item == last.item_id and seq <= last.seq and seq not in numbers]
    if omitted:
        return Msg("att_omits_store_record" if root.store else "att_omits_record",
                   seq=omitted[0])
    if root.store and (last.seq > reach or root.log.get(last.seq) != last.computed_hash()):
        return Msg("att_not_in_store", seq=last.seq)
    if root.complete and last.seq > reach:
        return Msg("att_beyond_export", seq=last.seq, reach=reach)
    if any(r.seq <= reach and root.log.get(r.seq) != r.computed_hash() for r in records):
        return Msg("att_not_logged")
    return None


def find_valid(directory: Path, root: trust.Root, path: str, content_sha256: str, *,
               shown: Shown) -> tuple[str | None, list[str]]:
    """The name of a valid attestation of this path and content, binding the files it shows
    as they are now (`shown`), in `directory`, or None and why each candidate failed."""
    reasons = []
    for candidate in sorted(directory.glob(f"{content_sha256}-*.dsse.json")):
        # Anyone can put a file here: a link (to /dev/zero, say) or a huge file is a reason,
        # never a read without end.
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ATTESTATION:
                reasons.append(Msg("att_irregular", name=candidate.name))
                continue
            env = jsonfile.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        problem = check(env, root, path, content_sha256, shown) if isinstance(env, dict) else \
            Msg("att_not_attestation")
        if problem is None:
            return candidate.name, []
        reasons.append(problem)
    return None, reasons


def file_sha256(path: Path) -> str:
    """A draft's hash, as an attestation names it: a regular file's only (InputError else)."""
    from review.files import sha256_of

    return sha256_of(path)


def released_as(workspace_root: Path, path: Path, rel: str) -> tuple[str, Shown]:
    """A draft's hash and the files it shows now (review.resources), from one read of its
    bytes: a regular file's only (InputError else; OSError when it cannot be read)."""
    from review.files import regular_bytes

    data = regular_bytes(path, MAX_DRAFT)
    return hashlib.sha256(data).hexdigest(), look(workspace_root, rel, data)


MAX_DRAFT = 1024 * 1024 * 1024  # what a check reads is smaller: its config's limit
