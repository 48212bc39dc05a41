"""Rule detectors, one module each (presidio-style: a pattern, context words, a validator),
registered in DETECTORS. Each module has `SPECS` (its rules with examples) and
`detect(doc, options) -> Iterable[Hit]`."""

from __future__ import annotations

from review.stages.detectors import (
    address,
    bankcard,
    contact,
    email,
    idcard,
    identity,
    marks,
    minors,
    phone,
    reporters,
    sensitive,
    url,
)
from review.stages.detectors.common import Options

DETECTORS = [idcard, phone, bankcard, email, contact, url, marks,
             address, sensitive, minors, reporters, identity]  # privacy: SC520–SC527
__all__ = ["DETECTORS", "Options"]
