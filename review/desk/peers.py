"""Which user on this computer owns the other end of a loopback connection.

Cookies ignore ports: a page another user serves on 127.0.0.1:9999, once the reviewer's
browser visits it, receives the desk's session cookie, and from his own process could read the
desk's pages and sign with the reviewer's key. The desk therefore answers a loopback peer only
when the socket at its end belongs to the user who started the desk. On Linux the kernel lists
every TCP socket with its owner in /proc/net/tcp and /proc/net/tcp6, readable by all users;
elsewhere the owner cannot be read this way and the check says so (None)."""

from __future__ import annotations

import ipaddress
import struct
from pathlib import Path

TABLES = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))


def owner(peer: tuple[str, int], local: tuple[str, int]) -> int | None:
    """The uid owning the socket whose address is `peer` and whose other end is `local`,
    or None when the kernel's tables cannot be read (not Linux)."""
    want = (_key(*peer), _key(*local))
    readable = False
    for table in TABLES:
        try:
            lines = table.read_text().splitlines()[1:]
        except OSError:
            continue
        readable = True
        for line in lines:
            fields = line.split()
            if len(fields) > 7 and (_parse(fields[1]), _parse(fields[2])) == want:
                return int(fields[7])
    return -1 if readable else None  # -1: a table was read and no such socket is in it


def _key(host: str, port: int) -> tuple[bytes, int]:
    """An address as 16 bytes (IPv4 mapped into IPv6, as tcp6 lists it) and a port."""
    address = ipaddress.ip_address(host.strip("[]").split("%")[0])
    if address.version == 4:
        address = ipaddress.IPv6Address(f"::ffff:{address}")
    return address.packed, port


def _parse(field: str) -> tuple[bytes, int] | None:
    """One address of /proc/net/tcp{,6}: each 32-bit word printed as the number its bytes
    make in this machine's byte order, then the port."""
    try:
        hexaddr, hexport = field.split(":")
        packed = b"".join(struct.pack("=I", int(hexaddr[i:i + 8], 16))
                          for i in range(0, len(hexaddr), 8))
        port = int(hexport, 16)
    except (ValueError, struct.error):
        return None
    if len(packed) == 4:
        packed = ipaddress.IPv6Address(b"\0" * 10 + b"\xff\xff" + packed).packed
    return packed, port
