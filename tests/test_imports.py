"""The package's modules import each other in one direction only: no cycle, counting imports
inside functions too (a late import is still a dependency), not those under TYPE_CHECKING."""

from __future__ import annotations

import ast
from pathlib import Path

import review

# Not straightened on this branch: `stages.detectors` and its detectors (issue 13).
ELSEWHERE = ("review.stages.detectors",)


class _Imports(ast.NodeVisitor):
    def __init__(self) -> None:
        self.names: list[str] = []

    def visit_If(self, node: ast.If) -> None:
        if "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.names += [a.name for a in node.names]

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and not node.level:
            self.names += [node.module, *(f"{node.module}.{a.name}" for a in node.names)]


def graph(package: Path) -> dict[str, set[str]]:
    """Each module of the package, and the package's modules it names in its imports."""
    def name(path: Path) -> str:
        parts = path.relative_to(package.parent).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    paths = {name(p): p for p in package.rglob("*.py")}
    edges = {}
    for module, path in paths.items():
        finder = _Imports()
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        edges[module] = {m for m in finder.names if m in paths} - {module}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(module: str, stack: list[str]) -> None:
        if module in stack:
            found.append([*stack[stack.index(module):], module])
        elif module not in done:
            for target in sorted(edges[module]):
                visit(target, [*stack, module])
            done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return found


def test_no_import_cycles():
    found = cycles(graph(Path(review.__file__).parent))
    assert [c for c in found if not all(m.startswith(ELSEWHERE) for m in c)] == []


def test_a_late_import_is_seen_and_a_type_annotation_is_not(tmp_path):
    """As review.workflow.store once imported the accounts' tables, which import the store."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "store.py").write_text("def tables():\n    import pkg.tables\n")
    (package / "tables.py").write_text("from pkg.store import metadata\n")
    (package / "cli.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                    "    from pkg.late import Thing\n")
    (package / "late.py").write_text("import pkg.cli\n")
    assert cycles(graph(package)) == [["pkg.store", "pkg.tables", "pkg.store"]]
