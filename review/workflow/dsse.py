"""DSSE envelopes (https://github.com/secure-systems-lab/dsse): a payload, its type, and
signatures over the pre-authentication encoding, so a signature can never be replayed as a
signature over some other kind of document."""

from __future__ import annotations

import base64

from review.workflow.keys import Identity, verify


def pae(payload_type: str, payload: bytes) -> bytes:
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def envelope(payload_type: str, payload: bytes, signers: list[Identity]) -> dict:
    message = pae(payload_type, payload)
    signatures = [{"keyid": s.fingerprint, "sig": base64.b64encode(s.sign(message)).decode()}
                  for s in signers]
    return {"payloadType": payload_type, "payload": base64.b64encode(payload).decode(),
            "signatures": signatures}


def add_signature(env: dict, signer: Identity) -> dict:
    """`env` with `signer`'s signature over its payload added (a co-signature)."""
    message = pae(env["payloadType"], base64.b64decode(env["payload"], validate=True))
    signature = {"keyid": signer.fingerprint,
                 "sig": base64.b64encode(signer.sign(message)).decode()}
    return {**env, "signatures": [*env.get("signatures", []), signature]}


def open_envelope(env: dict, payload_type: str, keys: dict[str, bytes]) -> tuple[bytes, list[str]]:
    """(payload, key ids whose signatures verify); empty list when none does."""
    if env.get("payloadType") != payload_type:
        return b"", []
    try:
        payload = base64.b64decode(env["payload"], validate=True)
        signatures = [(s["keyid"], base64.b64decode(s["sig"], validate=True))
                      for s in env.get("signatures", [])]
    except (KeyError, TypeError, ValueError):
        return b"", []
    message = pae(payload_type, payload)
    good = [keyid for keyid, sig in signatures
            if isinstance(keyid, str) and keyid in keys and verify(keys[keyid], sig, message)]
    return payload, good
