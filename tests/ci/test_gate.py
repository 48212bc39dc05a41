"""`review ci` in real temporary git repositories."""

import json
import os
import subprocess

import pytest
from ci.conftest import ci, commit, git
from click.testing import CliRunner
from rendered import parse, rule_ids, sarif_problems
from workflow.team import CLEAN

from review.ci import report as ci_report
from review.cli import main
from review.report import RENDERERS

BLOCK = CLEAN + "请加微信 abc_shop888 领取。\n"


def test_a_clean_change_passes(repo):
    repo.write("new.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == ["posts/new.md"]


def test_a_block_finding_fails_with_an_annotation(repo):
    repo.write("bad.md", BLOCK)
    commit(repo)
    result = ci(repo, "--format", "github")
    assert result.exit_code == 1
    assert "::error file=posts/bad.md,line=4,col=" in result.stdout
    assert "AD501" in result.stdout


def test_unpublishable_files_are_not_gated(repo):
    (repo.root / "notes.txt").write_text(BLOCK, encoding="utf-8")  # not under posts/
    commit(repo)
    assert ci(repo).exit_code == 0
    # … but listed: a file that is not checked never looks like one that passed
    data = json.loads(ci(repo, "--format", "json").stdout)
    assert data["outside"] == ["notes.txt"] and data["summary"]["outside"] == 1
    assert ["notes.txt", "-", "outside"] in [line.split()[:3] for line in
                                             ci(repo).stdout.splitlines()]


def test_renames_and_deletions(repo):
    git(repo.root, "mv", "posts/old.md", "posts/renamed.md")
    commit(repo)
    data = json.loads(ci(repo, "--format", "json").stdout)
    assert [(f["path"], f["status"]) for f in data["files"]] == [("posts/renamed.md", "R")]
    git(repo.root, "rm", "-q", "posts/renamed.md")
    commit(repo)
    data = json.loads(ci(repo, "--format", "json").stdout)
    assert data["files"] == [] and data["deleted"] == ["posts/old.md"]


def require_approval(team):
    git(team.root, "checkout", "-q", "main")
    (team.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(team, "require approval")
    git(team.root, "checkout", "-q", "change")
    git(team.root, "merge", "-q", "main")


def test_approval_required_attested_passes_edited_fails(repo):
    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert "not approved" in json.loads(result.stdout)["files"][0]["approval_error"]
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    commit(repo, "release")
    result = ci(repo, "--format", "json")  # no export made since: the log's reach is older
    assert result.exit_code == 1
    assert "newer than the committed roster export" in \
        json.loads(result.stdout)["files"][0]["approval_error"]
    repo.ok("admin", "roster", "export")
    commit(repo, "export")
    assert ci(repo).exit_code == 0
    repo.write("a.md", CLEAN + "发布后又改了一句。\n")
    commit(repo, "edit after release")
    assert ci(repo).exit_code == 1


def test_loosening_the_config_in_the_same_change_does_not_help(repo):
    require_approval(repo)
    (repo.root / "review.toml").write_text('[ci]\npaths = ["posts/**/*.md"]\n'
                                           'require_approval = false\n', encoding="utf-8")
    repo.write("sneaky.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert any("review.toml" in n for n in json.loads(result.stdout)["notices"])


def test_a_baselined_finding_passes_a_new_one_fails(repo):
    git(repo.root, "checkout", "-q", "main")
    repo.write("legacy.md", BLOCK)
    CliRunner().invoke(main, ["baseline"], env=repo.env(None), catch_exceptions=False)
    assert json.loads((repo.root / ".review" / "baseline.json").read_text())["findings"]
    commit(repo, "baseline")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    repo.write("legacy.md", "# 新标题\n\n" + BLOCK)  # moved, same finding
    commit(repo)
    assert ci(repo).exit_code == 0
    repo.write("legacy.md", "# 新标题\n\n" + BLOCK + "另有QQ：123456789 代理加盟。\n")
    commit(repo)
    assert ci(repo).exit_code == 1


def test_sarif_describes_the_repository_s_own_rules(repo):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    (repo.root / "review.toml").write_text('[ci]\npaths = ["posts/**/*.md"]\n[[lexicon]]\n'
                                           'path = "terms.txt"\ncategory = "ads"\n',
                                           encoding="utf-8")
    commit(repo, "our own terms")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    repo.write("bad.md", CLEAN + "推荐某某牌保健酒。\n")
    commit(repo)
    result = ci(repo, "--format", "sarif")
    rules = {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    ours = rules["terms:某某牌保健酒"]
    assert ours["properties"]["category"] == "ads" and ours["shortDescription"]["text"]


def test_sarif_uris_are_percent_encoded_whatever_the_file_name(repo):
    """Chinese names with spaces, `#` and `%`, and a name git holds in GBK bytes (a file
    named on a Chinese Windows): each URI is the name's bytes percent-encoded (RFC 3986), the
    log valid by the SARIF 2.1.0 schema with findings, missing approvals and an error."""
    require_approval(repo)
    repo.write("冬季 优惠.md", BLOCK)
    repo.write("第1期#100%.md", BLOCK)
    (repo.root / "posts" / os.fsdecode("冬季".encode("gbk") + b".md")).write_text(
        BLOCK, encoding="utf-8")
    repo.write("空 稿.md", "")
    commit(repo)
    result = ci(repo, "--format", "sarif")
    assert result.exit_code == 2, result.output
    log = json.loads(result.stdout)
    assert sarif_problems(log) == []
    run = log["runs"][0]
    located = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
               for r in run["results"]}
    for uri in ("posts/%E5%86%AC%E5%AD%A3%20%E4%BC%98%E6%83%A0.md",
                "posts/%E7%AC%AC1%E6%9C%9F%23100%25.md", "posts/%B6%AC%BC%BE.md"):
        assert {("AD501", uri), ("RV001", uri)} <= located
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "posts/%E7%A9%BA%20%E7%A8%BF.md"


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_output_format_reports_findings_and_missing_approvals(repo, fmt):
    require_approval(repo)
    repo.write("bad.md", BLOCK)
    commit(repo)
    result = ci(repo, "--format", fmt)
    assert result.exit_code == 1
    assert {"AD501", "RV001"} <= rule_ids(fmt, result.stdout)
    table = result.stdout if fmt == "text" else result.stderr
    assert "posts/bad.md" in table and "exit 1" in table.splitlines()[-1]
    if fmt == "junit":
        assert parse(fmt, result.stdout).get("failures") == "1"


def test_the_approval_rule_is_declared_in_its_range():
    assert [rule.id for rule in ci_report.RULES] == ["RV001", "RV002"]
    assert ci_report.NOT_APPROVED.severity == "block"


def test_outside_a_git_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["ci"], catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_a_roster_changed_in_the_change_is_not_trusted_until_merged(repo, tmp_path_factory,
                                                                   monkeypatch):
    """The editor's own workspace (his key its admin, a second key of his its reviewer)
    releases the draft; he commits its roster export and attestation with the draft."""
    from workflow.test_trust_root import adopt, rogue_workspace

    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    base = tmp_path_factory.mktemp("elsewhere")
    rogue = rogue_workspace(repo, base / "x", monkeypatch)
    rogue.write("a.md", CLEAN)
    item = rogue.submit("editor", path)
    rogue.ok("sock", "approve", str(item))
    rogue.ok("editor", "release", str(item))
    rogue.ok("admin", "roster", "export")
    monkeypatch.chdir(repo.root)
    adopt(rogue, repo)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert any("roster.json changes in this change" in n for n in data["notices"])
    assert "pinned root" in data["files"][0]["approval_error"]


def test_emptying_the_organisation_term_list_in_the_change_does_not_loosen_the_gate(repo):
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    (repo.root / "review.toml").write_text('[ci]\npaths = ["posts/**/*.md"]\n[[lexicon]]\n'
                                           'path = "terms.txt"\ncategory = "ads"\n'
                                           'severity = "block"\n', encoding="utf-8")
    commit(repo, "our own terms")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    (repo.root / "terms.txt").write_text("", encoding="utf-8")
    repo.write("bad.md", CLEAN + "推荐某某牌保健酒。\n")
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert any("terms.txt is changed by this change" in n for n in data["notices"])
    assert "terms:某某牌保健酒" in {f["rule"] for f in data["files"][0]["findings"]}


def test_a_change_adding_word_and_upper_case_drafts_is_checked(repo):
    """`review ci` passed a change adding 通知.docx and AD.MD with "0 checked → exit 0". With
    the default paths (every input kind, any letter case) both are checked; the table lines
    up by display width, Chinese names included."""
    from office_samples import docx_bytes

    (repo.root / "review.toml").write_text("", encoding="utf-8")
    commit(repo, "default paths")
    git(repo.root, "branch", "-f", "main")
    (repo.root / "posts" / "通知.docx").write_bytes(docx_bytes([BLOCK.strip()]))
    (repo.root / "posts" / "AD.MD").write_text(BLOCK, encoding="utf-8")
    commit(repo)
    result = ci(repo)
    assert result.exit_code == 1
    table = [line for line in result.stdout.splitlines()
             if line.startswith("posts/") and "  A  " in line]  # the table's rows
    assert sorted(line.split()[0] for line in table) == ["posts/AD.MD", "posts/通知.docx"]
    from wcwidth import wcswidth

    assert len({wcswidth(line[:line.index("  A  ")]) for line in table}) == 1


@pytest.mark.parametrize("made", ["symlink", "submodule"])
def test_a_link_or_a_submodule_is_not_passed_over(repo, made):
    """The fifth red-team pass: posts/news → ../drafts (a linked folder), or a git submodule
    under posts/, carried an unreviewed draft past `review ci` with exit 0: git lists only
    the link, which is no file. Now it is reported as not checked (exit 2)."""
    import os

    outside = repo.root / "drafts"
    outside.mkdir()
    (outside / "evil.md").write_text(BLOCK, encoding="utf-8")
    if made == "symlink":
        os.symlink("../drafts", repo.root / "posts" / "news")
    else:
        sub = repo.root / "sub-src"
        git(repo.root, "init", "-q", str(sub))
        (sub / "evil.md").write_text(BLOCK, encoding="utf-8")
        git(sub, "-c", "user.email=a@b", "-c", "user.name=a", "add", "-A")
        git(sub, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "-m", "x")
        git(repo.root, "-c", "protocol.file.allow=always", "submodule", "add", "-q",
            str(sub), "posts/news")
    commit(repo)
    result = ci(repo, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "posts/news" in result.output and "link or a submodule" in result.output


def test_a_release_signed_outside_the_store_after_the_last_export_is_refused(repo):
    """The red-team's residual of issue 16: after the committed export, the admin raises the
    policy to two levels; the editor signs a release of his one-level approval himself,
    numbered beyond the log's head, against the policy before the raise, and commits its
    attestation. Offline nothing shows the raise; the gate requires the release within an
    export an admin made from the store — the base's, or one in the change that holds it."""
    from workflow.test_insider_second_pass import forge_release

    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    forge_release(repo, path, item, beyond=True)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert "newer than the committed roster export" in \
        json.loads(result.stdout)["files"][0]["approval_error"]
    repo.submit("editor", repo.write("b.md", CLEAN))  # the log moves on past that number
    repo.ok("admin", "roster", "export")  # the store's truth: the log holds no such release
    commit(repo, "export")
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert "not those of the committed log export" in \
        json.loads(result.stdout)["files"][0]["approval_error"]


def test_a_branch_from_before_the_rule_is_judged_by_the_default_branch_s_settings(repo):
    """The eighth red-team pass: `review ci` took its settings from the merge base, so a
    branch started before `require-approval` was switched on on main passed unapproved
    drafts. The default branch's tip judges it: the change cannot move that."""
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    git(repo.root, "checkout", "-q", "change")  # branched before, not merged since
    repo.write("unapproved.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert "not approved" in json.loads(result.stdout)["files"][0]["approval_error"]


def test_all_without_a_base_is_judged_by_the_default_branch_s_settings(repo):
    """`review ci --all` read the working tree's config: a change turning off
    `require-approval` passed itself."""
    require_approval(repo)
    (repo.root / "review.toml").write_text('[ci]\npaths = ["posts/**/*.md"]\n',
                                           encoding="utf-8")
    repo.write("unapproved.md", CLEAN)
    commit(repo)
    result = ci(repo, "--all", "--format", "json")
    assert result.exit_code == 1
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert "not approved" in files["posts/unapproved.md"]["approval_error"]


def test_junk_beside_a_real_attestation_does_not_hide_it(repo):
    """The eighth pass: a file carrying a key that is no key stopped the search with a usage
    error (exit 2) before the real attestation was read; a link to /dev/zero was read
    without end. Each is a reason now, and the real attestation still counts."""
    import base64

    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    attestations = repo.root / ".review" / "attestations"
    [real] = attestations.glob("*.dsse.json")
    digest = real.name.split("-")[0]
    env = json.loads(real.read_text(encoding="utf-8"))
    body = json.loads(base64.b64decode(env["payload"]))
    first = body["predicate"]["trust"][0]
    first["body"] = first["body"].replace('"ed25519:', '"ed25519:AAAA', 1)
    env["payload"] = base64.b64encode(json.dumps(body).encode()).decode()
    (attestations / f"{digest}-0.dsse.json").write_text(json.dumps(env), encoding="utf-8")
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["approved"] is True
    # (a committed link is refused by the gate as a link; in a shared folder `verify` meets it)
    (attestations / f"{digest}-00.dsse.json").symlink_to("/dev/zero")
    assert "released" in repo.ok("reviewer", "verify", "--roster", ".review/roster.json",
                                 path).output
    (attestations / f"{digest}-00.dsse.json").unlink()
    (attestations / real.name).unlink()
    commit(repo, "the real one gone")
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert "not approved" in json.loads(result.stdout)["files"][0]["approval_error"]


def test_a_release_by_a_key_revoked_from_before_it_is_refused(repo):
    """The eighth pass: the editor's key is revoked from a record before his release (it was
    lost then); the store stops counting the release, but the attestation, which carries the
    roster only up to the release, passed CI against an export made after the revocation."""
    require_approval(repo)
    path = repo.write("a.md", CLEAN)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))
    repo.ok("editor", "release", str(item))
    history = json.loads(repo.ok("admin", "log", str(item), "--format", "json").stdout)
    release = next(r["seq"] for r in history if r["kind"] == "release")
    repo.ok("admin", "roster", "revoke", "editor", "--since", str(release - 1))
    repo.ok("admin", "roster", "export")
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert f"revokes from record {release - 1}" in \
        json.loads(result.stdout)["files"][0]["approval_error"]


def test_a_tag_named_like_the_default_branch_does_not_stand_in_for_it(repo):
    """The ninth pass: a tag anyone can push, named `origin/main`, is what git takes for the
    short name `origin/main` — the author's own commit, before `require-approval`, as the
    gate's settings. The default branch is found by its full ref; a short `--base` that names
    two refs is refused."""
    git(repo.root, "tag", "origin/main", "HEAD")  # the change's base, without the rule
    require_approval(repo)
    git(repo.root, "update-ref", "refs/remotes/origin/main", "main")
    repo.write("unapproved.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1
    assert "not approved" in json.loads(result.stdout)["files"][0]["approval_error"]
    result = ci(repo, "--base", "origin/main")
    assert result.exit_code == 2 and "refs/remotes/origin/main" in result.output
    assert ci(repo, "--base", "refs/remotes/origin/main").exit_code == 1


def test_the_gate_speaks_chinese_by_default_and_english_with_lang_en(repo):
    """The table's headers, its last line, the approval problem and the notices; the values
    in the table are those of the JSON report in either language."""
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    git(repo.root, "checkout", "-q", "change")
    repo.write("unapproved.md", CLEAN)
    (repo.root / "review.toml").write_text('[ci]\npaths = ["posts/**/*.md"]\n',
                                           encoding="utf-8")
    commit(repo)
    repo.lang = ""  # no REVIEW_LANG: the config at the default branch, which says none
    zh = ci(repo)
    assert zh.exit_code == 1
    lines = zh.stdout.splitlines()
    assert lines[-3].split() == ["文件", "状态", "结论", "问题", "基线", "审核"]
    assert lines[-2].split() == ["posts/unapproved.md", "A", "pass", "0", "0", "MISSING"]
    assert lines[-1] == ("共检查 1 个文件，发布范围外 0 个，删除 0 个，阻断 0 个，未经审核 1 个，"
                         "列入基线 0 个 → 退出码 1")
    assert "未经审核：该内容没有有效的发布证明" in zh.stdout
    assert "注意: review.toml 在本次变更中被修改；门禁使用其在" in zh.stdout
    en = ci(repo, "--lang", "en")
    lines = en.stdout.splitlines()
    assert lines[-3].split() == ["file", "status", "decision", "findings", "baselined",
                                 "approval"]
    assert lines[-2].split() == ["posts/unapproved.md", "A", "pass", "0", "0", "MISSING"]
    assert lines[-1] == ("1 checked, 0 outside the publishable paths, 0 deleted, 0 blocked, "
                         "1 unapproved, 0 baselined → exit 1")
    assert "not approved: no valid release attestation for this content" in en.stdout
    assert "notice: review.toml is changed by this change; the gate uses its version at" \
        in en.stdout
    # the table beside another format, on stderr, in the same language
    assert "共检查 1 个文件" in ci(repo, "--format", "json").stderr
    repo.lang = "en"
    assert ci(repo, "--format", "json").stderr.splitlines()[-1].startswith("1 checked")


def test_a_usage_error_of_the_gate_is_said_in_the_chosen_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "feature")  # no default branch to compare with
    git(tmp_path, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "--allow-empty",
        "-m", "x")
    for env, said in [({"REVIEW_LANG": ""}, "review: 无法确定比较对象：请用 --base REF 指定"),
                      ({"REVIEW_LANG": "en"}, "review: cannot tell what to compare with")]:
        result = CliRunner().invoke(main, ["ci"], env=env, catch_exceptions=False)
        assert result.exit_code == 2 and result.stderr.startswith(said), result.stderr


def test_two_guesses_at_the_default_branch_are_no_answer(repo):
    """The tenth pass: with no origin/HEAD, an author's branch called `main` beside a default
    branch called `master` gave the gate its settings."""
    repo.write("new.md", CLEAN)
    commit(repo)
    git(repo.root, "update-ref", "refs/remotes/origin/master", "main")
    git(repo.root, "update-ref", "refs/remotes/origin/main", "HEAD")
    result = ci(repo)
    assert result.exit_code == 2 and "set-head" in result.output
    git(repo.root, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/master")
    assert ci(repo).exit_code == 0


def test_replace_refs_do_not_change_what_the_base_says(repo):
    """A `refs/replace/` ref anyone can push swapped the base's commit for one without the
    rule; the gate reads commits as they are."""
    git(repo.root, "checkout", "-q", "main")
    loose = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo.root, capture_output=True,
                           text=True).stdout.strip()
    require_approval(repo)
    ruled = subprocess.run(["git", "rev-parse", "main"], cwd=repo.root, capture_output=True,
                           text=True).stdout.strip()
    git(repo.root, "replace", ruled, loose)
    repo.write("unapproved.md", CLEAN)
    commit(repo)
    assert ci(repo, "--base", "main").exit_code == 1


@pytest.mark.parametrize("shape", ["keyid", "public"])
def test_a_crafted_roster_export_in_the_change_is_a_notice_not_a_crash(repo, shape):
    """The eleventh pass: an export whose signature's key id is a list, or whose first
    record's key is a number (decoded before any signature is checked), crashed the gate
    (exit 3 and a crash log). It is an untrusted export, said as a notice."""
    import base64

    require_approval(repo)
    exported = repo.root / ".review" / "roster.json"
    env = json.loads(exported.read_text(encoding="utf-8"))
    if shape == "keyid":
        env["signatures"] = [{"keyid": [], "sig": ""}]
    else:
        payload = json.loads(base64.b64decode(env["payload"]))
        first = payload["trust"][0]
        body = json.loads(first["body"])
        body["statement"]["public"] = 123
        first["body"] = json.dumps(body, sort_keys=True, separators=(",", ":"),
                                   ensure_ascii=False)
        payload["trust"] = [first]
        env["payload"] = base64.b64encode(json.dumps(payload).encode()).decode()
    exported.write_text(json.dumps(env), encoding="utf-8")
    repo.write("unapproved.md", CLEAN)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["files"][0]["approved"] is False
    verified = repo.run("reviewer", "verify", "--roster", str(exported), "posts/unapproved.md")
    assert verified.exit_code in (1, 2) and "Traceback" not in verified.output


def test_a_draft_whose_suffix_is_in_another_letter_case_is_publishable(repo):
    """Twenty-third red-team pass: `paths = ["posts/**/*.md"]` left posts/bad.MD "outside the
    publishable paths" (exit 0), though site builders and `review check` read it as Markdown."""
    repo.write("bad.MD", BLOCK)
    commit(repo)
    result = ci(repo, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["outside"] == [] and [f["path"] for f in data["files"]] == ["posts/bad.MD"]


def test_a_model_the_change_retrains_does_not_judge_it(repo):
    """Twenty-third red-team pass: the base revision's config names the organisation's own
    classifier in the repository and makes opinion block; the change rewrote that model to
    find every sentence neutral (its header's checksums updated) and its venting passed,
    without a notice. The model is the base's, and the change to it is said."""
    import hashlib
    import shutil
    import struct
    from pathlib import Path

    git(repo.root, "checkout", "-q", "main")
    shutil.copytree(Path(__file__).resolve().parents[2] / "models", repo.root / "our-model")
    (repo.root / "review.toml").write_text('model = "our-model"\n[severity]\nopinion = "block"\n'
                                           '[ci]\npaths = ["posts/**/*.md"]\n', encoding="utf-8")
    commit(repo, "our own model")
    git(repo.root, "checkout", "-q", "change")
    git(repo.root, "merge", "-q", "main")
    repo.write("vent.md", CLEAN + "唉，又是加班的一天，累到不想说话。\n")
    header_path = repo.root / "our-model" / "classifier.json"
    header = json.loads(header_path.read_text(encoding="utf-8"))
    weights = bytearray((repo.root / "our-model" / "classifier.f64").read_bytes())
    k, n = len(header["classes"]), header["features"]
    for c in range(1, k):  # each class's offset against the first: neutral always wins
        struct.pack_into("<d", weights, 8 * (n * k + c - 1),
                         1000.0 if header["classes"][c] == "neutral" else -1000.0)
    (repo.root / "our-model" / "classifier.f64").write_bytes(bytes(weights))
    header["weights_sha256"] = hashlib.sha256(bytes(weights)).hexdigest()
    header_path.write_text(json.dumps(header), encoding="utf-8")
    commit(repo)
    result = ci(repo, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert any("our-model is changed by this change" in n for n in data["notices"])
    assert "OP901" in {f["rule"] for f in data["files"][0]["findings"]}
