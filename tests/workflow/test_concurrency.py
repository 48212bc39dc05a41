"""Several processes against one store: nothing lost, the chain intact; a process killed in
the middle of an approval leaves all of it or none of it; an edit racing a release never
yields an attestation for content that was not approved.

Marked slow. The four processes submit and approve 30 items each by default, 200 each with
`pytest --full`; they start together (a barrier) and the test checks that they ran at once.
The racing edit tries three moments by default, six with --full."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN

from review.workflow.store import sqlite_url

WORKERS = 4
ITEMS, FULL_ITEMS = 30, 200  # each process's items: by default, with --full
WORKER = Path(__file__).with_name("concurrent_worker.py")
pytestmark = pytest.mark.slow


def test_four_processes_lose_nothing(team, full):
    items = FULL_ITEMS if full else ITEMS
    for i in range(WORKERS):
        team.keygen(f"ed{i}")
        team.keygen(f"rv{i}")
        team.add(f"ed{i}", "editor")
        team.add(f"rv{i}", "reviewer")
    (team.root / "posts").mkdir(exist_ok=True)
    procs = [subprocess.Popen([sys.executable, str(WORKER), str(team.root), team.url or "-",
                               str(i), str(items)], stdout=subprocess.PIPE, text=True)
             for i in range(WORKERS)]
    start_together(team.root, procs)
    outputs = [p.communicate(timeout=900)[0].split() for p in procs]
    assert [p.returncode for p in procs] == [0] * WORKERS
    assert sum(int(done) for done, _, _ in outputs) == WORKERS * items
    # Every process was still working when the last one started: the items really raced.
    assert max(float(began) for _, began, _ in outputs) < min(float(end) for _, _, end in outputs)
    with create_engine(team.url or sqlite_url(team.root)).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM review_items")).scalar() == WORKERS * items
        assert conn.execute(text("SELECT count(*) FROM review_decisions")).scalar() == \
            WORKERS * items
        rows = conn.execute(text("SELECT kind, count(*) FROM review_log GROUP BY kind"))
        kinds = {kind: n for kind, n in rows}
    assert kinds["submit"] == kinds["approve"] == WORKERS * items
    queue_now = json.loads(team.ok(None, "queue", "--format", "json").stdout)
    assert len(queue_now) == WORKERS * items and all(q["level"] == "release" for q in queue_now)
    team.ok(None, "audit", "verify")


def start_together(root: Path, procs: list[subprocess.Popen]) -> None:
    """Wait until every worker has started up (each leaves a ready file), then
    let them all go at once, so that a small number of items still overlaps."""
    deadline = time.monotonic() + 120
    while len(list(root.glob("ready-*"))) < len(procs):
        assert all(p.poll() is None for p in procs), "a worker ended before it was ready"
        assert time.monotonic() < deadline, "the workers never became ready"
        time.sleep(0.01)
    (root / "go").touch()


def test_kill_9_during_approvals_leaves_all_or_nothing(team):
    items = [team.submit("editor", team.write(f"k{n}.txt", f"{n}{CLEAN}")) for n in range(12)]
    env = {**os.environ, **team.env("reviewer")}
    script = ("import sys; from review.cli import main; "
              "[main(['approve', i], standalone_mode=False) for i in sys.argv[1:]]")
    for delay in (0.05, 0.15, 0.3, 0.6):
        proc = subprocess.Popen([sys.executable, "-c", script, *map(str, items)], env=env,
                                cwd=team.root, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with create_engine(team.url or sqlite_url(team.root)).connect() as conn:
            logged = conn.execute(text("SELECT count(*) FROM review_log WHERE kind = 'approve'")
                                  ).scalar()
            recorded = conn.execute(text("SELECT count(*) FROM review_decisions")).scalar()
        assert logged == recorded  # every approval is both logged and recorded, or neither
        team.ok(None, "audit", "verify")


def test_an_edit_racing_a_release_never_gets_attested(team, full):
    # The edit lands 0 to 0.25 s after the release starts: in steps of 0.1 s by default,
    # of 0.05 s with --full.
    for n in range(0, 6, 1 if full else 2):
        path = team.write(f"r{n}.txt", CLEAN)
        item = team.submit("editor", path)
        team.ok("reviewer", "approve", str(item))
        env = {**os.environ, **team.env("editor")}
        proc = subprocess.Popen([sys.executable, "-m", "review", "release", str(item)], env=env,
                                cwd=team.root, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(0.05 * n)
        (team.root / path).write_text(CLEAN + "（改）", encoding="utf-8")  # the racing edit
        proc.wait()
        # Whatever the interleaving, the edited content is never attested as released.
        assert team.run(None, "verify", path).exit_code == 1
