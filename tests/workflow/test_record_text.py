"""Text in signed records that a database or a screen reads otherwise: a NUL, which
PostgreSQL cannot read inside JSON, and direction controls in a title or a file name."""

from __future__ import annotations

import json

from workflow.team import CLEAN


def test_a_record_holding_a_nul_stops_nobody(team, monkeypatch):
    """The command line cannot carry a NUL, but the library (and any client of the service)
    can: once signed, PostgreSQL refused to read the log's JSON at every later action."""
    from review.workflow import keys
    from review.workflow.commands import open_service

    item = team.submit("editor", team.write("a.txt", CLEAN))
    for name, value in team.env("reviewer").items():
        monkeypatch.setenv(name, value)
    open_service(identity=keys.load()).reject(item, "a\x00b")
    queue = team.ok("editor", "queue", "--format", "json")
    assert json.loads(queue.stdout) == []
    log = json.loads(team.ok("admin", "log", str(item), "--format", "json").stdout)
    assert log[-1]["kind"] == "reject" and log[-1]["statement"]["reason"] == "a\x00b"
    team.ok("admin", "audit", "verify")


def test_a_title_or_file_name_that_reads_otherwise_is_refused(team):
    path = team.write("a.txt", CLEAN)
    team.usage_error("editor", "submit", path, "--title", "\u202e过通已审复·知通急紧",
                     match="direction")
    team.usage_error("editor", "submit", team.write("b\u202etxt.exe", CLEAN),
                     match="direction")
    assert json.loads(team.ok("editor", "queue", "--format", "json").stdout) == []
