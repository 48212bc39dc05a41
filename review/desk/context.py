"""One run of the desk: the service it acts through, the guard's secrets and how a page is
drawn (Jinja2 templates bundled with the package, autoescaped)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from review.columns import address_named, named
from review.desk.guard import Guard
from review.errors import ReviewError
from review.i18n import CATEGORY_NAMES, GATE_NAMES, SEVERITY_NAMES, Msg, name, said, t
from review.normalize import UNSHOWN

MAX_WRONG = 3


def visible(value: object) -> object:
    """Every value a template prints (Jinja's finalize): a title, a file name, a reason, a
    run of the draft may come from anyone, and a direction override in it would make the page
    say something other than what was signed."""
    if isinstance(value, str) and UNSHOWN.search(value):
        return UNSHOWN.sub(lambda m: named(m.group()), value)
    return value


@dataclass
class Desk:
    """One run of the desk: the service it acts through and what the guard holds."""

    service: object            # review.workflow.service.Service
    guard: Guard
    key_path: Path
    locked: bool               # the key has a passphrase: every signature asks for it again
    lang: str = "zh"
    # one action at a time: the service and its store connection are not shared across threads
    lock: threading.Lock = field(default_factory=threading.Lock)
    wrong_passphrases: int = 0  # in this run: at MAX_WRONG the desk signs nothing more
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = Environment(loader=PackageLoader("review.desk", "templates"),
                               autoescape=select_autoescape(default=True), finalize=visible)
        self.env.filters["address_named"] = address_named  # a picture's path, an address
        lang = self.lang
        self.env.globals.update(
            t=lambda key, **kw: t(key, lang, **kw), lang=lang,
            said=lambda value: said(value, lang),
            category_name=lambda c: name(CATEGORY_NAMES, c, lang),
            gate_name=lambda g: name(GATE_NAMES, g, lang),
            severity_name=lambda s: name(SEVERITY_NAMES, s, lang) if s in SEVERITY_NAMES else "—")

    def page(self, request: Request, template: str, status: int = 200, **context) -> Response:
        session = getattr(request.state, "session", "")
        body = self.env.get_template(template).render(
            csrf=self.guard.csrf_of(session) if session else "", request=request,
            locked=self.locked, **context)
        return HTMLResponse(body, status_code=status)

    def problem(self, request: Request, err: ReviewError | Msg, status: int) -> Response:
        text = err.message(self.lang) if isinstance(err, ReviewError) else err.say(self.lang)
        return self.page(request, "problem.html", status, message=text)
