"""The desk served in its own process, asked over real sockets: what only a real connection
shows — whose socket the other end is."""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest

NOBODY = 65534
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin")

REQUEST = """
import http.client, sys
conn = http.client.HTTPConnection(sys.argv[1], int(sys.argv[2]), timeout=10)
conn.request("GET", "/", headers={"Cookie": sys.argv[3]})
print(conn.getresponse().status)
"""


def _session(url: str) -> tuple[str, int, str]:
    """The start address traded for a session, as the starter's browser does."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", f"/?{parts.query}", headers={"Host": parts.netloc})
    response = conn.getresponse()
    assert response.status == 303
    return parts.hostname, parts.port, response.getheader("set-cookie").split(";")[0]


def _status(host: str, port: int, cookie: str) -> int:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.request("GET", "/", headers={"Cookie": cookie})
    return conn.getresponse().status


@pytest.mark.skipif(os.name != "posix" or not os.path.exists("/proc/net/tcp"),
                    reason="the owner of a socket is read from /proc/net/tcp (Linux)")
def test_another_user_holding_the_cookie_is_refused(sqlite_team, desks):
    """Cookies ignore ports: another user's page on 127.0.0.1:9999 that the reviewer's
    browser visits receives the desk's cookie. From that user's own process it opens
    nothing."""
    if os.getuid() != 0 or SYSTEM_PYTHON is None:
        pytest.skip("acting as another user needs root and a system Python")
    host, port, cookie = _session(desks(sqlite_team, "reviewer"))
    assert _status(host, port, cookie) == 200  # the starter's own browser
    other = subprocess.run([SYSTEM_PYTHON, "-c", REQUEST, host, str(port), cookie],
                           user=NOBODY, group=NOBODY, capture_output=True, text=True,
                           timeout=30, cwd="/")
    assert other.stdout.strip() == "403", other.stderr
    assert _status(host, port, cookie) == 200


def test_other_pages_cookies_never_lock_the_reviewer_out(sqlite_team, desks):
    """A page on another port of 127.0.0.1 may set a browser's worth of cookies (they ignore
    ports); the desk still reads its own among them."""
    host, port, cookie = _session(desks(sqlite_team, "reviewer"))
    others = "; ".join(f"c{n}={'x' * 4000}" for n in range(100))
    assert _status(host, port, f"{others}; {cookie}") == 200
