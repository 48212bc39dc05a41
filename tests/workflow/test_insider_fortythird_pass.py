"""Red-team pass 43 on the workflow: names drawn nearly alike that roster.drawn_as did not
take for one another (大/太 a dot apart, 王/玉, 天/夫, 人/八, 日/目, 木/术, 明/眀): the thief of
one admin key proposes 太伟 beside the reviewer 大伟, and a co-signer reading `roster pending`
takes it for 大伟's new key."""

from __future__ import annotations

import pytest
from workflow.team import Team


@pytest.mark.parametrize(("there", "added"), [("大伟", "太伟"), ("王建国", "玉建国"),
                                              ("天明", "夫明"), ("人杰", "八杰"),
                                              ("日新", "目新"), ("木兰", "术兰"),
                                              ("李明", "李眀"), ("白云", "自云")])
def test_a_name_a_stroke_from_a_colleagues_is_refused(team: Team, there: str,
                                                       added: str) -> None:
    team.keygen("first")
    team.keygen("thief2")
    team.ok("admin", "roster", "add", there, "--role", "reviewer", "--key",
            f"{team.key('first')}.pub")
    team.refused("admin", "roster", "add", added, "--role", "reviewer", "--key",
                 f"{team.key('thief2')}.pub", match=f"looks the same as {there}")
