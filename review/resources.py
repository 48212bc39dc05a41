"""The files a draft shows besides its own bytes: the pictures, media, frames, scripts and
style sheets its Markdown or HTML loads (`![](chart.png)`, `<img src>`, `srcset`, `<video
poster>`, `<iframe src>`, `<object data>`, CSS `url()` …), found by the parse the check reads
(review.markup.references).

A reader sees the post with its pictures. The draft's attestation binds its bytes; the
submission binds, with them, each local file the draft loads — its path in the workspace
(relative, normalised) and its SHA-256 — so that approval and release are of the post as
readers see it, and `review verify` and `review ci` refuse it once one of them is replaced.

A local address is resolved from the draft's folder (`/…` from the workspace's root, as a
site serves its files); one that leads out of the workspace, or through a link, binds nothing
a reviewer could see, and is refused, as is a relative one naming no file. A `/…` address
naming no file of the workspace is one the site serves from elsewhere (Hugo's `static/`):
listed with the remote ones, and refused by `verify` once such a file appears unbound.
Remote addresses (`https:`, `//host`, any other scheme)
are not fetched — the tool is offline —, only listed for the reviewer: the post loads them
from outside. A `data:` address is part of the draft's bytes already."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from review.i18n import Msg

# what the submission records of each local file (the draft's own limit is the config's)
MAX_RESOURCE = 512 * 1024 * 1024
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# `https:chart.png`, `http:/a.png`: on a page of that scheme, a relative address (URL's
# "special relative or authority" state) — only `//` (or `\\`) after it names a host
_SCHEME_RELATIVE = re.compile(r"https?:(?![/\\]{2})", re.IGNORECASE)
# a browser drops tabs and line ends anywhere in an address, and spaces and controls around it
_DROPPED = re.compile(r"[\t\n\r]")
# white space other than ASCII's (a no-break, an ideographic space): part of the address to a
# browser and to CommonMark, trimmed by other renderers (markdown-it) — which file readers are
# shown cannot be told
_OTHER_SPACE = re.compile(r"[^\S \t\n\r\f]|\ufeff")
# a byte a percent-escape names that is no UTF-8 (decoded as a lone surrogate)
_UNDECODED = re.compile("[\udc80-\udcff]")
_KINDS = ("markdown", "html")


@dataclass(frozen=True)
class Resource:
    path: str     # in the workspace, POSIX, normalised
    sha256: str
    size: int

    def record(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}


@dataclass
class Shown:
    """What a draft loads, as found now: the local files (with their hashes), the remote
    addresses, and for each local address that binds nothing, why (a Msg naming it)."""

    resources: list[Resource] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)
    problems: list[Msg] = field(default_factory=list)

    @property
    def by_path(self) -> dict[str, Resource]:
        return {r.path: r for r in self.resources}


def addresses(data: bytes, path: str, scripts: list[str] | None = None,
              frames: list[tuple[str, str]] | None = None
              ) -> tuple[list[str], list[str], list[str]]:
    """The addresses a draft's bytes load, and those of its `<base href>`s: a Markdown or
    HTML draft's (any other kind loads nothing of its own: a Word file or PDF carries its
    pictures). InputError when the check would refuse the draft. Third, the addresses a
    browser or a Markdown renderer may load where the check's parse finds none (a lenient
    reading: every tag, and Markdown's images, anywhere, code included): bound when the file
    is there. `scripts` given, what runs a script in the draft is added to it; `frames`
    given, what shows another document in a frame, as (what, address)."""
    from review import inputs

    kind = inputs.kind_of(path, data)
    if kind.name not in _KINDS:
        return [], [], []
    from review.decoding import decode_with_encoding
    from review.markup import loose_references, references

    text, _ = decode_with_encoding(data)
    markdown = kind.name == "markdown"
    found, bases = references(text, markdown, scripts, frames)
    return found, bases, [a for a in loose_references(text, markdown, scripts, frames)
                          if a not in found]


# A site generator's template directive: Liquid's (Jekyll, Hexo) and Jinja's `{% … %}` and
# `{{ … }}`, Hugo's shortcodes `{{< … >}}` / `{{% … %}}` — read before the Markdown is
# (red-team pass 69)
_DIRECTIVE = re.compile(r"\{\{.{0,60}|\{%.{0,60}")


def directive(data: bytes, path: str) -> str | None:
    """The first site generator's template directive in a Markdown or HTML draft, or None.
    The generator writes in its place what it names — a file it includes (Jekyll's
    `{% include_relative note.inc %}`, a Hugo shortcode), a value of the site's data or
    config (`{{ site.data.x }}`) — which no check reads, no reviewer is shown, and no
    approval binds: a change to that file alone, outside the publishable paths, passed
    `review ci` with other words in an approved post (pass 69)."""
    from review import inputs

    if inputs.kind_of(path, data).name not in _KINDS:
        return None
    from review.decoding import decode_with_encoding

    found = _DIRECTIVE.search(decode_with_encoding(data)[0])
    return found.group().splitlines()[0] if found else None


def classify(address: str) -> tuple[str, str] | None:
    """("remote", address) or ("local", the path it names, percent-decoded), or None for
    what loads nothing beside the draft (`data:`, a fragment of the page itself)."""
    address = _DROPPED.sub("", address).strip("".join(chr(c) for c in range(33)))
    if not address or address.startswith("#"):
        return None
    if address.lower().startswith("data:"):
        return None
    if (scheme := _SCHEME_RELATIVE.match(address)) is not None:
        address = address[scheme.end():]  # bound as local: on a page of another scheme a
        # host, which names no file here and is refused
        if not address:
            return None
    if address.startswith(("//", "\\\\", "/\\", "\\/")) or _SCHEME.match(address):
        return "remote", address
    local = re.split(r"[?#]", address.replace("\\", "/"), maxsplit=1)[0]
    # escapes of other bytes than UTF-8's are kept apart (`%ff` names the byte 0xff, no U+FFFD)
    return ("local", unquote(local, errors="surrogateescape")) if local else None


def look(root: Path, draft: str, data: bytes, *, lenient_said: bool = False) -> Shown:
    """The resources the draft `draft` (its path in the workspace at `root`) loads with
    these bytes, as they are on disk now. With `lenient_said`, an address only the lenient
    reading finds that names no file here is a problem too (a published page's, whose every
    picture not compared is said), not passed over as code. A draft (not a published page,
    which runs the site's scripts) that runs a script binds nothing: what a script writes on
    the page no check reads and no reviewer is shown (the desk runs none), and a file it
    fetches is bound by nobody. Nor does one that shows a local document in a frame
    (`<iframe src>`, `<object data>` … of anything but a picture or a recording): the framed
    page's words no check reads and no reviewer is shown (pass 70)."""
    scripts: list[str] = []
    frames: list[tuple[str, str]] = []
    found, bases, maybe = addresses(data, draft, scripts, frames)
    shown = Shown()
    if scripts and not lenient_said:
        shown.problems.append(Msg("resource_script", draft=draft, what=scripts[0]))
    if not lenient_said and (said := directive(data, draft)) is not None:
        shown.problems.append(Msg("resource_directive", draft=draft, what=said))
    if bases:
        shown.problems.append(Msg("resource_base", draft=draft, address=bases[0]))
    seen: set[str] = set()
    lenient = set() if lenient_said else set(maybe) - set(found)
    for address in found + maybe:
        kind = classify(address)
        if kind is None:
            continue
        if kind[0] == "remote":
            if kind[1] not in shown.remote:
                shown.remote.append(kind[1])
            continue
        if _OTHER_SPACE.search(address):
            shown.problems.append(Msg("resource_white_space", draft=draft, address=address))
            continue
        if _UNDECODED.search(kind[1]):
            shown.problems.append(Msg("resource_not_utf8", draft=draft, address=address))
            continue
        path, escapes = resolved(draft, kind[1])
        if escapes and address in lenient:
            continue  # code, or no file of the workspace
        if escapes:
            shown.problems.append(Msg("resource_escapes", draft=draft, address=address))
            continue
        if _linked(root, path):
            shown.problems.append(Msg("resource_link", draft=draft, address=address,
                                      path=path))
            continue
        if path in seen:
            continue
        seen.add(path)
        try:
            digest, size = _hashed(root / path)
        except FileNotFoundError:
            if address in lenient:
                continue  # code showing an image's markup, most likely; bound once it is here
            if kind[1].startswith("/"):
                # served by the site from what the workspace does not hold (Hugo's static/):
                # listed for the reviewer as loaded from outside; bound once it is here
                if address not in shown.remote:
                    shown.remote.append(address)
                continue
            shown.problems.append(Msg("resource_missing", draft=draft, path=path))
            continue
        except OSError as err:
            shown.problems.append(Msg("resource_unreadable", draft=draft, path=path,
                                      reason=err.strerror or err))
            continue
        except ValueError:
            shown.problems.append(Msg("resource_not_file", draft=draft, path=path))
            continue
        shown.resources.append(Resource(path, digest, size))
    shown.resources.sort(key=lambda r: r.path)
    if not lenient_said:
        shown.problems += _framed_documents(root, draft, frames, shown.by_path)
    return shown


# What a frame may show that is no document of words: a picture or a recording, by the name
# the site serves it under (its type) and by its first bytes (a browser sniffs an object's)
_PICTURES = {
    "png": (b"\x89PNG\r\n\x1a\n",), "apng": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",), "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",), "bmp": (b"BM",), "ico": (b"\x00\x00\x01\x00",),
    "avif": (b"ftyp",), "mp4": (b"ftyp",), "m4v": (b"ftyp",), "m4a": (b"ftyp",),
    "mov": (b"ftyp",), "webm": (b"\x1a\x45\xdf\xa3",), "ogg": (b"OggS",), "ogv": (b"OggS",),
    "oga": (b"OggS",), "opus": (b"OggS",), "mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "wav": (b"RIFF",), "flac": (b"fLaC",),
}
_AT_FOUR = frozenset({b"ftyp"})  # ISO media: the box's name after its size


def _is_picture(full: Path) -> bool:
    """Whether the file is a picture or a recording, by its suffix and by its first bytes:
    what a frame shows of it is no text a check could read."""
    magic = _PICTURES.get(full.suffix.lower().lstrip("."))
    if magic is None:
        return False
    try:
        with open(full, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return any(head[4:8] == m if m in _AT_FOUR else head.startswith(m) for m in magic)


def _framed_documents(root: Path, draft: str, frames: list[tuple[str, str]],
                      bound: dict[str, Resource]) -> list[Msg]:
    """Why the local files the draft shows in a frame bind nothing: each framed one that is
    no picture or recording — an HTML page, an SVG drawing, a text, a Word file or PDF
    (red-team pass 70: `<iframe src="inner.html">` showed words no check read and the desk
    listed by name and hash only)."""
    out = []
    for what, address in frames:
        kind = classify(address)
        if kind is None or kind[0] != "local":
            continue  # remote (not fetched, listed), or a data: page read with the draft
        path, escapes = resolved(draft, kind[1])
        if not escapes and path in bound and not _is_picture(root / path):
            out.append(Msg("resource_frame", draft=draft, what=what, path=path))
            break
    return out


def resolved(draft: str, local: str) -> tuple[str, bool]:
    """The path in the workspace a local address of the draft names, and whether it leads
    out of the workspace instead."""
    if "\0" in local:
        return local, True
    base = "" if local.startswith("/") else posixpath.dirname(draft)
    path = posixpath.normpath(posixpath.join(base, local.lstrip("/")))
    return path, path in (".", "..") or path.startswith(("../", "/"))


def _linked(root: Path, path: str) -> bool:
    """Whether a folder on the way to the file, or the file, is a link."""
    at = root
    for part in path.split("/"):
        at = at / part
        try:
            if stat.S_ISLNK(at.lstat().st_mode):
                return True
        except OSError:
            return False  # missing: said when it is read
    return False


def _hashed(path: Path) -> tuple[str, int]:
    """The SHA-256 and size of the regular file at `path` (ValueError: no regular file)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) |
                     getattr(os, "O_NOFOLLOW", 0))
    except IsADirectoryError:
        raise ValueError(path) from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RESOURCE:
            raise ValueError(path)
        digest = hashlib.sha256()
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest(), info.st_size


def records(shown: Shown) -> list[dict]:
    """The resources as a submission signs them."""
    return [r.record() for r in shown.resources]


def from_records(found: object) -> list[Resource] | None:
    """Signed resource records as they must be (a list of path, sha256, size), or None."""
    if not isinstance(found, list):
        return None
    out = []
    for entry in found:
        if not isinstance(entry, dict):
            return None
        path, digest, size = entry.get("path"), entry.get("sha256"), entry.get("size")
        if not isinstance(path, str) or not isinstance(digest, str) or \
                not re.fullmatch(r"[0-9a-f]{64}", digest) or not isinstance(size, int) or \
                isinstance(size, bool):
            return None
        out.append(Resource(path, digest, size))
    return out


def differences(bound: list[Resource] | None, shown: Shown) -> Msg | None:
    """Why the resources a release binds (None: an attestation from before they were bound)
    are not those the draft loads now — one it does not bind, one changed or gone, one that
    binds nothing — or None. Each reason names the file."""
    if shown.problems:
        return shown.problems[0]
    now = shown.by_path
    if bound is None:
        if not now:
            return None  # loads nothing local: the draft's bytes are the whole post
        return Msg("resource_before_binding", path=next(iter(now)))
    bound_by_path = {r.path: r for r in bound}
    for path, resource in now.items():
        was = bound_by_path.get(path)
        if was is None:
            return Msg("resource_unbound", path=path)
        if was.sha256 != resource.sha256:
            return Msg("resource_changed", path=path, bound=was.sha256[:12],
                       now=resource.sha256[:12])
    # a file bound and no longer loaded (another reading of the same bytes) shows nothing
    return None
