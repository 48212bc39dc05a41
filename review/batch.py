"""Batches as a library: per draft, the very JSON object `review check --format json` lists
for it under "files" (made by the same function, review.report.json.file_record), as a dict:
{"path", "decision", "findings"}, or {"path", "error"} for a draft that cannot be checked.
A bad draft is its own result, never an exception for the batch; results keep input order.

    from review.batch import Checker, check_paths, check_texts
    check_texts([("a.md", "# 标题…"), "裸文本…"])  # names: a.md, <text-2>
    checker = Checker()                             # one loaded pipeline for many calls
    checker.check_paths(["drafts/", "b.docx"])      # a Checker pickles as its config alone
"""

from __future__ import annotations

import functools
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from review import inputs
from review.config import Config, load_config
from review.errors import InputError, ReviewError
from review.findings import FileResult
from review.loading import discover, size_text
from review.pipeline import Pipeline
from review.report.json import file_record
from review.report.records import FileReport
from review.suppress import without_suppressed

ConfigLike = Config | str | os.PathLike[str] | None


class Checker:
    """Checks batches with one pipeline, built at first use and kept for later calls.
    `config`: a Config, a config file, or None for the one `review check` would find (the
    nearest review.toml or pyproject.toml above the working directory). Pickling keeps only
    the config; an unpickled Checker (a Dask or multiprocessing worker) builds its pipeline
    when first used, and shares it with every Checker of the same config in that process."""

    def __init__(self, config: ConfigLike = None) -> None:
        self.config = config if isinstance(config, Config) else \
            load_config(None if config is None else Path(config))
        self._pipeline: Pipeline | None = None

    def __getstate__(self) -> dict:
        return {"config": self.config}

    def __setstate__(self, state: dict) -> None:
        self.config, self._pipeline = state["config"], None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = _pipeline(pickle.dumps(self.config))
        return self._pipeline

    def check_texts(self, texts: Iterable[tuple[str, str]] | Iterable[str]) -> list[dict]:
        """(name, text) pairs, or bare texts named <text-N> (N counting from 1 in the input).
        A name's suffix says the kind (.md, .html: markup hidden as for a file); otherwise,
        and for binary kinds (.docx, .pdf), plain text."""
        items = [(t, f"<text-{n}>") if isinstance(t, str) else (t[1], t[0])
                 for n, t in enumerate([texts] if isinstance(texts, str) else texts, 1)]
        self.pipeline.choose_path(sum(len(text.encode("utf-8", "replace")) for text, _ in items))
        return [_record(self._text(text, name)) for text, name in items]

    def check_paths(self, paths: Iterable[str | os.PathLike[str]] | str) -> list[dict]:
        """Files and directories as `review check` takes them: a directory gives its drafts
        (the config's include/exclude), a missing or unreadable file its error result."""
        paths = [paths] if isinstance(paths, str | os.PathLike) else paths
        sources = list(discover([os.fspath(p) for p in paths], self.config.include,
                                self.config.exclude))
        self.pipeline.choose_path(sum(_size(s.path) for s in sources))
        return [_record(self.pipeline.check_source(source)) for source in sources]

    def _text(self, text: str, name: str) -> FileResult:
        """Read as a file of these UTF-8 bytes is read: the same errors (empty, too large)."""
        kind = inputs.for_path(name)
        kind = kind if kind.reader == inputs.TEXT.reader else inputs.TEXT
        data, limit = text.encode("utf-8", "surrogatepass"), self.config.max_bytes
        try:
            if len(data) > limit:
                raise InputError("too_large", size=size_text(len(data)), limit=size_text(limit))
            return self.pipeline.check(kind.read(data, name))
        except ReviewError as err:
            return FileResult(path=name, error=err.message(self.config.lang))


def check_texts(texts: Iterable[tuple[str, str]] | Iterable[str],
                config: ConfigLike = None) -> list[dict]:
    """Checker(config).check_texts(texts)."""
    return Checker(config).check_texts(texts)


def check_paths(paths: Iterable[str | os.PathLike[str]] | str,
                config: ConfigLike = None) -> list[dict]:
    """Checker(config).check_paths(paths)."""
    return Checker(config).check_paths(paths)


@functools.lru_cache(maxsize=1)
def _pipeline(config: bytes) -> Pipeline:
    """This process's pipeline for the last config used (keyed by its pickle)."""
    return Pipeline(pickle.loads(config))


def _record(result: FileResult) -> dict:
    return file_record(FileReport(without_suppressed(result)))


def _size(path: Path | None) -> int:
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0  # its error is in its result
