"""JSON from files and records anyone may have written: deeply nested input raises
ValueError like any other malformed JSON (json.loads raises RecursionError), so that the
callers' one `except ValueError` covers it."""

from __future__ import annotations

import json


def loads(data: str | bytes) -> object:
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
