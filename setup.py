"""The one thing pyproject.toml cannot yet say in a stable form: the compiled module.

review/_kernels.c holds the classifier's per-sentence sums in C (issue 19). It is optional:
where no compiler builds it, the install goes on and the check runs the same sums in Python
(review/model/scorer.py). No contraction into fused multiply-adds, so that the C adds the
same doubles as the Python does."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("review._kernels", ["review/_kernels.c"], optional=True,
                             extra_compile_args=["-ffp-contract=off"])])
