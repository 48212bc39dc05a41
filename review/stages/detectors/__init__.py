"""Rule detectors, one module each; registered in DETECTORS."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    official_domains: tuple[str, ...] = ()


from review.stages.detectors import (  # noqa: E402  (detectors import Options above)
    bankcard,
    contact,
    email,
    idcard,
    marks,
    phone,
    url,
)

DETECTORS = [idcard, phone, bankcard, email, contact, url, marks]
