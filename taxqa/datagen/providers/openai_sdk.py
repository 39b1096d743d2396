"""One request through the official openai SDK (OpenAI, or any OpenAI-compatible endpoint)."""

from __future__ import annotations

from typing import Any

from taxqa.datagen.providers.errors import RetryableError
from taxqa.datagen.providers.keys import ProviderConfig
from taxqa.datagen.providers.prices import Usage


def make_client(config: ProviderConfig):
    import openai

    return openai, openai.AsyncOpenAI(
        api_key=config.api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0
    )


async def ask_openai(sdk, client, cfg: ProviderConfig, system: str, user: str) -> tuple[str, Usage]:
    """(reply text, usage); an unreadable reply or one without a message is a RetryableError."""
    kwargs: dict[str, Any] = {
        "model": cfg.model,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
    }
    # OpenAI's own API wants max_completion_tokens (reasoning models refuse max_tokens);
    # local OpenAI-compatible servers know max_tokens.
    kwargs["max_completion_tokens" if cfg.provider == "openai" else "max_tokens"] = cfg.max_tokens
    if cfg.temperature is not None:
        kwargs["temperature"] = cfg.temperature
    if cfg.json_mode:
        kwargs["response_format"] = {"type": "json_object"}
    try:
        response = await client.chat.completions.create(**kwargs)
    except sdk.BadRequestError as exc:
        if cfg.json_mode and "response_format" in str(exc):
            cfg.json_mode = False  # the endpoint has no JSON mode: ask in prose, parse tolerantly
            raise RetryableError("endpoint has no JSON mode; retrying without it", retry_after=0) from None
        raise
    choices = getattr(response, "choices", None)
    if not isinstance(choices, list):
        raise RetryableError(f"unreadable reply: {str(response)!r}")
    raw_usage = getattr(response, "usage", None)
    usage = Usage(_count(getattr(raw_usage, "prompt_tokens", 0)), _count(getattr(raw_usage, "completion_tokens", 0)))
    if not choices:
        return "", usage
    message = getattr(choices[0], "message", None)
    if message is None:
        raise RetryableError("the reply has no message (message: null)", usage=usage)
    text = getattr(message, "content", None) or ""
    if not isinstance(text, str):
        raise RetryableError(f"the reply's content is not text: {str(text)!r}", usage=usage)
    return text, usage


def _count(value: Any) -> int:
    return value if isinstance(value, int) and value > 0 else 0
