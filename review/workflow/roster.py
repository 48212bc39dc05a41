"""The roster and the policy, rebuilt from the log's signed trust records: `init` (the first
admin, self-signed), then `roster.add`, `roster.revoke`, `roster.rotate` and `policy.set`, each
signed by an admin in force at that point in the log. A record nobody entitled signed is not
part of them, whatever the tables say.

Threshold (TUF's idea): when the policy asks for N admin signatures (`admin_threshold`), a
change signed by one admin is a proposal; it takes effect at the `trust.cosign` record that
brings its distinct admin signers to N. So a lost admin key is recovered by the others
(`roster rotate`), and no single admin — nor a thief of one admin's key — changes the roster
or the policy alone."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from review.workflow.chain import TRUST_KINDS, Record, misplaced
from review.workflow.keys import decode_public, fingerprint, verify
from review.workflow.policy import Policy

ROLES = ("editor", "reviewer", "approver", "publisher", "office", "admin")
OFFICE_ROLES = ("office", "admin")  # who keeps the accounts and alerts
CHANGE_KINDS = ("roster.add", "roster.revoke", "roster.rotate", "policy.set")
ROSTER_KINDS = ("init", *CHANGE_KINDS, "trust.cosign")
# How long a proposal waits for the other admins' signatures (TUF: signed metadata expires).
PROPOSAL_DAYS = 30
# A co-signer's clock may be this far behind the proposer's (time zones, a clock a little off)
_SKEW = timedelta(days=1)


def signed_at(value: object) -> datetime | None:
    """A record's signed time (`at`, ISO 8601 with its offset), or None when it has none."""
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return when if when is not None and when.tzinfo is not None else None


@dataclass
class Key:
    fingerprint: str
    public: bytes
    added_seq: int
    revoked_seq: int | None = None
    # where the record that ended it took effect: `revoked_seq` itself for a rotation, later
    # for `roster revoke --since`, which voids the key's signatures from an earlier point
    ended_seq: int | None = None

    def valid_at(self, seq: int) -> bool:
        return self.added_seq < seq and (self.revoked_seq is None or seq < self.revoked_seq)

    def held_at(self, seq: int) -> bool:
        """Whether the roster, as it stood at record `seq`, had this key in force: what a
        command judged then (`duty plan`, `duty swap`: the person named may take duty). A
        revocation from an earlier point (`--since`) voids what the key signed since, not
        what others signed naming its holder before the revocation was recorded."""
        return self.added_seq < seq and (self.ended_seq is None or seq < self.ended_seq)


@dataclass
class Person:
    name: str
    roles: set[str] = field(default_factory=set)
    keys: dict[str, Key] = field(default_factory=dict)
    revoked_seq: int | None = None
    # where in the log each role was given (roles are only ever added): a record counts for a
    # role only if its signer held it at the record's place — an approval signed by hand by
    # an editor must not come to count when he is made a reviewer later
    since: dict[str, int] = field(default_factory=dict)
    # roles held before a revocation ended them: (role, from, to) — a person revoked and
    # added back holds only the roles the new record names, from there on
    ended: list[tuple[str, int, int]] = field(default_factory=list)

    def at(self, seq: int) -> Person:
        """This person as the roster stood at record `seq`: the roles held then."""
        return replace(self, roles={role for role in self.roles
                                    if self.since.get(role, 0) < seq}
                       | {role for role, start, end in self.ended if start < seq < end})


@dataclass
class Proposal:
    record: Record
    signers: set[str]  # the names of the admins who signed it so far
    keys: dict[str, str] = field(default_factory=dict)  # name → the key each signed with
    # where the policy in force when it was proposed took effect (Roster.policy_seq)
    policy_seq: int = 0

    def stale(self, roster: Roster) -> bool:
        """Whether this is a policy change proposed before the policy in force took effect:
        a `policy.set` states the whole policy, so one proposed for an allowed phrase while
        one review level was in force would put that level back over the two the admins set
        since. It must be proposed again on the policy in force."""
        return self.record.kind == "policy.set" and self.policy_seq != roster.policy_seq

    def lapsed(self, at: object, served: datetime | None = None) -> bool:
        """Whether a co-signature signed at `at` (the co-signer's clock) comes too late: a
        change the other admins let lie for PROPOSAL_DAYS is not there for whoever holds an
        admin key months later. A proposal dated after its co-signature (a clock set forward
        to keep it alive) lapses too, and so does one without a date under a co-signature
        with one; both undated are records from before proposals had dates. Where the server
        received both (`served`, PostgreSQL), its times decide: a co-signer's clock set back
        does not revive a lapsed proposal. Where it received only the co-signature (the
        proposal came in with a restore, which says nothing of when it was made), the
        co-signature's time counts against the proposal's signed one."""
        made, then = signed_at(self.record.statement.get("at")), signed_at(at)
        if served is not None and (self.record.served or made) is not None:
            made, then = self.record.served or made, served
        if made is None or then is None:
            return (made is None) != (then is None)
        return not made - _SKEW <= then <= made + timedelta(days=PROPOSAL_DAYS)

    def standing(self, roster: Roster) -> set[str]:
        """The signers whose signature still counts: an admin still, with the key he signed
        with not revoked since (TUF: a signature counts only by a key of the root in force).
        A proposal made with a stolen admin key must not be completed, once that key is
        revoked, by one other admin's co-signature."""
        out = set()
        for name in self.signers:
            person = roster.active(self.keys.get(name, ""))
            if person is not None and person.name == name and "admin" in person.roles:
                out.add(name)
        return out


@dataclass
class Roster:
    people: dict[str, Person] = field(default_factory=dict)
    invalid: list[int] = field(default_factory=list)  # seqs of roster rows that do not verify
    policy: Policy = field(default_factory=Policy)
    pending: dict[int, Proposal] = field(default_factory=dict)  # by the proposal's seq
    refused: set[int] = field(default_factory=set)  # co-signed changes that could not apply
    policy_seq: int = 0  # the record at which the policy in force took effect

    def admins(self) -> set[str]:
        """The names of the admins with a key in force now."""
        return {p.name for p in self.people.values() if "admin" in p.roles
                and any(k.revoked_seq is None for k in p.keys.values())}

    def looks_like(self, name: str) -> str | None:
        """The name of someone on the roster (revoked or not) that `name` is drawn as but is
        not — a Cyrillic е in a Latin name, a space or a zero-width space at its end, a full-
        width letter, a traditional character: two people a reader cannot tell apart in the
        queue, the log or an attestation. None when `name` is one of theirs or like nobody's.
        A co-signing admin who reads `rеviewer: reviewer` in `roster pending` takes it for the
        reviewer's new key, and the thief of the proposer's key gets a second person. Chinese
        characters a stroke apart (张己/张已) and Latin runs drawn as one letter (rn, m) count
        as drawn alike too (drawn_as)."""
        if name in self.people:
            return None
        drawn = drawn_as(name)
        return next((other for other in self.people if drawn_as(other) == drawn), None)

    def all_keys(self) -> set[str]:
        """Every key anyone on the roster ever held, revoked ones included."""
        return {fp for person in self.people.values() for fp in person.keys}

    def person_of(self, key_fingerprint: str) -> Person | None:
        for person in self.people.values():
            if key_fingerprint in person.keys:
                return person
        return None

    def key(self, key_fingerprint: str) -> Key | None:
        person = self.person_of(key_fingerprint)
        return person.keys[key_fingerprint] if person else None

    def active(self, key_fingerprint: str, seq: int | None = None) -> Person | None:
        """The person whose key this is, if the key was valid at `seq` (default: now)."""
        person = self.person_of(key_fingerprint)
        if person is None:
            return None
        key = person.keys[key_fingerprint]
        if seq is None:
            return person if key.revoked_seq is None else None
        return person if key.valid_at(seq) else None

    def signer_of(self, record: Record) -> Person | None:
        """The person who signed a log record with a key valid at its place in the log, or
        None when nobody on the roster did."""
        person = self.active(record.actor, record.seq)
        if person is None or not _verified(person.keys[record.actor].public, record):
            return None
        return person

    def apply(self, record: Record) -> bool:
        """Apply one roster event if it verifies; False (and remembered) when it does not."""
        try:
            ok = self._apply(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            ok = False  # a body without the fields it needs, or of other types
        if not ok:
            self.invalid.append(record.seq)
        return ok

    def _apply(self, r: Record) -> bool:
        s = r.statement
        if r.kind == "init":
            if self.people or r.seq != 1 or not isinstance(s.get("public"), str) or \
                    not isinstance(s.get("name"), str) or not isinstance(s.get("roles"), list):
                return False
            public = decode_public(s["public"])
            if fingerprint(public) != r.actor or not verify(public, r.signature_bytes(),
                                                            r.signed_bytes()):
                return False
            roles = set(s["roles"]) | {"admin"}
            self.people[s["name"]] = Person(s["name"], roles,
                                            {r.actor: Key(r.actor, public, r.seq - 1)},
                                            since=dict.fromkeys(roles, r.seq - 1))
            return True
        admin = self.signer_of(r)
        if admin is None or "admin" not in admin.roles:
            return False
        if r.kind == "trust.cosign":
            proposal = self.pending.get(s["target"])
            if proposal is None or s["target_hash"] != proposal.record.computed_hash() or \
                    proposal.lapsed(s.get("at"), r.served):
                return False
            proposal.signers.add(admin.name)
            proposal.keys[admin.name] = r.actor
            if len(proposal.standing(self)) >= self.policy.admin_threshold:
                del self.pending[s["target"]]
                # a valid signature even when the change can no longer take effect
                if proposal.stale(self) or not self._change(proposal.record, r.seq):
                    self.refused.add(s["target"])
            return True
        if r.kind not in CHANGE_KINDS:
            return False
        if r.kind == "roster.rotate" and "roles" in s:
            # `roster rotate` replaces keys and never states roles; one made by hand that does
            # would give them as `roster.add` does, under a kind a co-signer reads as a new key
            return False
        if r.kind == "roster.revoke" and "since" in s and (
                isinstance(s["since"], bool) or not isinstance(s["since"], int)
                or not 1 <= s["since"] <= r.seq):
            # `roster revoke --since` writes a record number of the log; one made by hand
            # stating `true` (read as "at once" in `roster pending`, taken as int(True): from
            # record 1), a real, a string or a number before the log is no revocation
            return False
        if self.policy.admin_threshold > 1:
            self.pending[r.seq] = Proposal(r, {admin.name}, {admin.name: r.actor},
                                           self.policy_seq)
            return True
        return self._change(r, r.seq)

    def _change(self, r: Record, seq: int) -> bool:
        """A change takes effect at `seq` (its own, or the cosign that completed it)."""
        s = r.statement
        if r.kind == "policy.set":
            policy = Policy.read(s)
            if policy is None:
                return False
            if not 1 <= policy.admin_threshold <= max(1, len(self.admins())):
                return False  # checked again here: proposals can cross; none may lock it
            self.policy, self.policy_seq = policy, seq
            return True
        if r.kind in ("roster.add", "roster.rotate"):
            public = decode_public(s["public"])
            fp = fingerprint(public)
            owner = self.person_of(fp)
            if owner is not None and owner.name != s["name"]:
                return False  # one key is one person, under one name
            if r.kind == "roster.rotate":
                person = self.people.get(s["name"])
                if person is None:
                    return False
                for key in person.keys.values():  # the old keys end where the new one starts
                    key.revoked_seq = key.revoked_seq or seq
                    key.ended_seq = key.ended_seq or seq
            person = self.people.setdefault(s["name"], Person(s["name"]))
            added = set(s.get("roles", ())) - person.roles
            person.roles |= added
            person.since.update(dict.fromkeys(added, seq))
            key = person.keys.setdefault(fp, Key(fp, public, seq))
            if key.revoked_seq is None:
                person.revoked_seq = None  # back with a new key (a revoked one stays revoked)
            return True
        if r.kind == "roster.revoke":
            person = self.people.get(s["name"])
            if person is None:
                return False
            # From an earlier point of the log when the key was lost or stolen then: what it
            # signed after that no longer counts.
            remaining = self.admins() - {person.name}
            if not remaining or len(remaining) < self.policy.admin_threshold:
                return False  # it would leave nobody (or too few) to change the roster
            since = min(int(s.get("since", seq)), seq)
            person.revoked_seq = since
            for key in person.keys.values():
                key.revoked_seq = min(key.revoked_seq or since, since)
                key.ended_seq = key.ended_seq or seq
            # the roles end where the keys do: added back, the person holds only those named
            person.ended += [(role, start, max(start, since))
                             for role, start in person.since.items()]
            person.roles.clear()
            person.since.clear()
            return True
        return False


def build(records: list[Record]) -> Roster:
    """The roster and policy from the log's roster and policy records, in order from `init`.
    One made by hand out of its place in their chain (chain.misplaced) changes nothing."""
    trust = [r for r in records if r.kind in TRUST_KINDS]
    inert = misplaced(trust, "trust", trust)
    roster = Roster()
    for record in trust:
        if record.kind in ROSTER_KINDS and record.seq not in inert:
            roster.apply(record)
    return roster


# Signatures checked, by key and record: every history rebuilds from the same records, and an
# item with many records appended by hand must not cost a verification each time.
_VERIFIED: dict[tuple[bytes, str, str], bool] = {}


def _verified(public: bytes, record: Record) -> bool:
    key = (public, record.computed_hash(), record.signature)
    if key not in _VERIFIED:
        if len(_VERIFIED) > 200_000:
            _VERIFIED.clear()
        _VERIFIED[key] = verify(public, record.signature_bytes(), record.signed_bytes())
    return _VERIFIED[key]


# Characters a reader takes for one another in a name though no Unicode fold maps them
# (normalize_term folds only what Unicode says is the same letter, so the check's own term
# matching is not blurred): Chinese characters a stroke or a tip apart, and Latin runs and
# digits drawn as one letter, as UTS #39's skeleton reads rn as m. Used for names only: 自己 and
# 已经 are different words in a draft.
_NEAR_CHARACTERS = ("己已巳", "戊戌戍", "未末", "土士", "日曰目", "明眀", "人入八", "千干于",
                    "天夭夫", "王壬玉主", "大丈太犬", "木术本", "白自", "刀力刁", "贝见", "问间",
                    "兵乒乓", "辛幸", "午牛", "汩汨", "祇祗", "侯候", "兔免", "毫亳", "壶壸",
                    "拔拨", "栗粟", "刺剌", "崇祟", "乌鸟", "今令", "折拆", "茶荼", "氏氐", "肓盲",
                    "辨辩", "晴睛", "胃冒", "爪瓜", "母毋", "泪洎", "丐丏")
_NEAR = str.maketrans({c: group[0] for group in _NEAR_CHARACTERS for c in group[1:]})
_NEAR_RUNS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("l", "i"))


def drawn_as(name: str) -> str:
    """What a reader takes a name for: its Unicode fold (review.normalize), then characters
    drawn nearly alike made one."""
    from review.normalize import normalize_term

    drawn = normalize_term(name).translate(_NEAR)
    for run, letter in _NEAR_RUNS:
        drawn = drawn.replace(run, letter)
    return drawn

