"""`review check`: drafts in, a report out, and the exit code.

Run by click's command (review.cli) and by the console script's lean path without click
(review.console); both give it the values of the options table (review.check_options)."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from review import collector
from review.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ReviewError, UsageError
from review.report import RENDERERS
from review.report import echo as echo_report
from review.terminal import echo

if TYPE_CHECKING:
    from review.config import Config, LexiconRef
    from review.findings import FileResult
    from review.loading import Source
    from review.pipeline import Pipeline

PROGRESS_MIN_FILES = 20
LARGE_FILE = 1 << 20  # a draft this size takes a second or more: said before it


def check(paths: tuple[str, ...], fmt: str, fail_on: str | None, config_path: str | None,
          lexicons: tuple[str, ...], lang: str | None, jobs: int, include: tuple[str, ...],
          exclude: tuple[str, ...], day: datetime | None, show_suppressed: bool,
          annotate: str | None) -> None:
    """Check the drafts and exit: 0 clean, 1 a finding at --fail-on, 2 a draft unread."""
    # No cyclic collection while the check loads its pipeline (review.collector); the lean
    # path leaves it off (one draft makes little garbage), the bulk path turns it on once
    # loaded (_results).
    with collector.paused(freeze=collector.process_ends):
        _check(paths, fmt, fail_on, config_path, lexicons, lang, jobs, include, exclude, day,
               show_suppressed, annotate)


def lexicon_ref(spec: str) -> LexiconRef:
    """`FILE` or `CATEGORY=FILE` (a plain term list needs its category)."""
    from review.config import LexiconRef
    from review.findings import Category

    category, sep, path = spec.partition("=")
    if sep and category in {c.value for c in Category if c is not Category.RELEASE}:
        return LexiconRef(path=Path(path).resolve(), category=Category(category))
    return LexiconRef(path=Path(spec).resolve())


def configured(config_path: str | None, lexicons: tuple[str, ...], lang: str | None,
               fail_on: str | None, include: tuple[str, ...],
               exclude: tuple[str, ...], day: datetime | None = None) -> Config:
    """The config found (or given), with the command's options over it; the command speaks
    its language from here on."""
    from review.config import load_config
    from review.i18n import speak

    speak(lang)
    config = load_config(Path(config_path) if config_path else None)
    speak(lang or config.lang)
    updates: dict = {}
    if day:
        updates["date"] = day.date()
    if lexicons:
        updates["lexicon"] = [*config.lexicon, *(lexicon_ref(s) for s in lexicons)]
    if lang:
        updates["lang"] = lang
    if fail_on:
        updates["fail_on"] = fail_on
    if include:
        updates["include"] = list(include)
    if exclude:
        updates["exclude"] = [*config.exclude, *exclude]
    return config.replace(**updates)


_worker: Pipeline | None = None


def _init_worker(config: Config) -> None:
    from review.pipeline import Pipeline

    global _worker
    _worker = Pipeline(config)
    _worker.warm()


def _check_in_worker(batch: list[Source]) -> list[FileResult]:
    assert _worker is not None
    return [_worker.check_source(source) for source in batch]


def _size(source: Source) -> int:
    try:
        return source.path.stat().st_size if source.path is not None else 0
    except OSError:
        return 0  # its error is reported when it is read


def _batches(sources: list[Source], sizes: list[int], jobs: int) -> list[list[Source]]:
    """Consecutive runs of about an eighth of a worker's share of the bytes each: split by
    bytes, not by files, so one worker does not draw all the long drafts, and each run is one
    round trip to a worker."""
    target = max(1, sum(sizes) // (jobs * 8))
    batches: list[list[Source]] = [[]]
    held = 0
    for source, size in zip(sources, sizes, strict=True):
        batches[-1].append(source)
        held += size
        if held >= target:
            batches.append([])
            held = 0
    return [batch for batch in batches if batch]


def _results(pipeline: Pipeline, sources: list[Source], jobs: int) -> Iterator[FileResult]:
    """Results in the order of `sources`; files are spread over `jobs` processes."""
    jobs = min(jobs, len(sources))  # never more workers than files (`--jobs 100000`)
    sizes = [_size(source) for source in sources]
    if jobs > 1:
        pipeline.warm()  # loaded once, before the workers fork
    else:
        pipeline.choose_path(sum(sizes))
    if pipeline.bulk:
        gc.enable()  # loaded: the many drafts' garbage is collected as usual (see check)
    if jobs <= 1:
        for source in sources:
            yield pipeline.check_source(source)
        return
    import multiprocessing  # with the pool, 15 ms of imports: only for --jobs
    from concurrent.futures import ProcessPoolExecutor

    global _worker
    if sys.platform.startswith("linux"):
        # Forked workers inherit the loaded pipeline: no imports, lexicons or model again.
        # (Not on macOS, where system libraries are not safe to use in a forked child.)
        _worker = pipeline
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(pipeline.config,))
    with pool:
        for results in pool.map(_check_in_worker, _batches(sources, sizes, jobs)):
            yield from results


def _check(paths: tuple[str, ...], fmt: str, fail_on: str | None, config_path: str | None,
           lexicons: tuple[str, ...], lang: str | None, jobs: int, include: tuple[str, ...],
           exclude: tuple[str, ...], day: datetime | None, show_suppressed: bool,
           annotate: str | None) -> None:
    from review.errors import InputError
    from review.i18n import t
    from review.loading import discover
    from review.pipeline import Pipeline
    from review.report.records import FileReport, LazyRules, Report

    config = configured(config_path, lexicons, lang, fail_on, include, exclude, day)
    pipeline = Pipeline(config)
    lang = config.lang
    targets = list(paths) or [str(config.root / p) for p in config.paths]
    if not targets:
        raise InputError("no_paths")
    if annotate:
        _annotatable(targets, Path(annotate), lang)
    passed_over: list[str] = []
    sources = list(discover(targets, config.include, config.exclude, passed_over))
    renderer = RENDERERS[fmt]
    results: list[FileResult] = []
    stream = _results(pipeline, sources, jobs)
    if not show_suppressed:
        from review.suppress import without_suppressed

        stream = map(without_suppressed, stream)
    # A bar on a terminal when many files are checked and the report is not printed there
    # file by file (which is progress enough).
    show_progress = (sys.stderr.isatty() and len(sources) >= PROGRESS_MIN_FILES
                     and (not renderer.streams or not sys.stdout.isatty()))
    if show_progress:
        import click  # a bar for many files on a terminal: not the one draft's lean path

        with click.progressbar(stream, length=len(sources), label=t("progress", lang),
                               file=sys.stderr) as bar:
            results = list(bar)
    else:
        if sys.stderr.isatty():
            stream = _saying_large(sources, stream, lang)
        for result in stream:
            results.append(result)
            if renderer.streams:
                echo_report(renderer.render_file(FileReport(result), lang))
    if passed_over:  # said, never skipped in silence (on stderr: the report stays parseable)
        names = "、".join(passed_over[:3]) + ("…" if len(passed_over) > 3 else "")
        echo(f"review: {t('not_drafts', lang, count=len(passed_over), names=names)}",
                   err=True)
    if not results:
        raise InputError("no_input")
    report = Report.of(results, LazyRules(pipeline.rules), fail_on=config.fail_on)
    if not renderer.streams:
        echo_report(renderer.render(report, lang))
    else:
        if show_progress:
            for file in report.files:
                echo_report(renderer.render_file(file, lang))
        echo_report(renderer.render_end(report, lang))
    if any(r.error is not None for r in results):
        sys.exit(EXIT_ERROR)
    if annotate:
        _write_annotated(sources[0], results[0], Path(annotate), config, lang)
    failed = any(report.fails(f) for r in results for f in r.findings)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _saying_large(sources: list[Source], stream: Iterator[FileResult], lang: str
                  ) -> Iterator[FileResult]:
    """The results, with a line on the terminal before each large file is checked: a 9 MB
    draft takes seconds, and a silent terminal looks hung."""
    from review.i18n import t
    from review.loading import size_text

    results = iter(stream)
    for source in sources:
        try:
            size = source.path.stat().st_size if source.path is not None else 0
        except OSError:
            size = 0
        if size >= LARGE_FILE:
            said = t("checking_large", lang, name=source.display, size=size_text(size))
            echo(f"review: {said}", err=True)
        yield next(results)


def _annotatable(targets: list[str], out: Path, lang: str) -> None:
    """`--annotate` is for one Word draft, and never writes over it."""
    from review import inputs
    from review.i18n import t

    target = Path(targets[0])
    if len(targets) != 1 or targets[0] == "-" or target.is_dir() or \
            inputs.for_path(target).name != "docx":
        raise UsageError(t("annotate_one_docx", lang))  # (a missing file: `check` says so)
    if out.exists() and out.samefile(target):
        raise UsageError(t("annotate_same_file", lang))


def _write_annotated(source: Source, result: FileResult, out: Path, config: Config,
                     lang: str) -> None:
    from review.loading import display_path, read_bytes
    from review.report.annotate import annotate

    try:
        annotated = annotate(read_bytes(source, config.max_bytes), result.findings, lang)
    except ReviewError as err:
        raise err.about(source.display) from None
    write_atomically(out, annotated, display_path(out))


def write_atomically(path: Path, data: bytes, display: str) -> None:
    """Replace the file in one step, keeping its mode (a new file gets the umask's): a crash
    never leaves half a draft. A file that cannot be written is one line, exit 2."""
    import tempfile

    from review.errors import InputError

    made: str | None = None
    try:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.",
                                         delete=False) as tmp:
            made = tmp.name
            tmp.write(data)
        os.chmod(made, mode & 0o7777)
        os.replace(made, path)
    except OSError as err:
        if made is not None:
            with contextlib.suppress(OSError):
                os.unlink(made)
        raise InputError("unwritable", reason=err.strerror or type(err).__name__) \
            .about(display) from None
