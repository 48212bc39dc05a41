"""What the 文字关 (expression) stage adds to `review check` of a 5,000-character draft.

Target (issue 3): at most 30% over the same check without the stage."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, draft_of, median_command, median_seconds, report
from review.config import Config
from review.pipeline import Pipeline
from review.stages import STAGES

WITHOUT = [name for name in STAGES if name != "expression"]


def run() -> dict:
    text = draft_of(5000)
    base = Pipeline(Config(stages=WITHOUT))
    full = Pipeline(Config())
    t_base = median_seconds(lambda: base.check_text(text))
    t_full = median_seconds(lambda: full.check_text(text))
    with tempfile.TemporaryDirectory() as directory:
        draft = Path(directory) / "draft.txt"
        draft.write_text(text, encoding="utf-8")
        config_without = Path(directory) / "without.toml"
        config_without.write_text(f"stages = {WITHOUT!r}\n".replace("'", '"'), encoding="utf-8")
        config_full = Path(directory) / "full.toml"
        config_full.write_text("", encoding="utf-8")
        command = [PYTHON, "-m", "review", "check", str(draft), "--fail-on", "never"]
        c_base = median_command([*command, "--config", str(config_without)])
        c_full = median_command([*command, "--config", str(config_full)])
    data = {"draft_chars": len(text), "check_without_s": t_base, "check_with_s": t_full,
            "check_ratio": t_full / t_base, "command_without_s": c_base,
            "command_with_s": c_full, "command_ratio": c_full / c_base}
    report("expression_overhead", [
        ("draft", f"{len(text)} characters"),
        ("check, without expression", f"{t_base * 1000:.1f} ms"),
        ("check, with expression", f"{t_full * 1000:.1f} ms  (x{t_full / t_base:.2f})"),
        ("`review check`, without", f"{c_base * 1000:.0f} ms"),
        ("`review check`, with", f"{c_full * 1000:.0f} ms  (x{c_full / c_base:.2f})"),
    ], data)
    return data
