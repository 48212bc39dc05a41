"""End-to-end: `review check` as editors and CI run it."""

import json
import os
import urllib.parse

import pytest
from conftest import DRAFTS
from rendered import parse, rule_ids, sarif_problems
from wcwidth import wcswidth

from review.report import RENDERERS

AD = "本店全网最低价，加微信 abc_shop888 下单。\n"
CLEAN = "关于开展冬季消防安全检查的通知：请各单位于12月10日前完成自查。\n"


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return str(path)


def test_a_clean_draft_passes_with_exit_0(cli, tmp_path):
    result = cli("check", write(tmp_path / "a.txt", CLEAN))
    assert result.exit_code == 0, result.output
    assert "通过" in result.stdout


def test_a_blocked_draft_exits_1_and_shows_line_caret_and_suggestion(cli, tmp_path):
    result = cli("check", write(tmp_path / "a.txt", CLEAN + AD))
    assert result.exit_code == 1
    assert "AD501" in result.stdout
    lines = result.stdout.splitlines()
    source = next(i for i, line in enumerate(lines) if "AD501" in line) + 1
    gutter, shown = lines[source].split("| ", 1)
    caret = lines[source + 1].split("| ", 1)[1]
    # the caret sits under the handle (each CJK character is two columns wide)
    start = shown.index("abc_shop888")
    assert caret.index("^") == wcswidth(shown[:start])
    assert caret.strip() == "^" * len("abc_shop888")
    assert "建议" in result.stdout
    assert "\x1b[" not in result.stdout  # piped: no colour codes


def test_a_paragraph_indented_by_ideographic_spaces_is_shown_as_written(cli, tmp_path):
    """Chinese paragraphs are indented by two U+3000: shown as spaces, the caret under the
    handle all the same."""
    result = cli("check", write(tmp_path / "a.txt", "\u3000\u3000" + AD))
    source = next(line for line in result.stdout.splitlines() if "abc_shop888" in line)
    shown = source.split("| ", 1)[1]
    assert shown.startswith("\u3000\u3000本店") and "\ufffd" not in result.stdout
    under = " " * wcswidth(shown[:shown.index("abc_shop888")]) + "^" * len("abc_shop888")
    assert any(line.endswith(f"| {under}") for line in result.stdout.splitlines())


def test_fail_on_review_and_never(cli, tmp_path):
    path = write(tmp_path / "a.txt", "他的微信号wang_lei88。\n")
    assert cli("check", path).exit_code == 0
    assert cli("check", "--fail-on", "review", path).exit_code == 1
    assert cli("check", "--fail-on", "never", write(tmp_path / "b.txt", AD)).exit_code == 0


def test_json_report(cli, tmp_path):
    path = write(tmp_path / "a.txt", AD)
    result = cli("check", "--format", "json", path, write(tmp_path / "b.txt", CLEAN))
    data = json.loads(result.stdout)
    assert data["version"] == 1
    first, second = data["files"]
    assert first["path"] == path and first["decision"] == "block"
    finding = next(f for f in first["findings"] if f["rule"] == "AD501")
    assert AD[finding["start"]:finding["end"]] == finding["text"] == "abc_shop888"
    assert finding["category"] == "ads" and finding["gate"] == "policy"
    assert second["decision"] == "pass" and second["findings"] == []
    assert data["summary"]["files"] == 2 and data["summary"]["block"] == 1


def test_english_messages(cli, tmp_path):
    result = cli("check", "--lang", "en", "--format", "json", write(tmp_path / "a.txt", AD))
    finding = json.loads(result.stdout)["files"][0]["findings"][0]
    assert finding["message"].isascii()


def test_sarif_report(cli, tmp_path):
    path = write(tmp_path / "a.txt", CLEAN + AD)
    result = cli("check", "--format", "sarif", path)
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "review"
    res = next(r for r in run["results"] if r["ruleId"] == "AD501")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 13)
    assert res["level"] == "error"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids[res["ruleIndex"]] == "AD501"


def test_github_annotations(cli, tmp_path):
    path = write(tmp_path / "a.txt", CLEAN + AD)
    result = cli("check", "--format", "github", path)
    line = next(x for x in result.stdout.splitlines() if "AD501" in x)
    assert line.startswith(f"::error file={path},line=2,col=13,endLine=2,endColumn=24,")


def test_stdin(cli):
    result = cli("check", "--format", "json", "-", input=AD.encode("gbk"))
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "-"
    assert result.exit_code == 1


def test_directories_are_checked_recursively(cli, tmp_path):
    (tmp_path / "posts" / "2026").mkdir(parents=True)
    write(tmp_path / "posts" / "2026" / "a.md", AD)
    write(tmp_path / "posts" / "b.txt", CLEAN)
    write(tmp_path / "posts" / "image.png", "not checked")
    result = cli("check", "--format", "json", str(tmp_path / "posts"))
    paths = sorted(os.path.basename(f["path"]) for f in json.loads(result.stdout)["files"])
    assert paths == ["a.md", "b.txt"]


def test_parallel_jobs_give_the_same_report(cli, tmp_path):
    paths = [write(tmp_path / f"{i}.txt", AD if i % 2 else CLEAN) for i in range(6)]
    one = json.loads(cli("check", "--format", "json", *paths).stdout)
    two = json.loads(cli("check", "--format", "json", "--jobs", "2", *paths).stdout)
    assert one == two


def test_parallel_jobs_report_input_errors_like_one_job(cli, tmp_path):
    paths = [write(tmp_path / "a.txt", CLEAN), str(tmp_path / "missing.txt")]
    one = cli("check", "--format", "json", *paths)
    two = cli("check", "--format", "json", "--jobs", "2", *paths)
    assert one.exit_code == two.exit_code == 2
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_the_bundled_sample_runs(cli):
    result = cli("check", str(DRAFTS / "sample.txt"))
    assert result.exit_code == 1
    assert "不得发布" in result.stdout


# --- bad input: one line each, exit 2, the other files still reported ---------------------

BAD_INPUTS = {
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "report.docx": b"PK\x03\x04\x14\x00\x06\x00",
    "nul.txt": "正文\x00正文".encode(),
    "broken.txt": ("通知" * 50).encode() + b"\xff\xfe\xfa" + ("通知" * 50).encode(),
    "surrogate.txt": b"\xff\xfe" + "通知\ud800".encode("utf-16-le", "surrogatepass"),
    "garbage.txt": bytes(range(128, 256)) * 8,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line_and_exit_2_while_good_files_are_reported(cli, tmp_path, name):
    bad = tmp_path / name
    bad.write_bytes(BAD_INPUTS[name])
    good = write(tmp_path / "good.txt", AD)
    result = cli("check", "--format", "json", str(bad), good)
    assert result.exit_code == 2
    files = json.loads(result.stdout)["files"]
    assert files[0]["path"] == str(bad) and "\n" not in files[0]["error"]
    assert "Traceback" not in result.output
    assert files[1]["decision"] == "block"
    text = cli("check", str(bad))
    assert text.exit_code == 2
    error_lines = [x for x in text.stdout.splitlines() if x.startswith(str(bad))]
    assert len(error_lines) == 1 and "错误" in error_lines[0]


def test_a_50_mb_file_is_refused_quickly(cli, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(("正文" * 1000).encode())
        f.truncate(50 * 2**20)
    result = cli("check", str(big), write(tmp_path / "good.txt", CLEAN))
    assert result.exit_code == 2
    assert "文件过大" in result.stdout and "通过" in result.stdout


def test_unreadable_files_are_reported_and_the_rest_checked(cli, tmp_path, monkeypatch):
    import builtins

    secret = write(tmp_path / "locked.txt", CLEAN)
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file) == secret:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    result = cli("check", "--format", "json", str(tmp_path))
    files = {os.path.basename(f["path"]): f for f in json.loads(result.stdout)["files"]}
    assert "Permission denied" in files["locked.txt"]["error"]
    assert result.exit_code == 2


def test_an_input_error_outranks_findings(cli, tmp_path):
    result = cli("check", write(tmp_path / "a.txt", AD), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2


def test_file_names_that_are_not_utf8_are_printable(cli, tmp_path):
    name = os.fsdecode(b"\xff\xfe-draft.txt")
    (tmp_path / name).write_text(AD, encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path))
    data = json.loads(result.stdout)
    assert data["files"][0]["path"].endswith("\ufffd\ufffd-draft.txt")


def test_a_bad_config_is_one_line_and_exit_2(cli, tmp_path):
    (tmp_path / "review.toml").write_text("fail-on = 'sometimes'\n", encoding="utf-8")
    result = cli("check", write(tmp_path / "a.txt", CLEAN))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "review.toml" in result.stderr


def test_no_paths_is_a_usage_error(cli):
    result = cli("check")
    assert result.exit_code == 2 and result.stderr.strip()


def test_windows_line_endings_keep_lines_and_columns(cli, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes((CLEAN + AD).replace("\n", "\r\n").encode("gbk"))
    result = cli("check", "--format", "json", str(path))
    finding = next(f for f in json.loads(result.stdout)["files"][0]["findings"]
                   if f["rule"] == "AD501")
    assert (finding["line"], finding["column"]) == (2, 13)
    text = cli("check", str(path)).stdout
    assert "\ufffd" not in text and "\r" not in text


def test_rules_lists_every_rule_once(cli):
    result = cli("rules", "--lang", "en")
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert len(ids) == len(set(ids))
    assert {"SC501", "AD503", "IL001", "CN001"} <= set(ids)
    ads = cli("rules", "--category", "ads").stdout.splitlines()
    assert ads and all(line.startswith("AD") for line in ads)


def test_sarif_reports_unreadable_files_as_notifications(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("check", "--format", "sarif", str(tmp_path / "empty.txt"),
                 write(tmp_path / "a.txt", CLEAN))
    invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == 1 and "empty.txt" in notes[0]["message"]["text"]
    assert result.exit_code == 2


# --- every output format, from the one registry ------------------------------------------

@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_output_format_reports_findings_and_errors(cli, tmp_path, fmt):
    blocked = write(tmp_path / "a.txt", CLEAN + AD)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("check", "--format", fmt, blocked, str(tmp_path / "empty.txt"))
    assert result.exit_code == 2  # the unreadable file outranks the finding
    assert "AD501" in rule_ids(fmt, result.stdout)
    assert "empty.txt" in result.stdout
    clean = cli("check", "--format", fmt, write(tmp_path / "b.txt", CLEAN))
    assert clean.exit_code == 0
    assert rule_ids(fmt, clean.stdout) == set()


def test_junit_is_available_to_check(cli, tmp_path):
    path = write(tmp_path / "a.txt", "他的微信号wang_lei88。\n")  # a review-level finding
    suite = parse("junit", cli("check", "--format", "junit", path).stdout)
    assert suite.get("name") == "review check" and suite.get("failures") == "0"
    result = cli("check", "--format", "junit", "--fail-on", "review", path)
    suite = parse("junit", result.stdout)
    assert result.exit_code == 1 and suite.get("failures") == "1"
    assert "1:6" in suite.find("testcase/failure").get("message")  # the finding's location


def test_sarif_artifact_uris_are_percent_encoded(cli, tmp_path):
    (tmp_path / "posts").mkdir()
    path = write(tmp_path / "posts" / "冬季 优惠#1.md", AD)
    log = json.loads(cli("check", "--format", "sarif", path).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert len(uris) == 1
    uri = uris.pop()
    assert uri.isascii() and " " not in uri and "#" not in uri
    assert uri.endswith("/posts/%E5%86%AC%E5%AD%A3%20%E4%BC%98%E6%83%A0%231.md")
    assert urllib.parse.unquote(uri) == path


@pytest.mark.parametrize(("name", "encoded"), [
    ("冬季 优惠.md", "%E5%86%AC%E5%AD%A3%20%E4%BC%98%E6%83%A0.md"),
    ("第1期#优惠.md", "%E7%AC%AC1%E6%9C%9F%23%E4%BC%98%E6%83%A0.md"),
    ("100% 优惠.md", "100%25%20%E4%BC%98%E6%83%A0.md"),
    # on POSIX a backslash is part of the name, not a separator: a/b.md is another file
    ("冬季\\优惠.md", "%E5%86%AC%E5%AD%A3%5C%E4%BC%98%E6%83%A0.md"),
])
def test_sarif_of_check_is_valid_with_any_file_name(cli, tmp_path, name, encoded):
    """RFC 3986: every byte outside the unreserved set percent-encoded as UTF-8, `/` kept;
    valid by the SARIF 2.1.0 schema with findings and with an unreadable file."""
    (tmp_path / "posts").mkdir()
    write(tmp_path / "posts" / name, CLEAN + AD)
    (tmp_path / "posts" / f"空 {name}").write_bytes(b"")
    result = cli("check", "--format", "sarif", "posts")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    assert sarif_problems(log) == []
    run = log["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]} == {f"posts/{encoded}"}
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        f"posts/%E7%A9%BA%20{encoded}"


@pytest.mark.parametrize("columns", [80, 60, 120])
def test_excerpts_fit_the_terminal_and_the_caret_stays_under_the_span(cli, tmp_path,
                                                                       monkeypatch, columns):
    """At 80 columns a long line's excerpt wrapped and the caret landed under other text."""
    monkeypatch.setenv("COLUMNS", str(columns))
    line = "各街道、各有关单位要认真落实冬季消防安全责任，" * 4 + AD.strip() + \
        "并于月底前将检查情况报区应急管理局，逾期未报的将予以通报。" * 3
    result = cli("check", write(tmp_path / "a.txt", line + "\n"))
    lines = result.stdout.splitlines()
    source = next(i for i, text in enumerate(lines) if "AD501" in text) + 1
    shown, caret = lines[source], lines[source + 1]
    assert wcswidth(shown) <= columns and wcswidth(caret) <= columns
    excerpt = shown.split("| ", 1)[1]
    marks = caret.split("| ", 1)[1]
    start = excerpt.index("abc_shop888")
    assert marks.index("^") == wcswidth(excerpt[:start])
    assert marks.strip() == "^" * len("abc_shop888")


def test_a_large_draft_is_announced_on_a_terminal_and_never_in_a_pipe(tmp_path):
    """A 9 MB draft took 20–30 s with no sign of life. On a terminal a line says which file
    is being checked; when stderr is not a terminal (CI, scripts) nothing is added."""
    import subprocess
    import sys

    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(CLEAN * 20_000, encoding="utf-8")  # about 1.8 MB
    leader, follower = os.openpty()
    try:
        on_terminal = subprocess.run([sys.executable, "-m", "review", "check", str(big)],
                                     stdout=subprocess.DEVNULL, stderr=follower, cwd=tmp_path,
                                     timeout=300)
        os.close(follower)
        said = os.read(leader, 4096).decode()
    finally:
        os.close(leader)
    assert on_terminal.returncode == 0 and "big.txt" in said and "MB" in said
    piped = subprocess.run([sys.executable, "-m", "review", "check", str(big)],
                           capture_output=True, cwd=tmp_path, timeout=300)
    assert piped.returncode == 0 and piped.stderr == b""
