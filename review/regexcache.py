"""Regular expressions whose compiled form is kept in the cache. Python compiles a pattern in
Python code, and a character class over the CJK block ([\\u4e00-\\u9fff]) walks its 21,000
code points one by one: the package's patterns took some 50 ms of every `review check`, more
than the check of a short draft. What the compiler hands the regex engine (its code, groups
and flags) depends only on the pattern, the flags and the Python build, so it is kept in one
file per build and given straight to the engine at the next start.

Only the package's own fixed patterns come here (not ones built from a user's files, which
would grow the file without end). Anything unexpected — another Python whose compiler
differs, a damaged file, caching off (REVIEW_NO_CACHE) — means re.compile, as before."""

from __future__ import annotations

import atexit
import marshal
import re
import sys
import zlib
from array import array
from typing import TYPE_CHECKING

from review import cache

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

try:  # the engine's entry point and the compiler's two halves (private, alike in 3.11–3.13)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover — another implementation of Python
    _sre = None
# the array type of the engine's code words (4 bytes, or 2 on an old narrow build)
_CODE = next((t for t in "HIL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), "")
if not _CODE:  # pragma: no cover
    _sre = None

_MAGIC = b"review-regex-2\0"
MAX_PATTERNS = 2000  # far above the package's own; a bound, should a caller misuse this

# (pattern, flags) → the arguments of _sre.compile after the pattern; None until read
_table: dict[tuple[str, int], tuple] | None = None
_added: dict[tuple[str, int], tuple] = {}
# the patterns made in this process: a pattern compiled where it is used is made once
_made: dict[tuple[str, int], re.Pattern[str]] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 — re's name
    """re.compile(pattern, flags), from the cache when this build compiled it before."""
    if _sre is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    made = _made.get((pattern, flags))
    if made is None:
        made = _made[(pattern, flags)] = _make(pattern, flags)
    return made


def _make(pattern: str, flags: int) -> re.Pattern[str]:
    table = _table if _table is not None else _load()
    entry = table.get((pattern, flags))
    if entry is not None:
        try:
            return _engine(pattern, entry)
        except (TypeError, ValueError, RuntimeError):  # the engine refuses it: compile anew
            pass
    try:
        entry = _compiled(pattern, flags)
        compiled = _engine(pattern, entry)
    except Exception:  # noqa: BLE001 — re.compile raises re.error as it should
        return re.compile(pattern, flags)
    if len(table) + len(_added) < MAX_PATTERNS:
        if not _added:
            atexit.register(_store)
        _added[(pattern, flags)] = entry
    return compiled


def _engine(pattern: str, entry: tuple) -> re.Pattern[str]:
    flags, code, *rest = entry
    return _sre.compile(pattern, flags, array(_CODE, code).tolist(), *rest)


def _compiled(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes _sre.compile, after the pattern; the code as bytes
    (the file's 90,000 code words read back as one object each took a tenth of its load)."""
    parsed = _parser.parse(pattern, flags)
    code = array(_CODE, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _path() -> Path | None:
    # The engine's MAGIC and code size change whenever its code does; sys.version names the
    # build. cache.path_for is None when caching is off.
    return cache.path_for("regex", [],
                          f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{_MAGIC.decode()}")


def _load() -> dict[tuple[str, int], tuple]:
    global _table
    _table = {}
    try:
        path = _path()
        if path is None:
            return _table
        data = path.read_bytes()
        body = memoryview(data)[len(_MAGIC) + 4:]
        if data[:len(_MAGIC) + 4] == _MAGIC + zlib.crc32(body).to_bytes(4, "little"):
            table = marshal.loads(body)
            if isinstance(table, dict):
                _table = table
                cache.used(path)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return _table


def _store() -> None:
    """At exit: the patterns compiled in this run beside those read, for the next."""
    try:
        path = _path()
    except OSError:
        return
    if path is None or not _added:
        return
    try:
        body = marshal.dumps({**(_table or {}), **_added})
    except ValueError:  # something unforeseen in an entry: no cache rather than a traceback
        return
    head = _MAGIC + zlib.crc32(body).to_bytes(4, "little")
    cache.store_file(path, lambda tmp: tmp.write_bytes(head + body))


def finditer_near(pattern: re.Pattern[str], anchor: re.Pattern[str], reach: int,
                  text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), for a pattern whose every match is non-empty and holds a match
    of `anchor` starting at most `reach` characters after its own start (a title after an
    optional 原 or 副). A pattern that opens with optional parts or a look-behind makes the
    engine try it at every character; `anchor`, a plain alternation, lets it skip to the few
    places worth trying, and the pattern is tried only there: the same matches, found several
    times quicker. A start before the first anchor at or past `pos`, less `reach`, holds no
    anchor in reach, so it cannot match."""
    pos = 0
    while (near := anchor.search(text, pos)) is not None:
        at = near.start()
        for start in range(max(pos, at - reach), at + 1):
            if (m := pattern.match(text, start)) is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = at + 1
