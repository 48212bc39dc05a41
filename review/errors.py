"""Errors a user can act on: each prints as one line, never as a traceback, and carries the
exit code the command ends with (the table is in the README, "Exit codes"). The one place that
turns them into a line on stderr and an exit code is `review.boundary.guarded`."""

from __future__ import annotations

from typing import ClassVar, Self

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_FAULT = 0, 1, 2, 3


class ReviewError(Exception):
    """Base class. Made from a message key and its values (`Refused("self_review", name=…,
    item=…)`, looked up in the tables of review.i18n), it is said in the user's language;
    made from a plain sentence (or a review.i18n.Msg) it is shown as it is. As a str it is
    English. Without a more precise class an error is the user's to fix (usage, config,
    input): exit 2."""

    exit_code: ClassVar[int] = EXIT_ERROR
    where: str | None = None
    key: str | None = None
    kwargs: dict = {}  # noqa: RUF012 — never mutated; each keyed error has its own

    def __init__(self, message: object = "", /, **kwargs: object) -> None:
        text = message if isinstance(message, str) else str(message)
        key = getattr(message, "key", None)  # a Msg: its key and values
        if key is not None:
            kwargs = {**message.kwargs, **kwargs}  # type: ignore[attr-defined]
        elif kwargs or (text and _is_key(text)):
            key = text
        if key is not None:
            from review.i18n import t  # lazily: the lean scoring path never needs the tables

            self.key, self.kwargs = key, kwargs
            text = t(key, "en", **kwargs)
        super().__init__(text)

    def about(self, where: str) -> Self:
        """The same error said of a file or item: `where: message`."""
        self.where = where
        return self

    def message(self, lang: str) -> str:
        text = self.text(lang)
        return f"{self.where}: {text}" if self.where else text

    def say(self, lang: str) -> str:
        """As a part of another message (review.i18n.said)."""
        return self.message(lang)

    def text(self, lang: str) -> str:
        if self.key is None:
            return str(self)
        from review.i18n import t

        return t(self.key, lang, **self.kwargs)

    def __reduce__(self) -> tuple:
        # Rebuilt from its key, not from its English text: `check --jobs` sends it between
        # processes.
        return _rebuilt, (type(self), self.key or str(self), self.kwargs, self.where)


def _is_key(text: str) -> bool:
    if not text.isidentifier():
        return False  # a sentence: the tables are not even read
    from review.i18n import is_key

    return is_key(text)


def _rebuilt(cls: type[ReviewError], message: str, kwargs: dict,
             where: str | None) -> ReviewError:
    err = cls(message, **kwargs)
    err.where = where
    return err


class InputError(ReviewError):
    """A file or stdin that cannot be checked (binary, undecodable, too large, unreadable):
    always a message key, so the CLI can say it in the user's language."""


class ConfigError(ReviewError):
    """A config or lexicon file that cannot be used (message names the file)."""


class UsageError(ReviewError):
    """Usage or setup: an argument naming nothing (no item 7), not in a workspace, no key or
    not a usable one, no git repository."""


class Refused(ReviewError):
    """A workflow action the rules refuse (needs approval, self-approval, a block finding, a
    changed file), or a verification that fails (no valid attestation, a broken audit log).
    Nothing is recorded when it is raised."""

    exit_code: ClassVar[int] = EXIT_FINDINGS


class StoreError(ReviewError):
    """The store is corrupt, unreachable, locked or of another schema version."""

    exit_code: ClassVar[int] = EXIT_FAULT


def first_problem(err: Exception) -> str:
    """`location: message` of a pydantic ValidationError's first error, for one-line reports."""
    first = err.errors()[0]  # type: ignore[attr-defined]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
