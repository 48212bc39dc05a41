"""The exit codes every command shares and the one error boundary (`review.boundary`):
through the installed console script, through `run()`, and under click's test runner."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from workflow.team import CLEAN, Team

from review.cache import cache_dir
from review.cli import main
from review.console import run
from review.stages import STAGES

REVIEW = Path(sys.executable).with_name("review")  # the console script of this environment
AD = "本店全网最低价，加微信 abc_shop888 下单。\n"
CRASH_LINE = re.compile(r"^review: 意外错误（RuntimeError: 检查时出错）。"
                        r"详细信息已写入 (\S+\.log)，")

pytestmark = pytest.mark.skipif(not REVIEW.exists(), reason="review is not installed here")


def review(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([str(REVIEW), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def one_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and stderr.startswith("review: "), stderr
    assert "Traceback" not in stderr
    return stderr


def test_0_1_2_from_the_installed_command(tmp_path):
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "ad.txt").write_text(AD, encoding="utf-8")
    assert review("check", "clean.txt", cwd=tmp_path).returncode == 0
    assert review("check", "ad.txt", cwd=tmp_path).returncode == 1
    bad_config = review("check", "--config", "missing.toml", "clean.txt", cwd=tmp_path)
    assert bad_config.returncode == 2 and "missing.toml" in one_line(bad_config.stderr)
    no_workspace = review("queue", cwd=tmp_path)
    assert no_workspace.returncode == 2
    assert "当前不在审核工作区内" in one_line(no_workspace.stderr)  # Chinese by default
    english = review("queue", cwd=tmp_path, env={"REVIEW_LANG": "en"})
    assert "not in a review workspace" in one_line(english.stderr)


def test_workflow_codes_from_the_installed_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    item = team.submit("editor", team.write("a.txt", CLEAN))
    own = review("approve", str(item), cwd=tmp_path, env=team.env("editor"))
    assert own.returncode == 1 and "does not hold the role" in one_line(own.stderr)  # refused
    keyless = review("approve", str(item), cwd=tmp_path, env=team.env(None))
    assert keyless.returncode == 2 and "no private key" in one_line(keyless.stderr)
    for name in ("review.db", "review.db-wal", "review.db-shm"):
        (tmp_path / ".review" / name).unlink(missing_ok=True)
    (tmp_path / ".review" / "review.db").write_bytes(b"this is not a database " * 100)
    corrupt = review("queue", cwd=tmp_path, env=team.env(None))
    assert corrupt.returncode == 3 and "damaged" in one_line(corrupt.stderr)


def test_a_closed_pipe_is_not_an_error(tmp_path):
    """`review rules | head -1`: the reader goes away; exit 141 (128 + SIGPIPE, as the shell
    reports a command stopped by a closed pipe) and not a word on stderr."""
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    proc = subprocess.Popen([str(REVIEW), "rules"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # before it writes a line: its first write meets a closed pipe
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141
    assert stderr == b""


def _broken_stage(config):
    class Broken:
        name = "patterns"

        def rules(self):
            return []

        def rule_ids(self):
            return []

        def scan(self, doc):
            raise RuntimeError("检查时出错")

    return Broken()


def test_an_unexpected_error_is_one_line_naming_its_crash_log(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(STAGES, "patterns", _broken_stage)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["review", "check", "a.txt"])
    with pytest.raises(SystemExit) as done:
        run()
    assert done.value.code == 3
    err = capsys.readouterr().err
    log = Path(CRASH_LINE.match(one_line(err))[1])
    assert log.parent == cache_dir() / "crashes"
    text = log.read_text(encoding="utf-8")
    assert "command: review check a.txt" in text
    assert "Traceback" in text and "RuntimeError: 检查时出错" in text


def test_the_crash_line_follows_lang_and_the_test_runner_sees_the_same_code(cli, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setitem(STAGES, "patterns", _broken_stage)
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = cli("check", "--lang", "en", "a.txt")
    assert result.exit_code == 3
    assert one_line(result.stderr).startswith("review: unexpected error (RuntimeError: ")
    assert Path(result.stderr.split(" in ", 1)[1].split(":", 1)[0]).is_file()


def test_ctrl_c_exits_130(cli, tmp_path, monkeypatch):
    def interrupted(config):
        raise KeyboardInterrupt

    monkeypatch.setitem(STAGES, "patterns", interrupted)
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = cli("check", "a.txt")
    assert result.exit_code == 130 and "Traceback" not in result.output


def test_errors_are_said_in_the_language_asked_for(cli):
    assert "没有找到要检查的文件" in one_line(cli("check").stderr)
    english = cli("check", "--lang", "en")
    assert english.exit_code == 2 and "no files to check" in one_line(english.stderr)


def test_a_usage_error_is_click_s_exit_2(cli):
    result = cli("check", "--jobs", "many")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_passphrase_without_a_terminal_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    env = {"REVIEW_KEY": str(tmp_path / "k.pem"), "REVIEW_KEY_PASSPHRASE": ""}
    result = CliRunner().invoke(main, ["keygen", "--name", "张三", "--passphrase"], env=env)
    assert result.exit_code == 2 and "REVIEW_KEY_PASSPHRASE" in result.stderr
    assert not (tmp_path / "k.pem").exists()
    env["REVIEW_KEY_PASSPHRASE"] = "口令123"
    assert CliRunner().invoke(main, ["keygen", "--name", "张三", "--passphrase"],
                              env=env).exit_code == 0


def test_a_caller_who_goes_on_after_run_has_the_cycle_collector_back(tmp_path, monkeypatch):
    """`check` pauses the collector while it loads; the console script, whose process ends
    with it, freezes what was loaded rather than collect it. A caller of run() that goes on
    (as this test does) gets the collector back."""
    import gc

    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["review", "check", "a.txt"])
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        run()
    assert gc.isenabled()
    from review import collector

    assert not collector.process_ends()  # a later in-process check is not taken for one
    gc.unfreeze()  # what run() froze goes back to the collector
