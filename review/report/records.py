"""What every renderer is given: the checked files, the rules that may appear in them and, for
the CI gate, what only the gate knows (how a file changed, the baseline, the approval)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from review.findings import Decision, FileResult, Finding, Rule, Severity
from review.record import NamedTuple


class FileProblem(NamedTuple):
    """A problem of a whole file, at no place in its text: it has no valid release
    attestation (RV001)."""

    rule: Rule
    message: str


class FileReport(NamedTuple):
    result: FileResult
    status: str | None = None            # ci: how the change touched it (A, M, R …, or "all")
    baselined: int = 0                   # ci: findings the baseline accepts, left out
    approval: FileProblem | None = None  # ci with require-approval: why it is not approved


class GateSummary(NamedTuple):
    """What only `review ci` reports: the files the change deletes and its verdict."""

    deleted: list[str]
    exit_code: int
    outside: Sequence[str] = ()  # changed files outside [ci] paths


class LazyRules:
    """Rules listed only when a renderer iterates them (SARIF's descriptors): a pipeline with
    a 200,000-term lexicon makes a Rule per term, which the other formats never need."""

    __slots__ = ("source", "more")

    def __init__(self, source: Callable[[], Iterable[Rule]], more: Sequence[Rule] = ()) -> None:
        self.source = source
        self.more = more

    def __iter__(self) -> Iterator[Rule]:
        yield from self.source()
        yield from self.more


class Report:
    """What a renderer is given. (A plain class: every check makes one, and a dataclass's
    methods are compiled at every start.)"""

    def __init__(self, files: list[FileReport], rules: Iterable[Rule] = (),
                 command: str = "check", context: dict[str, object] | None = None,
                 notices: list[str] | None = None, fail_on: str = "block",
                 gate: GateSummary | None = None) -> None:
        self.files = files
        self.rules = rules          # every rule a finding may name: SARIF's rule descriptors
        self.command = command      # the run: "check", "ci", "published" (JUnit's suite name)
        self.context = context if context is not None else {}  # first JSON keys: base, item
        self.notices = notices      # things to know about the run (a changed config)
        self.fail_on = fail_on      # the least severity that fails: block, review, info, never
        self.gate = gate

    @classmethod
    def of(cls, results: Sequence[FileResult], rules: Iterable[Rule] = (),
           **kwargs: object) -> Report:
        return cls([FileReport(r) for r in results], rules, **kwargs)  # type: ignore[arg-type]

    def fails(self, finding: Finding) -> bool:
        return self.fail_on != "never" and finding.severity.rank >= Severity(self.fail_on).rank


def summary(report: Report) -> dict[str, int]:
    results = [f.result for f in report.files]
    counts = {
        "files": len(results),
        "block": sum(r.decision == Decision.BLOCK for r in results),
        "review": sum(r.decision == Decision.REVIEW for r in results),
        "pass": sum(r.decision == Decision.PASS for r in results),
        "errors": sum(r.error is not None for r in results),
        "findings": sum(len(r.findings) for r in results),
        # lowered to info by a `review-ignore` directive in the draft, listed or not
        "suppressed": sum(r.hidden + sum(f.suppressed is not None for f in r.findings)
                          for r in results),
    }
    if report.gate is not None:
        counts.update(deleted=len(report.gate.deleted), outside=len(report.gate.outside),
                      unapproved=sum(f.approval is not None for f in report.files),
                      baselined=sum(f.baselined for f in report.files),
                      exit=report.gate.exit_code)
    return counts
