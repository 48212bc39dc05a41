"""The five indices (勤勉, 效果, 内容, 集群, 成长), each 0–100, from imported activity.

- 勤勉 diligence: the share of the period's days on which the account met its update duty
  (a post within the last 7 days for high-attention accounts, 14 otherwise).
- 效果 effect: mean of reads + 在看 + likes + shares + comments per post, on a log scale
  against the best account in the same period.
- 内容 content: 100 × (1 − errors per post), never below 0. The errors are the tool's own
  findings where it saw what went out: posts released through the workflow for the account
  (`review submit --account`) in the period, each counting the wrong expressions and typos
  of its signed findings that no reviewer overrode (review.workflow.judged.published). An
  account the tool saw nothing of in the period falls back to the activity CSV's `errors`
  column. Each row says which (`content_source`: findings or activity).
- 集群 cluster: the mean 勤勉 of all the unit's accounts (how the unit's accounts work together).
- 成长 growth: change of posts + reads against the same period a year earlier, 50 = no
  change, 100 = doubled or more, 0 = none now.
The total is a weighted sum; weights are configurable (`[scores]` in the config)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from sqlalchemy import select

from review.tables import accounts, activity
from review.workflow.store import Store

WEIGHTS = {"diligence": 0.3, "effect": 0.25, "content": 0.2, "cluster": 0.1, "growth": 0.15}


def _diligence(conn, account_id: int, first: date, last: date, limit: int) -> float:
    posted = {r.date for r in conn.execute(
        select(activity.c.date).where(activity.c.account_id == account_id)
        .where(activity.c.date > first - timedelta(days=limit)).where(activity.c.date <= last))}
    days = (last - first).days + 1
    met = sum(1 for n in range(days)
              if any(first + timedelta(days=n - k) in posted for k in range(limit)))
    return 100 * met / days


def _figures(conn, account_id: int, first: date, last: date) -> dict:
    rows = conn.execute(select(activity).where(activity.c.account_id == account_id)
                        .where(activity.c.date >= first).where(activity.c.date <= last)).all()
    return {"posts": len(rows), "reads": sum(r.reads or 0 for r in rows),
            "engagement": sum((r.reads or 0) + (r.zaikan or 0) + (r.likes or 0)
                              + (r.shares or 0) + (r.comments or 0) for r in rows),
            "errors": sum(r.errors or 0 for r in rows)}


def score(store: Store, first: date, last: date, weights: dict[str, float] | None = None,
          seen: dict[str, tuple[int, int]] | None = None) -> list[dict]:
    """`seen`: account → (posts released through the workflow in the period, their errors)."""
    weights = weights or WEIGHTS
    seen = seen or {}
    year_ago = (first - timedelta(days=365), last - timedelta(days=365))
    with store.reading() as conn:
        rows = conn.execute(select(accounts).where(accounts.c.status == "open")).all()
        figures = {a.id: _figures(conn, a.id, first, last) for a in rows}
        before = {a.id: _figures(conn, a.id, *year_ago) for a in rows}
        duty = {a.id: _diligence(conn, a.id, first, last, 7 if a.high_attention else 14)
                for a in rows}
    out = []
    best = max((math.log1p(f["engagement"] / f["posts"]) for f in figures.values()
                if f["posts"]), default=0.0)
    for a in rows:
        f, b = figures[a.id], before[a.id]
        diligence = duty[a.id]
        effect = (100 * math.log1p(f["engagement"] / f["posts"]) / best
                  if f["posts"] and best else 0.0)
        posts, errors = seen.get(a.name, (0, 0))
        source = "findings" if posts else "activity"
        if not posts:
            posts, errors = f["posts"], f["errors"]
        content = max(0.0, 100 * (1 - errors / posts)) if posts else 0.0
        now, then = f["posts"] + f["reads"], b["posts"] + b["reads"]
        growth = 50.0 if not then and not now else (100.0 if not then else
                                                    max(0.0, min(100.0, 50 * now / then)))
        out.append({"account": a.name, "unit": a.unit, "posts": f["posts"],
                    "diligence": diligence, "effect": effect, "content": content,
                    "content_source": source, "growth": growth})
    units: dict[str, list[float]] = {}
    for s in out:
        units.setdefault(s["unit"], []).append(s["diligence"])
    for s in out:
        s["cluster"] = sum(units[s["unit"]]) / len(units[s["unit"]])
        s["total"] = sum(weights[k] * s[k] for k in weights)
        for k in ("diligence", "effect", "content", "growth", "cluster", "total"):
            s[k] = round(s[k], 1)
    out.sort(key=lambda s: (-s["total"], s["account"]))
    for rank, s in enumerate(out, 1):
        s["rank"] = rank
    return out


def seen(service, first: date, last: date) -> dict[str, tuple[int, int]]:
    """Per account, the posts released through the workflow in the period and the errors
    the check found in them (review.workflow.judged.published)."""
    from review.workflow.judged import published

    out: dict[str, tuple[int, int]] = {}
    with service.store.reading() as conn:
        for post in published(conn, service.state(conn)):
            if post.day and first.isoformat() <= post.day <= last.isoformat():
                posts, errors = out.get(post.account, (0, 0))
                out[post.account] = (posts + 1, errors + post.errors)
    return out
