"""The 内容 index counts the tool's own findings on what each account published through the
workflow (`review submit --account`), and the activity CSV only for accounts it never saw."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from workflow.team import CLEAN, Team

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "accounts"
TYPO = "关于开展冬季消防安全检查的通知\n\n请各单位按步就班完成自查，并将结果报区应急管理局。\n"


@pytest.fixture
def office(tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    team = Team.small(tmp_path)
    for csv in FIXTURES.glob("*.csv"):
        shutil.copy(csv, tmp_path)
    team.ok("admin", "accounts", "import", "accounts.csv")
    team.ok("admin", "accounts", "activity", "import", "activity-2026-10.csv")
    return team


def _release(team: Team, name: str, text: str, account: str | None) -> int:
    path = team.write(name, text)
    args = ["submit", path, "--format", "json"] + (["--account", account] if account else [])
    item = json.loads(team.ok("editor", *args).stdout)["id"]
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return item


def _scores(team: Team, period: str) -> dict[str, dict]:
    rows = json.loads(team.ok("admin", "accounts", "score", "--period", period,
                              "--format", "json").stdout)
    return {r["account"]: r for r in rows}


def test_the_content_index_counts_the_findings_on_what_went_out(office):
    _release(office, "a.md", TYPO, "城东发布")        # one typo went out
    _release(office, "b.md", CLEAN, "城东发布")       # none
    _release(office, "c.md", TYPO + "（附件）\n", None)  # for no account: counts nowhere
    month = date.today().strftime("%Y-%m")
    rows = _scores(office, month)
    assert rows["城东发布"]["content_source"] == "findings"
    assert rows["城东发布"]["content"] == 50.0  # 1 error over 2 posts
    assert rows["平安城东"]["content_source"] == "activity"
    # a month the tool saw nothing of: the activity CSV, as before
    assert _scores(office, "2026-10")["城东发布"]["content_source"] == "activity"


def test_a_finding_marked_as_reviewed_in_the_draft_is_no_error(office):
    """A typo kept on purpose (a quotation) is marked in the draft with its reason: the
    finding stays as information and is no error of the account."""
    text = TYPO.replace("请各单位", "<!-- review-ignore EX1002: 引用原文，不改 -->\n请各单位")
    _release(office, "a.md", text, "城东发布")
    rows = _scores(office, date.today().strftime("%Y-%m"))
    assert rows["城东发布"]["content"] == 100.0


def test_an_account_not_on_file_is_refused_and_kept_on_resubmission(office):
    path = office.write("a.md", CLEAN)
    office.usage_error("editor", "submit", path, "--account", "不存在的账号", match="no account")
    item = json.loads(office.ok("editor", "submit", path, "--account", "城东发布",
                                "--format", "json").stdout)["id"]
    office.write("a.md", TYPO)
    office.ok("editor", "submit", path)  # a new version, still for the same account
    office.ok("reviewer", "show", str(item))
    office.ok("reviewer", "approve", str(item))
    office.ok("editor", "release", str(item))
    rows = _scores(office, date.today().strftime("%Y-%m"))
    assert rows["城东发布"]["content_source"] == "findings"
    assert rows["城东发布"]["content"] == 0.0  # one post, one typo
