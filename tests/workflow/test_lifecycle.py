"""The whole life of an item through the real CLI, on SQLite and PostgreSQL."""

import json
from pathlib import Path

from rendered import aligned
from workflow.team import CLEAN


def test_submit_review_release_verify(team):
    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    queue = json.loads(team.ok("reviewer", "queue", "--format", "json").stdout)
    assert [(q["id"], q["level"], q["editor"]) for q in queue] == [(item, 1, "editor")]
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert shown["content"] == CLEAN and shown["state"] == "pending"
    team.ok("reviewer", "approve", str(item), "--comment", "同意发布")
    team.refused("reviewer", "release", str(item), match="editor")
    attestation = team.ok("editor", "release", str(item)).stdout.strip()
    assert attestation.endswith(".dsse.json")
    envelope = json.loads(Path(attestation).read_text(encoding="utf-8"))
    assert set(envelope) == {"payloadType", "payload", "signatures"}
    team.ok(None, "verify", path)
    kinds = [r["kind"] for r in json.loads(team.ok(None, "log", str(item), "--format",
                                                   "json").stdout)]
    assert kinds == ["submit", "approve", "release"]
    team.ok(None, "audit", "verify")
    assert json.loads(team.ok("admin", "whoami", "--format", "json").stdout)["roles"] == ["admin"]


def test_three_levels_with_a_separate_publisher(team):
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver", "--separate-publisher")
    team.keygen("publisher")
    team.add("publisher", "publisher")
    path = team.write("b.txt", CLEAN)
    item = team.submit("editor", path)
    team.refused("approver", "approve", str(item), match="reviewer")  # level 1 comes first
    team.ok("reviewer", "approve", str(item))
    team.refused("reviewer", "approve", str(item), match="approver")
    team.refused("publisher", "release", str(item), match="level 2")
    team.ok("approver", "approve", str(item))
    team.refused("editor", "release", str(item), match="publisher")
    team.ok("publisher", "release", str(item))
    team.ok(None, "verify", path)


def test_rejection_and_resubmission(team):
    path = team.write("c.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "reject", str(item), "--reason", "标题不规范")
    team.refused("reviewer", "approve", str(item), match="rejected")
    team.write("c.txt", CLEAN.replace("通知", "通知（修改稿）"))
    assert team.submit("editor", path) == item
    # resubmitted: the reviewer must be seen to read the new version before approving it
    team.refused("reviewer", "approve", str(item), match="resubmitted")
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    team.ok(None, "verify", path)


def test_block_findings_need_a_fix_or_an_override(team):
    path = team.write("d.txt", CLEAN + "当事人身份证号11010519491231002X。\n")
    item = team.submit("editor", path)
    finding = next(f["key"] for f in json.loads(team.ok(None, "show", str(item), "--format",
                                                        "json").stdout)["findings"]
                   if f["severity"] == "block")
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="block")
    team.refused("editor", "override", str(item), finding, "--reason", "x", match="role")
    team.usage_error("reviewer", "override", str(item), "SC999@1", "--reason", "x",
                     match="no block")
    team.ok("reviewer", "override", str(item), finding, "--reason", "样例号码，非真实个人信息")
    team.ok("editor", "release", str(item))


def test_consent_topics_need_the_units_consent(team):
    path = team.write("e.txt", CLEAN + "目前遇难人数已上升至3人。\n")
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="consent")
    team.ok("reviewer", "consent", str(item), "--ref", "区应急局〔2026〕12号")
    team.ok("editor", "release", str(item))


def test_the_repository_config_cannot_weaken_the_check_that_gates_release(team):
    (team.root / "review.toml").write_text(
        'allow = ["11010519491231002X"]\n[severity]\nSC501 = "off"\nsecrets = "info"\n',
        encoding="utf-8")
    draft = team.write("d.txt", CLEAN + "当事人身份证号11010519491231002X。\n")
    item = team.submit("editor", draft)
    team.ok("reviewer", "approve", str(item))
    team.refused("editor", "release", str(item), match="SC501@")


def test_the_repository_config_cannot_turn_the_model_off_for_the_gate(team):
    """Thresholds above 1 turn the model's classes off for a `review check` of one's own, not
    for the check that gates release (issue 16, #7)."""
    (team.root / "review.toml").write_text(
        "[classifier]\nads = 1.01\nopinion = 1.01\nillegal = 1.01\nsecurity = 1.01\n"
        "secrets = 1.01\nconsent = 1.01\n", encoding="utf-8")
    draft = team.write("e.txt", CLEAN + "说真的，每年都搞这种检查，累死人了，烦透了！\n")
    item = team.submit("editor", draft)
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert "OP901" in {f["rule"] for f in shown["findings"]}


def test_errors_are_one_sentence(team):
    team.usage_error("reviewer", "approve", "999", match="no item 999")
    team.refused("outsider", "submit", team.write("f.txt", CLEAN), match="not on the roster")
    team.usage_error(None, "submit", "posts/f.txt", match="keygen")  # no key: exit 2
    # the shipped size limit, by the file's size before anything of it is read
    with open(team.root / "posts" / "huge.txt", "wb") as f:
        f.truncate(2**31)
    team.usage_error("editor", "submit", "posts/huge.txt",
                     match="huge.txt: is too large (2 GB, the limit is 10 MB)")
    team.usage_error("editor", "submit", "posts/none.txt",
                     match="none.txt: no such file or directory")


def test_an_attestation_cut_short_is_written_again_by_its_releaser(team, monkeypatch):
    """The release is committed first and the attestation written after: a crash between the
    two leaves a recorded release and no file, never a file the log does not hold."""
    from review.workflow import attest

    path = team.write("a.txt", CLEAN)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    real = attest.write

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attest, "write", crash)
    team.fails(3, "editor", "release", str(item), match="run `review release")
    assert not list((team.root / ".review" / "attestations").glob("*.dsse.json"))
    team.refused(None, "verify", path, match="no valid release attestation")
    monkeypatch.setattr(attest, "write", real)
    team.refused("reviewer", "release", str(item), match="released by editor")
    written = team.ok("editor", "release", str(item)).stdout.strip()
    assert Path(written).is_file()
    team.ok(None, "verify", path)
    team.refused("editor", "release", str(item), match="its attestation is")


def test_queue_show_and_log_line_up_by_display_width(team):
    """A Chinese name or title takes two columns a character: the tables are padded by display
    width, not laid out by tabs."""
    team.keygen("欧阳小明")
    team.add("欧阳小明", "editor")
    first = team.submit("editor", team.write("a.txt", CLEAN))
    second = team.submit("欧阳小明", team.write("b.txt", "区应急管理局通知\n\n" + CLEAN))
    queue = team.ok(None, "queue").stdout.splitlines()
    assert [line.split()[0] for line in queue] == ["id", str(first), str(second)]
    assert len(aligned(queue)) == 6
    assert queue[2].endswith("欧阳小明  区应急管理局通知")
    item = team.submit("editor", team.write("c.txt", CLEAN + "请加微信 abc_shop888 领取。\n"))
    shown = team.ok(None, "show", str(item)).stdout.splitlines()
    findings = [line for line in shown[2:] if line.startswith("  ")]
    assert len(findings) >= 2 and len(aligned(findings)) == 6
    team.ok("reviewer", "approve", str(second))
    log = team.ok(None, "log", str(second)).stdout.splitlines()
    assert [line.split()[2] for line in log] == ["欧阳小明", "reviewer"]
    assert len(aligned(log)) == 4
