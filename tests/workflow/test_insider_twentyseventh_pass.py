"""Insider pass 27: attestations from another workspace of the same admin, and a page that adds
a passage inside the approved post.

An office pins its admin's key as `SHA256:…` alone (the workspace part is optional). The same
admin initialised a sandbox where an editor is the admin: the editor released there the text
the office's reviewer rejected, copied the attestation into the office's folder and
`review verify` said "released". And `review published` took a paragraph added between two
approved ones ("另：本通知作废。") for the page's chrome."""

from __future__ import annotations

import pytest
from workflow.team import CLEAN, Team, carry, sandbox_release

from review.ci import published
from review.config import Config
from review.document import Document
from review.pipeline import Pipeline


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path, monkeypatch) -> Team:
    from workflow.team import store_url

    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    return Team.small(tmp_path, store_url(request))


def _sandbox_release(office: Team, text: str, tmp_path_factory, monkeypatch) -> None:
    """The same admin's other workspace, where the editor is an admin and his own second key
    a reviewer: the text released there, its attestation copied into the office's folder."""
    carry(sandbox_release(office, text, tmp_path_factory, monkeypatch), office.root)


def test_an_attestation_from_another_workspace_of_the_admin_is_not_this_one_s(
        office: Team, tmp_path_factory, monkeypatch) -> None:
    path = office.write("a.md", CLEAN)
    office.ok("reviewer", "reject", str(office.submit("editor", path)), "--reason", "不发")
    _sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    office.refused("reviewer", "verify", path, match="workspace")
    # pinned alone, the root could name the sandbox as well: refused, whatever the folder holds
    office.pin_workspace = False
    office.usage_error("reviewer", "verify", path, match="names no workspace")


def test_a_root_pinned_alone_is_refused_even_beside_this_workspace_s_store(office: Team) -> None:
    """Pass 30: the store beside the draft no longer binds a root pinned alone — anyone can
    make a folder with a store of his own around a file; the message says what to pin."""
    path = office.write("a.md", CLEAN)
    item = office.submit("editor", path)
    office.ok("reviewer", "approve", str(item))
    office.ok("editor", "release", str(item))
    office.ok("reviewer", "verify", path)
    office.pin_workspace = False
    office.usage_error("reviewer", "verify", path, match="@<workspace>")


def test_an_export_binds_the_root_to_its_workspace() -> None:
    from types import SimpleNamespace

    from review.workflow import trust

    root = trust.Root("SHA256:" + "A" * 43)
    exported = SimpleNamespace(roster=SimpleNamespace(people={}), records=[], log=(), items={},
                               void=frozenset(), workspace="0123456789abcdef")
    assert root.anchored(exported).workspace == "0123456789abcdef"


APPROVED = "# 冬季防火提示\n\n入冬以来火灾风险上升。\n\n请居民于12月10日前清理楼道杂物。\n"
PAGE = ("<html><body><nav>首页</nav><h1>冬季防火提示</h1><p>入冬以来火灾风险上升。</p>{}"
        "<p>请居民于12月10日前清理楼道杂物。</p><footer>版权所有</footer></body></html>")


def _rules(page: str) -> list[str]:
    result = published.compare(Document("fire.md", APPROVED, "markdown"),
                               Document("page.html", page, "html"), [], Pipeline(Config()))
    return sorted(f.rule for f in result.findings)


@pytest.mark.parametrize("added", ["<p>另：本通知作废。</p>",
                                   "<figure><figcaption>本通知作废</figcaption></figure>"])
def test_a_passage_added_inside_the_post_is_a_difference(added: str) -> None:
    assert _rules(PAGE.format(added)) == [published.ADDED.id]


def test_the_page_s_chrome_around_the_post_is_still_none() -> None:
    assert _rules(PAGE.format("")) == []
