"""The one retry helper (tenacity) for every remote call: LLM providers and the law.go.kr client.

A failure worth another try is an exception of the ``retry_on`` types. When it carries a
``retry_after`` (seconds, from the server's Retry-After / retry-after-ms header) the next try waits
that long (capped); otherwise the wait is exponential, ``base * 2**n`` capped, with jitter (half to
full) unless ``jitter=False``. After the last try the last exception is raised as is.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable
from typing import Any

from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt


def retry_after_seconds(headers: Any) -> float | None:
    """Retry-After (seconds or an HTTP date) or retry-after-ms, as seconds; None when absent."""
    if headers is None:
        return None
    value = headers.get("retry-after-ms")
    if value:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def backoff(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """The wait before try ``attempt + 2``: exponential, capped, with jitter when ``rng`` is given."""
    delay = min(cap, base * 2**attempt)
    return delay * (0.5 + rng.random() / 2) if rng is not None else delay


def wait_retry_after(base: float, cap: float, rng: random.Random | None) -> Callable[[RetryCallState], float]:
    """A tenacity wait: the exception's ``retry_after`` when it has one, else ``backoff``."""

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        hint = getattr(exc, "retry_after", None)
        if hint is not None:
            return min(cap, max(0.0, float(hint)))
        return backoff(state.attempt_number - 1, base, cap, rng)

    return wait


def retry_options(
    *,
    attempts: int,
    retry_on: type[BaseException] | tuple[type[BaseException], ...],
    base: float = 1.0,
    cap: float = 60.0,
    jitter: bool = True,
    rng: random.Random | None = None,
    on_retry: Callable[[BaseException], None] | None = None,
) -> dict[str, Any]:
    """tenacity keyword arguments: ``attempts`` tries of ``retry_on`` failures, waits as described above,
    ``on_retry(exc)`` before each wait; after the last try the last failure is raised as is."""
    if attempts < 1:
        raise ValueError("attempts must be >= 1")
    options: dict[str, Any] = {
        "stop": stop_after_attempt(attempts),
        "wait": wait_retry_after(base, cap, (rng or random.Random()) if jitter else None),
        "retry": retry_if_exception_type(retry_on),
        "reraise": True,
    }
    if on_retry is not None:
        options["before_sleep"] = lambda state: on_retry(state.outcome.exception())
    return options


def call_with_retries(
    fn: Callable[..., Any], *args: Any, sleep: Callable[[float], None] = time.sleep, **options
) -> Any:
    """``fn(*args)`` retried as ``retry_options(**options)`` says."""
    return Retrying(sleep=sleep, **retry_options(**options))(fn, *args)


async def acall_with_retries(fn: Callable[..., Any], *args: Any, **options) -> Any:
    """``await fn(*args)`` (a coroutine function) retried as ``retry_options(**options)`` says; asyncio sleeps."""
    return await AsyncRetrying(**retry_options(**options))(fn, *args)
