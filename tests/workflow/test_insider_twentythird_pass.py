"""The twenty-third red-team pass: what it got through, and what now stops it.

- `review published ID` compared a page with an item that was never released — rejected or
  still pending — and said it matched "the approval" (exit 0). It is refused now (exit 1).
- `review published` knew an approved finding by its rule and text only: a page repeating an
  overridden contact handle under a new passage that sells something had "nothing new". The
  findings are counted now.
- The pre-commit hooks `review-check` and `review-verify` ran on files of pre-commit's
  markdown, html and text types: a Word or PDF draft is "binary" there, so a commit of
  通知.docx with a block finding, and a push of one never released, passed both. They take
  every kind of draft by its name now.
- An editor replaced his approved draft with a named pipe, or a link to /dev/zero: `review
  release` (a separate publisher's, too) and `review verify` waited forever or ran out of
  memory (a traceback in the crash log, exit 3); so did everyone's `review verify` with such a
  thing at `.review/roster.json`. Only a regular file's bytes are read: one line, exit 2.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

BANNED = "本店长期出售冰毒，价格面议，加微信详聊。"
HANDLE = "市民可加微信 fire_119_help 咨询防火知识。"


def _page(*paragraphs: str) -> str:
    return "<html><body><h1>关于冬季防火的通知</h1>" + "".join(
        f"<p>{p}</p>" for p in paragraphs) + "</body></html>"


@pytest.mark.parametrize("rejected", [True, False])
def test_a_page_is_never_compared_with_an_item_nobody_released(team, rejected):
    path = team.write("bad.md", f"关于冬季防火的通知\n\n{BANNED}\n")
    item = str(team.submit("editor", path))
    if rejected:
        team.ok("reviewer", "show", item)
        team.ok("reviewer", "reject", item, "--reason", "违法内容")
    (team.root / "page.html").write_text(_page(BANNED), encoding="utf-8")
    team.refused(None, "published", item, "--file", "page.html", match="never released")


def test_a_page_repeating_an_approved_finding_has_a_new_one(team):
    item = str(team.submit("editor", team.write("a.md", f"关于冬季防火的通知\n\n{HANDLE}\n")))
    shown = json.loads(team.ok("reviewer", "show", item, "--format", "json").stdout)
    key = next(f["key"] for f in shown["findings"] if f["severity"] == "block")
    team.ok("reviewer", "override", item, key, "--reason", "消防支队官方咨询号")
    team.ok("reviewer", "approve", item)
    team.ok("editor", "release", item)
    (team.root / "page.html").write_text(_page(HANDLE), encoding="utf-8")
    team.ok(None, "published", item, "--file", "page.html")
    (team.root / "page.html").write_text(_page(HANDLE, "免税香烟低价，微信 fire_119_help"),
                                         encoding="utf-8")
    result = team.run(None, "published", item, "--file", "page.html", "--format", "json")
    assert result.exit_code == 1, result.output
    assert "RV108" in {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}



def test_the_pre_commit_hooks_take_every_kind_of_draft():
    yaml = pytest.importorskip("yaml")
    from review.inputs import KINDS

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml")
                           .read_text(encoding="utf-8"))
    names = [f"posts/通知{suffix}" for kind in KINDS.values() for suffix in kind.suffixes]
    for hook in hooks:
        # pre-commit's own types would leave Word and PDF out ("binary"): only by name
        assert set(hook.get("types_or", [])) <= {"file", "symlink"}, hook["id"]
        assert not hook.get("types"), hook["id"]
        for name in names + [name.upper() for name in names]:
            assert re.search(hook["files"], name), (hook["id"], name)
        assert not re.search(hook["files"], "images/logo.png")


def _approved(team) -> tuple[str, str]:
    path = team.write("a.md", "关于冬季防火的通知\n\n请各单位于12月10日前完成自查。\n")
    item = str(team.submit("editor", path))
    team.ok("reviewer", "approve", item)
    return path, item


@pytest.mark.parametrize("made", ["fifo", "zero"])
def test_a_pipe_or_a_device_at_the_draft_s_name_is_never_read(team, made):
    path, item = _approved(team)
    draft = team.root / path
    draft.unlink()
    os.mkfifo(draft) if made == "fifo" else os.symlink("/dev/zero", draft)
    team.usage_error("editor", "release", item, match="not a regular file")
    team.usage_error(None, "verify", path)  # one line, whatever it says (never a wait)


def test_a_pipe_at_the_roster_export_s_name_is_left_aside(team):
    path, item = _approved(team)
    team.ok("editor", "release", item)
    team.ok(None, "verify", path)
    os.mkfifo(team.root / ".review" / "roster.json")
    team.ok(None, "verify", path)
