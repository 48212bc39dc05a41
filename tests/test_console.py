"""The console script reads `review check`'s plain arguments without click (issue 19): its
reading must be click's, or none (then click reads them and says what is wrong)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import click
import pytest
from conftest import ROOT

from review.check_options import parse
from review.cli import check

DRAFT = ROOT / "fixtures" / "drafts" / "ads.txt"

READ_ALIKE = [
    [],
    ["a.txt"],
    ["a.txt", "b.md", "-"],
    ["--format", "json", "a.txt"],
    ["a.txt", "--format=sarif", "--fail-on", "never"],
    ["--format", "json", "--format", "text"],  # the last one counts
    ["--lexicon", "ads=x.txt", "--lexicon=y.txt", "--lexicon", ""],
    ["--lexicon", "-x.txt"],  # an option's value may begin with a dash
    ["--lexicon="],
    ["-j", "2", "a.txt"], ["-j2"], ["--jobs=3"], ["--jobs", " 4 "], ["--jobs", "+5"],
    ["--date", "2026-12-04"], ["--date=2026-02-28", "--lang", "en"],
    ["--include", "*.md", "--exclude", "drafts/*", "--exclude", "old/*", "dir"],
    ["--show-suppressed", "a.txt"],
    ["--config", "review.toml"], ["--config", "missing.toml"],
    ["--annotate", "out.docx", "in.docx"],
    ["--", "--format", "-j"],  # after --, paths
    ["a.txt", "--", "-"],
]
CLICK_SAYS = [
    ["--help"], ["-h"], ["--version"], ["--formt", "json"], ["-x"], ["-1"],
    ["--format"], ["--format", "xml"], ["--format="], ["--fail-on", "BLOCK"],
    ["-j", "0"], ["-j=2"], ["-j"], ["--jobs", "two"], ["--jobs", "1.5"],
    ["--date", "2026-13-01"], ["--date", "04/12/2026"], ["--date="],
    ["--show-suppressed=yes"], ["--lang", "fr"],
    ["--config", "."],  # a folder
    ["--annotate", "."],
]


def click_reads(args: list[str]) -> dict | None:
    try:
        with check.make_context("check", list(args)) as ctx:
            return dict(ctx.params)
    except (click.exceptions.ClickException, click.exceptions.Exit):
        return None


@pytest.mark.parametrize("args", READ_ALIKE, ids=" ".join)
def test_plain_arguments_are_read_as_click_reads_them(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    values = parse(args)
    assert values is not None and values == click_reads(args)


@pytest.mark.parametrize("args", CLICK_SAYS, ids=" ".join)
def test_what_click_refuses_or_answers_is_left_to_click(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert parse(args) is None and click_reads(args) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_left_to_click(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked.txt").write_text("x", encoding="utf-8")
    (tmp_path / "locked.txt").chmod(0)
    for args in (["locked.txt"], ["--config", "locked.txt"]):
        assert parse(args) is None and click_reads(args) is None


def test_the_dates_and_counts_are_values_not_text():
    values = parse(["--date", "2026-12-04", "-j", "3"])
    assert values is not None and values["day"] == datetime(2026, 12, 4)
    assert values["jobs"] == 3


def installed(args: list[str], cwd, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "review", *args], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, **env})


def test_both_paths_say_the_same(tmp_path):
    """The same draft checked by the console script's lean path and by click's group run
    directly: the same report, the same exit code."""
    lean = installed(["check", str(DRAFT), "--format", "json"], tmp_path)
    through_click = subprocess.run(
        [sys.executable, "-c", "import sys; from review.cli import main; "
         "sys.argv[0] = 'review'; main()", "check", str(DRAFT), "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path)
    assert lean.returncode == through_click.returncode == 1
    assert lean.stdout == through_click.stdout and lean.stderr == through_click.stderr


def test_a_lean_check_never_imports_click_hashlib_or_json(tmp_path):
    # hashlib loads OpenSSL (11.5M instructions; the check's digests are review.digest's);
    # json is 5.6M (what the check reads parsed is kept in marshal's form)
    script = ("import runpy, sys\n"
              f"sys.argv = ['review', 'check', {str(DRAFT)!r}]\n"
              "try:\n    runpy.run_module('review', run_name='__main__')\n"
              "except SystemExit as done:\n    code = done.code\n"
              "print(code, *(m in sys.modules for m in ('click', 'hashlib', 'json')), "
              "file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.stderr.split()[-4:] == ["1", "False", "False", "False"]


def test_a_refused_argument_is_said_by_click(tmp_path):
    run = installed(["check", "--format", "xml", str(DRAFT)], tmp_path)
    assert run.returncode == 2 and "'xml' is not one of" in run.stderr
    assert "Traceback" not in run.stderr


def test_errors_are_one_line_in_the_language_asked_for(tmp_path):
    (tmp_path / "bad.toml").write_text("[fail_on\n", encoding="utf-8")
    run = installed(["check", "--lang", "en", "--config", "bad.toml", str(DRAFT)], tmp_path)
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith("review: ") and "bad.toml" in run.stderr
    assert not any("\u4e00" <= c <= "\u9fff" for c in run.stderr)


def test_a_stream_declared_ascii_still_prints_chinese(tmp_path):
    run = installed(["check", str(DRAFT)], tmp_path, PYTHONIOENCODING="ascii")
    assert run.returncode == 1 and "不得发布" in run.stdout
    assert "Traceback" not in run.stderr


def test_colour_only_on_a_terminal(tmp_path):
    piped = installed(["check", str(DRAFT)], tmp_path)
    assert "\033[" not in piped.stdout
    pytest.importorskip("pty")
    out = tmp_path / "tty.txt"
    code = ("import os, pty, sys\n"
            "pid, fd = pty.fork()\n"
            f"if pid == 0:\n    os.execv(sys.executable, [sys.executable, '-m', 'review', "
            f"'check', {str(DRAFT)!r}])\n"
            "chunks = []\n"
            "while True:\n"
            "    try:\n        data = os.read(fd, 65536)\n    except OSError:\n        break\n"
            "    if not data:\n        break\n    chunks.append(data)\n"
            f"open({str(out)!r}, 'wb').write(b''.join(chunks))\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path, timeout=120)
    assert b"\033[31m" in out.read_bytes()  # the block severity in red
