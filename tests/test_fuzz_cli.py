"""Every command and subcommand of `review` (the lazy ones included) with malformed arguments,
files and environment: never a traceback, never an unexpected error (a crash log), an exit code
of the table (0–3), and 3 only with the line that says what is wrong with the store.

Left out: `model train` (it would rewrite the shipped model and trains for seconds)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workflow.team import CLEAN

from review.cli import main

AD = "本店全网最低价，加微信 abc_shop888 下单。\n"
SKIP_COMMANDS = {("model", "train")}
SKIP_OPTIONS = {"--help", "-h"}
CRASH = re.compile(r"^review: .*?(/\S*?crash-[^\s:，]+\.log)")
STORE = re.compile(r"^review: (database error|the store|数据库错误|存储库)")


def leaves(group: click.Group, ctx: click.Context, path: tuple[str, ...] = ()):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from leaves(command, click.Context(command, parent=ctx), (*path, name))
        elif (*path, name) not in SKIP_COMMANDS:
            yield (*path, name), command


COMMANDS = dict(leaves(main, click.Context(main)))

# What the files in the pool hold; written afresh before every example (commands may edit them).
FILES = {
    "draft.txt": (CLEAN + AD).encode(),
    "binary.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "empty.txt": b"",
    "huge-line.txt": "通知".encode() * 30_000,  # one 60,000-character line
    "bad.toml": b"fail-on = [\n[severity\n",
    "junk.pem": b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
    "latin1.csv": "account,date\ncaf\xe9,2026-10-01\n".encode("latin-1"),
}
PATHS = [*FILES, "missing.txt", "dir", "dir/", ".review/review.db", "\udcff.txt"]
JUNK = ["", " ", "-", "--", "-1", "0", "1", "2", "99999999999999999999", "abc", "2026-13-45",
        "yesterday", "2026-10", "2026", "2026-10-31:2026-10-01", "ed25519:!!!", "reviewer",
        "reviewer,admin", "AD501@0", "ads=missing.txt", "*.md", "../../etc", "—", "通知"]
ENVS = {
    "plain": {},
    "garbage database url": {"REVIEW_DATABASE_URL": "garbage"},
    "unreachable database": {"REVIEW_DATABASE_URL": "postgresql+psycopg://x@127.0.0.1:1/x"},
    "junk key": {"REVIEW_KEY": "files/junk.pem"},
    "key is a directory": {"REVIEW_KEY": "files/dir"},
    "no key": {"REVIEW_KEY": "files/missing.pem"},
}

text = st.text(st.characters(exclude_characters="\x00"), max_size=12)
value = st.one_of(st.sampled_from([f"files/{p}" for p in PATHS]), st.sampled_from(JUNK), text)


@st.composite
def arguments(draw, command: click.Command) -> list[str]:
    args: list[str] = []
    for param in command.params:
        if isinstance(param, click.Argument):
            count = 1 if param.nargs == 1 else draw(st.integers(0, 2))
            args += [draw(value) for _ in range(count)]
        elif param.opts[0] not in SKIP_OPTIONS and draw(st.booleans() if not param.required
                                                        else st.just(True)):
            if param.is_flag:
                args.append(param.opts[0])
                continue
            choices = getattr(param.type, "choices", None)
            args += [param.opts[0], draw(st.sampled_from(list(choices)) if choices and
                                         draw(st.booleans()) else value)]
    return args + draw(st.lists(value, max_size=1))  # sometimes one argument too many


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A workspace whose admin is also an editor with one submitted item (id 1)."""
    root = tmp_path_factory.mktemp("fuzz")
    runner = CliRunner()
    env = {"REVIEW_KEY": str(root / "admin.pem"), "REVIEW_DATASETS": str(root / "no-datasets")}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        (root / "review.toml").write_text("", encoding="utf-8")
        for args in (["keygen", "--name", "admin"], ["init", "--name", "admin"],
                     ["roster", "add", "admin", "--role", "editor", "--key", "admin.pem.pub"]):
            assert runner.invoke(main, args, env=env).exit_code == 0
        (root / "posts").mkdir()
        (root / "posts" / "a.txt").write_text(CLEAN, encoding="utf-8")
        assert runner.invoke(main, ["submit", "posts/a.txt"], env=env).exit_code == 0
        yield root, env


def lay_out_files(root: Path) -> None:
    files = root / "files"
    (files / "dir").mkdir(parents=True, exist_ok=True)
    for name, data in FILES.items():
        (files / name).write_bytes(data)
    for name in ("missing.txt", "missing.pem", "missing.pem.pub"):
        (files / name).unlink(missing_ok=True)


@pytest.mark.parametrize("name", sorted(COMMANDS), ids=" ".join)
# The same examples every run (derandomize): a suite that fails at random blocks a merge
# without saying why. To explore, run it locally with derandomize=False and more examples.
@settings(max_examples=4, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_no_command_prints_a_traceback(workspace, name, data):
    root, base_env = workspace
    args = data.draw(arguments(COMMANDS[name]), label="args")
    env_name = data.draw(st.sampled_from(sorted(ENVS)), label="env")
    lay_out_files(root)
    result = CliRunner().invoke(main, [*name, *args], env={**base_env, **ENVS[env_name]},
                                catch_exceptions=False)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2, 3), (result.exit_code, result.stderr)
    # Malformed input is a usage, config or input error (2), never an unexpected one: the
    # boundary would hide a crash behind one line, so a crash log fails the test.
    crash = CRASH.search(result.stderr)
    assert crash is None, Path(crash[1]).read_text(encoding="utf-8") if crash else ""
    if result.exit_code == 3:  # only a store that cannot be used (REVIEW_DATABASE_URL)
        assert result.stderr.count("\n") == 1 and STORE.match(result.stderr), result.stderr
