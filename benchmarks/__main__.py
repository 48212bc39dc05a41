"""python -m benchmarks [NAME ...]: run the named benchmarks (default: all), print a table
each and write benchmarks/results/NAME.json."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["lexicon_throughput", "pipeline", "cold_start", "lexicon_scale",
              "expression_overhead", "classifier_cold", "ci_changed", "sighan", "typo_tuning",
              "confusables"]


def main(names: list[str]) -> None:
    for name in names or BENCHMARKS:
        if name not in BENCHMARKS:
            sys.exit(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
        importlib.import_module(f"benchmarks.{name}").run()


main(sys.argv[1:])
