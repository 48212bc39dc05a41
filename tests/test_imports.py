"""The package's modules import each other one way: no import cycles, deferred imports
included (data flows bytes → document → stages → findings → decision → report, and the
workflow, CI and accounts call the pipeline, never the reverse)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "review"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules `path` imports, at load time or deferred into a function (a
    deferred import is still a dependency), but not behind TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in found if m in modules}


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    # A package's __init__ that imports its modules (a registry) is not a cycle with them;
    # a module that imports its own package's __init__ back is.
    return {name: imports(path, set(files)) - {name} for name, path in files.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_there_are_no_import_cycles():
    assert cycles(graph()) == []


def test_the_check_finds_a_seeded_cycle():
    edges = graph()
    edges["review.findings"] = {*edges["review.findings"], "review.pipeline"}
    assert any("review.findings" in c and "review.pipeline" in c for c in cycles(edges))


CALLERS = ("review.cli", "review.workflow", "review.ci", "review.accounts", "review.desk")
ENTRY_POINTS = ("review.__main__", "review.console")


def test_the_pipeline_never_imports_the_commands_that_call_it():
    edges = graph()
    inward = {name: sorted(m for m in deps if m.startswith(CALLERS))
              for name, deps in edges.items()
              if not name.startswith(CALLERS) and name not in ENTRY_POINTS}
    assert {name: deps for name, deps in inward.items() if deps} == {}


# pydantic (and the rule files' schema, declared with it) cost more to import than a short
# draft's whole check: `review check` reads compiled rules from the cache and never needs them.
LEAN_CHECK = """
import runpy, sys
sys.argv = ["review", "check", sys.argv[1], "--format", sys.argv[2]]
try:
    runpy.run_module("review", run_name="__main__")
except SystemExit:
    pass
heavy = ("pydantic", "pydantic_core", "sarif_pydantic", "review.rules.schema")
print(*sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def test_a_check_with_a_warm_cache_imports_no_pydantic(tmp_path):
    env = {**os.environ, "REVIEW_CACHE_DIR": str(tmp_path / "cache")}
    draft = ROOT / "fixtures" / "drafts" / "ads.txt"

    def loaded(fmt: str) -> list[str]:
        run = subprocess.run([sys.executable, "-c", LEAN_CHECK, str(draft), fmt], env=env,
                             capture_output=True, text=True, check=True, cwd=tmp_path)
        return run.stderr.split()

    assert "review.rules.schema" in loaded("json")  # the first check compiles the rule files
    assert loaded("json") == [] and loaded("text") == []
    # SARIF is written with sarif_pydantic: only a SARIF report imports it
    assert loaded("sarif") == ["pydantic", "pydantic_core", "sarif_pydantic"]


# The lean path (issue 19): one draft checked as an editor sees it, the cache warm. What it must
# not import: NumPy and scikit-learn (the bulk path's), pydantic (rule files' schema), wcwidth
# (the report measures CJK text itself), markup and html.parser (pages only), jieba and
# pypinyin (compiled into the cache), OpenCC (a simplified draft has nothing for it).
LEAN_IMPORTS = """
import runpy, sys
sys.argv = ["review", "check", sys.argv[1], "--fail-on", "never"]
try:
    runpy.run_module("review", run_name="__main__")
except SystemExit:
    pass
heavy = ("numpy", "sklearn", "pydantic", "wcwidth", "review.markup", "html.parser", "jieba",
         "pypinyin", "review.model.ngrams", "opencc")
print(*sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def test_a_draft_checked_with_a_warm_cache_stays_on_the_lean_path(tmp_path):
    env = {**os.environ, "REVIEW_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("REVIEW_NO_CACHE", None)
    prose = (ROOT / "fixtures" / "prose" / "correct_government.txt").read_text(encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text((prose * (5000 // len(prose) + 1))[:5000], encoding="utf-8")

    def loaded() -> list[str]:
        run = subprocess.run([sys.executable, "-c", LEAN_IMPORTS, str(draft)], env=env,
                             capture_output=True, text=True, check=True, cwd=tmp_path)
        return run.stderr.split()

    loaded()  # the first check compiles the caches
    assert loaded() == []
    # the classifier found the draft's n-grams with the mapped table, never loading (or
    # building) the automaton of its whole vocabulary
    cache = tmp_path / "cache"
    assert list(cache.glob("ngram_table-*.bin")) and not list(cache.glob("vocabulary-*.bin"))
