"""Labelled `label<TAB>text` files: the project's corpus and any an organisation adds."""

from __future__ import annotations

import hashlib
from pathlib import Path

from review.errors import ConfigError

LABELS = ("neutral", "ads", "opinion", "illegal", "security", "secrets", "consent")


def default_files() -> list[Path]:
    from review.model.scorer import default_dir

    corpus = default_dir().parent / "fixtures" / "corpus"
    return sorted(corpus.glob("*.tsv"))


def read(paths: list[Path]) -> tuple[list[str], list[str]]:
    """(labels, texts), in file order; a bad line is an error naming file and line (keyed, so
    an office's tech person reads it in the command's language)."""
    labels, texts = [], []
    for path in paths:
        try:
            # utf-8-sig: a TSV saved by a spreadsheet starts with a BOM, which would otherwise
            # make the first label unknown
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError("file_unreadable", path=path, reason=err) from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            label, sep, text = line.partition("\t")
            if not sep:
                raise ConfigError("data_no_tab", file=path, line=number)
            if label not in LABELS:
                raise ConfigError("data_unknown_label", file=path, line=number, label=label,
                                  labels=", ".join(LABELS))
            if not text.strip():
                raise ConfigError("data_no_text", file=path, line=number, label=label)
            labels.append(label)
            texts.append(text)
    return labels, texts


def read_extra(paths: list[Path]) -> tuple[list[str], list[str]]:
    """An organisation's files (`review model train --data`): each must exist and hold at least
    one example — an empty export is a mistake worth stopping for, not a no-op retraining."""
    for path in paths:
        if not path.is_file():
            raise ConfigError("data_missing", path=path)
    labels: list[str] = []
    texts: list[str] = []
    for path in paths:
        file_labels, file_texts = read([path])
        if not file_labels:
            raise ConfigError("data_empty", path=path)
        labels += file_labels
        texts += file_texts
    return labels, texts


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
