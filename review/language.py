"""The language a command speaks: `--lang zh|en`, else REVIEW_LANG, else the config's `lang`
(default Chinese). Resolved once, when the command's options are read, and spoken for the
command's own messages and the error boundary (review.i18n.speak)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import click

from review.i18n import LANGS, speak, spoken, t

F = TypeVar("F", bound=Callable)
CHOSEN_KEY = "review.lang.chosen"  # --lang or REVIEW_LANG, when either says one


def from_environment() -> str | None:
    """REVIEW_LANG as a language (`en`, `en_US.UTF-8`, `zh-CN` …), or None."""
    value = os.environ.get("REVIEW_LANG", "").strip().lower()
    return next((lang for lang in LANGS if value.startswith(lang)), None)


def _configured() -> str:
    """The `lang` of the config found from the working directory; Chinese when there is none
    or it cannot be read (the command itself says what is wrong with it, if it reads it)."""
    from review.config import load_config
    from review.errors import ReviewError

    try:
        return load_config().lang
    except (ReviewError, OSError, ValueError):
        return "zh"


def _resolve(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    chosen = value or from_environment()
    ctx.meta[CHOSEN_KEY] = chosen
    lang = chosen or _configured()
    speak(lang)
    return lang


def lang_option(f: F) -> F:
    """`--lang zh|en` on a command: read before its other options (eager), so that even their
    errors are said in it. The command reads it with `chosen()` / `spoken()` or `say()`."""
    return click.option("--lang", type=click.Choice(LANGS), is_eager=True,
                        expose_value=False, callback=_resolve,
                        help="输出语言（默认取 REVIEW_LANG 或配置 lang）/ output language "
                             "(default: REVIEW_LANG, else the config's lang)")(f)


def chosen() -> str | None:
    """The language --lang or REVIEW_LANG chose for this command, None when neither did."""
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(CHOSEN_KEY) if ctx is not None else from_environment()


def say(key: str, /, **kwargs: object) -> str:
    """A message in this command's language."""
    return t(key, spoken(), **kwargs)


__all__ = ["chosen", "from_environment", "lang_option", "say", "spoken"]
