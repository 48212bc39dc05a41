"""The one error boundary: every command runs inside `guarded`, so that no traceback ever
reaches the terminal. A ReviewError is one line and its exit code; Ctrl-C 130; a reader that
went away (`| head`) 141 without a word; anything else 3, with the traceback in a crash log.

Both ways a command is run use it: click's group (review.cli.ReviewGroup) and the check's
lean path without click (review.console)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TypeVar

from review.errors import EXIT_FAULT, ReviewError
from review.terminal import echo, prepare_streams

EXIT_INTERRUPTED = 130     # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_CLOSED_PIPE = 141     # 128 + SIGPIPE, as a shell reports `yes | head`
T = TypeVar("T")


def guarded(command: Callable[[], T], argv: list[str],
            passes: tuple[type[BaseException], ...] = ()) -> T:
    """What `command` returns; a SystemExit it raises goes on as it is (its exit code), and so
    do the exceptions in `passes` (click's own usage errors, exit 2). Anything else ends the
    command here: SystemExit with the code its kind has. `argv` goes into a crash log."""
    from review.i18n import listening, t

    prepare_streams()
    with listening() as heard:
        try:
            try:
                return command()
            finally:
                sys.stdout.flush()  # a closed pipe shows here, not at exit
        except passes:
            raise
        except ReviewError as err:
            for line in _lines(err.message(heard.lang)):  # one problem a line (a rule file's)
                echo(f"review: {line}", err=True)
            code = err.exit_code
        except KeyboardInterrupt:
            echo("", err=True)
            code = EXIT_INTERRUPTED
        except BrokenPipeError:
            _silence_stdout()
            code = EXIT_CLOSED_PIPE
        except Exception as err:  # the boundary: whatever it is, one line and a log
            from review import crash

            try:
                message = t("crash", heard.lang, error=crash.describe(err),
                            log=crash.write(err, argv))
            except OSError as unwritable:
                message = t("crash_unlogged", heard.lang, error=crash.describe(err),
                            reason=unwritable)
            echo(f"review: {message}", err=True)
            code = EXIT_FAULT
    raise SystemExit(code)


def _lines(message: str) -> list[str]:
    return [line.strip() for line in message.splitlines() if line.strip()]


def _silence_stdout() -> None:
    """After a closed pipe: stdout goes to /dev/null, so that Python's last flush at exit has
    nowhere to fail (the recipe of the `signal` module's documentation)."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
