"""Python's cycle collector paused while long-lived objects are made.

Loading the caches, or compiling a large term list, makes hundreds of thousands of objects and
no cycles; the collector would walk them again and again (about 30 ms of a draft's check, a
third of a 200,000-term compile). One mechanism for every such place: the check (review.checking)
and the lexicon stage's compile."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_ending = False


@contextmanager
def ending_process() -> Iterator[None]:
    """Around the console script's command: the process ends when the command does (not so
    under a test runner or a library caller, who keep going after it)."""
    global _ending
    _ending = True
    try:
        yield
    finally:  # a caller who goes on after it (a test) is not taken for an ending process
        _ending = False


def process_ends() -> bool:
    return _ending


@contextmanager
def paused(freeze: Callable[[], bool] = lambda: False) -> Iterator[None]:
    """No cyclic collection inside; turned back on after, if it was on. When `freeze()` says
    so at the end (the process ends with the command), what is loaded is frozen first: left
    to reference counting, or the first collection would walk all of it just before it is
    freed anyway (some 25 ms)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze():
                gc.freeze()
            gc.enable()
