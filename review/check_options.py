"""`review check`'s options: one table, read two ways.

click builds the command from it (review.cli: help, usage errors, every other command), and
the check's lean path (review.console) reads plain arguments with `parse`, without importing
click (a ninth of a one-draft check's start, issue 19). `parse` gives exactly the values click
would, or None for anything it does not read as click would — help, an unknown option, a value
click refuses — and then click reads the arguments and says what is wrong. A test holds the two
readings equal over many argument lists (tests/test_console.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from review.config import FAIL_ON
from review.i18n import LANGS
from review.record import NamedTuple
from review.report import OUTPUT_FORMATS

F = TypeVar("F", bound=Callable)
DAY_FORMAT = "%Y-%m-%d"


class Option(NamedTuple):
    flags: tuple[str, ...]
    dest: str
    kind: str  # "choice", "file" (a path, not a folder), "count" (≥ 1), "day", "flag", "text"
    help: str
    choices: tuple[str, ...] = ()
    default: object = None
    multiple: bool = False
    metavar: str | None = None
    show_default: bool = False


OPTIONS = (
    Option(("--format",), "fmt", "choice", "输出格式 / output format", OUTPUT_FORMATS,
           default="text", show_default=True),
    Option(("--fail-on",), "fail_on", "choice",
           "达到该级别时退出码为 1（默认 block）/ exit 1 at this severity (default block)",
           FAIL_ON),
    Option(("--config",), "config_path", "file",
           "配置文件（默认向上查找 review.toml 或 pyproject.toml）/ config file"),
    Option(("--lexicon",), "lexicons", "text",
           "追加词表；纯文本词表须指明类别，如 ads=our.txt / extra lexicon file",
           multiple=True, metavar="[CATEGORY=]FILE"),
    Option(("--lang",), "lang", "choice", "输出语言 / output language", LANGS),
    Option(("--jobs", "-j"), "jobs", "count", "并行进程数 / worker processes", default=1,
           show_default=True),
    Option(("--include",), "include", "text", "目录中要检查的文件 / files to check in directories",
           multiple=True, metavar="GLOB"),
    Option(("--exclude",), "exclude", "text", "目录中跳过的文件 / files to skip in directories",
           multiple=True, metavar="GLOB"),
    Option(("--date",), "day", "day",
           "稿件日期，决定按日期生效的规则（默认今天）/ the drafts' date (default today)"),
    Option(("--show-suppressed",), "show_suppressed", "flag",
           "列出稿内 review-ignore 豁免的问题 / list findings suppressed in the draft",
           default=False),
    Option(("--annotate",), "annotate", "file",
           "把问题作为批注写入 Word 稿件的副本 / write a copy of the .docx with a comment on "
           "each finding", metavar="OUT.docx"),
)
_BY_FLAG = {flag: option for option in OPTIONS for flag in option.flags}


def click_options(f: F) -> F:
    """The table as click's decorators, with the paths argument first."""
    import click

    types = {"file": click.Path(dir_okay=False, path_type=str), "count": click.IntRange(min=1),
             "day": click.DateTime([DAY_FORMAT]), "text": None}
    for o in reversed(OPTIONS):
        kind = click.Choice(o.choices) if o.kind == "choice" else types.get(o.kind)
        extra = {"is_flag": True} if o.kind == "flag" else {"type": kind}
        f = click.option(*o.flags, o.dest, help=o.help, default=o.default, multiple=o.multiple,
                         metavar=o.metavar, show_default=o.show_default, **extra)(f)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=str))(f)


def parse(args: list[str]) -> dict[str, object] | None:
    """The command's keyword arguments from `args` (those after `check`), or None: click must
    read them."""
    values: dict[str, object] = {o.dest: () if o.multiple else o.default for o in OPTIONS}
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths.extend(rest)
            break
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        flag, given, value = arg.partition("=") if arg.startswith("--") else (arg[:2], "",
                                                                              arg[2:])
        option = _BY_FLAG.get(flag)
        if option is None:
            return None  # help, or an option click names as unknown
        if option.kind == "flag":
            if given or value:
                return None
            values[option.dest] = True
            continue
        if not (given or value):
            value = next(rest, None)
            if value is None:
                return None  # click says the option needs a value
        converted = _converted(option, value)
        if converted is None:
            return None
        values[option.dest] = (*values[option.dest], converted) if option.multiple \
            else converted
    for path in paths:
        if not _readable(path):
            return None
    return {"paths": tuple(paths), **values}


def _converted(option: Option, value: str) -> object | None:
    """The value as click's type gives it, None where click would refuse it."""
    if option.kind == "choice":
        return value if value in option.choices else None
    if option.kind == "count":
        try:
            number = int(value)
        except ValueError:
            return None
        return number if number >= 1 else None
    if option.kind == "day":
        try:
            return datetime.strptime(value, DAY_FORMAT)
        except ValueError:
            return None
    if option.kind == "file":
        return value if _readable(value) and not os.path.isdir(value) else None
    return value


def _readable(path: str) -> bool:
    """click.Path refuses a path that exists and cannot be read; one that does not exist is
    the command's to report."""
    return not os.path.exists(path) or os.access(path, os.R_OK)
