from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from review.config import Config
from review.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent  # the checkout

# The compiled-lexicon cache of this test run, not the user's.
os.environ.setdefault("REVIEW_CACHE_DIR", tempfile.mkdtemp(prefix="review-cache-"))
DRAFTS = ROOT / "fixtures" / "drafts"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Config())


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run `review ...` in-process from an empty directory (no config above it is used)."""
    from review.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")  # stop the upward config search
    runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run
