"""Insider pass 31: what it got through, and what now stops it.

Pass 30 had `review verify` read the store beside the draft, so that the editor's own release
of content rejected in another item — appended by hand, its attestation signed with his own
key — no longer verified. The store was read only where the folder said it was, and skipped
wherever it could not be read:
- the editor pointed review.toml's `database-url` at a store nobody can reach: verify went
  offline and said "released";
- or at a store of a workspace of his own: verify took it for another workspace's and went
  offline too;
- a draft made a link into a folder of his own (its .review/ holding his attestation, no
  store, no export) was verified there;
- `--roster` with the office's own export, made before the rejection, set the store aside.
A store the folder names must now be read (exit 3 when it cannot be, or is another
workspace's), unless the person chose it himself (REVIEW_DATABASE_URL); an export he trusts
(`--roster`) is added to, never put in its place; and a draft is verified in the workspace
where it is named.

And the editor spoilt the shared SQLite file so that the office restored last night's signed
backup, from before a rejection: nobody whose computer saw the rejection had acted since, and
the rejected text went out from the restored store. A restore now names the witnesses of the
workspace it replaces (`--witnesses`) and refuses a backup that lacks what they saw, or
accepts the loss knowingly (`--accept-loss`).

The desk built its check once for the day it started on: after midnight it still judged as of
the day before (a district head whose term had ended was current to it). It builds it again
on a new day."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import Result
from workflow.team import CLEAN, Team

from review.cli import main

from .test_attacks import approved_item
from .test_backup import _elsewhere
from .test_insider_thirtieth_pass import own_release, rejected_elsewhere

NOWHERE = "postgresql+psycopg://nobody@127.0.0.1:1/x"


def by_folder(team: Team, who: str, *args: str) -> Result:
    """`who` acting with the store the workspace's config names — as a member who set no
    REVIEW_DATABASE_URL of his own does."""
    return team.runner.invoke(main, list(args), env={**team.env(who), "REVIEW_DATABASE_URL": None},
                              catch_exceptions=False)


def config_names(team: Team, url: str | None) -> None:
    """review.toml names `url` as the store (None: the office's own, as before the attack)."""
    url = url or team.url
    (team.root / "review.toml").write_text(f'database-url = "{url}"\n' if url else "",
                                           encoding="utf-8")


def test_a_store_made_unreachable_does_not_take_verify_offline(team: Team) -> None:
    """The editor's own release of the rejected text, and review.toml pointed at a store
    nobody can reach: verify went offline and said "released" — to a reviewer who had used
    the office's store (it said the store had moved, and was skipped) and to a colleague
    who never had."""
    path, item = rejected_elsewhere(team)
    own_release(team, "editor", item, logged=True)
    config_names(team, None)
    by_folder(team, "reviewer", "queue")  # his computer remembers the office's store
    config_names(team, NOWHERE)
    for who in ("reviewer", "approver"):
        result = by_folder(team, who, "verify", path)
        assert result.exit_code == 3 and "cannot be read" in result.stderr, result.output
    config_names(team, None)
    team.refused("reviewer", "verify", path, match="rules refused")
    # a store the person chose himself that cannot be reached: verified offline, as before
    result = team.runner.invoke(main, ["verify", path], env={**team.env("reviewer"),
                                                             "REVIEW_DATABASE_URL": NOWHERE})
    assert result.exit_code == 0, result.output  # no store of his to read: the pin alone


def test_another_workspaces_store_does_not_take_verify_offline(team: Team,
                                                              tmp_path_factory,
                                                              monkeypatch) -> None:
    """review.toml pointed at the store of a workspace the editor made himself: it is not the
    pinned workspace's, so verify left it aside — and verified offline."""
    path, item = rejected_elsewhere(team)
    own_release(team, "editor", item, logged=True)
    monkeypatch.chdir(tmp_path_factory.mktemp("sandbox"))
    other = Team.small(Path.cwd())
    monkeypatch.chdir(team.root)
    config_names(team, f"sqlite:///{other.root}/.review/review.db")
    result = by_folder(team, "approver", "verify", path)
    assert result.exit_code == 3 and "another workspace's" in result.stderr, result.output


def test_a_draft_linked_out_of_its_workspace_is_not_verified_elsewhere(team: Team,
                                                                      tmp_path_factory
                                                                      ) -> None:
    """posts/a.txt made a link into a folder of the editor's own holding his attestation,
    with no store and no export beside it: verify followed the link and said "released"."""
    path, item = rejected_elsewhere(team)
    own_release(team, "editor", item, logged=True)
    team.refused("reviewer", "verify", path, match="rules refused")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / ".review" / "attestations").mkdir(parents=True)
    for made in (team.root / ".review" / "attestations").glob(f"*-{item}.dsse.json"):
        made.rename(elsewhere / ".review" / "attestations" / made.name)
    (elsewhere / "posts").mkdir()
    (elsewhere / path).write_text(CLEAN, encoding="utf-8")
    (team.root / path).unlink()
    os.symlink(elsewhere / path, team.root / path)
    team.refused("reviewer", "verify", path, match="a link into another workspace")
    (team.root / path).unlink()
    (team.root / "posts").rename(team.root / "posts.before")
    os.symlink(elsewhere / "posts", team.root / "posts")  # the directory itself a link
    team.refused("reviewer", "verify", path, match="a link into another workspace")


def test_a_trusted_export_does_not_set_the_store_aside(team: Team) -> None:
    """`review verify --roster .review/roster.json` — the office's own export, signed by its
    admin, made before the rejection — took the editor's own release, which verify without
    it refuses: naming an export one trusts made the check weaker."""
    path, item = rejected_elsewhere(team)
    own_release(team, "editor", item, logged=True)
    team.refused("reviewer", "verify", path, match="rules refused")
    team.refused("reviewer", "verify", "--roster", ".review/roster.json", path,
                 match="rules refused")
    unpinned = {**team.env("reviewer"), "REVIEW_TRUST_ROOT": None}
    result = team.runner.invoke(main, ["verify", "--roster", ".review/roster.json", path],
                                env=unpinned)
    assert result.exit_code == 1 and "rules refused" in result.stderr, result.output
    # nor does the store made unreachable bring the stale export back in its place
    config_names(team, NOWHERE)
    result = by_folder(team, "reviewer", "verify", "--roster", ".review/roster.json", path)
    assert result.exit_code == 3 and "cannot be read" in result.stderr, result.output


def backup_before_a_rejection(team: Team, tmp_path) -> tuple[Path, int]:
    """Last night's signed backup (its path), with an item approved (its id) whose text is
    rejected in another item after the backup: what a restore of it would lose."""
    team.add("outsider", "reviewer")
    rejected = team.submit("editor", team.write("copy.txt", CLEAN))
    _, item = approved_item(team)
    nightly = tmp_path / "nightly.db"
    team.ok("admin", "backup", "--out", str(nightly))
    team.ok("outsider", "reject", str(rejected), "--reason", "数据未经核实")
    return nightly, item


def test_a_restore_does_not_lose_what_the_old_witnesses_saw(team: Team, tmp_path,
                                                            tmp_path_factory,
                                                            monkeypatch) -> None:
    """Last night's signed backup, then a rejection of the same text in another item; the
    editor spoils the shared file and the office restores the backup into a new folder: the
    rejection was gone, and the editor released the text it rejected."""
    nightly, item = backup_before_a_rejection(team, tmp_path)
    old = team.root / ".review" / "witness"
    restored, _ = _elsewhere(team, tmp_path_factory, monkeypatch)
    restored.usage_error("admin", "restore", str(nightly), match="--witnesses")
    restored.fails(3, "admin", "restore", str(nightly), "--witnesses", str(old),
                   match="saw record")
    restored.ok("admin", "restore", str(nightly), "--accept-loss")  # said, and knowingly
    restored.write("a.txt", CLEAN)  # the content repository, as it was
    restored.ok("editor", "release", str(item))  # what --accept-loss gives away


LEADERS = """[[leader]]
name = "张建国"
title = "青岚区区长"
short_titles = ["区长"]
valid_from = 2021-06-01
valid_to = {last}

[[leader]]
name = "王立新"
title = "青岚区区长"
short_titles = ["区长"]
valid_from = {first}
"""
SPEECH = "关于开展冬季安全检查的通知\n\n区长张建国出席会议并讲话，要求各单位抓好落实。\n"


def test_the_desk_judges_with_the_day_it_approves_on(team: Team, monkeypatch) -> None:
    """The desk built its check on the day it started and kept that day: after midnight, a
    district head whose term ended yesterday (the office's pinned leaders file says so) was
    still current to it. The command line refuses to approve the draft that presents him as
    current (its check finds what the submission did not sign); the desk approved it, and it
    was released."""
    from datetime import date, timedelta

    from desk.conftest import client_of, desk_of, form_of

    today = date.today()
    (team.root / "org").mkdir()
    (team.root / "org" / "leaders.toml").write_text(LEADERS.format(
        last=today.isoformat(), first=(today + timedelta(days=1)).isoformat()), encoding="utf-8")
    (team.root / "review.toml").write_text('leaders = "org/leaders.toml"\n', encoding="utf-8")
    team.ok("admin", "policy", "lists")
    first = team.submit("editor", team.write("a.txt", CLEAN))
    late = team.submit("editor", team.write("b.txt", SPEECH))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    assert client.post(f"/items/{first}/approve", data=form_of(client, first)).status_code == 303

    class Tomorrow(date):
        @classmethod
        def today(cls) -> date:
            return today + timedelta(days=1)

    monkeypatch.setattr("review.stages.expression.date", Tomorrow)
    # (raising=False: before the fix the service did not read the day at all)
    monkeypatch.setattr("review.workflow.service.date", Tomorrow, raising=False)
    version = form_of(client, late)["version"]
    team.refused("reviewer", "approve", str(late), "--version", version, match="findings")
    response = client.post(f"/items/{late}/approve", data=form_of(client, late))
    assert response.status_code == 409 and "findings" in response.text
    team.refused("editor", "release", str(late))
