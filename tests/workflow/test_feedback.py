"""Reviewers' decisions as labelled examples: a rejection's signed marks and `review feedback
export`, through the real CLI on SQLite and PostgreSQL."""

import json

import pytest
from sqlalchemy import text
from workflow.team import clock

from review.model import corpus

from .test_attacks import engine
from .test_insider_eighth_pass import append_signed
from .test_insider_eleventh_pass import _drop_log_triggers

# An override: 加微信 (AD001) is the canteen's own booking line here; the phone is a person's.
CANTEEN = ("关于社区老年食堂开餐的通知\n\n"
           "社区老年食堂本周一起正式开餐，居民可加微信咨询订餐事宜，联系电话13912345678。\n"
           "每份午餐十二元，八十岁以上老人免费。\n")
# A rejection: the sponsor's advertisement, which the check does not find, is marked; a
# name and a number in it are masked.
SPONSOR = ("街道举办重阳节敬老活动\n\n重阳节当天，街道为辖区老人送上慰问品。\n"
           "活动由阳光养生馆赞助，王秀兰说该馆的理疗项目效果很好，预约电话13812345678。\n")
AD_START = SPONSOR.index("活动由")
AD_END = SPONSOR.index("。", AD_START) + 1


def _dated(team, monkeypatch, day: str) -> None:
    """Decisions signed from now on carry this day (the signer's clock, and the server's)."""
    clock(team, monkeypatch, f"{day}T10:00:00+08:00")


def _override_and_release(team) -> int:
    item = team.submit("editor", team.write("canteen.txt", CANTEEN))
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    finding = next(f["key"] for f in shown["findings"] if f["rule"] == "AD001")
    team.ok("reviewer", "override", str(item), finding, "--reason", "食堂自己的订餐微信")
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return item


def _reject_with_mark(team) -> int:
    item = team.submit("editor", team.write("sponsor.txt", SPONSOR))
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "reject", str(item), "--reason", "夹带商业广告",
            "--mark", f"{AD_START}:{AD_END}:ads")
    return item


def _export(team, *args: str) -> tuple[list[str], list[dict]]:
    out = team.root / "out"
    team.ok(None, "feedback", "export", "--out", str(out), *args)
    tsv = (out / "feedback.tsv").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in (out / "feedback.jsonl").read_text(
        encoding="utf-8").splitlines()]
    return tsv, rows


def test_overrides_and_marks_become_labelled_masked_sentences(team, monkeypatch):
    _dated(team, monkeypatch, "2026-11-03")
    released = _override_and_release(team)
    _dated(team, monkeypatch, "2026-12-02")
    rejected = _reject_with_mark(team)
    tsv, rows = _export(team)
    assert tsv == [
        "neutral\t社区老年食堂本周一起正式开餐，居民可加微信咨询订餐事宜，联系电话＊＊＊＊＊＊＊＊＊＊＊。",
        "ads\t活动由阳光养生馆赞助，＊＊＊说该馆的理疗项目效果很好，预约电话＊＊＊＊＊＊＊＊＊＊＊。"]
    assert "13912345678" not in json.dumps(rows, ensure_ascii=False)
    override, mark = rows
    assert (override["kind"], override["rule"], override["category"], override["item"]) == \
        ("override", "AD001", "ads", released)
    assert override["reason"] == "食堂自己的订餐微信" and override["date"] == "2026-11-03"
    assert (mark["kind"], mark["rule"], mark["label"], mark["item"], mark["reason"]) == \
        ("reject", None, "ads", rejected, "夹带商业广告")
    log = json.loads(team.ok(None, "log", str(rejected), "--format", "json").stdout)
    assert mark["seq"] == log[-1]["seq"] and log[-1]["kind"] == "reject"
    shown = json.loads(team.ok(None, "show", str(rejected), "--format", "json").stdout)
    assert mark["content_sha256"] == shown["content_sha256"]
    # the file is what `review model train --data` reads
    labels, texts = corpus.read([team.root / "out" / "feedback.tsv"])
    assert labels == ["neutral", "ads"] and texts[1].startswith("活动由阳光养生馆赞助")
    # --since: decisions signed on or after that day
    tsv, _ = _export(team, "--since", "2026-12-01")
    assert [line.split("\t")[0] for line in tsv] == ["ads"]
    tsv, _ = _export(team, "--since", "2027-01-01")
    assert tsv == []
    team.usage_error(None, "feedback", "export", "--out", "x", "--since", "2026-13-01",
                     match="2026-13-01")


def test_marks_are_shown_with_the_rejection(team):
    item = _reject_with_mark(team)
    log = json.loads(team.ok(None, "log", str(item), "--format", "json").stdout)
    [signed] = log[-1]["statement"]["marks"]
    assert (signed["start"], signed["end"], signed["category"]) == (AD_START, AD_END, "ads")
    shown = team.ok(None, "show", str(item)).stdout
    assert "passages marked by the rejection:" in shown
    assert f"{AD_START}:{AD_END}  ads  活动由阳光养生馆赞助" in shown


def test_a_mark_must_be_inside_the_text_with_a_known_category(team):
    item = team.submit("editor", team.write("sponsor.txt", SPONSOR))
    size = len(SPONSOR)
    for mark, said in [(f"0:{size + 1}:ads", "beyond the draft's text"),
                       ("5:5:ads", "START must be below END"),
                       ("9:2:ads", "START must be below END"),
                       ("0:4:expression", "unknown category"),
                       ("0:4", "expected START:END:CATEGORY"),
                       ("-1:4:ads", "expected START:END:CATEGORY")]:
        team.usage_error("reviewer", "reject", str(item), "--reason", "x", "--mark", mark,
                         match=said)
    # nothing was recorded: the item still waits
    assert json.loads(team.ok(None, "show", str(item), "--format", "json").stdout)[
        "state"] == "pending"
    # a category by its Chinese name, the whole text marked
    team.ok("reviewer", "reject", str(item), "--reason", "x", "--mark", f"0:{size}:商业广告和链接")
    [mark] = json.loads(team.ok(None, "log", str(item), "--format", "json").stdout)[-1][
        "statement"]["marks"]
    assert mark["category"] == "ads" and mark["end"] == size


def test_the_marks_are_signed_a_changed_one_stops_the_store(team):
    """The marks are in the rejection's signed body: relabelled in place (SQLite, the
    append-only triggers dropped), the record no longer hashes to itself: exit 3."""
    if team.url:
        pytest.skip("PostgreSQL: a member may not drop the log's triggers (MEMBER_GRANTS)")
    item = _reject_with_mark(team)
    made = engine(team)
    with made.begin() as conn:
        body = json.loads(conn.execute(text(
            "SELECT body FROM review_log WHERE kind = 'reject'")).scalar())
        assert body["statement"]["marks"][0]["category"] == "ads"
        _drop_log_triggers(conn)
        conn.execute(text("UPDATE review_log SET body = replace(body, '\"category\":\"ads\"', "
                          "'\"category\":\"opinion\"') WHERE kind = 'reject'"))
    made.dispose()
    result = team.run(None, "feedback", "export", "--out", str(team.root / "out"))
    assert result.exit_code == 3 and "altered" in result.stderr, result.stderr
    assert not (team.root / "out").exists()
    assert team.run(None, "stats").exit_code == 3
    assert team.run("reviewer", "show", str(item)).exit_code == 3


def test_an_override_signed_without_its_sentence_takes_it_from_the_signed_version(team):
    """An override as the store signed them before they carried their sentence: the
    sentence comes from the draft's bytes while they hash to the version it was of; once
    the draft is resubmitted those bytes are gone, and the override is left out, said."""
    path = team.write("canteen.txt", CANTEEN)
    item = team.submit("editor", path)
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    finding = next(f["key"] for f in shown["findings"] if f["rule"] == "AD001")
    append_signed(team, "reviewer", "override", item, {
        "path": path, "content_sha256": shown["content_sha256"], "finding": finding,
        "reason": "食堂自己的订餐微信"})
    tsv, rows = _export(team)
    assert tsv == [
        "neutral\t社区老年食堂本周一起正式开餐，居民可加微信咨询订餐事宜，联系电话＊＊＊＊＊＊＊＊＊＊＊。"]
    assert rows[0]["date"] == ""
    assert _export(team, "--since", "2000-01-01")[0] == []  # no date: not in any period
    team.write("canteen.txt", CANTEEN.replace("十二元", "十元"))
    assert team.submit("editor", path) == item
    result = team.ok(None, "feedback", "export", "--out", str(team.root / "out"))
    assert "1 earlier overrides signed no sentence" in result.stderr
    assert (team.root / "out" / "feedback.tsv").read_text(encoding="utf-8") == ""


def test_feedback_export_needs_a_workspace(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from review.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["feedback", "export", "--out", "out"],
                                env={"REVIEW_LANG": "en"})
    assert result.exit_code == 2 and "not in a review workspace" in result.stderr
