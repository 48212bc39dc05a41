"""The root of trust, and the roster and policy rebuilt offline from signed records (TUF's
idea: trust starts from keys pinned where the change under review cannot reach, and every
later roster or policy version is signed by an admin in force before it).

The root is the fingerprint of the key that signed a workspace's `init` record, optionally
with the workspace's identity and a roster or policy record the chain must hold:
`SHA256:…`, `SHA256:…@<workspace>` or `SHA256:…@<workspace>#<seq>:<hash>`. It is pinned by
`REVIEW_TRUST_ROOT`, by the person's own `~/.config/review/trust-root`, or — in CI — by
`trust-root` in the config or the roster export at the base revision. A roster export or an
attestation carries the chain of roster and policy records from `init` on; it is trusted
only when that chain starts at the pinned root and holds together (each record names the
one before it, see chain.broken_link)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from review.errors import UsageError
from review.i18n import Msg, said
from review.workflow import chain
from review.workflow.chain import Record
from review.workflow.policy import Policy
from review.workflow.roster import Roster
from review.workflow.roster import build as build_roster

_ROOT = re.compile(r"(SHA256:[A-Za-z0-9+/]{43})(?:@([0-9a-f]{16,64}))?"
                   r"(?:#(\d{1,18}):([0-9a-f]{64}))?")


class Untrusted(Exception):
    """Why signed records cannot be trusted under the pinned root (a review.i18n.Msg)."""

    def say(self, lang: str) -> str:
        return str(said(self.args[0], lang))


@dataclass(frozen=True)
class Root:
    admin: str                  # fingerprint of the key that signed `init`
    workspace: str | None = None
    # Hashes of roster and policy records a committed export holds (CI's base revision, a
    # trusted --roster): a carried chain must hold them all, so a newer policy or a revocation
    # deleted from the store's tail is still required.
    known: frozenset[tuple[int, str]] = frozenset()  # (seq, hash)
    # Every record of the log as far as that export reached (seq → hash): a carried record
    # numbered within it must be one of them — a release signed by hand outside the store,
    # backdated into the log's past, is not.
    log: dict[int, str] = field(default_factory=dict, hash=False, compare=False)
    # CI: the release itself must be within that export's reach. A release numbered beyond
    # it could be one signed by hand outside the store after a rejection or a policy change
    # the attestation does not carry; an admin's export, which is made from the store, shows
    # whether the log holds it.
    complete: bool = False
    # Keys the export's roster revoked, and from which record (`roster revoke --since` reaches
    # back): what such a key signed from there on no longer counts, though the attestation,
    # carrying the roster only up to its release, cannot show the later revocation.
    revoked: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    # Which item each record of that log belongs to (seq → item): an attestation must carry
    # every record of its item up to its release — a resubmission it leaves out voided the
    # votes it carries.
    items: dict[int, int] = field(default_factory=dict, hash=False, compare=False)
    # Releases in that log that the rules refused (appended by hand): void.
    void: frozenset[int] = frozenset()
    # The log is the store's beside the draft (`review verify`), not a committed export's.
    store: bool = False
    # A roster or policy record pinned with the root (`…#seq:hash`, as `roster export` prints
    # it): TUF's "pin the newest root". Every export and store used must hold it, so one cut
    # short before it (the threshold raised, a key revoked) or forked from before it by one
    # admin key that was once enough is no root; and a release before it is taken only where
    # an export holding it says the log held that release.
    checkpoint: tuple[int, str] | None = None
    # CI: the policy in force at the base revision's export. A release is published when its
    # change is merged, so it must also satisfy that policy: a draft released under one level
    # before the office raised it to two is not published on one.
    policy: Policy | None = field(default=None, hash=False, compare=False)

    def __str__(self) -> str:
        return self.admin + (f"@{self.workspace}" if self.workspace else "") + \
            (f"#{self.checkpoint[0]}:{self.checkpoint[1]}" if self.checkpoint else "")

    def anchored(self, trusted: Trusted) -> Root:
        """This root, also requiring every record of a trusted export — and of its workspace:
        a root pinned as `SHA256:…` alone would otherwise take another workspace of the same
        admin."""
        return Root(self.admin, self.workspace or trusted.workspace,
                    self.known | {(r.seq, r.computed_hash()) for r in trusted.records},
                    dict(trusted.log), revoked=_revoked(trusted), items=dict(trusted.items),
                    void=trusted.void, checkpoint=self.checkpoint, policy=self.policy)

    def extended(self, newer: Trusted) -> Root | None:
        """This root with the log's reach extended by a newer export from the same root, and
        every release required within reach; None when the newer export does not hold every
        record this root knows (another log, or one rewritten since)."""
        log = dict(newer.log)
        carried = {(r.seq, r.computed_hash()) for r in newer.records}
        if any(log.get(seq) != digest for seq, digest in self.log.items()) or \
                not self.known <= carried:
            return None
        return Root(self.admin, self.workspace, self.known, log, complete=True,
                    revoked={**self.revoked, **_revoked(newer)},
                    items={**self.items, **newer.items}, void=self.void | newer.void,
                    checkpoint=self.checkpoint, policy=self.policy)


def _revoked(trusted: Trusted) -> dict[str, int]:
    return {fp: key.revoked_seq for person in trusted.roster.people.values()
            for fp, key in person.keys.items() if key.revoked_seq is not None}


def parse_root(text: str, source: str) -> Root:
    m = _ROOT.fullmatch(text.strip())
    if m is None:
        raise UsageError("not_trust_root", source=source)
    checkpoint = (int(m.group(3)), m.group(4)) if m.group(3) else None
    return Root(m.group(1), m.group(2), frozenset({checkpoint} if checkpoint else ()),
                checkpoint=checkpoint)


def pinned(configured: str | None = None) -> Root | None:
    """The root pinned by the environment, else by the person's own file
    (`$XDG_CONFIG_HOME/review/trust-root`, which nobody else can write), else — in CI only —
    by `trust-root` in the config at the base revision (`configured`). Never by a config in
    the working tree: an editor can change that file."""
    if os.environ.get("REVIEW_TRUST_ROOT"):
        return parse_root(os.environ["REVIEW_TRUST_ROOT"], "REVIEW_TRUST_ROOT")
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    own = base / "review" / "trust-root"
    try:
        text = own.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    if text:
        return parse_root(text, str(own))
    if configured:
        return parse_root(configured, "trust-root")
    return None


@dataclass
class Trusted:
    roster: Roster
    policy: Policy
    workspace: str
    records: list[Record]
    log: tuple[tuple[int, str], ...] = ()  # an export's (seq, hash) of every log record
    items: dict[int, int] = field(default_factory=dict)  # its item records' seq → item
    void: frozenset[int] = frozenset()  # releases the rules refused

    @property
    def head(self) -> str:
        return self.records[-1].computed_hash()


def entry(record: Record) -> dict:
    """A log record as exports and attestations carry it."""
    return {"seq": record.seq, "kind": record.kind, "item": record.item_id,
            "actor": record.actor, "body": record.body, "signature": record.signature,
            "prev_hash": record.prev_hash}


def from_entry(data: dict) -> Record:
    try:
        fields = (int(data["seq"]), str(data["kind"]), data["item"], str(data["actor"]),
                  str(data["body"]), str(data["signature"]), str(data["prev_hash"]))
    except (KeyError, TypeError, ValueError, OverflowError):
        raise Untrusted(Msg("carried_unreadable")) from None
    if fields[2] is not None and not isinstance(fields[2], int):
        raise Untrusted(Msg("carried_unreadable"))
    return Record(*fields, chain.record_hash(*fields))


def placed(records: list[Record], link: str, workspace: str) -> None:
    """The records hold together as a sub-chain, each signed at its own place."""
    problem = chain.broken_link(records, link, workspace)
    if problem:
        raise Untrusted(problem)
    for r in records:
        place = chain.place_of(r)
        if place is None:
            raise Untrusted(Msg("carried_old_format", seq=r.seq))
        if place.prev != r.prev_hash:
            raise Untrusted(Msg("carried_other_place", seq=r.seq))


def trusted(entries: list, root: Root) -> Trusted:
    """The roster and policy that the carried chain of roster and policy records makes, if it
    starts at the pinned root."""
    if not isinstance(entries, list) or not entries:
        raise Untrusted(Msg("no_roster_records"))
    records = [from_entry(e) for e in entries]
    first = records[0]
    if first.kind != "init" or first.seq != 1 or first.actor != root.admin:
        raise Untrusted(Msg("not_from_root", root=root.admin))
    workspace = first.statement.get("workspace") or first.hash
    if root.workspace and workspace != root.workspace:
        raise Untrusted(Msg("other_workspace", workspace=workspace, pinned=root.workspace))
    if any(r.kind not in chain.TRUST_KINDS for r in records):
        raise Untrusted(Msg("roster_holds_others"))
    placed(records, "trust", workspace)
    roster = build_roster(records)  # a record nobody entitled signed changes nothing
    return Trusted(roster, roster.policy, workspace, records)
