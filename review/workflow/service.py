"""What people do with drafts, and the rules that bind them. Every action runs in one store
transaction: the roster and policy are rebuilt from the signed log, the rules are checked,
the content hash is compared with the file on disk, and the change and its log record are
written — or nothing is."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import secrets
import string
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, select

from review import jsonfile, resources
from review.columns import spelt
from review.errors import Refused, ReviewError, StoreError, UsageError
from review.findings import Finding
from review.i18n import Msg, either
from review.tables import accounts, decisions, items, log
from review.workflow import attest, chain, excerpt, marks, pinned, projection, trust, witness
from review.workflow.history import (  # noqa: F401 — blocking, finding_key: public here too
    CONSENT_ROLES,
    REVIEWER_ROLES,
    History,
    blocking,
    finding_key,
    findings_digest,
    release_problem,
)
from review.workflow.history import build as build_history
from review.workflow.keys import Identity, encode_public
from review.workflow.marks import Mark
from review.workflow.policy import LEVEL_ROLES, PinnedList, Policy
from review.workflow.policy import changes as policy_changes
from review.workflow.roster import OFFICE_ROLES, PROPOSAL_DAYS, ROLES, Person, Roster, drawn_as
from review.workflow.roster import build as build_roster
from review.workflow.store import Store
from review.workflow.trust import Trusted
from review.workflow.workspace import Workspace

TITLE_CHARS = 40


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


MAX_ALLOW = 100  # characters of one allowed phrase: a phrase, never a paragraph


def signed_time() -> str:
    """When a decision was taken, by the signer's clock (local time with its offset): what
    `review stats --period` and `review feedback export --since` select by. Nothing decides
    by it — the log's order is its sequence — so a wrong clock misplaces a record in a
    report, never in the workflow."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def finding_record(finding: Finding) -> dict:
    """A finding's JSON fields and its key: as stores hold it and `review show` prints it."""
    return {"key": finding_key(finding), **finding.to_dict()}


def dump_findings(findings: list[Finding]) -> str:
    return json.dumps([finding_record(f) for f in findings], ensure_ascii=False)


def load_findings(stored: str) -> list[Finding]:
    return [Finding.from_dict(record) for record in jsonfile.loads(stored)]


@dataclass
class State:
    roster: Roster
    policy: Policy
    workspace: str  # the workspace's identity, which every signature binds
    trust: list[chain.Record]  # the roster's and policy's records: each release is judged
                               # under those its place names


@dataclass(frozen=True)
class ItemView:
    """An item as `review show` and `review published` read it."""

    id: int
    title: str
    path: str
    state: str
    editor: str
    content_sha256: str
    content: str
    findings: list[Finding]
    marks: list[dict] = field(default_factory=list)  # the rejection's marks, if rejected
    kind: str = "text"  # the input kind its check read it as (review.inputs)
    data: bytes = b""   # the stored bytes (a Word draft's reader view is made from them)
    # the local files bound with the version (None: submitted before files were bound), and
    # the remote addresses it loads
    resources: list | None = None
    remote: tuple[str, ...] = ()
    seq: int = 0  # the version's own record (a resubmission of the same bytes is another)


def load_state(conn: Connection, review_dir: Path) -> State:
    """The roster and policy in force, from their own chain of signed records; a gap or a
    replay in that chain, or a witnessed record that is gone, is a tampered store (exit 3)."""
    if conn.dialect.name == "postgresql":  # before any query that compares a value
        problem = chain.postgres_schema_problem(conn)
        if problem:
            raise StoreError("store_schema_unsafe", problem=problem)
    workspace = chain.workspace_id(conn)
    chain.verify_links(conn, workspace)
    records = chain.records(conn, kinds=chain.TRUST_KINDS)
    problem = chain.broken_link(records, "trust", workspace, misplaced_apart=True)
    if problem:
        raise StoreError("trust_broken", problem=problem)
    roster = build_roster(records)
    owner = records[0].statement.get("owner") if records else None
    witness.check(conn, review_dir, roster.all_keys(), owner)
    return State(roster, roster.policy, workspace, records)


def logged_state(conn: Connection) -> State:
    """The roster and policy the log makes, its witnesses unchecked: for `review audit
    verify`, which lists what is wrong instead of stopping at the first thing."""
    records = chain.records(conn, kinds=chain.TRUST_KINDS)
    roster = build_roster(records)
    return State(roster, roster.policy, chain.workspace_id(conn), records)


class Service:
    def __init__(self, workspace: Workspace, store: Store, identity: Identity | None) -> None:
        self.workspace = workspace
        self.store = store
        self.identity = identity
        self.damaged: list[Msg] = []  # items `queue` could not read
        # the policy and the day it was built for
        self._gate: tuple[tuple, pinned.GateCheck] | None = None

    @property
    def pipeline(self) -> pinned.GateCheck:
        """The check that gates release, built once per policy in force (see
        Workspace.gate_config), with the phrases the organisation's signed policy allows and
        the lists it pins; what review.toml adds can only add findings (pinned.GateCheck). A
        service that lives long — the desk — builds it again when the policy changes: a list
        the office pinned since, or a phrase it stopped allowing, must bind the desk's
        approvals as it binds everyone's — and again on a new day: the check judges drafts as
        of today (a leader whose term ended yesterday is no longer current), as the command
        line's does."""
        # read from the signed roster and policy records alone: the action's own transaction
        # verifies the whole log before anything this check finds is recorded
        with self.store.reading() as conn:
            policy = build_roster(chain.records(conn, kinds=chain.TRUST_KINDS)).policy
        built_for = (policy.allow, policy.lists, date.today())
        if self._gate is None or self._gate[0] != built_for:
            config, trusted = pinned.applied(self.workspace.gate_config(), policy.lists,
                                             self.workspace.root)
            allow = list(policy.allow)
            self._gate = (built_for, pinned.GateCheck(
                config.replace(allow=allow), trusted.replace(allow=allow)))
        return self._gate[1]

    def state(self, conn: Connection) -> State:
        """The roster and policy in force, once the log's links and witnesses are checked."""
        return load_state(conn, self.workspace.review_dir)

    # --- identity -------------------------------------------------------------------------
    def _me(self, state: State, *roles: str) -> Person:
        if self.identity is None:
            raise UsageError("no_key_held")
        person = state.roster.active(self.identity.fingerprint)
        if person is None:
            raise Refused("key_not_on_roster", key=self.identity.fingerprint)
        if roles and not person.roles & set(roles):
            raise Refused("lacks_role", name=person.name, roles=either(roles))
        return person

    def whoami(self) -> tuple[Person | None, str]:
        with self.store.reading() as conn:
            state = self.state(conn)
        fp = self.identity.fingerprint if self.identity else ""
        return state.roster.active(fp) if fp else None, fp

    def office_signer(self):
        """Signs and logs an account or alert action in its own transaction: the acting key
        must hold the office or admin role at that moment (review.accounts.registry.Sign)."""
        def sign(conn: Connection, kind: str, statement: dict) -> None:
            self._me(self.state(conn), *OFFICE_ROLES)
            chain.append(conn, self.identity, kind, None, statement)
            # Again inside the action's own transaction, its rows and record written: ids
            # swapped by hand since the command's first check (which runs before the
            # transaction) would sign one account's posts or alerts as another's. Refused,
            # the transaction rolls back with the record.
            problems = projection.office_disagreements(conn)
            if problems:
                raise StoreError("office_tables_disagree", problem=problems[0])

        return sign

    # --- workspace and roster -------------------------------------------------------------
    def init(self, name: str) -> None:
        assert self.identity is not None
        self.store.migrate()
        with self.store.transaction() as conn:
            if chain.head(conn) is not None:
                raise UsageError("already_initialised")
            chain.append(conn, self.identity, "init", None,
                         {"name": name, "public": encode_public(self.identity.public),
                          "roles": ["admin"], "workspace": secrets.token_hex(16),
                          # the OS account that owns .review/, which owns the witnesses
                          "owner": self.workspace.review_dir.stat().st_uid})
            # the term lists review.toml names now are the office's: pinned from the start
            lists = pinned.named_by(self.workspace.config(), self.workspace.root)
            chain.append(conn, self.identity, "policy.set", None, Policy(lists=lists).as_dict())

    def roster_add(self, name: str, roles: list[str], public: str) -> str:
        unknown = [r for r in roles if r not in ROLES]
        if unknown:
            raise UsageError("unknown_role", role=unknown[0], roles=", ".join(ROLES))
        from review.workflow.keys import decode_public, fingerprint

        fp = fingerprint(decode_public(public))
        with self.store.transaction() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            owner = state.roster.person_of(fp)
            if owner is not None and owner.name != name:
                raise Refused("key_taken", owner=owner.name)
            other = state.roster.looks_like(name)
            if other is not None:
                raise Refused("name_looks_like", name=spelt(name), other=spelt(other))
            _not_drawn_as_proposed(conn, state, name, "roster.add",
                                   {"public": public.strip(), "roles": roles})
            if owner is not None and owner.keys[fp].revoked_seq is not None:
                # Adding it again would say "done" and change nothing: a revoked key stays
                # revoked. A person comes back with a new key.
                raise Refused("key_revoked_stays", name=name)
            return self._trust_change(conn, state, "roster.add",
                                      {"name": name, "public": public.strip(),
                                       "roles": sorted(roles)})

    def roster_revoke(self, name: str, since: int | None = None) -> str:
        with self.store.transaction() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            if name not in state.roster.people:
                raise UsageError("no_such_person", name=name)
            remaining = state.roster.admins() - {name}
            if not remaining:
                raise Refused("last_admin", name=name)
            if len(remaining) < state.policy.admin_threshold:
                raise Refused("threshold_admins_left", threshold=state.policy.admin_threshold,
                              left=len(remaining))
            head = chain.head(conn)
            if since is not None and not 1 <= since <= head.seq:
                raise UsageError("since_range", top=head.seq)
            statement = {"name": name} if since is None else {"name": name, "since": since}
            return self._trust_change(conn, state, "roster.revoke", statement)

    def roster_rotate(self, name: str, public: str) -> str:
        """A person's new key replaces all their others from this point; for an admin who
        lost his key, the other admins (the threshold) do it."""
        from review.workflow.keys import decode_public, fingerprint

        fp = fingerprint(decode_public(public))
        with self.store.transaction() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            if name not in state.roster.people:
                raise UsageError("no_such_person", name=name)
            owner = state.roster.person_of(fp)
            if owner is not None:
                raise Refused("key_taken_rotate", owner=owner.name)
            _not_drawn_as_proposed(conn, state, name, "roster.rotate",
                                   {"public": public.strip()})
            return self._trust_change(conn, state, "roster.rotate",
                                      {"name": name, "public": public.strip()})

    def cosign(self, seq: int) -> str:
        """Another admin's signature on a proposed roster or policy change."""
        with self.store.transaction() as conn:
            state = self.state(conn)
            me = self._me(state, "admin")
            proposal = state.roster.pending.get(seq)
            if proposal is None:
                raise UsageError("not_a_proposal", seq=seq)
            if me.name in proposal.standing(state.roster):
                raise Refused("already_cosigned", name=me.name, seq=seq)
            if proposal.stale(state.roster):
                raise Refused("proposal_stale", seq=seq, since=state.roster.policy_seq)
            named = proposal.record.statement.get("name")
            other = state.roster.looks_like(named) if proposal.record.kind == "roster.add" \
                and isinstance(named, str) else None
            if other is not None:  # proposed by hand with a stolen key, past roster_add's check
                raise Refused("name_looks_like", name=spelt(named), other=spelt(other))
            if proposal.record.kind in ("roster.add", "roster.rotate") and \
                    isinstance(named, str):
                _not_drawn_as_proposed(conn, state, named, proposal.record.kind,
                                       proposal.record.statement, seq)
            at = signed_time()
            if proposal.lapsed(at, chain.server_now(conn)):
                raise Refused("proposal_lapsed", seq=seq, days=PROPOSAL_DAYS)
            chain.append(conn, self.identity, "trust.cosign", None,
                         {"target": seq, "target_hash": proposal.record.computed_hash(),
                          "at": at})
            return _taken_effect(conn, seq)

    def pending(self) -> list[dict]:
        with self.store.reading() as conn:
            state = self.state(conn)
            served = chain.server_now(conn)
        # only the signatures that still count: a revoked admin's is not shown as one; and
        # only the proposals a co-signature now could still complete (not lapsed, and no
        # policy change proposed before the policy in force)
        now = signed_time()
        # a policy change with what it changes in the policy in force (every one listed was
        # proposed on it: not stale), which is what a co-signer must judge
        return [{"seq": seq, "kind": p.record.kind, "statement": p.record.statement,
                 **({"changes": policy_changes(state.policy, p.record.statement)}
                    if p.record.kind == "policy.set" else {}),
                 **_keyed(state.roster, p.record),
                 "signed_by": sorted(p.standing(state.roster)),
                 "needs": state.policy.admin_threshold - len(p.standing(state.roster))}
                for seq, p in sorted(state.roster.pending.items())
                if not p.lapsed(now, served) and not p.stale(state.roster)]

    def _trust_change(self, conn: Connection, state: State, kind: str,
                      statement: dict) -> str:
        """Append a roster or policy change; under a threshold it is a proposal."""
        # dated: under a threshold a proposal lapses PROPOSAL_DAYS later (roster.Proposal)
        record = chain.append(conn, self.identity, kind, None, {**statement, "at": signed_time()})
        return _taken_effect(conn, record.seq)

    def roster(self) -> Roster:
        with self.store.reading() as conn:
            return self.state(conn).roster

    def log_now(self, conn: Connection) -> Trusted:
        """The log as an admin's export made now would carry it (unsigned): the roster and
        policy records, every record's number and hash, and the releases the rules refused —
        what `review verify` beside the store holds an attestation to."""
        state = self.state(conn)
        everything = chain.records(conn)
        void = frozenset(seq for seq, _ in self.release_problems(conn, state))
        return Trusted(state.roster, state.policy, state.workspace,
                       [r for r in everything if r.kind in chain.TRUST_KINDS],
                       tuple((r.seq, r.computed_hash()) for r in everything),
                       {r.seq: r.item_id for r in everything if r.item_id is not None}, void)

    def export_roster(self) -> tuple[dict, list[str], int]:
        """The roster's and policy's records signed by the acting admin, for offline checks
        (CI's pinned root at the base revision), what it names void, and how many more
        admins must co-sign it before it counts (the admins' threshold less one).

        CI trusts an export to say which records the log holds. It refuses to vouch for a
        broken chain (a forked item, a rewritten record). A release the rules refused when it
        was appended by hand — a colleague's unapproved item, content rejected elsewhere —
        stays in an append-only log for good, so the export names it void instead of
        refusing every later export: no attestation of it is accepted."""
        with self.store.reading() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            payload, void = self._export_payload(conn, state)
        return (attest.export_roster(payload, self.identity), [line for _, line in void],
                state.policy.admin_threshold - 1)

    def cosign_export(self, env: dict) -> tuple[dict, int]:
        """Another admin's export with the acting admin's signature added, and how many more
        it needs — once the store, as far as the export reaches, gives exactly its bytes: an
        admin vouches for the log his own store holds, never for one a colleague's stolen key
        made up (a release signed outside the store, a void list emptied)."""
        from review.workflow import dsse

        end = attest.export_log_end(env)  # ValueError: no export (the command says so)
        payload = base64.b64decode(env["payload"], validate=True)
        with self.store.reading() as conn:
            state = self.state(conn)
            me = self._me(state, "admin")
            root = trust.Root(state.trust[0].actor, state.workspace)
            try:
                exported = attest.read_roster(env, root, complete=False)
            except trust.Untrusted as err:
                raise Refused("export_untrusted", problem=err) from None
            mine, _ = self._export_payload(conn, state, end)
        if mine != payload:
            raise Refused("export_not_this_log", end=end)
        signers = attest.export_signers(env, exported)
        # a key in force at the export's end may have been revoked or rotated away since (a
        # stolen one): its signature would make this one complete with one honest admin's
        gone = sorted(name for fp, name in signers.items() if state.roster.active(fp) is None)
        if gone:
            raise Refused("export_signer_revoked", person=gone[0])
        if me.name in signers.values():
            raise Refused("export_signed_already")
        env = dsse.add_signature(env, self.identity)
        return env, max(0, exported.policy.admin_threshold - len(set(signers.values())) - 1)

    def _export_payload(self, conn: Connection, state: State, end: int | None = None
                        ) -> tuple[bytes, list[tuple[int, str]]]:
        """What an export of the log up to record `end` (all of it: None) signs, and the
        releases it names void with why."""
        from review.workflow import audit

        problem = audit.verify_chain(conn)
        if problem:
            raise StoreError("no_export", problem=problem)
        everything = [r for r in chain.records(conn) if end is None or r.seq <= end]
        void = [(seq, line) for seq, line in self.release_problems(conn, state)
                if end is None or seq <= end]
        payload = attest.roster_payload(
            [r for r in everything if r.kind in chain.TRUST_KINDS],
            [(r.seq, r.computed_hash(), r.item_id) for r in everything],
            sorted(seq for seq, _ in void))
        return payload, void

    def policy_set(self, levels: list[str], separate_publisher: bool,
                   admin_threshold: int | None = None) -> str:
        bad = [r for r in levels if r not in LEVEL_ROLES]
        if not levels or bad:
            raise UsageError("bad_levels")
        with self.store.transaction() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            threshold = admin_threshold or state.policy.admin_threshold
            admins = len(state.roster.admins())
            if not 1 <= threshold <= admins:
                raise Refused("threshold_range", admins=admins)
            policy = replace(state.policy, levels=tuple(levels),
                             separate_publisher=separate_publisher, admin_threshold=threshold)
            return self._trust_change(conn, state, "policy.set", policy.as_dict())

    def policy_allow(self, add: list[str], remove: list[str]) -> tuple[list[str], str]:
        """The organisation's allowed phrases changed by an admin (a signed `policy.set`,
        under the admins' threshold like every policy change): the phrases now, and whether
        the change is in force."""
        bad = [p for p in add if not p.strip() or len(p) > MAX_ALLOW or "\n" in p]
        if bad:
            raise UsageError("bad_allow_phrase", phrase=bad[0][:40], limit=MAX_ALLOW)
        with self.store.transaction() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            unknown = [p for p in remove if p not in state.policy.allow]
            if unknown:
                raise UsageError("no_allow_phrase", phrase=unknown[0])
            allow = sorted((set(state.policy.allow) | set(add)) - set(remove))
            policy = replace(state.policy, allow=tuple(allow))
            return allow, self._trust_change(conn, state, "policy.set", policy.as_dict())

    def policy_lists(self, clear: bool, drop: tuple[str, ...] = ()
                     ) -> tuple[tuple[PinnedList, ...], str, set[str]]:
        """The organisation's term lists pinned by an admin (a signed `policy.set`): those
        the admin's review.toml names now at their present content, or none with `clear`;
        and the paths among them whose content differs from what was pinned before.

        review.toml is the editor's to write too: a list he took out of it would drop out of
        the pin the next time an admin pins a new list, with nothing said. A pinned list
        stops being pinned only when the admin names it (`--drop PATH`) or clears them all."""
        lists = () if clear else pinned.named_by(self.workspace.config(), self.workspace.root)
        if lists:
            from review.accounts.calendar import load_holidays
            from review.pipeline import Pipeline

            # a list the check cannot read, a holiday file that is no notice: said now — the
            # holiday files checked as the bytes hashed, not read again (swapped in between,
            # a file never checked would be pinned, and every accounts command stop on it)
            Pipeline(self.workspace.gate_config())
            root = self.workspace.root
            load_holidays((root / x.path, pinned.signed_bytes(x, root)) for x in lists
                          if x.kind == "holidays")
        with self.store.transaction() as conn:
            state = self.state(conn)
            self._me(state, "admin")
            before = {x.path: x.sha256 for x in state.policy.lists}
            unknown = [path for path in drop if path not in before]
            if unknown:
                raise UsageError("not_pinned", path=unknown[0])
            named = {x.path for x in lists}
            dropped = [path for path in before if path not in named and path not in drop]
            if dropped and not clear:
                raise Refused("pinned_list_dropped", path=dropped[0])
            # review.toml giving a pinned list another category, severity or gate (an editor's
            # `severity = "info"` on the office's banned terms) is no more taken unsaid than a
            # list it drops: pinned anew as it says only when the admin names it
            was = {x.path: x for x in state.policy.lists}
            altered = [(x, was[x.path]) for x in lists if x.path in was and x.path not in drop
                       and _terms(x) != _terms(was[x.path])]
            if altered:
                now, then = altered[0]
                raise Refused("pinned_list_altered", path=now.path, was=_terms(then),
                              now=_terms(now))
            policy = replace(state.policy, lists=lists)
            changed = {x.path for x in lists if before.get(x.path, x.sha256) != x.sha256}
            return lists, self._trust_change(conn, state, "policy.set", policy.as_dict()), \
                changed

    # --- items ----------------------------------------------------------------------------
    def _item(self, conn: Connection, item_id: int):
        row = conn.execute(select(items).where(items.c.id == item_id)).first()
        if row is None:
            raise UsageError("no_item", item=item_id)
        return row

    def _history(self, conn: Connection, state: State, item_id: int) -> tuple[object, History]:
        """The item's row (for its bytes and title) and its history from the signed log; the
        bytes must be the ones the log pins."""
        row = self._item(conn, item_id)
        history = build_history(chain.records(conn, item_id=item_id), state.roster,
                                state.policy, state.workspace, state.trust)
        if sha256(_stored(row)) != history.version.content_sha256:
            raise StoreError("draft_not_signed", item=item_id)
        return row, history

    def _disk_hash(self, path: str) -> str:
        """The hash of the draft's file as it is now: a regular file's only (the editor may put
        a pipe or a link to /dev/zero at its name, which the releaser would read forever)."""
        from review.files import sha256_of

        try:
            return sha256_of(self.workspace.root / path)
        except OSError as err:
            raise UsageError("cannot_read", path=path, reason=err.strerror) from None
        except ReviewError as err:
            raise err.about(path) from None

    def _check(self, file: Path) -> tuple[bytes, list[Finding], str]:
        """The file's bytes, the findings of the check that gates release, and its first line
        (a default title). The check runs on exactly the bytes that are stored and hashed: one
        read, refused by the file's size before it (the shipped limit)."""
        from review import inputs
        from review.loading import Source, read_bytes

        pipeline = self.pipeline
        try:
            content = read_bytes(Source(str(file), file), pipeline.config.max_bytes)
            doc = inputs.kind_of(file, content).read(content, str(file))
        except ReviewError as err:
            raise err.about(str(file)) from None
        # the first line a reader sees (a page's heading, not its markup)
        shown = inputs.reader_view(doc.original, doc.kind, shown_only=True).text.strip() or \
            doc.original.strip()
        first_line = shown.splitlines()[0][:TITLE_CHARS]
        return content, pipeline.check(doc).findings, first_line

    def submit(self, file: Path, title: str | None = None, account: str | None = None) -> int:
        """The editor's signed first review: the service checks the file itself, and what it
        finds is signed with the submission — it is what release is held to."""
        path = self.workspace.relative(file)
        content, findings, first_line = self._check(file)
        title = title or first_line
        from review.normalize import UNSHOWN

        for what, value in (("path", path), ("title", title)):
            if UNSHOWN.search(value):
                raise UsageError("submit_unshown", what=what, value=repr(value))
        digest = sha256(content)
        found = [finding_record(f) for f in findings]
        # the local files the post shows, bound with it; the remote ones, said
        shown = self._shown(path, content)
        if shown.problems:
            raise UsageError(shown.problems[0])
        with self.store.transaction() as conn:
            state = self.state(conn)
            me = self._me(state, "editor")
            statement = {"path": path, "content_sha256": digest, "review": "first",
                         "title": title, "findings": _summary(findings), "found": found,
                         "resources": resources.records(shown), "remote": shown.remote,
                         "at": signed_time()}
            existing = None
            for row in conn.execute(select(items.c.id).where(items.c.path == path)
                                    .order_by(items.c.id.desc())):
                try:
                    _, history = self._history(conn, state, row.id)
                except (StoreError, UsageError) as err:
                    if err.key in ("item_no_records", "item_no_submission", "no_item",
                                   "draft_not_signed", "row_not_bytes"):
                        continue  # a stray or damaged row (the tables are anyone's): not this
                    raise

                if history.state != "released" and history.version.path == path:
                    existing = history
                    break
            self._refuse_rejected(conn, state, digest, content, path)
            # the account it is for: named, or kept from the version before (the 内容 index)
            if account is None and existing is not None:
                account = existing.version.record.statement.get("account")
            if isinstance(account, str):
                # the accounts table is any member's to write: a row made by hand would have a
                # draft signed for an account no office record made (read from a table that
                # agrees with the signed log, as the office's own readers do)
                problems = projection.office_disagreements(conn)
                if problems:
                    raise StoreError("office_tables_disagree", problem=problems[0])
                if conn.execute(select(accounts.c.id).where(accounts.c.name == account)
                                ).first() is None:
                    raise UsageError("submit_no_account", name=account)
                statement["account"] = account
            if existing is None:
                item_id = self._new_number(conn)
                item_id = conn.execute(items.insert().values(
                    id=item_id,
                    path=path, title=title, content=content, content_sha256=digest,
                    findings=dump_findings(findings), state="pending",
                    submitted_by=me.name, last_changed_by=me.name, submitted_seq=0,
                    updated_seq=0)).inserted_primary_key[0]
                record = chain.append(conn, self.identity, "submit", item_id, statement)
                conn.execute(items.update().where(items.c.id == item_id)
                             .values(submitted_seq=record.seq, updated_seq=record.seq))
            else:
                item_id = existing.item_id
                # A new version: every vote so far was on another version and stops counting.
                record = chain.append(conn, self.identity, "resubmit", item_id, statement)
                conn.execute(items.update().where(items.c.id == item_id).values(
                    title=title, content=content, content_sha256=digest,
                    findings=dump_findings(findings), state="pending",
                    last_changed_by=me.name, updated_seq=record.seq))
            return item_id

    def _shown(self, path: str, content: bytes) -> resources.Shown:
        """The files the draft at `path` shows with these bytes, as they are on disk now."""
        try:
            return resources.look(self.workspace.root, path, content)
        except ReviewError as err:  # the check refuses such a draft first
            raise err.about(path) from None

    def _resources_unchanged(self, version, content: bytes) -> None:
        """Refused when a file the version shows is not the one bound with it at submission
        (replaced, gone, or newly shown), or — a version submitted before files were bound —
        when it shows local files at all: what is approved and released is the post as
        readers see it."""
        shown = self._shown(version.path, content)
        now = {r.path: r.sha256 for r in shown.resources}
        if version.resources is None:
            if now or shown.problems:
                raise Refused("resource_submitted_unbound", draft=version.path,
                              path=next(iter(now), version.path))
            return
        if shown.problems:
            raise Refused(shown.problems[0])
        bound = {r.path: r.sha256 for r in version.resources}
        differing = sorted(p for p in now.keys() | bound.keys() if now.get(p) != bound.get(p))
        if differing:
            raise Refused("resource_changed_since_submit", path=differing[0],
                          draft=version.path)
        # the addresses it loads from outside, as the reviewer is told them: the editor's
        # signed word, held to what the draft loads (pass 58)
        outside = sorted(set(shown.remote) ^ set(version.remote))
        if outside:
            from review.columns import printable

            raise Refused("resource_remote_since_submit", address=printable(outside[0]),
                          draft=version.path)

    @staticmethod
    def _new_number(conn: Connection) -> int:
        """The lowest number no item of the log has. Never derived from the tables' largest
        (any member may write them: a row numbered 2⁶³ − 2 would make every later number
        overflow), nor from the log's (a member may append a submission of his own with any
        number). A table row that the log does not know under that number is a stray, left
        by a hand edit: it makes way."""
        used = {_as_number(n) for n in conn.execute(
            select(log.c.item_id).where(log.c.item_id.is_not(None)).distinct()).scalars()}
        number = next(n for n in itertools.count(1) if n not in used)
        conn.execute(items.delete().where(items.c.id == number))
        return number

    def _refuse_rejected(self, conn: Connection, state: State, digest: str,
                         content: bytes, path: str) -> None:
        """A rejection sticks to the content, whichever item carries it: the same text under
        another name — byte for byte, or saved again with a BOM, other line ends or trailing
        spaces — or submitted twice before one was rejected, goes to no other approver."""
        problem = self._rejected(conn, state, digest, content, path)
        if problem:
            raise Refused("rejected_change_first", problem=problem)

    def _rejected(self, conn: Connection, state: State, digest: str, content: bytes,
                  path: str, before: int | None = None) -> str | None:
        """Where this content was rejected (in any item; only by a rejection numbered below
        `before` when given), or None."""
        rejecting = select(log.c.item_id).where(log.c.kind == "reject").distinct()
        text = _same_text(content, path)
        said = _text_digests(content, path)

        def earlier(found: dict[str, tuple]) -> dict[str, tuple]:
            return {d: (r, p) for d, (r, p) in found.items() if before is None or r.seq < before}

        for item_id in conn.execute(rejecting).scalars():
            # from the signed log alone: a row another member emptied or deleted (the tables
            # are his to write) must not stop everyone's submissions
            try:
                history = build_history(chain.records(conn, item_id=item_id), state.roster,
                                        state.policy, state.workspace, state.trust)
            except StoreError as err:
                if err.key == "item_no_submission":
                    continue  # records of an item nobody submitted count for nothing
                raise
            rejections = earlier(history.rejected_contents)
            texts = earlier(history.rejected_texts)
            rejected = rejections.get(digest) or next(
                (texts[d] for d in sorted(said) if d in texts), None)
            # a rejection made before rejections named their text: the item's current version
            if rejected is None and history.version.content_sha256 in rejections:
                row = conn.execute(select(items).where(items.c.id == item_id)).first()
                if row is not None and isinstance(row.content, bytes) and \
                        sha256(row.content) == history.version.content_sha256 and \
                        _same_text(row.content, history.version.path) == text:
                    rejected = rejections[history.version.content_sha256]
            if rejected is not None:
                r, person = rejected
                return Msg("content_rejected_in", item=item_id, name=person.name,
                           level=r.statement.get("level"), reason=r.statement.get("reason", ""))
        return None

    def release_problems(self, conn: Connection, state: State) -> list[tuple[int, Msg]]:
        """Every release in the log that the rules would have refused when it was made: one
        of content rejected before it in another item. The store refuses to make one, but any
        member can append a record signed with his own key to the log; an admin's export
        (which CI trusts to say what the log holds) and `review audit verify` must not."""
        out = []
        histories: dict[int, tuple] = {}
        for record in chain.records(conn, kinds=("release",)):
            try:
                if record.item_id not in histories:
                    histories[record.item_id] = self._history(conn, state, record.item_id)
                row, history = histories[record.item_id]
                refused = history.refused.get(record.seq) or history.misplaced.get(record.seq)
                if refused is None and (history.released is None
                                        or history.released[0].seq != record.seq):
                    continue  # a second release, or of another version: it counts for nothing
                rejected = None if refused else self._rejected(
                    conn, state, history.version.content_sha256, row.content,
                    history.version.path, before=record.seq)
            except StoreError as err:
                out.append((record.seq, Msg("record_problem", seq=record.seq, problem=err)))
                continue
            if refused:
                out.append((record.seq, Msg("release_not_allowed", seq=record.seq,
                                            item=record.item_id, problem=refused)))
            elif rejected:
                out.append((record.seq, Msg("release_after_rejection", seq=record.seq,
                                            item=record.item_id, problem=rejected)))
        return out

    def _read_version(self, conn: Connection, state: State, item_id: int, history: History,
                      read: str | None) -> None:
        """An approval, override or consent is of the version its author read: the one named
        (`--version`, a prefix of its content hash), else the one this user last saw with
        `review show` — never one resubmitted in between. `HASH@SEQ` (the desk's form, what
        `review show` remembers) names the version's own record too: a resubmission of the
        same bytes may bind other pictures than the page read listed."""
        from review.workflow import remembered

        now = history.version.content_sha256
        if read is None:
            read = remembered.last_shown(state.workspace, item_id)  # the whole hash
            if read is None:
                # Nothing shows what was read: the draft as first submitted is taken to be it
                # (read in the shared folder). A resubmitted one may have changed under the
                # reader's eyes — the editor swaps the file after the reviewer read it.
                if now != history.first.content_sha256:
                    raise Refused("resubmitted_unread", item=item_id, now=now[:16])
                return
        read, _, seen = read.partition("@")
        if len(read) < MIN_VERSION_DIGITS:
            # a short prefix can be matched by a second draft made to share it
            raise UsageError("version_too_short", digits=MIN_VERSION_DIGITS)
        if not now.startswith(read.lower()):
            raise Refused("changed_since_read", item=item_id, read=read[:16], now=now[:16])
        if seen and seen != str(history.version.record.seq):
            raise Refused("resubmitted_since_read", item=item_id, now=now[:16])

    def remember_shown(self, item_id: int, content_sha256: str, seq: int) -> None:
        from review.workflow import remembered

        with self.store.reading() as conn:
            remembered.remember_shown(chain.workspace_id(conn), item_id,
                                      f"{content_sha256}@{seq}")

    def _own_check(self, item_id: int) -> tuple[History, str]:
        """The item's history and the digest of this user's own check of the exact content:
        the findings it makes must be those the editor's submission signed. An approval signs
        them; an override is of one of them — not of a finding the editor's own copy of
        `review` signed instead, whose span (any sentence) the override would sign as a clean
        example for `review feedback export`."""
        with self.store.reading() as conn:
            _, seen = self._history(conn, self.state(conn), item_id)
        content, findings, _ = self._check(self.workspace.root / seen.version.path)
        if sha256(content) != seen.version.content_sha256:
            raise Refused("changed_since_submit", path=seen.version.path)
        digest = findings_digest([finding_record(f) for f in findings])
        signed = seen.version.findings or []
        if not seen.version.legacy and findings_digest(signed) != digest:
            raise Refused("findings_differ", item=item_id, found=len(findings),
                          signed=len(signed))
        return seen, digest

    def _decide(self, item_id: int, kind: str, extra: dict, read: str | None = None,
                marked: list[Mark] | None = None) -> int:
        if kind == "approve":
            seen, digest = self._own_check(item_id)
            extra = {**extra, "findings_sha256": digest}
        with self.store.transaction() as conn:
            state = self.state(conn)
            row, history = self._history(conn, state, item_id)
            if kind == "approve" and history.version.record.seq != seen.version.record.seq:
                raise Refused("resubmitted_meanwhile", item=item_id)
            if kind == "approve":
                self._refuse_rejected(conn, state, history.version.content_sha256,
                                      row.content, history.version.path)
            if history.state != "pending":
                raise Refused("not_waiting", item=item_id, state=Msg(f"state_{history.state}"))
            approvals = history.approvals
            level = next((n for n in range(1, len(state.policy.levels) + 1)
                          if n not in approvals), None)
            if level is None:
                raise Refused("fully_approved", item=item_id)
            role = state.policy.levels[level - 1]
            me = self._me(state, role)
            if me.name in history.authors:
                raise Refused("own_item", name=me.name, item=item_id)
            if kind == "approve" and me.name in history.wrote:
                raise Refused("own_version", name=me.name, item=item_id)
            if any(p.name == me.name for _, p in approvals.values()):
                raise Refused("approved_other_level", name=me.name, item=item_id)
            if kind == "approve" or read is not None:
                # a rejection binds to the version read when its author names one (the desk
                # always does): one resubmitted while he read must not take his reason
                self._read_version(conn, state, item_id, history, read)
            version = history.version
            if self._disk_hash(version.path) != version.content_sha256:
                raise Refused("changed_since_submit", path=version.path)
            if kind == "approve":
                self._resources_unchanged(version, row.content)
            statement = {"path": version.path, "content_sha256": version.content_sha256,
                         "level": level, "decision": kind, **extra, "at": signed_time()}
            if kind == "reject":
                # the text the rejection sticks to, whatever its bytes, said by the person
                # who rejects it (a submitter's own word for it could be anything)
                statement["text_sha256"] = text_digest(row.content, version.path)
            if marked:
                statement["marks"] = marks.signed(marked, excerpt.document(row.content,
                                                                           version.path))
            record = chain.append(conn, self.identity, kind, item_id, statement)
            self._project_decision(conn, record, me, level)
            if kind == "reject":
                conn.execute(items.update().where(items.c.id == item_id)
                             .values(state="rejected", updated_seq=record.seq))
            return level

    def _project_decision(self, conn: Connection, record: chain.Record, me: Person,
                          level: int | None) -> None:
        """The decisions table: a copy of the signed record for people reading with SQL;
        nothing reads it to decide."""
        s = record.statement
        conn.execute(decisions.insert().values(
            seq=record.seq, item_id=record.item_id, kind=record.kind, level=level,
            person=me.name, key=record.actor,
            statement=json.dumps(s, sort_keys=True, ensure_ascii=False),
            signature=record.signature, content_sha256=s["content_sha256"]))

    def approve(self, item_id: int, comment: str = "", read: str | None = None) -> int:
        return self._decide(item_id, "approve", {"comment": comment}, read)

    def reject(self, item_id: int, reason: str, marked: list[Mark] | None = None,
               read: str | None = None) -> int:
        return self._decide(item_id, "reject", {"reason": reason}, read, marked=marked)

    def override(self, item_id: int, finding: str, reason: str, read: str | None = None
                 ) -> None:
        self._annotate(item_id, "override", {"finding": finding, "reason": reason},
                       REVIEWER_ROLES, read)

    def consent(self, item_id: int, ref: str, read: str | None = None) -> None:
        self._annotate(item_id, "consent", {"ref": ref}, CONSENT_ROLES, read)

    def _annotate(self, item_id: int, kind: str, extra: dict, roles: tuple[str, ...],
                  read: str | None = None) -> None:
        seen = self._own_check(item_id)[0] if kind == "override" else None
        with self.store.transaction() as conn:
            state = self.state(conn)
            row, history = self._history(conn, state, item_id)
            if history.state == "released":  # it would be signed and count for nothing
                raise Refused("item_in_state", item=item_id, state=Msg("state_released"))
            if seen is not None and history.version.record.seq != seen.version.record.seq:
                raise Refused("resubmitted_meanwhile", item=item_id)
            self._read_version(conn, state, item_id, history, read)
            me = self._me(state, *roles)
            if me.name in history.wrote:
                raise Refused("annotate_own", name=me.name, item=item_id,
                              kind=Msg(f"kind_{kind}"))
            version = history.version
            statement = {"path": version.path, "content_sha256": version.content_sha256,
                         **extra, "at": signed_time()}
            if kind == "override":
                findings = history.findings(row.findings)
                if extra["finding"] not in blocking(findings, set()):
                    raise UsageError("no_block_finding", item=item_id,
                                     finding=extra["finding"])
                # the sentence the finding was wrong in, masked: a label for the classifier
                # that outlives the version (the store keeps only the current one)
                finding = next(f for f in findings if blocking([f], set()) == [extra["finding"]])
                statement["sentence"] = excerpt.around(
                    excerpt.document(row.content, version.path), finding.start, finding.end)
            record = chain.append(conn, self.identity, kind, item_id, statement)
            self._project_decision(conn, record, me, None)

    def release(self, item_id: int) -> Path:
        """Record the release, then write the attestation — after the commit, so that no
        attestation exists for a release the log does not hold. If the writing is cut short,
        the releaser's `review release ID` writes it again from the log."""
        with self.store.transaction() as conn:
            state = self.state(conn)
            row, history = self._history(conn, state, item_id)
            if history.state == "released":
                return self._write_again(conn, state, row, history)
            if history.state != "pending":
                raise Refused("item_in_state", item=item_id, state=Msg(f"state_{history.state}"))
            me = self._me(state, "publisher" if state.policy.separate_publisher else "editor")
            findings = history.findings(row.findings)
            problem = release_problem(history, state.policy, me, findings)
            if problem:
                raise Refused(problem)
            self._refuse_rejected(conn, state, history.version.content_sha256, row.content,
                                  history.version.path)
            version = history.version
            if self._disk_hash(version.path) != version.content_sha256:
                raise Refused("changed_since_submit", path=version.path)
            self._resources_unchanged(version, row.content)
            record = chain.append(conn, self.identity, "release", item_id,
                                  {"path": version.path,
                                   "content_sha256": version.content_sha256,
                                   "at": signed_time()})
            conn.execute(items.update().where(items.c.id == item_id)
                         .values(state="released", updated_seq=record.seq))
            history.released = (record, me)
            statement = self._attestation(conn, state, history, findings)
        try:
            return attest.write(self.workspace, self.identity, statement, history)
        except OSError as err:
            raise StoreError("attestation_unwritten", item=item_id, reason=err.strerror
                             ) from None

    def _write_again(self, conn: Connection, state: State, row, history: History) -> Path:
        """The attestation of a released item, from the log, written again by its releaser
        when the file is missing."""
        record, releaser = history.released
        path = attest.holding(self.workspace, history, record,
                              releaser.keys[record.actor].public)
        if path is not None:
            raise Refused("already_released", item=history.item_id, path=path)
        self._me(state)
        if record.actor != self.identity.fingerprint:
            raise Refused("released_by_other", item=history.item_id, name=releaser.name)
        problem = self._rejected(conn, state, history.version.content_sha256, row.content,
                                 history.version.path, before=record.seq)
        if problem:
            raise Refused("release_does_not_stand", item=history.item_id, problem=problem)
        return attest.write(self.workspace, self.identity, self._attestation(
            conn, state, history, history.findings(row.findings)), history)

    @staticmethod
    def _attestation(conn: Connection, state: State, history: History,
                     findings: list[Finding]) -> dict:
        """The item's records up to its release, and the roster's and policy's up to the
        release's trust head: what `review verify` needs, and nothing after. Its summary names
        each level's role by the policy in force at the release (as `verify` reads it), not by
        today's when the attestation is written again."""
        release = history.released[0]
        item_records = [r for r in chain.records(conn, item_id=history.item_id)
                        if r.seq <= release.seq]
        trust_records = [r for r in chain.records(conn, kinds=chain.TRUST_KINDS)
                         if r.seq < release.seq]
        # as `verify` judges it: the item's records under the roster and policy of the
        # release (today's may no longer count the approvals it was released on)
        then = build_roster(trust_records)
        inert = chain.misplaced(item_records, "item_prev", trust_records)
        judged = build_history([r for r in item_records if r.seq not in inert], then,
                               then.policy, state.workspace, placed=True)
        if judged.released is None or judged.released[0].seq != release.seq:
            judged = history  # not as the log counts it: its own check says so
        return attest.statement(judged, replace(state, roster=then, policy=then.policy),
                                findings, item_records, trust_records)

    # --- reading --------------------------------------------------------------------------
    def queue(self) -> list[dict]:
        with self.store.reading() as conn:
            state = self.state(conn)
            # the items the log holds (a row deleted from the table is a damaged item, said)
            ids = conn.execute(select(log.c.item_id).where(log.c.kind == "submit").distinct()
                               .order_by(log.c.item_id)).scalars().all()
            head = chain.head(conn)
            out = []
            for item_id in ids:
                try:
                    item, history = self._history(conn, state, item_id)
                except (StoreError, UsageError) as err:
                    # one damaged row (the tables are any member's to write) is that item's
                    # problem: said, and the rest of the queue still shown
                    self.damaged.append(Msg("queue_item_damaged", item=item_id, problem=err))
                    continue
                if history.state != "pending":
                    continue
                next_level = next((n for n in range(1, len(state.policy.levels) + 1)
                                   if n not in history.approvals), None)
                findings = history.findings(item.findings)
                worst = max((f.severity for f in findings), key=lambda s: s.rank,
                            default="pass")
                signed = history.version.record.statement
                out.append({"id": item.id, "title": _title(item, history),
                            "path": history.version.path,
                            "editor": history.editor,
                            "level": next_level or "release",
                            "role": state.policy.levels[next_level - 1] if next_level
                            else "editor",
                            "age": (head.seq if head else 0) - _number(item, "updated_seq"),
                            "worst": str(worst),
                            # when this version was submitted, by the editor's clock
                            "at": signed.get("at") if isinstance(signed.get("at"), str)
                            else None,
                            "account": signed.get("account")
                            if isinstance(signed.get("account"), str) else None,
                            "counts": _summary(findings),
                            "categories": sorted({str(f.category) for f in findings}),
                            "authors": sorted(history.wrote),
                            # what the post shows besides its text: the local files bound
                            # with it, and what it loads from outside (not approved)
                            "resources": None if history.version.resources is None else
                            len(history.version.resources),
                            "remote": list(history.version.remote)})
            return out

    def show(self, item_id: int) -> ItemView:
        from review import inputs  # the text as its input kind reads it (GBK, and Word next)

        with self.store.reading() as conn:
            item, history = self._history(conn, self.state(conn), item_id)
        version = history.version
        rejection = history.rejection[0].statement if history.rejection else {}
        text, kind = inputs.stored(item.content, version.path)
        return ItemView(item.id, _title(item, history), version.path, history.state,
                        history.editor,
                        version.content_sha256, text, history.findings(item.findings),
                        marks.of(rejection), kind, item.content, version.resources,
                        version.remote, version.record.seq)

    def history(self, item_id: int) -> list[chain.Record]:
        with self.store.reading() as conn:
            self._item(conn, item_id)
            return chain.records(conn, item_id=item_id)

    def judged(self, item_id: int) -> tuple[list[chain.Record], History]:
        """The item's records and what the rules make of them (which count, which are void)."""
        with self.store.reading() as conn:
            _, history = self._history(conn, self.state(conn), item_id)
            return chain.records(conn, item_id=item_id), history


def _title(row, history: History) -> str:
    """The title the editor signed with the current version: the table's copy is any
    member's to write, and a reviewer must not read a title (“书记已阅同意”) nobody
    signed. The table's only for a version submitted before titles were signed."""
    signed = history.version.title
    return signed if signed is not None else row.title


def _terms(entry: PinnedList) -> str:
    """A pinned list's category, severity and gate as signed ("—": its file says)."""
    return "/".join(value or "—" for value in (entry.category, entry.severity, entry.gate))


def _taken_effect(conn: Connection, change: int) -> str:
    """Whether the roster or policy change of record `change` is in force now (one line)."""
    roster = build_roster(chain.records(conn, kinds=chain.TRUST_KINDS))
    proposal = roster.pending.get(change)
    if change in roster.refused:
        return Msg("effect_refused", seq=change)
    if proposal is None:
        return Msg("effect_in_force", seq=change)
    needs = roster.policy.admin_threshold - len(proposal.standing(roster))
    return Msg("effect_proposed", seq=change, needs=needs)


def _stored(row) -> bytes:
    """A row's content as bytes; anything else (a hand edit put text or a number there) is a
    corrupt store, said in one line."""
    if not isinstance(row.content, bytes):
        raise StoreError("row_not_bytes", row=row.id)
    return row.content


def _as_number(value: object) -> int:
    """An item number read back (SQLite keeps whatever a hand edit puts in a column)."""
    if not isinstance(value, int):
        raise StoreError("item_number_odd", value=repr(value)[:40])
    return value


def _number(row, column: str) -> int:
    value = getattr(row, column)
    if not isinstance(value, int):
        raise StoreError("row_not_number", row=row.id, column=column)
    return value


def text_digest(content: bytes, path: str) -> str:
    """What a rejection names the rejected text by: as a reader sees it (a Word file's
    hidden runs left out)."""
    from review.inputs.word import without_hidden

    return sha256(_same_text(without_hidden(content) if _is_word(path) else content,
                             path).encode())


# `--version` names a version by at least this many hex digits of its content hash (128 bits):
# two drafts sharing a prefix of it cannot be made.
MIN_VERSION_DIGITS = 32


def _text_digests(content: bytes, path: str) -> set[str]:
    """Every digest under which a rejection of this text may have been signed: the text as
    its file's kind reads it (what is checked, shown and published), as a sniffed kind reads
    it (a page saved under another name), a Word file's without its hidden runs (what a
    reader sees), and — rejections signed before ASCII punctuation was folded away, hidden
    runs were, or the text shown outside the body was read (list labels, annotations, form
    fields, CSS-drawn text) — with those kept, or left out."""
    from review.inputs.word import without_hidden

    shown = without_hidden(content) if _is_word(path) else content
    return {sha256(text.encode())
            for data in {content, shown} for punctuation in PUNCTUATION_DROPPED
            for sniff in (False, True)
            for text in _same_texts(data, path, punctuation, sniff)}


def _is_word(path: str) -> bool:
    return path.lower().endswith(".docx")


def _same_text(content: bytes, path: str, punctuation: str = "modifiers",
               sniff: bool = False) -> str:
    """What a reader reads, whatever the file: the text its kind's reader extracts (a Word
    file's paragraphs, a page's visible text), folded as the checks fold it (full-width
    letters and digits as ASCII), without white space, line ends or invisible characters —
    what "the same draft" means for a rejection: saved as .docx or .html, re-encoded,
    re-indented, re-marked-up or with a zero-width space slipped in, it is still the rejected
    text."""
    return _same_texts(content, path, punctuation, sniff)[0]


# Parts of a document's text read only since the twentieth red-team pass: what Word prints
# before a numbered paragraph, what a PDF's annotations and form fields show, (since the
# twenty-second) Word's field codes and its text read again without hidden runs, and (since
# the twenty-third) a PDF's title and bookmarks, (since the forty-third) a PDF page's drawn
# text again in page order.
_LATER_PARTS = frozenset({"编号", "注释", "表单域", "域代码", "不含隐藏文字", "文档标题", "书签",
                          "按版面顺序"})


def _same_texts(content: bytes, path: str, punctuation: str = "modifiers",
                sniff: bool = False) -> list[str]:
    """`_same_text`, then — where it differs — the same text as it was read before the text
    shown outside the body (list labels, annotations, form fields, what CSS draws, shadow
    roots, data: images) was: a rejection signed then names that one, and still holds for the
    draft saved again."""
    from review import inputs
    from review.markup import READINGS, reading_as, shown_only
    from review.normalize import View, fold

    kind = inputs.guess(path, content) if sniff else inputs.for_path(path)
    try:
        document = kind.read(content, path)
        texts = [document.visible.text]
        if kind.view is not None:  # as its reader sees it: hidden elements left out
            with shown_only():
                texts.insert(0, fold(kind.view(document.original)).text)
        if any(location.part in _LATER_PARTS for _, location in document.parts):
            starts = [start for start, _ in document.parts] + [len(document.original) + 1]
            kept = [document.original[start:starts[i + 1] - 1]
                    for i, (start, location) in enumerate(document.parts)
                    if location.part not in _LATER_PARTS]
            texts.append(fold(View.identity("\n".join(kept))).text)
        elif kind.view is not None:
            for version in READINGS[:-1]:  # a page as each earlier version read it
                with reading_as(version):
                    texts.append(fold(kind.view(document.original)).text)
    except ReviewError:
        return [content.hex()]
    return list(dict.fromkeys(_squeezed(text, punctuation) for text in texts))


def _squeezed(text: str, punctuation: str) -> str:
    import unicodedata

    from review.normalize import invisible

    text = unicodedata.normalize("NFKC", text)
    # ASCII punctuation is markup as often as it is text (Markdown's * _ # > - `, a list's
    # 1.): the same words emphasised, quoted or listed are the same draft. And (since the
    # forty-fifth red-team pass) every mark of punctuation and every symbol: ・ • ‧ for ·,
    # ― ─ for —, ≪≫ for 《》, 〝〞 for “” are drawn alike, and no list of them is whole.
    # And (since the forty-sixth) the strokes and numerals drawn as such a mark: 一 as a dash
    # or a box line (统— reads 统一), 〇 as a circle (二○二六): with the marks left out, the
    # look-alike would be a character taken away. A change of 一 or 〇 alone is no change.
    # And (since the forty-seventh) the other strokes drawn as a mark: 丨 and 〡 as a bar
    # (标题丨正文 for 标题｜正文), 丶 and ヽ as the enumeration comma 、, 丿 as a slash, 乀 as a
    # backslash (their stroke and Hangul look-alikes fold to them). And (since the
    # forty-ninth) the modifier symbols and the modifier and other letters drawn as a mark:
    # ꞉ for ：, ˮ ʺ for ” “, ʼ for ’, ꞏ ㆍ for the middle dot ·.
    if punctuation in ("modifiers", "strokes", "drawn", "all"):
        drawn = {"modifiers": _MODIFIERS_AS_PUNCTUATION, "strokes": _STROKES_AS_PUNCTUATION,
                 "drawn": _DRAWN_AS_PUNCTUATION}.get(punctuation, ())
        categories = _PUNCTUATION_CATEGORIES | {"Sk"} if punctuation == "modifiers" \
            else _PUNCTUATION_CATEGORIES
        return "".join(c for c in text if not c.isspace() and c not in _ASCII_PUNCTUATION
                       and unicodedata.category(c) not in categories
                       and c not in drawn and not invisible(c))
    dropped = () if punctuation == "none" else _ASCII_PUNCTUATION
    return "".join(c for c in text if not c.isspace() and c not in dropped
                   and not invisible(c))


_ASCII_PUNCTUATION = frozenset(string.punctuation)
_PUNCTUATION_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "So"})
_DRAWN_AS_PUNCTUATION = frozenset("一〇")
# (and ǀ, a Latin letter drawn as the bar; ᅳ ᅵ, Hangul vowels no fold takes to 一 丨)
_STROKES_AS_PUNCTUATION = _DRAWN_AS_PUNCTUATION | frozenset("丨〡丶ヽ丿乀ǀᅳᅵ")
# (and the letters drawn as a mark: modifier letters as quotes, an apostrophe, a colon, a
# macron's dash; the sinological dot and the Hangul araea as the middle dot)
_MODIFIERS_AS_PUNCTUATION = _STROKES_AS_PUNCTUATION | frozenset(
    "ʹʺʻʼʽʾʿˈˉˊˋˌˍːˑˮꞏᐧㆍᆞ")
# What a rejection's text leaves out, by the version that signed it: every punctuation mark,
# symbol and modifier symbol, and the strokes and letters drawn as one (now); every mark and
# symbol and the strokes drawn as one (before the forty-ninth pass), with only 一 and 〇 of
# them (before the forty-seventh), every mark and symbol (before the forty-sixth), ASCII
# punctuation only (before the forty-fifth), none (before that).
PUNCTUATION_DROPPED = ("modifiers", "strokes", "drawn", "all", "ascii", "none")


def _summary(findings: list[Finding]) -> dict:
    out: dict[str, int] = {}
    for f in findings:
        out[f.severity.value] = out.get(f.severity.value, 0) + 1
    return out


def _keyed(roster: Roster, record: chain.Record) -> dict:
    """For a proposed addition or rotation: the key's fingerprint, as `review keygen` printed
    it to its holder (what a co-signer asks him to read out; the statement holds the key
    itself), and, when the name is on the roster, that person as he stands. An addition of a
    name on the roster gives that person one more key and keeps his others: the thief of one
    admin's key proposing `roster add` of another admin with a key of his own read as that
    admin's new key, and once co-signed he held two admins — the whole threshold."""
    from review.workflow.keys import decode_public, fingerprint

    said = record.statement
    if record.kind not in ("roster.add", "roster.rotate") or not isinstance(
            said.get("public"), str) or not isinstance(said.get("name"), str):
        return {}
    try:
        out: dict = {"key": fingerprint(decode_public(said["public"]))}
    except UsageError:  # no key (a record made by hand): the statement shows what it holds
        return {}
    person = roster.people.get(said["name"])
    if person is not None:
        out["on_roster"] = {"roles": sorted(person.roles), "keys": sorted(
            fp for fp, key in person.keys.items() if key.revoked_seq is None)}
    return out


def _not_drawn_as_proposed(conn: Connection, state: State, name: str, kind: str,
                           statement: dict, seq: int | None = None) -> None:
    """Refused when another roster addition still waiting for signatures names someone drawn
    as `name` but not `name` (张伟 and 張伟): the roster's own check sees only who is on it, so
    of two such proposals the first co-signed got in, and the other — the office's real
    colleague, perhaps — was then refused as the look-alike. An admin reading two additions a
    reader cannot tell apart co-signs neither until one of them has lapsed.

    The same for two additions or rotations of one name that differ (another key, other
    roles): `roster pending` shows two lines of 张伟 told apart by a key's base64 alone, and
    whichever of them is co-signed (or both, the second taken for a duplicate), the key the
    thief of the other admin's key proposed is 张伟's. `kind` and `statement`: the change
    proposed (its key, its roles); `seq`: the proposal being co-signed, not compared with
    itself."""
    def what(change: str, said: dict) -> tuple:  # the kind, the key and the roles
        return (change, said.get("public"), sorted(said.get("roles") or ()))

    drawn, now, served = drawn_as(name), signed_time(), chain.server_now(conn)
    for at, proposal in sorted(state.roster.pending.items()):
        other = proposal.record.statement.get("name")
        if (at == seq or proposal.record.kind not in ("roster.add", "roster.rotate")
                or not isinstance(other, str) or not proposal.standing(state.roster)
                or proposal.lapsed(now, served)):
            continue
        if (proposal.record.kind == "roster.add" and other != name
                and other not in state.roster.people and drawn_as(other) == drawn):
            raise Refused("name_looks_like_proposed", name=spelt(name), other=spelt(other),
                          seq=at)
        if other == name and \
                what(proposal.record.kind, proposal.record.statement) != what(kind, statement):
            raise Refused("name_proposed_otherwise", name=spelt(name), seq=at)

