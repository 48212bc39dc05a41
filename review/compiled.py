"""The check's compiled loops (review/_kernels.c), or None where the install could not build
them: then each caller runs the Python it keeps beside them, which gives the same result
(tests/test_kernels.py). Read as `compiled.kernels` at each use, so that a test can take
them away."""

from __future__ import annotations

from types import ModuleType

kernels: ModuleType | None
try:
    from review import _kernels as kernels
except ImportError:  # pragma: no cover — no compiler at install
    kernels = None
