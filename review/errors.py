"""Errors a user can act on: each prints as one line, never as a traceback."""

from __future__ import annotations


class ReviewError(Exception):
    """Base class: the message is complete and shown as is."""

    def message(self, lang: str) -> str:
        return str(self)


class InputError(ReviewError):
    """A file or stdin that cannot be checked (binary, undecodable, too large, unreadable).

    Carries a message key so the CLI can say it in the user's language."""

    def __init__(self, key: str, **kwargs: object) -> None:
        from review.i18n import t  # lazily: the lean scoring path never needs the messages

        super().__init__(t(key, "en", **kwargs))
        self.key = key
        self.kwargs = kwargs

    def message(self, lang: str) -> str:
        from review.i18n import t

        return t(self.key, lang, **self.kwargs)


class ConfigError(ReviewError):
    """A config or lexicon file that cannot be used (message names the file)."""


def first_problem(err: Exception) -> str:
    """`location: message` of a pydantic ValidationError's first error, for one-line reports."""
    first = err.errors()[0]  # type: ignore[attr-defined]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
