"""`review ci`, `review baseline` and `review published`: the gate in a content repository's CI
and commit hooks, and the after-publication check (双向反馈)."""
