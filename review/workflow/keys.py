"""Identities: Ed25519 key pairs. The acting identity is whoever holds the private key named by
$REVIEW_KEY (or the default path in the user's config directory) — there is no flag to act as
someone else. Also the canonical JSON that every signature covers."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from review.errors import UsageError


def canonical(data: object) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the same statement always has the same bytes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def default_key_path() -> Path:
    if os.environ.get("REVIEW_KEY"):
        return Path(os.environ["REVIEW_KEY"])
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "review" / "key.pem"


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public: bytes) -> str:
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw_public).digest()).decode().rstrip("=")


def encode_public(raw_public: bytes) -> str:
    return "ed25519:" + base64.b64encode(raw_public).decode()


def decode_public(text: str) -> bytes:
    kind, _, data = text.strip().partition(":")
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError:
        raw = b""
    if kind != "ed25519" or len(raw) != 32:
        raise UsageError("not_public_key")
    return raw


def verify(raw_public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Identity:
    """The holder of a private key."""

    private: Ed25519PrivateKey

    @property
    def public(self) -> bytes:
        return public_bytes(self.private.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def generate(path: Path, passphrase: str | None = None) -> Identity:
    if path.exists():
        raise UsageError("key_exists", path=path)
    private = Ed25519PrivateKey.generate()
    encryption = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                encryption)
    identity = Identity(private)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
        Path(f"{path}.pub").write_text(encode_public(identity.public) + "\n", encoding="utf-8")
    except OSError as err:
        raise UsageError("cannot_write_key", path=path, reason=err.strerror or err) from None
    return identity


def load(path: Path | None = None, passphrase: str | None = None) -> Identity:
    """The key at `path` (default: the held key), unlocked with `passphrase`, else with
    REVIEW_KEY_PASSPHRASE."""
    path = path or default_key_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError("no_key_at", path=path) from None
    except OSError as err:
        raise UsageError("cannot_read_key", path=path, reason=err.strerror) from None
    passphrase = passphrase if passphrase is not None else \
        os.environ.get("REVIEW_KEY_PASSPHRASE")
    try:
        private = serialization.load_pem_private_key(
            data, passphrase.encode() if passphrase else None)
    except TypeError:
        raise UsageError("key_passphrase", path=path) from None
    except (ValueError, UnsupportedAlgorithm):
        raise UsageError("key_unusable", path=path) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise UsageError("key_not_ed25519", path=path)
    return Identity(private)


def locked(path: Path | None = None) -> bool:
    """Whether the key at `path` needs a passphrase (its PEM says it is encrypted)."""
    try:
        return b"ENCRYPTED" in (path or default_key_path()).read_bytes()[:64]
    except OSError:
        return False
