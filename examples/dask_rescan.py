"""Re-scan many drafts on a Dask cluster with review's batch API (review.batch).

    pip install -e '.[dask]'
    python examples/dask_rescan.py DRAFTS_DIR [MORE ...] [--out rescan.jsonl]
    python examples/dask_rescan.py /shared/drafts --scheduler tcp://scheduler:8786

Without --scheduler a LocalCluster of two single-threaded worker processes is started on
this machine; with it, the run goes to that cluster, whose workers must have `review`
installed and see the files at the same paths (a shared filesystem: give absolute paths).

The files are cut into partitions of about equal bytes, not of equal counts, so no worker
draws all the long drafts; each partition is one task, `Checker.check_paths` on its paths.
The Checker travels as its config alone and each worker process builds its pipeline once.
The output has one JSON object a line, one line per draft in input order, each the object
`review check --format json` gives for that file; a summary is printed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import date
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from review.batch import Checker
from review.loading import discover

PARTITIONS_PER_WORKER = 4  # enough to even out the load, few enough to keep tasks large


def partitions(paths: list[str], count: int) -> list[list[str]]:
    """Consecutive runs of paths holding about total/count bytes each."""
    sizes = [_size(p) for p in paths]
    target = max(1, -(-sum(sizes) // max(1, count)))
    parts: list[list[str]] = [[]]
    held = 0
    for path, size in zip(paths, sizes, strict=True):
        if parts[-1] and held + size > target:
            parts.append([])
            held = 0
        parts[-1].append(path)
        held += size
    return [part for part in parts if part]


def main(paths_or_dir: str | os.PathLike[str] | list[str | os.PathLike[str]],
         scheduler_address: str | None = None, out: str | os.PathLike[str] = "rescan.jsonl",
         config=None) -> dict[str, int]:
    """Check every draft under `paths_or_dir` (a file, a directory, or a list of them) on
    the cluster at `scheduler_address`, or on a local one; write JSON lines to `out` and
    return (and print) the summary: drafts, blocked, review, pass, errors."""
    targets = paths_or_dir if isinstance(paths_or_dir, list) else [paths_or_dir]
    checker = Checker(config)
    # one date for the whole run: dated rules must not change at midnight halfway through
    checker = Checker(checker.config.replace(date=checker.config.date or date.today()))
    paths = [os.fspath(s.path) for s in discover([os.fspath(t) for t in targets],
                                                 checker.config.include, checker.config.exclude)
             if s.path is not None]  # not "-": a worker has no standard input of ours
    if scheduler_address is None:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(scheduler_address)
    summary = dict.fromkeys(("drafts", "blocked", "review", "pass", "errors"), 0)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        parts = partitions(paths, workers * PARTITIONS_PER_WORKER)
        bag = db.from_sequence(parts, npartitions=max(1, len(parts)))  # one part a partition
        results = bag.map(checker.check_paths).flatten()
        with open(out, "w", encoding="utf-8") as lines:
            # partition by partition, in order: the driver never holds the whole re-scan
            for future in client.compute(results.to_delayed()) if parts else []:
                for record in future.result():
                    lines.write(json.dumps(record, ensure_ascii=False) + "\n")
                    _count(summary, record)
                future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(", ".join(f"{key} {value}" for key, value in summary.items()) + f" → {out}")
    return summary


def _count(summary: dict[str, int], record: dict) -> None:
    summary["drafts"] += 1
    key = "errors" if "error" in record else \
        {"block": "blocked", "review": "review", "pass": "pass"}[record["decision"]]
    summary[key] += 1


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # checked all the same: its error is its result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="draft files or directories")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--out", default="rescan.jsonl", help="JSON lines output file")
    parser.add_argument("--config", help="review.toml (default: the nearest, as review check)")
    args = parser.parse_args()
    main(args.paths, args.scheduler, args.out, args.config)
