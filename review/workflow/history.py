"""An item as the signed log says it is: the one source of truth for every decision.

The tables hold a projection of the log for people reading the store with SQL (and the
draft's bytes, which the log pins by their hash). Every action reads the item's history from
its signed records instead, so editing a table — findings emptied, another name as editor, a
state set to released — decides nothing; `review audit verify` names each row that disagrees.

A record counts only when a key valid at its place in the log signed it and its signer was
entitled to it (the role the policy asks for, never the item's own editor). A gap in the
item's chain of records means the store was tampered with: that is a StoreError (exit 3). A
record in its place that no key on the roster signed counts for nothing (any member who may
append to the log could add one; `review audit verify` names it)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field

from review import jsonfile
from review.errors import StoreError
from review.findings import Category, Finding, Severity
from review.i18n import Msg
from review.resources import Resource, from_records
from review.workflow import chain
from review.workflow.chain import Record
from review.workflow.policy import Policy
from review.workflow.roster import Person, Roster
from review.workflow.roster import build as build_roster

VERSION_KINDS = ("submit", "resubmit")
REVIEWER_ROLES = ("reviewer", "approver")
CONSENT_ROLES = ("reviewer", "approver", "admin")


def finding_key(finding: Finding) -> str:
    """How a person names one finding of an item (`review override ID AD501@12`)."""
    return f"{finding.rule}@{finding.start}"


def blocking(findings: list[Finding], overridden: set[str]) -> list[str]:
    """The rule that holds release: every block finding stops it until fixed or overridden."""
    return [finding_key(f) for f in findings
            if f.severity is Severity.BLOCK and finding_key(f) not in overridden]


def _readable(found: object) -> list[dict] | None:
    """Signed finding records as they must be — a list of valid findings — or None."""
    if not isinstance(found, list):
        return None
    try:
        for record in found:
            Finding.from_dict(record)
    except (ValueError, TypeError):
        return None
    return found


def _json(text: str) -> object:
    try:
        return jsonfile.loads(text)
    except (TypeError, ValueError):
        return "not JSON"


def findings_digest(records: list[dict]) -> str:
    """The digest of a list of finding records (as stored): what an approval signs."""
    return hashlib.sha256(chain.canonical(records)).hexdigest()


@dataclass
class Version:
    record: Record
    person: Person            # who submitted this version
    path: str
    content_sha256: str
    title: str | None
    findings: list[dict] | None  # the finding records signed with it (None: none readable)
    # the local files it shows, bound with it (review.resources); None: submitted before they
    # were bound. The remote addresses it loads, as its editor signed them.
    resources: list[Resource] | None = None
    remote: tuple[str, ...] = ()

    @property
    def legacy(self) -> bool:
        """Submitted before findings were signed with a submission (a version-1 record)."""
        return chain.place_of(self.record) is None


@dataclass
class History:
    item_id: int
    first: Version            # the submit
    version: Version          # the current version
    approvals: dict[int, tuple[Record, Person]] = field(default_factory=dict)
    rejection: tuple[Record, Person] | None = None  # of the current version
    overrides: list[tuple[Record, Person]] = field(default_factory=list)
    consents: list[tuple[Record, Person]] = field(default_factory=list)
    rejected_contents: dict[str, tuple[Record, Person]] = field(default_factory=dict)
    # the texts rejected (text_sha256 of a rejection: the same text whatever its bytes)
    rejected_texts: dict[str, tuple[Record, Person]] = field(default_factory=dict)
    released: tuple[Record, Person] | None = None
    # release records the rules refused (built with the log's roster and policy records):
    # their numbers, and why
    refused: dict[int, str] = field(default_factory=dict)
    # records made by hand out of their place (chain.misplaced): seq → why; they count for
    # nothing
    misplaced: dict[int, str] = field(default_factory=dict)
    # everyone who signed a version of the item, the current one and those before it: each of
    # them wrote some of the text (a sentence one added may still be there)
    writers: set[str] = field(default_factory=set)

    @property
    def editor(self) -> str:
        return self.first.person.name

    @property
    def counted(self) -> set[int]:
        """The records that count for the current version: its submission and the first, and
        the decisions on it that the rules take (a decision on an earlier version, or one the
        rules void, is none of them)."""
        held = [*self.approvals.values(), *self.overrides, *self.consents,
                *self.rejected_contents.values(), *self.rejected_texts.values(),
                *([self.rejection] if self.rejection else []),
                *([self.released] if self.released else [])]
        return {self.first.record.seq, self.version.record.seq} | {r.seq for r, _ in held}

    @property
    def authors(self) -> set[str]:
        """Whose rejection does not count: its editor and whoever last changed it."""
        return {self.first.person.name, self.version.person.name}

    @property
    def wrote(self) -> set[str]:
        """Who may not approve, override, consent or publish it: everyone who signed a version
        of it. A reviewer who also edits must not add a sentence to a colleague's draft,
        resubmit it, and approve it once the colleague has resubmitted it again."""
        return self.authors | self.writers

    @property
    def state(self) -> str:
        if self.released is not None:
            return "released"
        return "rejected" if self.rejection is not None else "pending"

    def findings(self, stored: str) -> list[Finding]:
        """The current version's findings as signed; `stored` (the table's copy) only for a
        version submitted before findings were signed with it."""
        records = self.version.findings
        if records is None and self.version.legacy:
            records = _readable(_json(stored))
            if records is None:
                raise StoreError("findings_unreadable", item=self.item_id)
        return [Finding.from_dict(r) for r in records or []]


def build(records: list[Record], roster: Roster, policy: Policy, workspace: str,
          trust: list[Record] | None = None, refused: Collection[int] = (),
          placed: bool = False) -> History:
    """The history of one item from its records (in log order). With the log's roster and
    policy records (`trust`), a release counts only if the rules allowed it under those its
    place names: a member may append a release of a colleague's unapproved item, signed
    with his own key, and it must neither release nor freeze the item."""
    if not records:
        raise StoreError("item_no_records")
    item_id = records[0].item_id
    if not placed:  # `placed`: the records misplaced are taken out already
        problem = chain.broken_link(records, "item_prev", workspace, misplaced_apart=True)
        if problem:
            raise StoreError("item_broken", item=item_id, problem=problem)
        # records made by hand out of their place count for nothing (chain.misplaced);
        # without the log's roster records only the item's own links are known
        inert = chain.misplaced(records, "item_prev", trust)
        records = [r for r in records if r.seq not in inert]
    else:
        inert = {}
    history: History | None = None
    verdicts: dict[int, str] = {}  # releases the rules refused: as if they were not there
    # A release judged like one before it — same signer, same roster, the item's history
    # unchanged in between (records that count for nothing change nothing) — has its
    # verdict: a thousand releases appended by hand are judged once, not each against a
    # history of all the others. (Should a role taken away since make the two differ, the
    # verdict repeated is the earlier refusal: never a release let through.)
    alike: dict[tuple, str | None] = {}
    for r in records:
        signer = roster.signer_of(r)
        person = signer.at(r.seq) if signer is not None else None  # the roles held then
        if person is None:
            # signed by a key revoked from before it (lost or stolen then), or by no key on
            # the roster: it counts for nothing (review audit verify names it). Its place in
            # the chain is checked, so it is no rewritten record: witnesses and anchors sign
            # the hashes.
            continue
        s = r.statement
        if history is not None and history.released is not None:
            continue  # released: what went out is settled; nothing after it counts
        if r.kind in VERSION_KINDS:
            if "editor" not in person.roles or (r.kind == "submit") != (history is None):
                continue
            path, digest = s.get("path"), s.get("content_sha256")
            if not isinstance(path, str) or not isinstance(digest, str):
                continue  # not a submission of a file
            bound = from_records(s["resources"]) if "resources" in s else None
            if "resources" in s and bound is None:
                continue  # resources signed in no shape a check can compare: no submission
            remote = s.get("remote")
            version = Version(r, person, path, digest,
                              s.get("title") if isinstance(s.get("title"), str) else None,
                              _readable(s.get("found")), bound,
                              tuple(a for a in remote if isinstance(a, str))
                              if isinstance(remote, list) else ())
            if history is None:
                history = History(item_id, version, version, writers={person.name})
            else:
                # A new version: every vote so far was on another version.
                history = History(item_id, history.first, version,
                                  rejected_contents=history.rejected_contents,
                                  rejected_texts=history.rejected_texts,
                                  writers=history.writers | {person.name})
            continue
        if history is None:
            continue
        if r.kind == "release" and r.seq in refused:
            continue
        if r.kind == "release" and trust is not None:
            version = history.version
            if (s.get("path"), s.get("content_sha256")) != (version.path, version.content_sha256):
                continue  # about another version: it counts for nothing, judged or not
            seen = chain.place_of(r)
            like = (seen.trust if seen else None, r.actor, _state(history))
            if like not in alike:
                alike[like] = _verdict(records, r, trust, workspace, verdicts)
            verdict = alike[like]
            if verdict is not None:
                verdicts[r.seq] = verdict
                continue
        _apply(history, r, person, s, policy)
    if history is None:
        raise StoreError("item_no_submission", item=item_id)
    history.refused = verdicts
    history.misplaced = inert
    return history


def _apply(history: History, r: Record, person: Person, s: dict, policy: Policy) -> None:
    version = history.version
    if (s.get("path"), s.get("content_sha256")) != (version.path, version.content_sha256):
        return  # about another version or another file
    authors = history.authors
    if r.kind == "release":
        history.released = (r, person)
    elif r.kind == "reject":
        # A rejection is a brake that sticks: it counts when someone who may review and is
        # no author of the version made it — at a level of today's policy or not: an admin
        # may since have lowered the policy to fewer levels or other roles.
        level = s.get("level")
        if person.name in authors or not isinstance(level, int) or level < 1 or \
                history.rejection is not None or not (
                    (level <= len(policy.levels) and policy.levels[level - 1] in person.roles)
                    or person.roles & set(REVIEWER_ROLES)):
            return
        history.rejection = (r, person)
        history.rejected_contents.setdefault(version.content_sha256, (r, person))
        if isinstance(s.get("text_sha256"), str):
            history.rejected_texts.setdefault(s["text_sha256"], (r, person))
    elif r.kind == "approve":
        level = s.get("level")
        if (person.name in history.wrote or not isinstance(level, int)
                or not 1 <= level <= len(policy.levels)
                or policy.levels[level - 1] not in person.roles
                or history.rejection is not None):
            return
        if not version.legacy and \
                s.get("findings_sha256") != findings_digest(version.findings or []):
            return  # approved what its own check found, not what was submitted
        elif level not in history.approvals and all(
                p.name != person.name for _, p in history.approvals.values()):
            history.approvals[level] = (r, person)
    elif r.kind == "override" and person.name not in history.wrote \
            and person.roles & set(REVIEWER_ROLES):
        history.overrides.append((r, person))
    elif r.kind == "consent" and person.name not in history.wrote \
            and person.roles & set(CONSENT_ROLES):
        history.consents.append((r, person))


def release_problem(history: History, policy: Policy, releaser: Person,
                    findings: list[Finding]) -> str | None:
    """Why this person may not release the item's current version under the policy, or None:
    the one statement of the rule, for the release itself and for every offline check of
    its attestation."""
    item = history.item_id
    if history.version.findings is None and not history.version.legacy:
        return Msg("rp_unreadable_findings", item=item)
    if history.rejection is not None:
        return Msg("rp_rejected", item=item)
    if history.version.content_sha256 in history.rejected_contents:
        return Msg("rp_content_rejected", item=item)
    if policy.separate_publisher:
        if "publisher" not in releaser.roles:
            return Msg("lacks_role", name=releaser.name, roles="publisher")
        if releaser.name in history.wrote:
            # a publisher who also holds the editor role: a third person, not the author
            return Msg("rp_author_publishes", name=releaser.name, item=item)
    elif releaser.name != history.editor:
        return Msg("rp_editor_releases", item=item, editor=history.editor)
    missing = [n for n in range(1, len(policy.levels) + 1) if n not in history.approvals]
    if missing:
        return Msg("rp_needs_level", item=item, level=missing[0],
                   role=policy.levels[missing[0] - 1])
    if any(p.name == releaser.name for _, p in history.approvals.values()):
        return Msg("rp_approver_releases", name=releaser.name, item=item)
    blocked = blocking(findings, {r.statement.get("finding") for r, _ in history.overrides})
    if blocked:
        return Msg("rp_block_findings", item=item, findings=", ".join(blocked))
    if any(f.category is Category.CONSENT for f in findings) and not history.consents:
        return Msg("rp_needs_consent", item=item)
    return None


def _state(history: History) -> tuple:
    """What a release's judgement reads of the history: which version, which votes."""
    return (history.version.record.seq, tuple(sorted(r.seq for r, _ in
                                                     history.approvals.values())),
            history.rejection[0].seq if history.rejection else None,
            tuple(r.seq for r, _ in history.overrides), tuple(r.seq for r, _ in history.consents))


# A release's verdict depends only on the log before it (which its hash pins, through the
# links every action checks): judged once per process, however many histories hold it.
_VERDICTS: dict[tuple[str, str], str | None] = {}


def _verdict(records: list[Record], release: Record, trust: list[Record], workspace: str,
             refused: Collection[int]) -> str | None:
    key = (workspace, release.computed_hash())
    if key not in _VERDICTS:
        if len(_VERDICTS) > 100_000:
            _VERDICTS.clear()
        _VERDICTS[key] = release_refused(records, release, trust, workspace, refused)
    return _VERDICTS[key]


def release_refused(records: list[Record], release: Record, trust: list[Record],
                    workspace: str, refused: Collection[int] = ()) -> str | None:
    """Why a release record (of the item whose `records` are given) is not one the rules
    allowed under the roster and policy it saw (those its place names), judged as an
    attestation of it would be. None when it stands, and for the second release record of
    an item, which counts for nothing."""
    seen = chain.place_of(release)
    if seen is None:
        return None  # a record of the old format: judged by its attestation
    cut = next((i for i, t in enumerate(trust) if t.computed_hash() == seen.trust), None)
    if cut is None:
        return Msg("release_roster_unknown")
    roster = build_roster(trust[:cut + 1])
    if roster.signer_of(release) is None:
        return None  # signed by nobody on the roster: it counts for nothing (audit names it)
    # earlier releases the rules refused count for nothing here either
    history = build([r for r in records if r.seq <= release.seq], roster, roster.policy,
                    workspace, refused=refused, placed=True)
    if history.released is None or history.released[0].seq != release.seq:
        return None if history.released else Msg("release_never_submitted")
    version = history.version
    if version.findings is None and version.legacy:
        return None  # submitted before findings were signed: judged as the store did then
    findings = [Finding.from_dict(f) for f in version.findings or []]
    return release_problem(history, roster.policy, history.released[1], findings)
