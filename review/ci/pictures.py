"""`review published`: the files a saved page loads, by their bytes, against those the approval
bound (双向反馈 of pictures). A picture is the same one when its bytes are: a published site
renames folders and files (`uploads/2026/abc.png`), a browser's "save page, complete" writes
them into `NAME_files/` (and `chart(1).png` for a second `chart.png`). What the page loads is
found by the check's own parse (review.resources), resolved from the saved page's folder;
nothing outside that folder, nor through a link, is read.

A saved file whose bytes no bound file has is changed when a bound file has its base name (in
any letter case: a site or a file system may fold it), else a picture the approval never saw
(when its bytes are a picture, a video or a sound, or its name says so), else the site's own
file (a style sheet, a script: listed, not compared). A bound file whose bytes the page does
not hold is missing, unless the page loads its name from where its bytes cannot be read (a
remote address, a file not saved with the page): that is said, not compared."""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.parsers import expat

from review import resources
from review.columns import address_named
from review.errors import ReviewError
from review.i18n import Msg
from review.resources import Resource

# The site's own files a saved page loads besides the post's: its style sheets and scripts
# (text that is no markup: a style sheet's `data:` SVG icons are its own), its frames' HTML
# (markup an XML parser does not read, or whose first element is no <svg>) and its fonts.
# Any other file is taken for a picture, a video or a sound, whatever it is called: an `<img>`
# shows a PNG named `chart.css`, and a WebP, an AVIF or an SVG after a long comment, with an
# internal DTD subset or as `<x:svg>` are pictures too; so is a file whose name or first
# bytes say it is one, and a text too large to read through.
_FONTS = (b"wOFF", b"wOF2", b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"\x00\x00\x01\x00", b"\x00\x00\x02\x00",
          b"II*\x00", b"MM\x00*", b"RIFF", b"\x1aE\xdf\xa3", b"ID3", b"OggS", b"fLaC",
          b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\x00\x00\x00\x0cJXL ", b"\xff\x0a",
          b"\x1f\x8b")  # .svgz
_SUFFIXES = frozenset({
    "png", "apng", "jpg", "jpeg", "jpe", "jfif", "pjpeg", "pjp", "gif", "webp", "avif", "heic",
    "heif", "bmp", "ico", "cur", "svg", "svgz", "tif", "tiff", "jxl", "mp4", "m4v", "webm",
    "ogv", "mov", "mp3", "m4a", "ogg", "oga", "opus", "wav", "flac", "aac"})
_TEXT_LIMIT = 16 << 20
# where markup begins (after a byte order mark and white space), and an HTML page's beginning
_MARKUP = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")
_HTML = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->)*+<(?:!doctype\s+html|html)[\s>]",
                   re.DOTALL | re.IGNORECASE)


@dataclass
class Pictures:
    """What the bytes of a saved page's files say against the approval's."""

    changed: list[tuple[Resource, list[Resource]]] = field(default_factory=list)
    unbound: list[Resource] = field(default_factory=list)   # saved pictures nobody approved
    missing: list[Resource] = field(default_factory=list)   # bound files the page does not show
    same: list[tuple[Resource, Resource]] = field(default_factory=list)  # (page's, bound)
    # what the page loads that was not compared: the name to find it by on the page, and why
    # (the site's own files, not compared either, are said apart)
    uncompared: list[tuple[str, Msg]] = field(default_factory=list)
    site: list[Msg] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)  # base names loaded where nothing was read

    @property
    def notices(self) -> list[Msg]:
        return [Msg("published_not_compared", reason=m) for _, m in self.uncompared] + \
            self.site

    def said(self, name: str, reason: Msg) -> None:
        self.uncompared.append((posixpath.basename(name), reason))


def key(name: str) -> str:
    """A file's base name as compared: in any letter case."""
    return posixpath.basename(name).casefold()


def compare(folder: Path | None, name: str, data: bytes, bound: list[Resource] | None,
            remote: Iterable[str], also: Iterable[str] = ()) -> Pictures:
    """The saved page `name` (its bytes `data`) in `folder` (None: read from standard input,
    nothing saved with it) against the resources the release bound and the remote addresses
    it loads. `also`: the addresses of what the page shows as pictures to the comparison of
    names — a lazy loader's `<img data-src>` (WeChat's), which a script puts in `src` —, looked
    up as the page's own."""
    out = Pictures()
    if bound is None:  # released before files were bound: no bytes to compare with
        out.said("", Msg("published_before_binding"))
        return out
    # as `<img src>` markup: its address found by the same parse, resolved the same way
    shown_also = "".join(_as_img(a) for a in also).encode()
    if folder is None:
        unsaved = _addresses(data, name) + (_addresses(shown_also, name) if shown_also else [])
        shown = resources.Shown(remote=list(dict.fromkeys(unsaved)))
    else:
        shown = resources.look(folder, name, data, lenient_said=True)
        if shown_also:  # (no bytes are no page: the parse refuses them)
            shown = _merged(shown, resources.look(folder, name, shown_also, lenient_said=True))
    # the base names the page loads from where nothing of them is read
    unread = {_base(a) for a in shown.remote} | _sorted_problems(shown, out)
    for address in shown.remote:
        out.said(address, Msg("published_not_saved", address=address_named(address)))
    if any(p.key == "resource_base" for p in shown.problems):
        # relative addresses lead where <base href> says, not to the files beside the page
        unread |= {key(r.path) for r in shown.resources}
        for r in shown.resources:
            out.said(r.path, Msg("published_based", path=address_named(r.path)))
        shown.resources = []
    out.unread = unread
    _match(folder, shown.resources, bound, {_base(a) for a in remote}, out)
    _missing(bound, unread, out)
    return out


def _as_img(address: str) -> str:
    return '<img src="' + address.replace('"', "&quot;") + '">'


def _merged(shown: resources.Shown, more: resources.Shown) -> resources.Shown:
    """What two readings of one page load, each file, address and problem once."""
    paths = {r.path for r in shown.resources}
    shown.resources += [r for r in more.resources if r.path not in paths]
    shown.remote += [a for a in more.remote if a not in shown.remote]
    shown.problems += [p for p in more.problems if p not in shown.problems]
    return shown


def _addresses(data: bytes, name: str) -> list[str]:
    """Every address a page read from standard input loads: none of them is saved."""
    found, _, maybe = resources.addresses(data, name)
    return [a for a in dict.fromkeys(found + maybe) if resources.classify(a) is not None]


def _sorted_problems(shown: resources.Shown, out: Pictures) -> set[str]:
    """Every local address of the page that binds nothing said in `out` — not saved with the
    page, or leading out of its folder, through a link … (nothing of it read) —, and the base
    names they name."""
    names = set()
    for problem in shown.problems:
        path, address = problem.kwargs.get("path"), problem.kwargs.get("address")
        names |= {key(str(path))} if path is not None else set()
        names |= {_base(str(address))} if address is not None else set()
        out.said(str(path or address or ""), _reason(problem))
    return names


def _reason(problem: Msg) -> Msg:
    """Why an address of the saved page was not compared, as said of a page (what review.resources
    says of a draft advises its editor)."""
    path, address = problem.kwargs.get("path"), problem.kwargs.get("address")
    if problem.key == "resource_missing":
        return Msg("published_not_saved", address=address_named(str(path)))
    if problem.key == "resource_escapes":
        return Msg("published_outside", address=address_named(str(address)))
    if problem.key == "resource_link":
        return Msg("published_link", path=address_named(str(path)))
    if problem.key == "resource_base":
        return Msg("published_base", address=address_named(str(address)))
    return problem


def _match(folder: Path | None, saved: list[Resource], bound: list[Resource],
           remote_names: set[str], out: Pictures) -> None:
    by_name: dict[str, list[Resource]] = defaultdict(list)
    for r in bound:
        by_name[key(r.path)].append(r)
    for file in saved:
        # a bound file's name holds its bytes only: two approved charts swapped on the page
        # (each under the other's name) are two changed pictures, not the approved ones
        named = by_name.get(key(file.path))
        approved = [r for r in named or bound if r.sha256 == file.sha256]
        if approved:
            out.same.append((file, approved[0]))
        elif named:
            out.changed.append((file, named))
        elif key(file.path) in remote_names:
            out.said(file.path, Msg("published_approved_remote", path=address_named(file.path)))
        elif folder is not None and _shows(folder, file.path):
            out.unbound.append(file)
        else:
            out.site.append(Msg("published_site_file", path=address_named(file.path)))


def _missing(bound: list[Resource], unsaved_names: set[str], out: Pictures) -> None:
    """Bound files whose bytes the page does not hold: said once — as changed when a saved
    file of that name differs, as not compared when the page loads that name unsaved."""
    shown = {r.sha256 for _, r in out.same}
    changed = {key(file.path) for file, _ in out.changed}
    out.missing.extend(r for r in bound if r.sha256 not in shown and
                       key(r.path) not in changed | unsaved_names)


def _base(address: str) -> str:
    """The base name an address (as written) names, percent-escapes decoded once."""
    kind = resources.classify(address)
    if kind is None:
        return ""
    if kind[0] == "local":
        return key(kind[1])
    return key(unquote(urlsplit(kind[1].replace("\\", "/")).path))


def _shows(folder: Path, path: str) -> bool:
    """Whether the saved file is a picture, a video or a sound: anything but the site's own
    text or font. One that cannot be read is taken for one."""
    if posixpath.splitext(path)[1][1:].lower() in _SUFFIXES:
        return True
    try:
        fd = os.open(folder / path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) |
                     getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            data = f.read(_TEXT_LIMIT + 1)
    except OSError:
        return True
    if data.startswith(_FONTS) and not data.startswith(_MAGIC):
        return False
    return data.startswith(_MAGIC) or data[4:8] == b"ftyp" or b"\0" in data or \
        len(data) > _TEXT_LIMIT or _drawn(data)


class _FirstElement(Exception):
    pass


def _drawn(text: bytes) -> bool:
    """Whether a text (no NUL) may be drawn as a picture: an SVG document, as a browser's XML
    parser reads its first element (whatever its prolog: comments, a DTD's internal subset);
    markup that parser cannot read is taken for one unless it begins as an HTML page does (an
    SVG in an encoding the parser here does not know is one to a browser)."""
    if not _MARKUP.match(text):
        return False  # a style sheet, a script, JSON: no picture begins with text
    parser = expat.ParserCreate(namespace_separator=" ")

    def first(name: str, _attributes: object) -> None:
        raise _FirstElement(name.rsplit(" ", 1)[-1])

    parser.StartElementHandler = first
    try:
        parser.Parse(text, True)
    except _FirstElement as element:
        return element.args[0].lower() == "svg"
    except (expat.ExpatError, ValueError, LookupError):  # not XML, or an encoding unknown here
        return _HTML.match(text) is None
    return False


def read(folder: Path | None, name: str, data: bytes, bound: list[Resource] | None,
         remote: Iterable[str], also: Iterable[str], display: str) -> Pictures:
    """`compare`, an error of the page's parse said of the saved page."""
    try:
        return compare(folder, name, data, bound, remote, also)
    except ReviewError as err:
        raise err.about(display) from None
