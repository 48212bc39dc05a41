"""The console script, `review`.

`review check` with arguments the options table reads (review.check_options) runs at once,
without importing click: a ninth of an editor's wait for one draft (issue 19). Everything else
— every other command, help, an argument to refuse, shell completion — goes to click's group
(review.cli), which runs `check` the same way and says what is wrong with its arguments. The
error boundary is the same for both (review.boundary)."""

from __future__ import annotations

import os
import sys

from review import collector


def run() -> None:
    with collector.ending_process():
        args = sys.argv[1:]
        if args[:1] == ["check"] and "_REVIEW_COMPLETE" not in os.environ:  # not completion
            from review.check_options import parse

            values = parse(args[1:])
            if values is not None:
                from review.boundary import guarded
                from review.checking import check

                guarded(lambda: check(**values), args)  # type: ignore[arg-type]
                return
        from review.cli import main

        main()
