from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from review.config import Config
from review.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent  # the checkout

# The compiled-lexicon cache of this test run, not the user's. Under pytest-xdist the
# controller sets it before it starts the workers, so they all share one directory: the cache
# writes each file atomically (a temporary name, then os.replace) and checks what it reads, so
# two workers building the same file at once only do the work twice, and a later worker reuses
# it. The process that made the directory (a plain run, or the controller) removes it at the end.
_OWN_CACHE = "REVIEW_CACHE_DIR" not in os.environ
if _OWN_CACHE:
    os.environ["REVIEW_CACHE_DIR"] = tempfile.mkdtemp(prefix="review-cache-")
DRAFTS = ROOT / "fixtures" / "drafts"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--full", action="store_true",
                     help="run the heavy integration tests (marked slow) at their full size")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _OWN_CACHE:  # never in a worker: the others may still be using it
        shutil.rmtree(os.environ["REVIEW_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def full(request) -> bool:
    """True with --full: the tests marked slow then run at full size, else at a smaller one
    that makes the same checks."""
    return bool(request.config.getoption("full"))


@pytest.fixture(scope="session")
def postgres():
    """This test process's PostgreSQL database (workflow/team.py); skips when unreachable."""
    from workflow.team import PostgresDatabase

    database = PostgresDatabase.create()
    yield database
    database.drop()


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
