"""The organisation's term lists, pinned by the signed policy (`review policy lists`).

The check that gates release reads the content repository's review.toml for its lexicons,
expressions and leaders file — which any editor may edit: dropping the office's list of banned
terms from review.toml, or emptying the file, would let his draft through `submit` unseen.
An admin therefore signs each list's path and content digest into the policy; the gate uses
every pinned list at exactly that content, whatever the working tree's review.toml names, and
refuses to judge when one is missing or changed. Lists review.toml adds beyond them still
count: they can only add to the check (GateCheck)."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from review.errors import InputError, Refused, UsageError
from review.workflow.policy import PinnedList

if TYPE_CHECKING:
    from review.config import Config
    from review.document import Document
    from review.findings import FileResult

MAX_LIST_BYTES = 64 * 2**20


def named_by(config: Config, root: Path) -> tuple[PinnedList, ...]:
    """The lists the admin's review.toml names, at their present content, to be signed."""
    def pin(kind: str, path: Path, **what: str | None) -> PinnedList:
        full = (config.root / path).resolve()
        try:
            rel = full.relative_to(root.resolve()).as_posix()
        except ValueError:
            raise UsageError("list_outside", path=path, root=root) from None
        try:
            data = _read(full, rel)
        except Refused:
            raise UsageError("list_unreadable", path=rel) from None
        return PinnedList(kind, rel, hashlib.sha256(data).hexdigest(), **what)

    lexicons = [pin("lexicon", ref.path, category=ref.category, severity=ref.severity,
                    gate=ref.gate) for ref in config.lexicon]
    expressions = [pin("expressions", path) for path in config.expressions]
    leaders = [pin("leaders", config.leaders)] if config.leaders else []
    holidays = [pin("holidays", path) for path in config.calendar.holidays]
    return tuple(lexicons + expressions + leaders + holidays)


def applied(config: Config, lists: tuple[PinnedList, ...], root: Path
            ) -> tuple[Config, Config]:
    """`config` with every pinned list in force at its signed content, and the same without
    the lists review.toml adds (the trusted check, see GateCheck). Each pinned list is read
    once and checked, and the check reads that copy: the file can change after it was
    hashed."""
    from review.config import LexiconRef
    from review.findings import Category, Gate, Severity

    pinned: dict[str, list] = {kind: [] for kind in ("lexicon", "expressions", "leaders")}
    lists = tuple(x for x in lists if x.kind in pinned)  # holiday files are the office's
    for entry in lists:
        copy = _copy(entry, signed_bytes(entry, root))
        if entry.kind == "lexicon":
            copy = LexiconRef(path=copy, category=entry.category and Category(entry.category),
                              severity=entry.severity and Severity(entry.severity),
                              gate=entry.gate and Gate(entry.gate))
        pinned[entry.kind].append(copy)
    taken = {(root / x.path).resolve() for x in lists}

    def added(path: Path) -> bool:  # a list review.toml names besides the pinned ones
        return (config.root / path).resolve() not in taken

    trusted = config.replace(lexicon=pinned["lexicon"], expressions=pinned["expressions"],
                      leaders=pinned["leaders"][0] if pinned["leaders"] else None)
    return trusted.replace(
        lexicon=pinned["lexicon"] + [ref for ref in config.lexicon if added(ref.path)],
        expressions=pinned["expressions"] + [p for p in config.expressions if added(p)],
        leaders=trusted.leaders or config.leaders), trusted


# The stages that read the term lists; the others find the same whatever review.toml adds.
LIST_STAGES = ("lexicon", "expression")


class GateCheck:
    """The check that gates release: the check with every list in force, and what the
    trusted check alone (the bundled rules and the pinned lists) finds besides.

    A list review.toml adds is the editor's to write, and its findings take part in merging:
    a term of the model's category at `info` makes the model's finding on its sentence give
    way, a longer entry swallows a bundled finding inside it, and a leaders file can name
    李克強 (or 李克强出席) as today's premier. So no finding of the trusted check is ever
    lost: the lists review.toml adds can only add findings, as they are meant to."""

    def __init__(self, config: Config, trusted: Config) -> None:
        from review.pipeline import Pipeline

        self.pipeline = Pipeline(config)
        self.config = self.pipeline.config
        self.trusted = None
        if (config.lexicon, config.expressions, config.leaders) != \
                (trusted.lexicon, trusted.expressions, trusted.leaders):
            self.trusted = Pipeline(trusted.replace(stages=list(LIST_STAGES))).stages

    def rules(self):
        return self.pipeline.rules()

    def check(self, doc: Document, lang: str | None = None) -> FileResult:
        from review.decide import decide, decision_of

        lang = lang or self.config.lang
        hits = {stage.name: list(stage.scan(doc)) for stage in self.pipeline.stages}
        result = decide(doc, [h for found in hits.values() for h in found], self.config, lang)
        if self.trusted is None:
            return result
        alone = [h for name, found in hits.items() if name not in LIST_STAGES for h in found]
        alone += [h for stage in self.trusted for h in stage.scan(doc)]
        seen = {(f.rule, f.start, f.end) for f in result.findings}
        lost = [f for f in decide(doc, alone, self.config, lang).findings
                if (f.rule, f.start, f.end) not in seen]
        if not lost:
            return result
        findings = sorted(result.findings + lost,
                          key=lambda f: (f.start, -f.end, -f.severity.rank, f.rule))
        lines = {n: doc.line_text(n) for f in findings for n in {f.line, f.end_line}}
        return result.replace(findings=findings, decision=decision_of(findings),
                       lines=lines)


def _copy(entry: PinnedList, data: bytes) -> Path:
    """The checked bytes of a pinned list, written where the check reads them: in the
    person's cache by their digest — a compiled list is cached by its path, so a path that
    stays the same for the same content keeps it compiled across runs — or, with no cache
    to write to, in a directory of this run's own. Its name says its format, and is the one
    messages say."""
    from review import cache

    if not os.environ.get("REVIEW_NO_CACHE"):
        copy = cache.cache_dir() / "pinned" / entry.sha256 / entry.path
        tmp = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, copy)  # whatever stood there before is replaced, never trusted
            return copy
        except OSError:
            tmp.unlink(missing_ok=True)
    copies = Path(tempfile.mkdtemp(prefix="review-pinned-"))
    atexit.register(shutil.rmtree, copies, True)
    copy = copies / entry.path
    copy.parent.mkdir(parents=True)
    copy.write_bytes(data)
    return copy


def signed_bytes(entry: PinnedList, root: Path) -> bytes:
    """A pinned file's bytes, read once: refused unless they are what the admin signed."""
    data = _read(root / entry.path, entry.path)
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        raise Refused("pinned_holidays_changed" if entry.kind == "holidays"
                      else "pinned_list_changed", path=entry.path)
    return data


def _read(path: Path, name: str) -> bytes:
    from review.files import regular_bytes

    try:
        return regular_bytes(path, MAX_LIST_BYTES)
    except (OSError, InputError):
        raise Refused("pinned_list_unreadable", path=name) from None
