"""Printing a command's output: styled on a terminal, plain when piped.

`review check` of one draft is the editor's wait, and importing click costs about a ninth of it
(100M of 920M instructions, issue 19): the check's lean path (review.console) runs without it.
What it used of click is this: `style` writes the same ANSI codes as `click.style`, and `echo`
does what `click.echo` does with them — strips them when the stream is no terminal (a file, a
pipe, a test runner) — so the output is the same whichever path printed it."""

from __future__ import annotations

import codecs
import contextlib
import re
import sys

# click.termui's colours and its pattern of an escape sequence (click._compat._ansi_re)
_COLOURS = {"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35,
            "cyan": 36, "white": 37, "reset": 39}
_ESCAPE = re.compile(r"\033\[[0-?]*[ -/]*[@-~]")
_RESET = "\033[0m"


def style(text: str, fg: str | None = None, bold: bool | None = None) -> str:
    parts = []
    if fg is not None:
        parts.append(f"\033[{_COLOURS[fg]}m")
    if bold is not None:
        parts.append(f"\033[{1 if bold else 22}m")
    return "".join([*parts, text, _RESET])


def echo(message: str = "", err: bool = False, nl: bool = True) -> None:
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # no standard stream attached
        return
    out = message + "\n" if nl else message
    if not _is_terminal(stream):
        out = _ESCAPE.sub("", out)
    stream.write(out)
    stream.flush()


def _is_terminal(stream: object) -> bool:
    try:
        return stream.isatty()  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # a closed or stream-like object
        return False


def prepare_streams() -> None:
    """Before a command prints: an argument's undecodable bytes (a file name) are printed back
    as they came, as Python does in the POSIX locale, rather than failing the command that
    echoes it; and a stream declared ASCII (PYTHONIOENCODING=ascii, an old locale) writes
    UTF-8 instead, as click's streams do, rather than failing on the first Chinese letter."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, LookupError):
            ascii_only = codecs.lookup(stream.encoding or "ascii").name == "ascii"
            if ascii_only:
                stream.reconfigure(encoding="utf-8")
            if stream is sys.stdout:
                stream.reconfigure(errors="surrogateescape")
