"""Who may talk to the desk at all, before any page runs (an ASGI middleware).

The desk signs with its starter's key, so a request it answers is an action taken in his name.
What stands between that key and the rest of the machine and the network:
- the peer must be this computer (loopback) and, where the kernel says (Linux), a socket of
  the user who started the desk (review.desk.peers: cookies ignore ports, so another user's
  page on another port of 127.0.0.1 can receive the session cookie) — unless the desk was
  started with `--host`;
- the Host header must name the address the desk listens on: a page on another site whose name
  was pointed at 127.0.0.1 (DNS rebinding) is refused;
- the first request carries the start token printed in the terminal (as Jupyter does); it
  is traded, once, for a session cookie that lives as long as this run (the address left in
  the browser's history opens nothing later);
- a request body is at most MAX_BODY bytes, refused before it is read;
- every action carries a CSRF token made from the session and a secret of this run
  (`csrf_of`, checked by the action itself: review.desk.pages.posted);
- every answer forbids scripts, frames, outside sources, caching and the Referer header (the
  start token is in the first address)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from review.errors import Refused
from review.i18n import t

MAX_BODY = 64 * 1024  # a form of the desk is a few fields of text
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = {"content-security-policy": CSP, "x-content-type-options": "nosniff",
           "referrer-policy": "no-referrer", "x-frame-options": "DENY",
           "cache-control": "no-store", "cross-origin-opener-policy": "same-origin"}


class Forbidden(Refused):
    """A request the desk will not act on whoever asks (a stale form, a wrong passphrase)."""

    http_status = 403


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def is_wildcard(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_unspecified or bool(mapped and mapped.is_unspecified)


@dataclass
class Guard:
    """This run's secrets and the addresses it answers to."""

    hosts: frozenset[str]       # Host header values accepted ("127.0.0.1:8765", …)
    remote: bool = False        # peers other than this computer (`--host` given)
    lang: str = "zh"
    # whether a loopback peer's socket must be the starter's own (off only where the peer is
    # no socket at all: requests made in this process by the tests' client)
    same_user: bool = True
    token: str | None = field(default_factory=lambda: secrets.token_urlsafe(32))
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    sessions: set[str] = field(default_factory=set)

    @classmethod
    def for_address(cls, host: str, port: int, remote: bool, lang: str,
                    same_user: bool = True, names: tuple[str, ...] = ()) -> Guard:
        """`host`: the address bound; `names`: what else it was called (`--host NAME`)."""
        known = {host, *names}
        if is_loopback(host):
            known |= {"localhost", "127.0.0.1", "[::1]"}
        known = {f"[{n}]" if ":" in n and not n.startswith("[") else n for n in known}
        return cls(frozenset(f"{n.lower()}:{port}" for n in known), remote, lang, same_user)

    def trade(self, offered: str) -> str | None:
        """A new session for the start token, which is spent by it; None when it is wrong
        or spent."""
        if self.token is None or not hmac.compare_digest(offered.encode(),
                                                         self.token.encode()):
            return None
        self.token = None
        return self.issue()

    def issue(self) -> str:
        session = secrets.token_urlsafe(32)
        self.sessions.add(session)
        return session

    def peer_refused(self, scope: Scope) -> str | None:
        """Why this connection's other end may not talk to the desk, or None."""
        peer, port = (scope.get("client") or ("", 0))[:2]
        if self.remote:
            return None
        if not is_loopback(peer):
            return "desk_peer_refused"
        if self.same_user:
            from review.desk.peers import owner

            local = scope.get("server") or ("127.0.0.1", 0)
            uid = owner((peer, port), (local[0], local[1]))
            if uid is not None and uid != os.getuid():
                return "desk_peer_other_user"
        return None

    @property
    def cookie(self) -> str:
        # cookies ignore ports: two desks on one computer must not share a session name
        return "review_desk_" + next(iter(sorted(self.hosts))).rsplit(":", 1)[-1]

    def csrf_of(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def session_of(self, headers: Headers) -> str | None:
        """The session a request's cookies name. Read pair by pair, not with a cookie parser:
        any page on 127.0.0.1 may set cookies here (they ignore ports), and one value a
        parser cannot read, or a second cookie of the desk's name, must not hide the real
        one."""
        for pair in headers.get("cookie", "").split(";"):
            name, _, value = pair.strip().partition("=")
            if name == self.cookie:
                found = next((s for s in self.sessions
                              if hmac.compare_digest(s.encode(), value.strip().encode())), None)
                if found is not None:
                    return found
        return None

    def renew(self) -> str:
        """A new start token (the last one spent or not): for a browser whose session was
        lost, without restarting the desk."""
        self.token = secrets.token_urlsafe(32)
        return self.token

    def start_url(self, host: str, port: int) -> str:
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/?{urlencode({'token': self.token or ''})}"


class GuardMiddleware:
    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        guard = self.guard

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        headers = Headers(scope=scope)
        refused = guard.peer_refused(scope)
        if refused:
            peer = (scope.get("client") or ("", 0))[0]
            await _refuse(403, refused, guard.lang, peer=peer)(scope, receive, send_guarded)
            return
        if headers.get("host", "").lower() not in guard.hosts:
            await _refuse(400, "desk_host_refused", guard.lang)(scope, receive, send_guarded)
            return
        if scope["method"] not in ("GET", "HEAD"):
            size = headers.get("content-length", "")
            if not size.isdigit() or int(size) > MAX_BODY or "transfer-encoding" in headers:
                await _refuse(413, "desk_body_refused", guard.lang, limit=MAX_BODY)(
                    scope, receive, send_guarded)
                return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        offered = query.get("token", [""])[0]
        if offered and scope["method"] == "GET":
            session = guard.trade(offered)
            if session is None:
                await _refuse(403, "desk_token_refused", guard.lang)(
                    scope, receive, send_guarded)
                return
            response = RedirectResponse(scope["path"], status_code=303)
            response.set_cookie(guard.cookie, session, httponly=True, samesite="strict",
                                path="/")
            await response(scope, receive, send_guarded)
            return
        if scope["path"].startswith("/static/"):
            await self.app(scope, receive, send_guarded)  # the style sheet: no secret in it
            return
        session = guard.session_of(headers)
        if session is None:
            await _refuse(403, "desk_token_needed", guard.lang)(scope, receive, send_guarded)
            return
        scope.setdefault("state", {})["session"] = session
        await self.app(scope, receive, send_guarded)


def _refuse(status: int, key: str, lang: str, **kwargs: object) -> HTMLResponse:
    """A refusal before any page: one sentence, no template (nothing of the desk shown)."""
    import html

    text = html.escape(t(key, lang, **kwargs))
    return HTMLResponse(f'<!DOCTYPE html><html lang="{lang}"><meta charset="utf-8">'
                        f"<title>review</title><p>{text}</p></html>", status_code=status)
