"""The two ways a provider call fails, and the redaction every failure message passes through."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from taxqa.datagen.providers.prices import Usage
from taxqa.errors import UserError

# Anything shaped like a key: OpenAI/Anthropic keys, bearer tokens, Hugging Face and GitHub tokens.
_KEY_PATTERNS = re.compile(
    r"sk-ant-[A-Za-z0-9_\-]{6,}|sk-[A-Za-z0-9_\-]{8,}|\b(?:hf|ghp|gho|github_pat)_[A-Za-z0-9_]{8,}"
    r"|(?i:bearer)\s+[^\s\"',;)}\]]+"
)


def redact(text: Any, secrets: Iterable[Any] = ()) -> str:
    """The text with the keys we hold (whatever their type) and anything shaped like a key removed.

    Redact a whole message before cutting it short: a cut key no longer looks like one.
    """
    text = str(text)
    for secret in secrets:
        secret = "" if secret is None else str(secret)
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    return _KEY_PATTERNS.sub(lambda m: "Bearer ***" if m.group(0)[:6].lower() == "bearer" else "***", text)


class RetryableError(Exception):
    """A failure worth another try: 429, 5xx, timeout, dropped connection, unreadable reply."""

    def __init__(self, message: str, retry_after: float | None = None, usage: Usage = Usage()):
        super().__init__(message)
        self.retry_after = retry_after
        self.usage = usage


class FatalProviderError(UserError):
    """A failure no retry fixes (bad key, unknown model, bad request): stops the run."""
