"""On PostgreSQL a record's day in the reports is the day the server received it: the log's
insert trigger stamps the server's time, which no member's INSERT can choose. A run of
records backdated by the signer's clock — longer than the honest records around it, which the
majority rule of review.workflow.judged.log_days cannot see through on SQLite — stays in the
month it was made; a lapsed proposal stays lapsed whatever the co-signer's clock says. A
restore's records keep their signers' days."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, Team, clock, member_url
from workflow.test_insider_twentyninth_pass import (
    AD,
    _ad_findings,
    _later,
    _month,
    _proposal,
)

from review.workflow import service as service_mod


@pytest.fixture
def pg_team(team: Team) -> Team:
    if not team.url:
        pytest.skip("SQLite has no clock the signer does not control")
    return team


def test_a_run_of_backdated_submissions_stays_in_the_month_it_was_made(pg_team, monkeypatch):
    team = pg_team
    honest = team.submit("editor2", team.write("c.md", CLEAN))
    team.ok("reviewer", "approve", str(honest))
    with monkeypatch.context() as m:  # five decisions in a row on the editor's clock, set back
        m.setattr(service_mod, "signed_time", lambda: _later(-400))
        for n in range(5):
            item = team.submit("editor", team.write(f"ad{n}.md", AD.replace("订餐", f"第{n}期")))
            team.ok("reviewer", "show", str(item))
            team.ok("reviewer", "override", str(item), "AD001@9", "--reason", "本单位自己的微信")
    assert _ad_findings(team, _month(-400)) == 0
    assert _ad_findings(team, _month(0)) == 5


def test_a_member_s_insert_cannot_choose_the_server_s_time(pg_team, request):
    engine = create_engine(member_url(pg_team, request))
    with engine.connect() as conn:
        row = conn.execute(text(
            "INSERT INTO review_log (seq, kind, item_id, actor, body, signature, prev_hash, "
            "hash, inserted_by, logged_at) VALUES (999999, 'approve', 1, 'x', '{}', 'x', 'x', "
            "'x', 'admin', '2020-01-01T00:00:00+00') RETURNING inserted_by, logged_at")).one()
        server_now = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        began = conn.execute(text("SELECT now()")).scalar_one()
        conn.rollback()  # nothing is left in the log
    engine.dispose()
    assert row.inserted_by != "admin" and began <= row.logged_at <= server_now


def test_records_a_restore_brings_in_keep_their_signers_days(pg_team, tmp_path,
                                                              tmp_path_factory, monkeypatch,
                                                              request):
    from workflow.test_backup import _elsewhere

    team = pg_team
    with monkeypatch.context() as m:
        m.setattr(service_mod, "signed_time", lambda: _later(-60))
        item = team.submit("editor", team.write("ad.md", AD))
        team.ok("reviewer", "show", str(item))
        team.ok("reviewer", "override", str(item), "AD001@9", "--reason", "本单位自己的微信")
    assert _ad_findings(team, _month(-60)) == 0  # received today by the server
    out = tmp_path / "b.db"
    team.ok("admin", "backup", "--out", str(out))
    target = request.getfixturevalue("postgres").schema_url(request)
    restored, _ = _elsewhere(team, tmp_path_factory, monkeypatch, target)
    restored.ok("admin", "restore", str(out), "--witnesses",
                str(team.root / ".review" / "witness"))
    # inserted anew by the restore, today: the server's time says nothing of when they were
    # made, so their signers' days count, as on SQLite
    assert _ad_findings(restored, _month(-60)) == 1
    with monkeypatch.context() as m:  # what comes after the restore is the server's again
        m.setattr(service_mod, "signed_time", lambda: _later(-60))
        later = restored.submit("editor", restored.write("ad2.md", AD.replace("订餐", "体检")))
        restored.ok("reviewer", "show", str(later))
        restored.ok("reviewer", "override", str(later), "AD001@9", "--reason", "本单位自己的微信")
    assert (_ad_findings(restored, _month(-60)), _ad_findings(restored, _month(0))) == (1, 1)


def test_a_co_signer_s_clock_set_back_does_not_revive_a_lapsed_proposal(pg_team, monkeypatch):
    """Pass 32's A4: the thief of admin2's key (threshold 2) co-signed, with his clock set
    back 40 days, a proposal admin made 45 days ago that the others had let lapse."""
    team = pg_team
    with monkeypatch.context() as m:
        clock(team, m, _later(-45))  # proposed then, and received then by the server
        seq = _proposal(team)
    clock(team, monkeypatch, _later(-40), server="now")  # the thief's clock; the server's own
    assert json.loads(team.ok("admin2", "roster", "pending", "--format", "json").stdout) == []
    team.refused("admin2", "roster", "cosign", str(seq), match="lapsed")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.refused("outsider", "approve", str(item))

