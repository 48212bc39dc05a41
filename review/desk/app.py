"""The desk's application: its routes, its one error boundary and how a page is drawn.

Routes and what each may change (the closing note of issue 20 lists the same):
  GET  /                          the queue                                  reads
  GET  /items/{id}                a draft with its findings in place         reads
  POST /items/{id}/approve        Service.approve                            signs a record
  POST /items/{id}/reject         Service.reject                             signs a record
  POST /items/{id}/override       Service.override                           signs a record
  POST /items/{id}/consent        Service.consent                            signs a record
  GET  /items/{id}/record         the item's history for inspectors (HTML)   reads
  GET  /rules/{id}                `review rules --explain`                   reads
  GET  /accounts                  accounts, deadlines, duty, alerts, indices reads
  GET  /accounts/notice           整改通报 of a unit                          reads
  GET  /accounts/{name}/record    a month of an account for inspectors       reads
  GET  /static/…                  the style sheet                            reads
Nothing else is routed: a roster, policy, account or alert change stays on the command line,
where it needs its own role and key."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from review.desk import office, pages
from review.desk.context import Desk
from review.desk.guard import MAX_BODY, GuardMiddleware
from review.errors import Refused, ReviewError, StoreError, UsageError
from review.i18n import Msg
from review.normalize import UNSHOWN
from review.tables import MAX_ID

log = logging.getLogger("review.desk")
STATUS = {Refused: 409, UsageError: 400, StoreError: 503}
MAX_FIELDS = 20


def plain(request: Request, form) -> None:
    """Every value a request carries is text without control or direction characters."""
    values = list(request.query_params.values()) + [str(v) for v in request.path_params.values()]
    for value in form.values() if form is not None else ():
        if not isinstance(value, str):
            raise UsageError("desk_control_chars")
        values.append(value)
    if any(UNSHOWN.search(v) for v in values):
        raise UsageError("desk_control_chars")


def create_app(desk: Desk) -> Starlette:
    def bound(handler):
        """The one error boundary of every page: a rule's refusal, bad input or a damaged
        store is said on the page with its status; anything else is logged as a crash."""
        async def endpoint(request: Request) -> Response:
            if not 1 <= request.path_params.get("item", 1) <= MAX_ID:
                return desk.problem(request, Msg("desk_not_found"), 404)
            form = None
            if request.method == "POST":
                # no files, a few fields: a desk form is text (the guard bounds the body)
                form = await request.form(max_files=0, max_fields=MAX_FIELDS,
                                          max_part_size=MAX_BODY)
            return await run_in_threadpool(call, request, form)

        def call(request: Request, form) -> Response:
            try:
                plain(request, form)
                with desk.lock:
                    return handler(desk, request, form)
            except ReviewError as err:
                status = getattr(err, "http_status", None) or next(
                    (s for cls, s in STATUS.items() if isinstance(err, cls)), 400)
                return desk.problem(request, err, status)
            except HTTPException:
                raise
            except Exception as err:  # noqa: BLE001 — the boundary: one line and a crash log
                from review import crash

                try:
                    where = crash.write(err, ["serve", request.url.path])
                    message = Msg("crash", error=type(err).__name__, log=where)
                except OSError as problem:
                    message = Msg("crash_unlogged", error=type(err).__name__, reason=problem)
                log.error("%s", message)
                return desk.problem(request, message, 500)
        return endpoint

    routes = [
        Route("/", bound(pages.queue)),
        Route("/items/{item:int}", bound(pages.item)),
        Route("/items/{item:int}/{action:str}", bound(pages.act), methods=["POST"]),
        Route("/items/{item:int}/record", bound(pages.record)),
        Route("/rules/{rule:path}", bound(pages.rule)),
        Route("/accounts", bound(office.accounts)),
        Route("/accounts/notice", bound(office.notice)),
        Route("/accounts/{account:path}/record", bound(office.month_record)),
        Mount("/static", StaticFiles(packages=[("review.desk", "static")]), name="static"),
    ]

    async def refused(request: Request, exc: HTTPException) -> Response:
        key = "desk_not_found" if exc.status_code in (404, 405) else "desk_bad_request"
        return desk.problem(request, Msg(key), exc.status_code)

    return Starlette(routes=routes, middleware=[Middleware(GuardMiddleware, guard=desk.guard)],
                     exception_handlers={HTTPException: refused})
