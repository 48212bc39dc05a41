"""Golden end-to-end tests: `review check` on every bundled draft, text and JSON, compared with
fixtures/golden/. After an intended change, regenerate with REVIEW_UPDATE_GOLDEN=1 and review
the diff like code."""

import os

import pytest
from click.testing import CliRunner
from conftest import DRAFTS, ROOT

from review.cli import main

GOLDEN = ROOT / "fixtures" / "golden"
UPDATE = os.environ.get("REVIEW_UPDATE_GOLDEN") == "1"
DRAFT_NAMES = sorted(p.name for p in DRAFTS.iterdir() if p.is_file())


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("name", DRAFT_NAMES)
def test_golden_output(monkeypatch, name, fmt):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("COLUMNS", raising=False)  # pytest-xdist's workers inherit one
    args = ["check", f"fixtures/drafts/{name}", "--format", fmt,
            "--config", "fixtures/golden/review.toml"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    output = f"$ review {' '.join(args)}\n# exit {result.exit_code}\n{result.stdout}"
    golden = GOLDEN / f"{name}.{fmt}"
    if UPDATE:
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with REVIEW_UPDATE_GOLDEN=1"
    assert output == golden.read_text(encoding="utf-8")
