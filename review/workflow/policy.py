"""The review chain and its rules, stored as signed admin events (`policy.set`) in the log, so
neither a draft nor a config file in the content repository can weaken them. The policy in
force is rebuilt with the roster (review.workflow.roster), since the admins' threshold decides
when a change of either takes effect."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# the term lists the gate reads, and the holiday files deadlines count by (review.accounts)
LIST_KINDS = ("lexicon", "expressions", "leaders", "holidays")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class PinnedList:
    """One of the organisation's term lists the check that gates release must use
    (`review policy lists`): its path in the workspace and the digest of the content an admin
    signed, with what a lexicon is when its file does not say (review.toml's `[[lexicon]]`)."""

    kind: str        # one of LIST_KINDS: a `[[lexicon]]`, an `expressions`, the `leaders` file
                     # or a `[calendar] holidays` file
    path: str        # POSIX, relative to the workspace's root, never leaving it
    sha256: str
    category: str | None = None
    severity: str | None = None
    gate: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def read(cls, value: object) -> PinnedList | None:
        """The entry a signed statement holds, or None when it is not one."""
        if not isinstance(value, dict) or set(value) - {*cls.__dataclass_fields__}:
            return None
        if not all(isinstance(v, str) for v in value.values()):
            return None
        from review.findings import Category, Gate, Severity

        entry = cls(**value)
        parts = entry.path.split("/")
        if (entry.kind not in LIST_KINDS or not _SHA256.fullmatch(entry.sha256)
                or entry.path.startswith("/") or ".." in parts or "" in parts
                or entry.category not in (None, *Category) or entry.category == Category.RELEASE
                or entry.severity not in (None, *Severity) or entry.gate not in (None, *Gate)):
            return None
        return entry


LEVEL_ROLES = ("reviewer", "approver")  # the roles a review level may need


@dataclass(frozen=True)
class Policy:
    levels: tuple[str, ...] = ("reviewer",)   # the role each review level needs, in order
    separate_publisher: bool = False          # True: a `publisher`, not the editor, releases
    admin_threshold: int = 1                  # admins who must sign a roster or policy change
    # phrases the organisation allows (`review policy allow`, from `review stats --suggest`):
    # nothing inside them is reported by the check that gates release
    allow: tuple[str, ...] = ()
    # the organisation's term lists the gate uses whatever the working tree's review.toml says
    lists: tuple[PinnedList, ...] = ()

    def as_dict(self) -> dict:
        return {"levels": list(self.levels), "separate_publisher": self.separate_publisher,
                "admin_threshold": self.admin_threshold,
                **({"allow": list(self.allow)} if self.allow else {}),
                **({"lists": [x.as_dict() for x in self.lists]} if self.lists else {})}

    @classmethod
    def read(cls, statement: dict) -> Policy | None:
        """The policy a signed `policy.set` states, or None when it states none."""
        allow = statement.get("allow", [])
        if not isinstance(allow, list) or not all(isinstance(a, str) and a.strip()
                                                  for a in allow):
            return None
        raw = statement.get("lists", [])
        lists = [PinnedList.read(x) for x in raw] if isinstance(raw, list) else [None]
        if None in lists:
            return None
        # as `policy set` takes them: a record made by hand with no level (no approval at
        # all) or an unknown role (one nobody holds: nothing could go out) is no policy
        levels = statement.get("levels")
        if not isinstance(levels, list) or not levels or \
                not all(isinstance(x, str) and x in LEVEL_ROLES for x in levels):
            return None
        # as `policy set` writes them: a threshold made by hand as a real (Infinity, which no
        # integer holds), a string or a flag, or a publisher rule that is not a flag, is none
        threshold = statement.get("admin_threshold", 1)
        separate = statement["separate_publisher"]
        if not isinstance(separate, bool) or isinstance(threshold, bool) or \
                not isinstance(threshold, int) or threshold < 1:
            return None
        return cls(tuple(statement["levels"]), separate, threshold, tuple(allow),
                   tuple(x for x in lists if x is not None))


def changes(was: Policy, statement: dict) -> dict | None:
    """What a proposed `policy.set` changes in the policy in force, field by field ({field:
    {"was": …, "now": …}}, the values as a statement holds them), or None when it states no
    policy. A `policy.set` states the whole policy: shown whole, a level dropped in a proposal
    that also adds an allowed phrase, beside a dozen phrases and pinned lists, is there to read
    but not what a co-signing admin reads — he reads the change."""
    try:
        now = Policy.read(statement)
    except (KeyError, TypeError, ValueError):
        return None
    if now is None:
        return None
    before, after = was.as_dict(), now.as_dict()
    return {k: {"was": before.get(k, []), "now": after.get(k, [])}
            for k in ("levels", "separate_publisher", "admin_threshold", "allow", "lists")
            if before.get(k, []) != after.get(k, [])}


def changes_text(found: dict) -> list[str]:
    """`changes` as lines a co-signing admin reads: `levels: reviewer, approver ⇒ reviewer`,
    `allow: + 短语`, `lists: − lexicons/banned.txt`."""
    out = []
    for name, change in found.items():
        was, now = change["was"], change["now"]
        if name == "allow":
            out += [f"allow: − {p}" for p in was if p not in now]
            out += [f"allow: + {p}" for p in now if p not in was]
        elif name == "lists":
            then = {x["path"]: x for x in was}
            later = {x["path"]: x for x in now}
            lines = [f"lists: − {_path(p)}" for p in then if p not in later]
            lines += [f"lists: + {_path(p)} {_entry(later[p])}" for p in later
                      if p not in then]
            lines += [f"lists: {_path(p)} {_entry(then[p])} ⇒ {_entry(later[p])}"
                      for p in later if p in then and then[p] != later[p]]
            if not lines or len(then) != len(was) or len(later) != len(now):
                # one path pinned twice, or the same entries in another order (the first
                # leaders file is the one used): by path, that read as no change at all
                lines = [f"lists: {_listed(was)} ⇒ {_listed(now)}"]
            out += lines
        else:
            shown = [", ".join(v) if isinstance(v, list) else json.dumps(v) for v in (was, now)]
            out.append(f"{name}: {shown[0]} ⇒ {shown[1]}")
    return out


def _listed(entries: list[dict]) -> str:
    return "[" + ", ".join(f"{_path(x['path'])} {_entry(x)}" for x in entries) + "]"


def _path(path: str) -> str:
    """A pinned list's path as a co-signing admin must read it: a path is a file's name, never
    folded, so `org/tеrms.txt` (a Cyrillic е), `org/terms.txt ` or one with a zero-width space
    is another file than the office's `org/terms.txt`. Dropped and added beside it, it read as
    that list pinned again; each such character is named (⟦U+0435⟧)."""
    from review.columns import spelt

    return spelt(path)


def _entry(entry: dict) -> str:
    return " ".join(f"{k}={v[:12] if k == 'sha256' else v}" for k, v in sorted(entry.items())
                    if k != "path")
