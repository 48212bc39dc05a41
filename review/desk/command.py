"""`review serve`: the review desk on this computer, acting with the starter's key."""

from __future__ import annotations

import socket
import sys
import threading

import click

from review.errors import Refused, UsageError
from review.language import lang_option, say, spoken

DEFAULT_PORT = 8765
MAX_HEADERS = 1 << 20  # bytes of a request's head: a browser's cookie limits, and more


@click.command()
@lang_option
@click.option("--host", help="其他计算机访问审核台所用的地址或主机名（默认只允许本机 127.0.0.1；"
                             "会给出警告）/ the address or host name other computers reach the "
                             "desk at (default: this computer only, 127.0.0.1; warned)")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="端口（0 为任一空闲端口）/ port (0: any free one)")
def serve(host: str | None, port: int) -> None:
    """审核台网页：待审稿件、标注问题的正文、签名审核、账号管理 / the review desk: the queue,
    drafts with their findings marked, signed decisions, the accounts desk."""
    import uvicorn

    from review.desk.app import create_app
    from review.desk.context import Desk
    from review.desk.guard import Guard, is_loopback, is_wildcard
    from review.workflow import keys
    from review.workflow.commands import ask_passphrase, open_service

    path = keys.default_key_path()
    locked = keys.locked(path)
    # unlocked once, here; every signature on the page asks for the passphrase again
    identity = keys.load(path, ask_passphrase() if locked else None)
    service = open_service(identity=identity)
    me, fingerprint = service.whoami()
    if me is None:
        raise Refused("key_not_on_roster", key=fingerprint)
    bind = host or "127.0.0.1"
    try:
        infos = socket.getaddrinfo(bind, port, type=socket.SOCK_STREAM)
        family, _, _, _, address = infos[0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)  # connections wait from here: the address is printed next
    except (OSError, OverflowError, IndexError) as err:
        raise UsageError("desk_port_busy", host=bind, port=port,
                         reason=getattr(err, "strerror", None) or err) from None
    # what was bound, not how it was spelt: `0`, `0x0` and `::ffff:0.0.0.0` are every
    # address too, and `127.1` is this computer
    bound, port = sock.getsockname()[:2]
    if is_wildcard(bound):
        sock.close()
        # a desk on every address could not tell its own name from a rebinding site's
        raise UsageError("desk_wildcard_host", host=bind)
    remote = not is_loopback(bound)
    if remote:
        click.echo(say("desk_remote_warning", host=bind), err=True)
    guard = Guard.for_address(bound, port, remote, spoken(), names=(bind,))
    desk = Desk(service, guard, path, locked, spoken())
    click.echo(say("desk_started", name=me.name, key=fingerprint,
                   url=guard.start_url(bind if remote else bound, port)))
    if _in_foreground():
        click.echo(say("desk_renew_hint"))
        threading.Thread(target=_renew_on_enter, args=(guard, bind if remote else bound, port),
                         daemon=True).start()
    # any page on 127.0.0.1 may set cookies the browser then sends here (they ignore ports):
    # a header buffer for their worst, so that theirs never lock the reviewer out
    config = uvicorn.Config(create_app(desk), log_level="warning", access_log=False,
                            server_header=False, lifespan="off",
                            h11_max_incomplete_event_size=MAX_HEADERS)
    uvicorn.Server(config).run(sockets=[sock])


def _in_foreground() -> bool:
    """Whether the desk owns its terminal: one started with `&` must never read it (the
    terminal would stop the whole desk)."""
    import os

    try:
        return sys.stdin.isatty() and os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except OSError:
        return False


def _renew_on_enter(guard, host: str, port: int) -> None:
    """Each Enter typed in the terminal prints a new start address: the first one is spent by
    its first use, and a browser that lost its session (or another one) needs another. Put in
    the background later (Ctrl-Z, `bg`), a read fails instead of stopping the desk."""
    import signal

    signal.signal(signal.SIGTTIN, signal.SIG_IGN)
    try:
        for _ in sys.stdin:
            guard.renew()
            click.echo(guard.start_url(host, port))
    except OSError:
        return
