"""Benchmarks: `python -m benchmarks [NAME ...]`. Not part of the test run.

Every figure is a median over repeated runs, and every comparison is a ratio of figures
measured in the same run: the machines are shared and noisy."""
