"""The review chain and its rules, stored as signed admin events (`policy.set`) in the log, so
neither a draft nor a config file in the content repository can weaken them. The policy in
force is rebuilt with the roster (review.workflow.roster), since the admins' threshold decides
when a change of either takes effect."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    levels: tuple[str, ...] = ("reviewer",)   # the role each review level needs, in order
    separate_publisher: bool = False          # True: a `publisher`, not the editor, releases
    admin_threshold: int = 1                  # admins who must sign a roster or policy change
    # phrases the organisation allows (`review policy allow`, from `review stats --suggest`):
    # nothing inside them is reported by the check that gates release
    allow: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"levels": list(self.levels), "separate_publisher": self.separate_publisher,
                "admin_threshold": self.admin_threshold,
                **({"allow": list(self.allow)} if self.allow else {})}
