"""The review chain and its rules, stored as signed admin events (`policy.set`) in the log, so
neither a draft nor a config file in the content repository can weaken them."""

from __future__ import annotations

from dataclasses import dataclass

from review.workflow.chain import Record
from review.workflow.roster import Roster


@dataclass(frozen=True)
class Policy:
    levels: tuple[str, ...] = ("reviewer",)   # the role each review level needs, in order
    separate_publisher: bool = False          # True: a `publisher`, not the editor, releases

    def as_dict(self) -> dict:
        return {"levels": list(self.levels), "separate_publisher": self.separate_publisher}


def current(records: list[Record], roster: Roster) -> Policy:
    """The last `policy.set` that an admin (at that point) signed."""
    policy = Policy()
    for r in records:
        if r.kind != "policy.set":
            continue
        person = roster.signer_of(r)
        if person is not None and "admin" in person.roles:
            s = r.statement
            try:
                policy = Policy(tuple(s["levels"]), bool(s["separate_publisher"]))
            except (KeyError, TypeError):
                continue
    return policy
