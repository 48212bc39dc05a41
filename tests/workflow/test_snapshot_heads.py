"""A PostgreSQL reading connection sees one snapshot (REPEATABLE READ): a record another
process of the same user commits meanwhile, and remembers as the log's head
(review.workflow.heads), is newer than the snapshot, not cut from the log. Seen first as a
rare `log_cut_end` with four processes of one user racing (tests/workflow/test_concurrency.py)."""

from __future__ import annotations

import pytest

from review.errors import StoreError
from review.workflow import chain, heads
from review.workflow.store import Store

NOTICE = "关于做好年末安全检查的通知\n\n各单位：请于本月底前完成自查。\n"


def _head(url: str) -> tuple[int, str]:
    with Store(url).reading() as conn:
        last = chain.records(conn)[-1]
    return last.seq, last.computed_hash()


@pytest.fixture
def postgres_team(team):
    if team.url is None:
        pytest.skip("SQLite's reads take the write lock: no older snapshot")
    return team


def test_a_head_committed_after_a_readers_snapshot_is_no_cut_log(postgres_team, tmp_path,
                                                                   monkeypatch):
    team = postgres_team
    monkeypatch.setenv("REVIEW_STATE_DIR", str(tmp_path / "state"))
    with Store(team.url).reading() as conn:
        workspace = chain.workspace_id(conn)  # the snapshot begins here
        chain.verify_links(conn, workspace)
        before = heads.seen(workspace)
        team.submit("editor", team.write("a.md", NOTICE))  # committed outside the snapshot
        newer = _head(team.url)
        heads.remember(workspace, *newer)  # as this user's other process would
        chain.verify_links(conn, workspace)  # was: log_cut_end
    assert before is not None and newer[0] > before[0]
    assert heads.seen(workspace) == newer  # not put back to the snapshot's head


def test_a_log_cut_after_the_head_remembered_is_still_refused(postgres_team, tmp_path,
                                                              monkeypatch):
    team = postgres_team
    monkeypatch.setenv("REVIEW_STATE_DIR", str(tmp_path / "state"))
    team.submit("editor", team.write("a.md", NOTICE))
    with Store(team.url).reading() as conn:
        workspace = chain.workspace_id(conn)
        chain.verify_links(conn, workspace)
    seq, digest = _head(team.url)
    heads.remember(workspace, seq + 1, digest)  # a head the log no longer holds
    with Store(team.url).reading() as conn, pytest.raises(StoreError) as refused:
        chain.verify_links(conn, workspace)
    assert refused.value.key == "log_cut_end"
