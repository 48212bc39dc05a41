"""Workflow errors: one sentence each, shown as is, exit code 1 (2 for usage)."""

from review.errors import ReviewError


class WorkflowError(ReviewError):
    """A refused action or an unusable store/key. Nothing is recorded when it is raised."""
