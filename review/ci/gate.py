"""The gate: check the publishable files a change touches, with the settings, baseline and
roster of the BASE revision — a change that loosens `review.toml` or slips in a roster cannot
let itself through (as GitHub reads CODEOWNERS from the base branch)."""

from __future__ import annotations

import atexit
import dataclasses
import os
import posixpath
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wcmatch import glob

from review import jsonfile
from review.ci import baseline, git
from review.config import Config, parse_config
from review.errors import ConfigError, InputError, ReviewError
from review.findings import Decision, FileResult, Rule, Severity
from review.i18n import Msg
from review.loading import Source
from review.pipeline import Pipeline

CONFIG_FILES = ("review.toml", "pyproject.toml")
ROSTER = ".review/roster.json"
# in any letter case, as `review check` finds drafts in a folder: posts/a.MD is Markdown to
# every site builder, and a pattern written *.md must not leave it "outside"
_GLOB_FLAGS = glob.GLOBSTAR | glob.BRACE | glob.MATCHBASE | glob.DOTGLOB | glob.IGNORECASE


@dataclass
class FileGate:
    result: FileResult
    status: str                         # A M R … (or "all")
    approval: str | None = None         # None: approved or not required; else why not
    rule: Rule | None = None            # the approval problem's rule (None: RV001)

    @property
    def baselined(self) -> int:
        return self.result.baselined


@dataclass
class GateReport:
    base: str | None
    files: list[FileGate] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # changed, not publishable: not checked
    notices: list[str] = field(default_factory=list)
    fail_on: str = "block"
    lang: str = "zh"                    # --lang, else the base revision's config
    rules: Callable[[], Iterable[Rule]] = tuple  # the rules of the gate's own config, for SARIF

    def exit_code(self) -> int:
        if any(f.result.error for f in self.files):
            return 2
        threshold = None if self.fail_on == "never" else Severity(self.fail_on).rank
        for f in self.files:
            if f.approval is not None:
                return 1
            if threshold is not None and any(x.severity.rank >= threshold
                                             for x in f.result.findings):
                return 1
        return 0


def base_config(root: Path, base: str | None) -> tuple[Config, list[str]]:
    """The config as it was at `base` (or in the working tree with --all and no base), and a
    notice when the change edits it."""
    notices = []
    for name in CONFIG_FILES:
        at_base = git.show(base, name, root) if base else None
        now_path = root / name
        now = _read(now_path)
        text = at_base if base else now
        if base and at_base != now and (at_base or now):
            if name == "pyproject.toml" and not _has_review(at_base) and not _has_review(now):
                continue
            notices.append(Msg("changed_by_change", name=name, base=base[:12]))
        if text is not None and (name == "review.toml" or _has_review(text)):
            config = parse_config(text, name, root)
            return _files_at_base(config, root, base, notices), notices
    return Config(root=root), notices


def _files_at_base(config: Config, root: Path, base: str | None, notices: list[str]) -> Config:
    """The files the gate's config names (term lists, expressions, word classes, the leaders
    file, the classifier's directory) as they were at `base`: emptying the organisation's term
    list, or retraining its model to find nothing, in the change under review must not loosen
    its own gate. Each such change is reported."""
    if not base:
        return config
    holder: list[Path] = []

    def scratch() -> Path:
        if not holder:
            holder.append(Path(tempfile.mkdtemp(prefix="review-base-")))
            atexit.register(shutil.rmtree, holder[0], True)
        return holder[0]

    def at_base(path: Path, directory: bool = False) -> Path:
        """The file as it was at `base` — or, `directory`, every file under it byte for byte
        (the model: weights, vocabulary, header) — the change to it said."""
        # Not resolved: a change that makes the list (or a directory above it) a link to an
        # unchanged file, or to one outside the repository, would have the gate read that
        # instead of the base's list, and say nothing. A link there counts as a change.
        top = root.resolve()
        full = Path(os.path.normpath(config.root / path))
        try:
            rel = full.relative_to(top).as_posix()
        except ValueError:
            return path  # outside the repository: not the change's to edit
        linked = any(p.is_symlink() for p in [full, *full.parents] if top in p.parents)
        old = git.tree(base, rel, root) if directory else git.show(base, rel, root)
        if not linked and old == (_tree(full) if directory else _read(full)):
            return path
        notices.append(Msg("changed_by_change", name=rel, base=base[:12]))
        copy = scratch() / rel
        if not directory:
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(old or "", encoding="utf-8")
            return copy
        copy.mkdir(parents=True, exist_ok=True)  # even empty: the base had no model there
        for name, data in old.items():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes(data)
        return copy

    return config.replace(
        lexicon=[ref._replace(path=at_base(ref.path)) for ref in config.lexicon],
        expressions=[at_base(p) for p in config.expressions],
        classes=[at_base(p) for p in config.classes],
        leaders=at_base(config.leaders) if config.leaders else None,
        model=at_base(config.model, directory=True) if config.model else None)


def _tree(directory: Path) -> dict[str, bytes] | None:
    """Every regular file under a directory of the working tree by its path below it, with
    its bytes; None when anything there is a link or not a file (never the base's)."""
    import os
    import stat

    out: dict[str, bytes] = {}
    for here, dirs, files in os.walk(directory):
        for name in dirs + files:
            full = Path(here) / name
            mode = full.lstat().st_mode
            if stat.S_ISLNK(mode) or not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                return None
            if stat.S_ISREG(mode):
                out[full.relative_to(directory).as_posix()] = full.read_bytes()
    return out


def _has_review(text: str | None) -> bool:
    return bool(text) and "[tool.review" in text


def publishable(path: str, config: Config) -> bool:
    patterns = config.ci.paths or config.include
    # a file is left out only as `exclude` spells it: `posts/ARCHIVE/x.md` is another folder
    # than `posts/archive` to the site that leaves that one out (red-team pass 73)
    return glob.globmatch(path, patterns, flags=_GLOB_FLAGS) and not (
        config.exclude and glob.globmatch(path, config.exclude,
                                          flags=_GLOB_FLAGS & ~glob.IGNORECASE | glob.CASE))


def approval_problem(root: Path, path: str, trust_root) -> str | None:
    """Why the draft at `path` is not released content — its bytes and the local files it
    shows (pictures …, review.resources) as they are in the working tree — or None."""
    from review.workflow import attest

    if trust_root is None:
        return Msg("not_approved_no_roster")
    try:
        digest, shown = attest.released_as(root, root / path, path)
    except ReviewError as err:
        return Msg("not_approved_because", reason=err)
    found, reasons = attest.find_valid(root / ".review" / "attestations", trust_root, path,
                                       digest, shown=shown)
    if found:
        return None
    return Msg("not_approved_because", reason=reasons[0]) if reasons else Msg("not_approved")


# kinds whose drafts carry their pictures inside (review.resources reads none of theirs)
_SELF_CONTAINED = ("docx", "pdf", "old-binary")


def showing(root: Path, drafts: Iterable[str], touched: set[str]) -> dict[str, str]:
    """The drafts among `drafts` that show a file the change touches (a picture replaced,
    added or removed where a draft loads it), each with the first such file. A draft's own
    bytes unchanged, what readers see of it has changed: its approval must still hold."""
    from review import inputs
    from review.files import regular_bytes
    from review.resources import addresses, classify, directive, resolved

    out: dict[str, str] = {}
    for path in drafts:
        if inputs.for_path(path).name in _SELF_CONTAINED:
            continue
        full = root / path
        try:
            if full.is_symlink() or not full.is_file():
                continue  # said by the check of the file itself, when the change touches it
            data = regular_bytes(full, _MAX_SHOWING)
            found, bases, maybe = addresses(data, path)
            if directive(data, path) is not None and touched:
                # a site generator's directive: which file it writes in cannot be told (an
                # include, the site's data): any file the change touches (pass 69)
                out[path] = sorted(touched)[0]
                continue
        except (OSError, ReviewError):
            continue  # unreadable here: nothing shows it loads a touched file
        local = [kind[1] for kind in map(classify, found + maybe)
                 if kind and kind[0] == "local"]
        if bases:
            # which files it shows cannot be told (refused when checked — and an unchanged
            # draft is checked only here): one touched bearing the name of one it loads
            names = {posixpath.basename(address) for address in local} - {""}
            hit = next((t for t in sorted(touched) if posixpath.basename(t) in names), None)
            if hit is not None:
                out[path] = hit
            continue
        for address in local:
            named, escapes = resolved(path, address)
            if escapes:
                continue  # names no file of the repository
            hit = next((t for t in sorted(touched)
                        if t == named or named.startswith(t + "/")), None)
            if hit is not None:
                out[path] = hit
                break
    return out


_MAX_SHOWING = 64 * 1024 * 1024


def run(cwd: Path, base: str | None = None, all_files: bool = False,
        lang: str | None = None) -> GateReport:
    root = git.root(cwd)
    if base is not None:
        base = git.resolve(base, root)
    settings, said = _settings_revision(root, base, all_files)
    if not all_files and base is None:
        base = git.default_base(root)
    config, notices = base_config(root, settings)
    report = GateReport(base, notices=said + notices, fail_on=config.ci.fail_on,
                        lang=lang or config.lang)
    trust_root = _base_root(root, settings, config, report) \
        if config.ci.require_approval else None
    refused, report.files = report.files, []  # the roster's refusal: said after the drafts
    accepted_text = git.show(settings, str(config.ci.baseline), root) if settings else \
        _read(root / config.ci.baseline)
    if settings and accepted_text != _read(root / config.ci.baseline):
        # like review.toml: used only once merged, and said
        report.notices.append(Msg("changed_by_change", name=config.ci.baseline.as_posix(),
                                  base=settings[:12]))
    accepted = baseline.by_file(baseline.load(accepted_text))
    touched: set[str] = set()  # every path the change adds, edits, moves or deletes
    if all_files:
        targets = [("all", p) for p in git.tracked(root)]
    else:
        targets = []
        for change in git.changes(base, root):
            touched.update(p for p in (change.path, change.old_path) if p)
            if change.status == "D":
                if publishable(change.path, config):
                    report.deleted.append(change.path)
                continue
            targets.append((change.status, change.path))
    pipeline = Pipeline(config.replace(lang=lang or config.lang))
    report.rules = pipeline.rules
    pipeline.choose_path(sum(_size(root / path) for _, path in targets))
    # Every publishable file, changed or not: a change to .gitattributes alone turns an
    # approved draft into another text on its way out.
    transformed = git.transformed([p for p in git.tracked(root) if publishable(p, config)],
                                  root)
    showing_subst = _showing_subst(root, config) if config.ci.require_approval else {}
    changed = {path for _, path in targets}
    targets += [("attr", path) for path in sorted({*transformed, *showing_subst})
                if path not in changed]
    collides = _collisions(root, touched)
    for status, path in targets:
        full = root / path
        if path in collides:
            result = pipeline.check_source(Source(path, full, InputError(
                "path_collides", other=", ".join(collides[path]))))
            report.files.append(FileGate(result, status, None))
            continue
        if full.is_symlink() or full.is_dir():
            # a link or a submodule: what it leads to is published and no file here shows it
            result = pipeline.check_source(Source(path, full, InputError("not_a_file")))
            report.files.append(FileGate(result, status, None))
            continue
        if path in transformed or path in showing_subst:
            error = InputError("transformed_by_git", attributes=", ".join(transformed[path])) \
                if path in transformed else \
                InputError("shows_transformed", files=", ".join(showing_subst[path]))
            result = pipeline.check_source(Source(path, full, error))
            report.files.append(FileGate(result, status, None))
            continue
        if path == ROSTER and refused:
            continue  # refused already (_within_reach)
        if not publishable(path, config) or not full.is_file():
            report.outside.append(path)  # listed, not checked: never a silent pass
            continue
        allowed = accepted.get(path)
        if allowed and (base or settings):
            allowed = _already_there(pipeline, root, base or settings, path, allowed)
        result = pipeline.check_source(Source(path, full), accepted=allowed)
        approval = None
        if result.error is None and config.ci.require_approval:
            approval = approval_problem(root, path, trust_root)
        report.files.append(FileGate(result, status, approval))
    if config.ci.require_approval and touched:
        # drafts the change leaves as they were, showing a file it touches (a picture
        # replaced): their approval is checked again, pictures included
        checked = {f.result.path for f in report.files}
        drafts = [p for p in git.tracked(root) if p not in checked and publishable(p, config)]
        for path, picture in sorted(showing(root, drafts, touched).items()):
            problem = approval_problem(root, path, trust_root)
            if problem is not None:
                problem = Msg("shows_changed", changed=picture, problem=problem)
            report.files.append(FileGate(FileResult(path=path, decision=Decision.PASS),
                                         "shows", problem))
    report.files += refused
    return report


def _collisions(root: Path, touched: set[str]) -> dict[str, list[str]]:
    """The files the change adds, edits or moves whose path is another file's where letter
    case or Unicode's normal form make no difference (Windows, macOS), each with those
    files. A site checked out there writes both to one file: `posts/img_0001.jpg` added
    beside an approved post's `IMG_0001.JPG` was the picture readers saw (a `git pull`
    writes it over the other), while here both are apart and the post's approval held
    (red-team pass 69)."""
    if not touched:
        return {}
    import unicodedata

    def fold(path: str) -> str:
        return unicodedata.normalize("NFC", unicodedata.normalize("NFC", path).casefold())

    by_fold: dict[str, list[str]] = {}
    for path in git.tracked(root):
        by_fold.setdefault(fold(path), []).append(path)
    return {path: [p for p in by_fold[fold(path)] if p != path] for path in touched
            if len(by_fold.get(fold(path), ())) > 1}


def _showing_subst(root: Path, config: Config) -> dict[str, list[str]]:
    """The drafts that show a file (a picture, an SVG chart …) which `git archive` rewrites
    under `export-subst`, each with those files. The picture's bytes in the
    working tree are the approved ones, while an archive deploy fills in `$Format:%s$` — the
    commit message, anyone's to write — in an SVG's text: a change adding only the attribute
    (`.gitattributes`, outside the publishable paths) published another picture under an
    approved draft with exit 0 (pass 62 K7). Only export-subst: checkout applies `ident`, a
    `filter` (Git LFS, common for pictures) and `working-tree-encoding` here as on the site,
    so the gate hashes what a checkout publishes; an archive alone writes in text the gate
    never sees."""
    others = [p for p in git.tracked(root) if not publishable(p, config)]
    subst = {path for path, said in git.transformed(others, root).items()
             if "export-subst" in said}
    if not subst:
        return {}
    drafts = [p for p in git.tracked(root) if publishable(p, config)]
    return {path: [picture] for path, picture in showing(root, drafts, subst).items()}


def _already_there(pipeline: Pipeline, root: Path, before: str, path: str,
                   allowed: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """What the baseline accepts in a file, as far as the file at that path already had it
    before the change: a baseline accepts the findings of existing drafts, never one the
    change brings in. Else a change that only edits the baseline (listed as outside the
    publishable paths, exit 0) could accept, once merged, the findings of a draft that did
    not exist yet, or a finding an existing one does not have, for the next change to add."""
    if git.run(["cat-file", "-t", f"{before}:{path}"], root, check=False).strip() != "blob":
        return Counter()  # added by the change (or no file there before)
    scratch = Path(tempfile.mkdtemp(prefix="review-before-"))
    try:
        copy = scratch / Path(path).name  # the same suffix: the same kind of draft
        copy.write_bytes(git.run_bytes(["cat-file", "blob", f"{before}:{path}"], root))
        found = pipeline.check_source(Source(path, copy)).findings
    finally:
        shutil.rmtree(scratch, True)
    return allowed & Counter((f.rule, f.text_digest) for f in found)


def _settings_revision(root: Path, base: str | None, all_files: bool
                       ) -> tuple[str | None, list[str]]:
    """Where the gate's own settings come from: --base when given, else the default branch's
    tip (git.settings_base). `--all` in a repository without a default branch has none: the
    working tree's, said in a notice, since the change could have loosened them."""
    if base is not None:
        return base, []
    try:
        return git.settings_base(root), []
    except git.GitError:
        if not all_files:
            raise
        return None, [Msg("no_default_branch")]


def _base_root(root: Path, base: str | None, config: Config, report: GateReport):
    """The pinned root: the roster export at the base revision (or `trust-root` in the base
    revision's config, which it must then agree with). A roster changed by the change under
    review is reported, and used only once merged."""
    from review.workflow import attest, trust

    if not base:
        # --all without a base: the working tree is the change; only a root pinned outside
        # it (the environment, the person's own file) is trusted, and the export must lead
        # back to it.
        pinned = trust.pinned()
        if pinned is None:
            report.notices.append(Msg("no_base_no_root"))
            return None
        return _within_reach(pinned, root, report)
    text, now = git.show(base, ROSTER, root), _read(root / ROSTER)
    if text != now:
        report.notices.append(Msg("roster_changes", roster=ROSTER))
    touched = git.changed_since_fork(base, ROSTER, now, root)
    try:
        pinned = trust.pinned(config.trust_root)
        if not text:
            if pinned is None and touched and now is not None:
                # nothing to check it against: merged, it would be its own pin — an
                # editor's sandbox workspace as the office's
                _refuse_roster(report, now, "roster_unpinned")
            return _within_reach(pinned, root, report) if pinned else None
        trusted = attest.read_roster(jsonfile.loads(text), pinned)
    except (ValueError, trust.Untrusted, ReviewError) as err:
        report.notices.append(Msg("base_roster_untrusted", roster=ROSTER, problem=err))
        if pinned is not None and pinned.checkpoint:
            # a root pinned with a record anchors the change's export as an export at the
            # base would: the pin moved to the office's newest record before its export was
            # merged leaves the base's older one no root, and the change bringing the newest
            # export must still pass (one cut short before the record is refused)
            return _within_reach(pinned, root, report, touched=touched)
        if touched:  # the same: the base trusts nothing to check it against
            _refuse_roster(report, now, "roster_unpinned")
        return None
    # the export at the base revision is also an anchor: attestations must carry its records,
    # and their releases satisfy its policy (the one in force when the change is merged)
    anchor = pinned.anchored(trusted) if pinned else attest.root_of(trusted)
    return _within_reach(dataclasses.replace(anchor, policy=trusted.policy), root, report,
                         touched=touched)


def _refuse_roster(report: GateReport, now: str | None, why: str) -> None:
    """`.review/roster.json` as a file of the change the gate refuses (RV002, exit 1)."""
    from review.rules.release import ROSTER_GOES_BACK

    report.files.append(FileGate(FileResult(path=ROSTER, decision=Decision.PASS),
                                 "D" if now is None else "M", Msg(why, roster=ROSTER),
                                 ROSTER_GOES_BACK))


def _within_reach(anchor, root: Path, report: GateReport, touched: bool = False):
    """The anchor, requiring every release to lie within the log an admin exported: the
    export of the change itself counts for that when it comes from the same root and holds
    every record the anchor knows — an export only shows which records the store holds (its
    roster and policy are still used only once merged). A release signed by hand outside the
    store is in no export an admin made. With no export at the base, the change's counts for
    nothing: only an export on the default branch shows which log is the office's."""
    from review.workflow import attest, trust

    text = _read(root / ROSTER)
    newer = None
    if text and not anchor.known:
        # no export anchors the root: the change's could be a fork, made by one admin key
        # from a copy of the log when that key alone was the threshold, and nothing shows it
        report.notices.append(Msg("change_roster_unanchored", roster=ROSTER))
    elif text:
        try:
            newer = attest.read_roster(jsonfile.loads(text),
                                       trust.Root(anchor.admin, anchor.workspace))
        except (ValueError, trust.Untrusted, ReviewError) as err:
            report.notices.append(Msg("change_roster_untrusted", roster=ROSTER, problem=err))
    extended = anchor.extended(newer) if newer else None
    if extended is not None and extended.policy is None:
        # No export at the base told the policy in force (a pin alone, or one whose record
        # the base's export lacks: pass 57 C4). The release was judged by its day's policy
        # only, and a draft released under one level before the office raised it to two
        # passed on one (pass 62 K1). The change's export holds the pinned record and every
        # release it lets through (`complete`), so its policy is one the office set at or
        # after each of them: each release must satisfy it too. Never weaker than the day's
        # (both are asked); the editor may pick an older export, but none from before the
        # pinned record or the release.
        extended = dataclasses.replace(extended, policy=newer.policy)
    if newer and extended is None:
        report.notices.append(Msg("change_roster_short", roster=ROSTER))
    if anchor.known and extended is None and touched:
        # The base's export is the gate's memory of every revocation (`--since` included),
        # policy and threshold up to it. An older export is validly signed too: removed,
        # replaced by one that cannot be read, or put back, it would be the base's once
        # merged, and the gate would forget them (TUF: a version never goes back). Used
        # only once merged is not enough: it is refused — when the change itself wrote it
        # (it differs from the export where the change left the base's history): a branch
        # that only lags behind a newer export merges into that one.
        _refuse_roster(report, text, "roster_goes_back")
    return extended or dataclasses.replace(anchor, complete=True)


def _read(path: Path) -> str | None:
    """A file of the working tree as text (undecodable bytes replaced), None if absent."""
    try:
        return path.read_bytes().decode("utf-8", "replace") if path.is_file() else None
    except OSError as err:
        raise ConfigError("file_unreadable", path=path, reason=err.strerror or err) from None


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0  # said when it is checked
