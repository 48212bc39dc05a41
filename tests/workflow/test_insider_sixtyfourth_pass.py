"""Red-team pass 64 (docs/redteam/pass-64.md): attacks run through the CLI that held. No rule
broke in this pass; these pin what was run: the thief of one admin key under an admins'
threshold of two (M1–M3), hand-built attestations checked offline with a pin and no store (M7),
a backup restored over a rejection made since (M5), and a Word file re-zipped after its
rejection (M6)."""

from __future__ import annotations

import base64
import io
import json
import shutil
import zipfile

import pytest
from sqlalchemy import create_engine
from workflow.team import CLEAN, Team, three_admins

from review.cli import main
from review.workflow import chain, dsse, keys
from review.workflow.store import sqlite_url

from .test_insider_eleventh_pass import _word


def _append(team: Team, who: str, kind: str, statement: dict) -> None:
    """A record signed with `who`'s key by the thief's own copy of `review`."""
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        chain.append(conn, keys.load(team.key(who)), kind, None, statement)
    engine.dispose()


def _records(team: Team) -> list:
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        found = chain.records(conn)
    engine.dispose()
    return found


def test_m1_one_admin_key_under_a_threshold_of_two_only_proposes(team: Team) -> None:
    """M1–M3: admin2's key stolen, threshold 2. Every admin command is a proposal; co-signatures
    the thief signs by hand with the same key (the right hash, a wrong one) count for
    nothing and the audit names them; his export counts only once another admin signs it."""
    three_admins(team)
    team.keygen("thief")
    for args in (("roster", "add", "thief", "--role", "reviewer,approver,admin", "--key",
                  f"{team.key('thief')}.pub"),
                 ("roster", "rotate", "admin3", "--key", f"{team.key('outsider')}.pub"),
                 ("policy", "set", "--levels", "reviewer", "--admin-threshold", "1"),
                 ("roster", "revoke", "admin3")):
        assert "needs 1 more" in team.ok("admin2", *args).stdout
    pending = json.loads(team.ok(None, "roster", "pending", "--format", "json").stdout)
    assert len(pending) == 4
    proposals = {r.seq: r for r in _records(team)}
    for p in pending:
        target = proposals[p["seq"]]
        for digest in (target.computed_hash(), "0" * 64):
            _append(team, "admin2", "trust.cosign",
                    {"target": p["seq"], "target_hash": digest, "at": target.statement["at"]})
    roster = json.loads(team.ok(None, "roster", "list", "--format", "json").stdout)
    assert "thief" not in {p["name"] for p in roster}
    assert {p["name"]: p["revoked"] for p in roster}["admin3"] is False
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.refused("thief", "approve", str(item), match="not on the roster")
    # his second signature on his own proposal is one admin's still: each needs one more
    after = json.loads(team.ok(None, "roster", "pending", "--format", "json").stdout)
    assert [(p["signed_by"], p["needs"]) for p in after] == [(["admin2"], 1)] * 4
    # the co-signatures of another hash are named (exit 1); his repeated ones change nothing
    audit = team.run(None, "audit", "verify")
    assert audit.exit_code == 1 and audit.stdout.count("counts for nothing") == 4, audit.stdout
    assert "1 more admin" in team.ok("admin2", "roster", "export").output
    team.refused(None, "verify", "posts/a.txt", "--roster", ".review/roster.json",
                 match="admin")


def _offline(team: Team, root, rel: str, mutate) -> object:
    """`review verify` of the draft in a folder with the attestation and no store, the pin
    set; the attestation's payload changed by `mutate` and signed again with the editor's
    (the releaser's) key."""
    (root / ".review" / "attestations").mkdir(parents=True)
    (root / "review.toml").write_text("", encoding="utf-8")
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(team.root / rel, root / rel)
    editor = keys.load(team.key("editor"))
    for f in (team.root / ".review" / "attestations").iterdir():
        env = json.loads(f.read_text(encoding="utf-8"))
        body = mutate(json.loads(base64.b64decode(env["payload"])))
        made = dsse.envelope(env["payloadType"],
                             json.dumps(body, ensure_ascii=False).encode(), [editor])
        (root / ".review" / "attestations" / f.name).write_text(json.dumps(made))
    return team.runner.invoke(main, ["verify", rel], env=team.env("editor"))


def _last(field: str, value):
    def mutate(body):
        body["predicate"]["records"][-1][field] = value(body["predicate"]["records"][-1][field])
        return body
    return mutate


def _records_as(change):
    def mutate(body):
        body["predicate"]["records"] = change(body["predicate"]["records"])
        return body
    return mutate


def _subject_upper(body):
    digest = body["subject"][0]["digest"]
    digest["sha256"] = digest["sha256"].upper()
    return body


# (what the editor changes, whether the attestation still attests the same release)
HAND_BUILT = {
    "as_released": (lambda b: b, True),
    # the same release written otherwise: its signatures and places unchanged, no gain
    "seq_as_text": (_last("seq", str), True),
    "seq_as_real": (_last("seq", float), True),
    # pass 75: the summary's `log_hash` names the log's record, which the carried one, hashed
    # with `true` for its item, no longer is: refused (the office never writes it)
    "last_item_true": (_last("item", lambda _: True), False),
    # a record of the middle marked `true`: its hash changes, the next link breaks
    "every_item_true": (_records_as(lambda rs: [{**r, "item": True} for r in rs]), False),
    "item_real": (_last("item", float), False),
    "item_huge": (_last("item", lambda _: 2 ** 70), False),
    "seq_huge": (_last("seq", lambda _: 2 ** 70), False),
    "digest_upper": (_subject_upper, False),
    "reordered": (_records_as(lambda rs: list(reversed(rs))), False),
    "release_twice": (_records_as(lambda rs: rs + rs[-1:]), False),
    "submission_left_out": (_records_as(lambda rs: rs[1:]), False),
    "records_not_records": (_records_as(lambda rs: ["x", None]), False),
    "body_a_number": (_last("body", lambda _: 5), False),
    "prev_hash_null": (_last("prev_hash", lambda _: None), False),
}


@pytest.mark.parametrize("name", list(HAND_BUILT))
def test_m7_hand_built_attestations_offline(team: Team, tmp_path_factory, monkeypatch,
                                            name: str) -> None:
    """M7 (pass 63's L4/L5, run): the editor re-signs the attestation of his own release with
    fields written otherwise; checked with the pin and no store: exit 0 only where it is the
    same release, exit 1 with one line otherwise, never a traceback."""
    if team.url:
        pytest.skip("offline: no store is read")
    mutate, same = HAND_BUILT[name]
    rel = team.write("a.md", CLEAN)
    item = team.submit("editor", rel)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    clone = tmp_path_factory.mktemp("clone")
    monkeypatch.chdir(clone)
    result = _offline(team, clone, rel, mutate)
    assert "Traceback" not in result.output
    assert result.exit_code == (0 if same else 1), (result.output, result.stderr)
    if not same:
        assert result.stderr.count("\n") == 1, result.stderr


def test_m5_a_backup_from_before_a_rejection_is_not_restored_unnoticed(
        team: Team, tmp_path_factory, monkeypatch) -> None:
    """M5: the office's signed backup of last night, restored in a new folder after the
    reviewer's rejection: refused (exit 3) when the old workspace's witnesses are named; only
    `--accept-loss` restores it."""
    item = team.submit("editor", team.write("a.txt", CLEAN))
    night = team.root / "night.db"
    team.ok("admin", "backup", "--out", str(night))
    team.ok("reviewer", "reject", str(item), "--reason", "不行")
    fresh = tmp_path_factory.mktemp("restored")
    monkeypatch.chdir(fresh)
    result = team.runner.invoke(main, ["restore", str(night), "--witnesses",
                                       str(team.root / ".review" / "witness")],
                                env={**team.env("admin"), "REVIEW_DATABASE_URL": ""})
    assert result.exit_code == 3, result.output
    assert "lacks" in result.stderr and result.stderr.count("\n") == 1
    assert not (fresh / ".review").exists()


def _rezipped(data: bytes) -> bytes:
    """The same parts, stored uncompressed and in reverse order: other bytes, same XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in reversed(src.infolist()):
            dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def test_m6_a_word_file_re_zipped_after_its_rejection_stays_rejected(team: Team) -> None:
    """M6 (pass 63's open item): a .docx rejected, the same XML zipped again (another content
    hash) and submitted again: refused, the rejection sticks to the text."""
    data = _word("关于开展冬季消防安全检查的通知。请各单位于12月10日前完成自查。")
    rel = team.write("a.docx", data)
    item = team.submit("editor", rel)
    team.ok("reviewer", "reject", str(item), "--reason", "不行")
    again = _rezipped(data)
    assert again != data
    team.write("a.docx", again)
    team.refused("editor", "submit", rel, match="rejected in item")
