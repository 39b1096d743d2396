"""The two ways a provider call fails, and the redaction every failure message passes through."""

from __future__ import annotations

from taxqa.datagen.providers.prices import Usage
from taxqa.errors import UserError
from taxqa.redaction import redact  # noqa: F401 - the one redaction, re-exported for the providers


class RetryableError(Exception):
    """A failure worth another try: 429, 5xx, timeout, dropped connection, unreadable reply."""

    def __init__(self, message: str, retry_after: float | None = None, usage: Usage = Usage()):
        super().__init__(message)
        self.retry_after = retry_after
        self.usage = usage


class FatalProviderError(UserError):
    """A failure no retry fixes (bad key, unknown model, bad request): stops the run."""
