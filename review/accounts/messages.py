"""The accounts commands' messages in Chinese and English: key → (zh, en) (review.i18n)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
