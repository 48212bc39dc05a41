"""The twenty-fifth red-team pass (the desk, the store, key lifecycle, backups): what it got
through, and what now stops it.

- The title a reviewer reads — `review show`, `review queue`, the desk's queue and draft page,
  the inspectors' record — came from the items table, which any member may write: an editor
  set it to 关于表彰先进集体的决定（书记已阅同意） over a draft he had signed under another
  title. The title signed with the current version is shown now.
- Under an admin threshold, a proposal signed with an admin key that was revoked afterwards
  (the key stolen, the thief's proposal left pending) took effect at one other admin's
  co-signature: the revoked key's signature still counted, and `roster pending` listed it.
  A signature counts now only while its key is in force and its signer an admin.
- `review restore` read the backup three times where it lies — checked, its signature
  checked, then copied into the new store: a member who can write the backup folder could
  swap in an older signed backup (before a rejection) between the check and the copy, and
  the restore reported the newer one. The backup is copied once to a private directory, and
  that copy is what is checked and restored.
"""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, Team, three_admins

FORGED = "关于表彰先进集体的决定（书记已阅同意）"


def _sql(team: Team, statement: str, **params):
    url = team.url or f"sqlite:///{team.root / '.review' / 'review.db'}"
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None
    finally:
        engine.dispose()


def test_the_title_shown_is_the_signed_one_not_the_table_s(team, monkeypatch):
    from desk.conftest import client_of, desk_of

    item = team.submit("editor", team.write("a.md", CLEAN))
    _sql(team, "UPDATE review_items SET title = :t WHERE id = :i", t=FORGED, i=item)
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert shown["title"] == CLEAN.splitlines()[0]
    queue = team.ok("reviewer", "queue").stdout
    assert FORGED not in queue and CLEAN.splitlines()[0] in queue
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    for page in (f"/items/{item}", "/", f"/items/{item}/record"):
        answer = client.get(page)
        assert answer.status_code == 200 and FORGED not in answer.text, page
    # the hand edit itself is still named
    audit = team.run("admin", "audit", "verify")
    assert audit.exit_code == 1 and "title" in audit.output


def _pending(team: Team) -> list[dict]:
    data = json.loads(team.ok("admin", "roster", "pending", "--format", "json").stdout)
    return data if isinstance(data, list) else data["pending"]


def test_a_revoked_admin_s_proposal_needs_the_threshold_anew(team):
    three_admins(team)
    # admin3's key is stolen: the thief proposes a reviewer key of his own
    team.ok("admin3", "roster", "add", "outsider", "--role", "reviewer",
            "--key", f"{team.key('outsider')}.pub")
    stolen = _pending(team)[-1]["seq"]
    team.ok("admin", "roster", "revoke", "admin3")
    revoke = [p for p in _pending(team) if p["seq"] != stolen][-1]["seq"]
    team.ok("admin2", "roster", "cosign", str(revoke))
    # the revoked key's signature is not listed, nor counted
    waiting = next(p for p in _pending(team) if p["seq"] == stolen)
    assert waiting["signed_by"] == [] and waiting["needs"] == 2
    team.ok("admin2", "roster", "cosign", str(stolen))
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("outsider", "show", str(item))
    team.refused("outsider", "approve", str(item))
    # two admins in force agreeing is the threshold: then it takes effect
    team.ok("admin", "roster", "cosign", str(stolen))
    team.ok("outsider", "approve", str(item))


def test_restore_restores_the_bytes_it_checked(team, tmp_path, tmp_path_factory, monkeypatch):
    from review.workflow import backup

    if team.url:
        pytest.skip("the backup file is the same for both stores")
    item = team.submit("editor", team.write("b.md", CLEAN + "联系电话：13912345678\n"))
    old = tmp_path / "old.db"
    team.ok("admin", "backup", "--out", str(old))
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "reject", str(item), "--reason", "联系方式不宜公开")
    new = tmp_path / "new.db"
    team.ok("admin", "backup", "--out", str(new))
    where = tmp_path_factory.mktemp("restored")
    monkeypatch.chdir(where)
    shutil.copytree(team.root / "keys", where / "keys")  # a new computer: no heads seen
    other = Team(where, None)
    checked = backup.signer

    def then_swapped(path, summary, *shown):
        name = checked(path, summary, *shown)
        shutil.copyfile(old, new)  # a member's swap in the shared folder, after the check
        return name

    monkeypatch.setattr(backup, "signer", then_swapped)
    said = json.loads(other.ok("admin", "restore", str(new), "--format", "json",
                               "--witnesses", str(team.root / ".review")).stdout)
    assert _sql(other, "SELECT count(*) FROM review_log")[0][0] == said["records"]
    assert _sql(other, "SELECT count(*) FROM review_log WHERE kind = 'reject'")[0][0] == 1
    assert "联系方式不宜公开" in other.ok("reviewer", "log", str(item)).stdout
