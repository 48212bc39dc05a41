"""JSON from files and records anyone may have written, read one way only.

Deeply nested input raises ValueError like any other malformed JSON (json.loads raises
RecursionError), so that the callers' one `except ValueError` covers it. So does an object
with a key written twice: Python's reader keeps the last value, SQLite's json_extract and many
other readers the first, so a signed body, an attestation or an export holding one would say
one thing to this program and another to the next (red-team pass 51). Nothing `review` writes
holds one."""

from __future__ import annotations

import json


def loads(data: str | bytes) -> object:
    try:
        return json.loads(data, object_pairs_hook=_once)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _once(pairs: list[tuple[str, object]]) -> dict:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key written twice")
    return found
