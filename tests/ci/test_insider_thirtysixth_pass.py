"""Insider pass 36, in CI: what it got through, and what now stops it.

- The baseline was read from the base revision, but nothing checked that a finding it
  accepts was in the draft before the change. An editor's change that only rewrote
  `.review/baseline.json` (listed as outside the publishable paths, no notice, exit 0) could
  accept, once merged, the findings of a draft not written yet — or a finding an existing
  draft did not have — and the next change added the draft, block findings and all, with
  exit 0. A baseline now accepts only findings the file at that path already had at the
  change's base, and a change to the baseline is said like one to review.toml.
- Two branches, each changing a different paragraph of one draft, each released and each
  passing CI against the default branch, merge cleanly into a text nobody approved (a drill
  notice without its "this is a drill" line). A gate on a change cannot see a merge made
  after it: the README now has the deploy gate on the default branch (`review ci --base`
  the commit deployed before), which the third test runs.
- `review ci`'s text report (the default format) printed a file's name, an excusing reason
  and a reason an attestation was refused as they were: a draft named
  `posts/x⏎::error file=posts/ok.md::…⏎.md` wrote a line of its own that a CI runner takes as
  its own command (a false annotation, `::stop-commands::` to silence the gate's own, or
  `::add-mask::` to hide a rule's id in the log). Each is one line now."""

import json
import subprocess

from ci.conftest import ci, commit, git
from click.testing import CliRunner
from workflow.team import CLEAN

from review.cli import main

AD = "请加微信 abc_shop888 领取。\n"


def _baseline(repo) -> None:
    CliRunner().invoke(main, ["baseline"], env=repo.env(None), catch_exceptions=False)


def _merged(repo, branch: str) -> None:
    """The branch checked out merged into main, and a new branch from there."""
    here = subprocess.run(["git", "rev-parse", "--abbrev-ref", "HEAD"], cwd=repo.root,
                          check=True, capture_output=True, text=True).stdout.strip()
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", here)
    git(repo.root, "checkout", "-q", "-b", branch)


def test_a_baseline_seeded_for_a_draft_not_yet_written_accepts_nothing(repo):
    repo.write("future.md", CLEAN + AD)
    _baseline(repo)  # the editor's change: the baseline only
    (repo.root / "posts" / "future.md").unlink()
    commit(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output  # nothing publishable changed
    notices = json.loads(result.stdout)["notices"]
    assert any(".review/baseline.json is changed by this change" in n for n in notices)
    _merged(repo, "next")
    repo.write("future.md", CLEAN + AD)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)["files"][0]
    assert data["decision"] == "block" and data["baselined"] == 0


def test_a_baseline_seeded_for_an_existing_draft_accepts_no_new_finding(repo):
    (repo.root / "posts" / "old.md").write_text(CLEAN + AD, encoding="utf-8")
    _baseline(repo)
    git(repo.root, "checkout", "-q", "--", "posts/old.md")  # old.md stays clean
    commit(repo)
    _merged(repo, "next")
    (repo.root / "posts" / "old.md").write_text(CLEAN + AD, encoding="utf-8")
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["files"][0]["baselined"] == 0
    # merged (by an admin's override, say), the finding is the draft's now: the same baseline
    # accepts it in the next change, which keeps it
    _merged(repo, "edit")
    (repo.root / "posts" / "old.md").write_text(CLEAN + AD + "补充一句说明。\n",
                                                encoding="utf-8")
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["baselined"] == 2


DRILL = ("关于开展冬季消防安全应急演练的通知\n\n（以下为演练内容，并非真实情况）\n\n"
         "请各单位于12月10日前完成自查。\n\n联系人：区应急管理局。\n")


def test_two_approved_revisions_merged_are_caught_by_the_deploy_gate(repo):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    path = repo.write("drill.md", DRILL)
    _release(repo, path)
    commit(repo, "the drill notice")
    deployed = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo.root, check=True,
                              capture_output=True, text=True).stdout.strip()
    without_line = DRILL.replace("（以下为演练内容，并非真实情况）\n\n", "")
    with_alarm = DRILL.replace("联系人", "今晚全区停水停电，请立即撤离。\n\n联系人")
    for text in (without_line, with_alarm):  # each approved as a whole
        repo.write("drill.md", text)
        _release(repo, path)
    git(repo.root, "stash", "-q", "-u")
    for name, text in (("b1", without_line), ("b2", with_alarm)):
        git(repo.root, "checkout", "-q", "-b", name, "main")
        git(repo.root, "checkout", "stash@{0}", "--", ".review/roster.json")
        git(repo.root, "checkout", "stash@{0}^3", "--", ".review/attestations")
        repo.write("drill.md", text)
        commit(repo, name)
        assert ci(repo, "--base", "main").exit_code == 0  # each change passes on its own
    git(repo.root, "checkout", "-q", "main")
    for name in ("b1", "b2"):
        git(repo.root, "merge", "-q", "--no-ff", name, "-m", f"merge {name}")
    published = (repo.root / "posts" / "drill.md").read_text(encoding="utf-8")
    assert "演练内容" not in published and "立即撤离" in published  # nobody approved this
    result = ci(repo, "--base", deployed, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "not approved" in json.loads(result.stdout)["files"][0]["approval_error"]


def _release(repo, path: str) -> None:
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")


def test_a_file_name_with_a_line_break_writes_no_line_of_its_own(repo):
    injected = "x\n::error file=posts/ok.md::all fine\n::stop-commands::quiet\n.md"
    repo.write(injected, CLEAN + AD)
    (repo.root / "posts" / "y.md").write_text(
        CLEAN + "<!-- review-ignore OP019: 当事人原话\n::notice::excused -->\n"
        "我个人认为这项政策完全是错误的，老百姓都很不满。\n", encoding="utf-8")
    commit(repo)
    result = ci(repo, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert not [line for line in result.output.splitlines() if line.startswith("::")]
    assert "posts/x\ufffd::error file=posts/ok.md::all fine" in result.stdout
