"""The roster, rebuilt from the log's signed roster events: `init` (the first admin, self-
signed), `roster.add` and `roster.revoke` (each signed by an admin at that point in the log).
A row that nobody entitled signed is not part of the roster, whatever the tables say."""

from __future__ import annotations

from dataclasses import dataclass, field

from review.workflow.chain import Record
from review.workflow.keys import decode_public, fingerprint, verify

ROLES = ("editor", "reviewer", "approver", "publisher", "office", "admin")
ROSTER_KINDS = ("init", "roster.add", "roster.revoke")


@dataclass
class Key:
    fingerprint: str
    public: bytes
    added_seq: int
    revoked_seq: int | None = None

    def valid_at(self, seq: int) -> bool:
        return self.added_seq < seq and (self.revoked_seq is None or seq < self.revoked_seq)


@dataclass
class Person:
    name: str
    roles: set[str] = field(default_factory=set)
    keys: dict[str, Key] = field(default_factory=dict)
    revoked_seq: int | None = None


@dataclass
class Roster:
    people: dict[str, Person] = field(default_factory=dict)
    invalid: list[int] = field(default_factory=list)  # seqs of roster rows that do not verify

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
        if person is None or not verify(person.keys[record.actor].public,
                                        record.signature_bytes(), record.signed_bytes()):
            return None
        return person

    def apply(self, record: Record) -> bool:
        """Apply one roster event if it verifies; False (and remembered) when it does not."""
        try:
            ok = self._apply(record)
        except (KeyError, TypeError, ValueError):  # a body without the fields it needs
            ok = False
        if not ok:
            self.invalid.append(record.seq)
        return ok

    def _apply(self, r: Record) -> bool:
        s = r.statement
        if r.kind == "init":
            if self.people or r.seq != 1:
                return False
            public = decode_public(s["public"])
            if fingerprint(public) != r.actor or not verify(public, r.signature_bytes(),
                                                            r.signed_bytes()):
                return False
            self.people[s["name"]] = Person(s["name"], set(s["roles"]) | {"admin"},
                                            {r.actor: Key(r.actor, public, r.seq - 1)})
            return True
        admin = self.active(r.actor)
        if admin is None or "admin" not in admin.roles or not verify(
                admin.keys[r.actor].public, r.signature_bytes(), r.signed_bytes()):
            return False
        if r.kind == "roster.add":
            public = decode_public(s["public"])
            fp = fingerprint(public)
            owner = self.person_of(fp)
            if owner is not None and owner.name != s["name"]:
                return False  # one key is one person, under one name
            person = self.people.setdefault(s["name"], Person(s["name"]))
            person.roles |= set(s["roles"])
            key = person.keys.setdefault(fp, Key(fp, public, r.seq))
            if key.revoked_seq is None:
                person.revoked_seq = None  # back with a new key (a revoked one stays revoked)
            return True
        if r.kind == "roster.revoke":
            person = self.people.get(s["name"])
            if person is None:
                return False
            person.revoked_seq = r.seq
            for key in person.keys.values():
                key.revoked_seq = key.revoked_seq or r.seq
            return True
        return False


def build(records: list[Record]) -> Roster:
    roster = Roster()
    for record in records:
        if record.kind in ROSTER_KINDS:
            roster.apply(record)
    return roster
