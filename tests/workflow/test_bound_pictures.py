"""The pictures a draft shows are part of what is approved (docs/redteam/pictures.md): the
submission binds each local file the draft loads (path and SHA-256), `review show` and the
approval list them, the attestation carries them, and `review verify` refuses the draft once
one is replaced, gone or not bound. Before this, an attestation bound the draft's bytes alone
and a picture replaced after approval still verified as released."""

from __future__ import annotations

import json
import os

import pytest
from workflow.team import CLEAN

from review.workflow import chain, service

CHART = b"\x89PNG\r\n\x1a\n approved chart"
OTHER = b"\x89PNG\r\n\x1a\n a picture nobody approved"
POST = CLEAN + "\n![全区供水示意图](chart.png)\n"


def released(team, text: str = POST, pictures: dict[str, bytes] | None = None,
             name: str = "a.md") -> tuple[str, int]:
    for picture, data in (pictures if pictures is not None else {"chart.png": CHART}).items():
        team.write(picture, data)
    path = team.write(name, text)
    item = team.submit("editor", path)
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return path, item


def verify(team, path: str, *extra: str):
    return team.run("reviewer", "verify", *extra, path)


def test_a_picture_replaced_after_release_is_refused_by_verify(team):
    path, _ = released(team)
    assert "released" in team.ok("reviewer", "verify", path).stdout
    team.write("chart.png", OTHER)
    team.refused("reviewer", "verify", path, match="posts/chart.png")
    assert "replaced after approval" in verify(team, path).stderr
    team.write("chart.png", CHART)  # put back: the approved post again
    assert "released" in team.ok("reviewer", "verify", path).stdout


def test_a_picture_removed_after_release_is_refused_by_verify(team):
    path, _ = released(team)
    (team.root / "posts" / "chart.png").unlink()
    team.refused("reviewer", "verify", path, match="posts/chart.png, which does not exist")


def test_every_kind_of_reference_is_bound(team):
    """HTML's pictures, sources, posters, frames, objects and inline CSS, and Markdown's
    reference-style images: each file is bound, and replacing any one is refused."""
    # a frame's and an object's file a picture: a local page there is refused (pass 70)
    files = {name: f"{name} approved".encode() for name in (
        "img.png", "set1.png", "set2.png", "pic.webp", "clip.mp4", "poster.jpg", "bg.png",
        "ref.png")} | {name: CHART + name.encode() for name in ("page.png", "obj.png")}
    page = (CLEAN + '<p><img src="img.png" srcset="set1.png 1x, set2.png 2x"></p>\n'
            '<picture><source srcset="pic.webp"></picture>\n'
            '<video src="clip.mp4" poster="poster.jpg"></video>\n'
            '<iframe src="page.png"></iframe><object data="obj.png"></object>\n'
            '<div style="background: url(\'bg.png\')">x</div>\n\n![图][r]\n\n[r]: ref.png\n')
    path, item = released(team, page, files)
    shown = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert sorted(r["path"] for r in shown["resources"]) == sorted(f"posts/{n}" for n in files)
    assert "released" in team.ok("reviewer", "verify", path).stdout
    for name in files:
        team.write(name, OTHER)
        team.refused("reviewer", "verify", path, match=f"posts/{name}")
        team.write(name, files[name])


def test_a_local_picture_the_attestation_does_not_bind_is_refused(team):
    path, _ = released(team)
    team.write("new.png", OTHER)
    team.write("a.md", POST + "![](new.png)\n")
    team.refused("reviewer", "verify", path)  # other content: no attestation of it at all


def test_a_picture_replaced_between_submission_and_approval_is_refused(team):
    """What the reviewer approves is what was submitted: a picture replaced on the shared
    folder meanwhile is not approved in its place."""
    team.write("chart.png", CHART)
    item = team.submit("editor", team.write("a.md", POST))
    team.write("chart.png", OTHER)
    team.refused("reviewer", "approve", str(item), match="posts/chart.png")
    team.write("chart.png", CHART)
    team.ok("reviewer", "approve", str(item))
    team.write("chart.png", OTHER)
    team.refused("editor", "release", str(item), match="posts/chart.png")


def test_show_and_approve_list_the_bound_pictures(team):
    team.write("chart.png", CHART)
    item = team.submit("editor", team.write("a.md", POST))
    digest = __import__("hashlib").sha256(CHART).hexdigest()
    shown = team.ok("reviewer", "show", str(item)).stdout
    assert "local files approved with the draft (1)" in shown
    assert "posts/chart.png" in shown and f"{len(CHART)} B" in shown and digest[:16] in shown
    approved = team.ok("reviewer", "approve", str(item)).stdout
    assert "posts/chart.png" in approved and digest[:16] in approved


@pytest.mark.parametrize("address, said", [
    ("../../outside.png", "outside the workspace"),
    ("/../outside.png", "outside the workspace"),
    ("linked.png", "through a link"),
    ("folder/chart.png", "through a link"),
    ("missing.png", "posts/missing.png, which does not exist"),
])
def test_a_reference_out_of_the_workspace_through_a_link_or_missing_is_refused_at_submit(
        team, tmp_path, address, said):
    (tmp_path.parent / "outside.png").write_bytes(OTHER)
    team.write("chart.png", CHART)
    os.symlink(team.root / "posts" / "chart.png", team.root / "posts" / "linked.png")
    os.symlink(tmp_path.parent, team.root / "posts" / "folder")
    path = team.write("a.md", CLEAN + f"\n![图]({address})\n")
    team.usage_error("editor", "submit", path, match=said)
    assert "Traceback" not in team.run("editor", "submit", path).output


def test_remote_references_are_shown_to_the_reviewer(team):
    page = CLEAN + ('\n![外](https://cdn.example.com/a.png)\n\n'
                    '<img src="//img.example.net/b.png">\n')
    team.write("chart.png", CHART)
    item = team.submit("editor", team.write("a.md", page + "\n![](chart.png)\n"))
    shown = team.ok("reviewer", "show", str(item)).stdout
    assert "addresses loaded from outside, not approved (2)" in shown
    assert "https://cdn.example.com/a.png" in shown and "//img.example.net/b.png" in shown
    data = json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)
    assert data["remote"] == ["https://cdn.example.com/a.png", "//img.example.net/b.png"]
    [row] = json.loads(team.ok("reviewer", "queue", "--format", "json").stdout)
    assert row["remote"] == data["remote"] and row["resources"] == 1
    assert f"item {item}: addresses loaded from outside: 2" in \
        team.ok("reviewer", "queue").stdout


def test_the_refusal_is_said_in_chinese_by_default_and_in_english_with_lang_en(team):
    path, _ = released(team)
    team.write("chart.png", OTHER)
    team.lang = ""
    team.refused("reviewer", "verify", path, match="posts/chart.png 在审核后已被替换")
    team.refused("reviewer", "verify", "--lang", "en", path,
                 match="posts/chart.png, which the draft shows, was replaced after approval")
    team.usage_error("editor", "submit", team.write("b.md", CLEAN + "![](nothing.png)\n"),
                     match="引用的本地文件 posts/nothing.png 不存在")


def _before_binding(monkeypatch) -> None:
    """From now on, submissions are signed as before files were bound (no `resources`), and
    released as the earlier version did (nothing compared)."""
    append = chain.append

    def old_append(conn, identity, kind, item_id, statement):
        if kind in ("submit", "resubmit"):
            statement = {k: v for k, v in statement.items() if k not in ("resources", "remote")}
        return append(conn, identity, kind, item_id, statement)

    monkeypatch.setattr(chain, "append", old_append)
    monkeypatch.setattr(service.Service, "_resources_unchanged", lambda *a: None)


def test_an_attestation_from_before_pictures_were_bound(team):
    """The safe choice, as the README says: it still verifies a draft that shows no local
    file, and is refused — with the advice to release again — for one that does."""
    with pytest.MonkeyPatch.context() as earlier:
        _before_binding(earlier)
        path, _ = released(team)
        plain, _ = released(team, CLEAN + "\n![](https://cdn.example.com/a.png)\n", {},
                            "b.md")
    assert "released" in team.ok("reviewer", "verify", plain).stdout
    team.refused("reviewer", "verify", path,
                 match="predates bound pictures and does not bind posts/chart.png")
    # released again, the pictures bound: verified
    item = team.submit("editor", path)
    assert "posts/chart.png" in team.ok("reviewer", "show", str(item)).stdout
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    assert "released" in team.ok("reviewer", "verify", path).stdout


def test_an_item_submitted_before_binding_is_not_released_unbound(team):
    """Pending when the office upgraded: its approval and release would bind no picture, so
    they are refused until it is submitted again."""
    team.write("chart.png", CHART)
    with pytest.MonkeyPatch.context() as earlier:
        _before_binding(earlier)
        item = team.submit("editor", team.write("a.md", POST))
    assert "submitted before pictures were bound" in \
        team.ok("reviewer", "show", str(item)).stdout
    team.refused("reviewer", "approve", str(item), match="submit it again")


def test_the_desk_shows_the_bound_pictures_and_the_remote_addresses(team, monkeypatch):
    from desk.conftest import client_of, desk_of

    team.write("chart.png", CHART)
    page = POST + "\n![外](https://cdn.example.com/a.png)\n"
    item = team.submit("editor", team.write("a.md", page))
    desk = client_of(desk_of(team, "reviewer", monkeypatch))
    shown = desk.get(f"/items/{item}").text
    assert "posts/chart.png" in shown and "https://cdn.example.com/a.png" in shown
    assert "addresses loaded from outside: 1" in desk.get("/?show=all").text


def test_a_site_address_the_workspace_does_not_hold_is_listed_not_refused(team):
    """`/images/logo.png` that a site serves from its own folder (Hugo's static/): refusing it
    at submit would stop every such draft; it is shown to the reviewer as loaded from outside,
    and bound the moment the workspace holds such a file unbound (verify refuses then)."""
    path, item = released(team, POST + "\n![徽标](/images/logo.png)\n")
    assert "/images/logo.png" in team.ok("reviewer", "show", str(item)).stdout
    assert "released" in team.ok("reviewer", "verify", path).stdout
    (team.root / "images").mkdir()
    (team.root / "images" / "logo.png").write_bytes(OTHER)
    team.refused("reviewer", "verify", path, match="images/logo.png")
