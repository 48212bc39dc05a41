"""SHA-256 for the check's path (cache keys, finding fingerprints, the model's digests).

`hashlib` loads OpenSSL when it is imported: 11.5M instructions, more than a tenth of
Python's own start, for a digest of a few small strings. CPython's built-in SHA-256 gives the
same digest (`_sha256` up to 3.11, `_sha2` since 3.12); hashlib where neither is built."""

from __future__ import annotations

try:
    from _sha256 import sha256
except ImportError:  # pragma: no cover — Python 3.12 and later
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

__all__ = ["sha256"]
