"""The reviewer's pages: the queue, a draft with its findings in place, the four signed
actions, the item's record for inspectors and a rule's explanation. Every action is the
service's own call (review.workflow.service.Service), the same as the command line's."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from review.desk.context import Desk
from review.desk.drawn import drawn
from review.desk.guard import Forbidden
from review.desk.marked import paragraphs
from review.errors import UsageError
from review.findings import Finding
from review.inputs import reader_view
from review.workflow.history import blocking, finding_key

ACTIONS = ("approve", "reject", "override", "consent")


# --- the queue --------------------------------------------------------------------------------
def queue(desk: Desk, request: Request, form: FormData | None) -> Response:
    service = desk.service
    service.damaged = []
    rows = service.queue()
    me, _ = service.whoami()
    units = _units(service)
    for row in rows:
        row["unit"] = units.get(row["account"] or "", "")
        row["waited"] = _waited(row["at"])
        row["mine"] = bool(me and row["role"] in me.roles and me.name not in row["authors"])
    show = request.query_params.get("show", "mine" if me else "all")
    unit = request.query_params.get("unit", "")
    category = request.query_params.get("category", "")
    shown = [r for r in rows if (show != "mine" or r["mine"]) and (not unit or r["unit"] == unit)
             and (not category or category in r["categories"])]
    return desk.page(request, "queue.html", rows=shown, me=me, show=show, unit=unit,
                     category=category, units=sorted({r["unit"] for r in rows if r["unit"]}),
                     categories=sorted({c for r in rows for c in r["categories"]}),
                     damaged=[p.say(desk.lang) for p in service.damaged])


def _units(service) -> dict[str, str]:
    """Each account's unit, read from an accounts table that agrees with the signed log (any
    member may write it: a draft moved by hand to another unit passes by a reviewer who takes
    his own units'). When it does not, no unit is given and why is said with the damaged
    items; the queue itself is read from the log and stays."""
    from review.accounts import registry
    from review.accounts.checked import CheckedStore
    from review.errors import StoreError

    try:
        return {a["name"]: a["unit"] for a in registry.listing(CheckedStore(service.store))}
    except StoreError as err:
        service.damaged.append(err)
        return {}


def _waited(at: str | None) -> tuple[int, int] | None:
    """Days and hours since a signed time (the signer's clock; None when it has none)."""
    try:
        then = datetime.fromisoformat(at or "")
    except ValueError:
        return None
    if then.tzinfo is None:
        return None
    hours = max(0, int((datetime.now().astimezone() - then).total_seconds() // 3600))
    return divmod(hours, 24)


# --- a draft ----------------------------------------------------------------------------------
def item(desk: Desk, request: Request, form: FormData | None) -> Response:
    return _item_page(desk, request, request.path_params["item"],
                      done=request.query_params.get("done"))


def _done(history: list[dict], me, done: str | None) -> str | None:
    """The action the page says was just signed: only if the item's last record is that
    action, signed by this desk's person (a link carrying `?done=` proves nothing)."""
    if done not in ACTIONS or not history or me is None:
        return None
    last = history[-1]
    return done if (last["kind"], last["person"]) == (done, me.name) else None


def _item_page(desk: Desk, request: Request, item_id: int, done: str | None = None,
               error: str | None = None, status: int = 200) -> Response:
    service = desk.service
    view = service.show(item_id)
    records, judged = service.judged(item_id)
    me, _ = service.whoami()
    history = history_rows(service, records, judged)
    previous = _previous(records, history, judged)
    before = _findings_of(previous.statement.get("found")) if previous else None
    # the page as drawn: what its elements hide is not shown, and said to be there
    shown = drawn(view.content, view.kind, view.data, view.path)
    text = paragraphs(shown.view, view.findings if shown.placed else [])
    checked = reader_view(view.content, view.kind).text
    hidden = shown.view.text != checked
    undrawn = {n: _why_undrawn(view.content, f, shown) for n, f in enumerate(view.findings)}
    for para in text:
        for run in para:
            for n in run.findings:
                undrawn.pop(n, None)
    keys_now = Counter((f.rule, f.text) for f in view.findings)
    keys_before = Counter((f.rule, f.text) for f in before or [])
    return desk.page(
        request, "item.html", status, view=view, me=me,
        text=text, undrawn=undrawn, hidden=hidden,
        # what an element hides by its own markup, a style sheet undoes (`p {display:
        # block}` in the page's <style> or the site's shows a `<p hidden>`): the reviewer
        # reads the whole text the check read too, never only the banner (pass 65, N2)
        checked=checked.split("\n") if hidden else None,
        keys=[finding_key(f) for f in view.findings],
        blocking=blocking(view.findings, set()), history=history,
        previous=previous, before=before,
        new=_beyond(view.findings, keys_before), gone=_beyond(before or [], keys_now),
        done=_done(history, me, done), error=error)


def _beyond(findings: list[Finding], other: Counter) -> list[Finding]:
    """The findings past as many of the same rule and text as the other version had: a
    second 加微信 added is new, though one was there before."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        seen[(f.rule, f.text)] += 1
        if seen[(f.rule, f.text)] > other[(f.rule, f.text)]:
            out.append(f)
    return out


def _why_undrawn(content: str, finding: Finding, shown) -> str:
    """Why a finding has no characters on the page: none could be placed (a long Word draft),
    it was found in words a reader sees joined across hidden text (the check reads such a
    line again: in a page standing for the tag that ends it, in Word as a part of its own),
    or it lies in text the file hides."""
    if not shown.placed:
        return "desk_unplaced"
    quoted = content[finding.start:finding.end]
    if not quoted.strip() or quoted.lstrip().startswith("<") or shown.joined(finding.start):
        return "desk_joined"
    return "desk_undrawn"


def _findings_of(found: object) -> list[Finding]:
    out = []
    for record in found if isinstance(found, list) else []:
        try:
            out.append(Finding.from_dict(record))
        except ValueError:
            continue  # a record no reader can take is not shown as a finding
    return out


def _previous(records, rows: list[dict], judged):
    """The version before the current one: the last signed submission of other content
    (one of the same bytes again, or one the rules void, compares nothing)."""
    now = judged.version.record
    versions = [r for r, row in zip(records, rows, strict=True)
                if r.kind in ("submit", "resubmit") and row["person"] and row["counts"] is not
                False and r.seq < now.seq
                and r.statement.get("content_sha256") != now.statement.get("content_sha256")]
    return versions[-1] if versions else None


def history_rows(service, records, judged) -> list[dict]:
    """Each record of the item as an inspector reads it: who signed it (a key valid at its
    place, never the actor column alone), with which roles, when, what, of which content —
    and whether it counts: a decision the rules void, or one on an earlier version, is said
    to count for nothing now."""
    roster = service.roster()
    counted = judged.counted
    void = {**judged.refused, **judged.misplaced}
    rows = []
    for r in records:
        person = roster.signer_of(r)
        s = r.statement
        what = {k: s[k] for k in ("level", "comment", "reason", "finding", "ref", "title",
                                  "account") if s.get(k) not in (None, "")}
        versioned = r.kind in ("submit", "resubmit")
        rows.append({"seq": r.seq, "kind": r.kind, "person": person.name if person else None,
                     # None: not a decision (a version, a note); False: counts for nothing
                     "counts": False if r.seq in void else (
                         None if versioned else r.seq in counted),
                     "void": str(void[r.seq]) if r.seq in void else None,
                     "roles": sorted(person.roles) if person else [],
                     "at": s.get("at") if isinstance(s.get("at"), str) else "",
                     "hash": s.get("content_sha256") if isinstance(
                         s.get("content_sha256"), str) else "",
                     "what": what})
    return rows


# --- the four signed actions --------------------------------------------------------------------
def act(desk: Desk, request: Request, form: FormData | None) -> Response:
    action = request.path_params["action"]
    if action not in ACTIONS:
        raise HTTPException(404)
    item_id = request.path_params["item"]
    posted(desk, request, form)
    service = desk.service
    version = str(form.get("version", ""))
    if action == "approve":
        service.approve(item_id, _field(form, "comment", required=False), version)
    elif action == "reject":
        service.reject(item_id, _field(form, "reason"), read=version)
    elif action == "override":
        service.override(item_id, _field(form, "finding"), _field(form, "reason"), version)
    else:
        service.consent(item_id, _field(form, "ref"), version)
    return RedirectResponse(f"/items/{item_id}?done={action}", status_code=303)


def posted(desk: Desk, request: Request, form: FormData | None) -> None:
    """What every action must carry before anything is signed: this session's CSRF token,
    the signer's confirmation and, when the key has one, its passphrase typed again."""
    import hmac

    session = getattr(request.state, "session", "")
    token = str((form or {}).get("csrf", ""))
    # as bytes: a token of other characters (`csrf=%ff`) is a wrong one, not a crash
    if not session or not hmac.compare_digest(token.encode("utf-8", "surrogatepass"),
                                              desk.guard.csrf_of(session).encode()):
        raise Forbidden("desk_csrf_refused")
    if form.get("confirm") != "yes":
        raise UsageError("desk_confirm_needed")
    if desk.locked:
        _passphrase_again(desk, str(form.get("passphrase", "")))


def _passphrase_again(desk: Desk, typed: str) -> None:
    """The key's passphrase typed again. Guesses are few: each wrong one waits a second, and
    after MAX_WRONG of them this run signs nothing more."""
    import time

    from review.desk.context import MAX_WRONG
    from review.workflow import keys

    if desk.wrong_passphrases >= MAX_WRONG:
        raise Forbidden("desk_passphrase_locked")
    if not typed:
        raise Forbidden("desk_passphrase_needed")
    try:
        again = keys.load(desk.key_path, typed)
    except UsageError:
        again = None
    if again is None or again.fingerprint != desk.service.identity.fingerprint:
        desk.wrong_passphrases += 1
        time.sleep(1)
        raise Forbidden("desk_passphrase_locked" if desk.wrong_passphrases >= MAX_WRONG
                        else "desk_passphrase_wrong")


def _field(form: FormData, key: str, required: bool = True) -> str:
    value = str(form.get(key, "")).strip()
    if required and not value:
        raise UsageError("blank_option", option=key)
    return value


# --- for inspectors ------------------------------------------------------------------------------
def record(desk: Desk, request: Request, form: FormData | None) -> Response:
    item_id = request.path_params["item"]
    service = desk.service
    view = service.show(item_id)
    return printable(desk, request, "record.html", f"item-{item_id}-record.html",
                     view=view, history=history_rows(service, *service.judged(item_id)))


def printable(desk: Desk, request: Request, template: str, filename: str, **context
              ) -> Response:
    """A page for inspectors; `?download=1` gives it as a file that stands alone (its style
    sheet inside it: a file opened from disk fetches nothing)."""
    from importlib.resources import files

    from review.workflow import chain

    with desk.service.store.reading() as conn:
        workspace = chain.workspace_id(conn)
    download = request.query_params.get("download") == "1"
    css = files("review.desk").joinpath("static", "desk.css").read_text(encoding="utf-8") \
        if download else None
    response = desk.page(request, template, inline_css=css, workspace=workspace,
                         made=datetime.now().astimezone().isoformat(timespec="seconds"),
                         **context)
    if download:
        response.headers["content-disposition"] = attachment(filename)
    return response


def attachment(filename: str) -> str:
    """Content-Disposition for a file name in any script (RFC 6266): an ASCII stand-in, and
    the name itself percent-encoded as UTF-8."""
    from urllib.parse import quote

    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_") or "record.html"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def rule(desk: Desk, request: Request, form: FormData | None) -> Response:
    from review.errors import ConfigError
    from review.rules.explain import explain
    from review.rules.registry import collect

    rule_id = request.path_params["rule"]
    try:
        spec = collect(desk.service.workspace.gate_config()).get(rule_id)
    except ConfigError:
        raise HTTPException(404) from None
    return desk.page(request, "rule.html", rule_id=rule_id,
                     text=explain(spec, desk.lang, None))
