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
    """(labels, texts), in file order; a bad line is an error naming file and line."""
    labels, texts = [], []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: cannot read: {err}") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            label, sep, text = line.partition("\t")
            if not sep or label not in LABELS or not text.strip():
                raise ConfigError(f"{path}:{number}: expected `label<TAB>text` with a label "
                                  f"from {', '.join(LABELS)}")
            labels.append(label)
            texts.append(text)
    return labels, texts


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
