"""Bytes → text: the one detection every reader of a draft's bytes uses — `review check`,
`review fix`, the stored draft `review show` and `review published` display, a saved page —
so a draft reads the same everywhere. UTF-8 (with or without BOM), UTF-16/32 with BOM,
GB18030/GBK and Big5; binary, empty and undecodable bytes are an InputError, one line."""

from __future__ import annotations

import codecs

from review.errors import InputError

_BOMS = [  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_MAGIC = [
    (b"\x89PNG", "PNG 图片 / PNG image"), (b"\xff\xd8\xff", "JPEG 图片 / JPEG image"),
    (b"GIF8", "GIF 图片 / GIF image"), (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP / Office (.docx/.xlsx)"), (b"\xd0\xcf\x11\xe0", "Office (.doc/.wps)"),
    (b"{\\rtf", "RTF"), (b"\x1f\x8b", "gzip"), (b"Rar!", "RAR"), (b"7z\xbc\xaf", "7z"),
    (b"\x7fELF", "ELF"), (b"RIFF", "RIFF (WebP/WAV/AVI)"),
]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK and Big5."""
    return decode_with_encoding(data)[0]


# How to write a text back the way it came (BOM included), for `review fix --in-place`.
_WRITE_CODECS = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                 "utf-32-le": "utf-32", "utf-32-be": "utf-32"}


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """The text and the codec that writes it back to the same bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise InputError("bad_utf16" if "16" in codec else "undecodable") from None
            if codec in ("utf-16-be", "utf-32-be"):
                return _checked(text), codec.replace("-be", "") + "-be-bom"
            return _checked(text), _WRITE_CODECS[codec]
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", kind=kind)
    if b"\x00" in data:
        raise InputError("binary", kind="NUL")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        first_error = err.start
    if _mostly_utf8(data):
        # A UTF-8 file with a few corrupt bytes: guessing another encoding would turn the whole
        # draft into nonsense, so say where it is broken instead.
        raise InputError("bad_utf8", offset=first_error)
    from charset_normalizer import from_bytes  # only drafts that are not UTF-8 need it

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is None:
        raise InputError("undecodable")
    return _checked(str(best)), best.encoding


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return good >= 4 * bad


def _checked(text: str) -> str:
    if "\x00" in text:
        raise InputError("binary", kind="NUL")
    if not text.strip():
        raise InputError("empty")
    return text


def encode(text: str, encoding: str) -> bytes:
    """The inverse of decode_with_encoding: the same encoding, the same BOM."""
    if encoding.endswith("-be-bom"):
        codec = encoding.removesuffix("-bom")
        bom = codecs.BOM_UTF16_BE if "16" in codec else codecs.BOM_UTF32_BE
        return bom + text.encode(codec)
    return text.encode(encoding)
