"""Streamed chat answers through the official SDKs (sync clients): what a provider model answers with.

``stream_chat(client, cfg, system, messages, options)`` yields the answer's text pieces and ends
with one ``StreamEnd`` (finish reason, usage). A stream that ends without a finish reason (the
connection cut mid-answer, a body that is not an event stream) raises ``RetryableError``; every
other failure leaves as the SDK's exception, for ``classify`` to turn into a Retryable or Fatal
error with the keys redacted. Retries are the caller's (taxqa.retry), because only the caller knows
whether text was already shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from taxqa.datagen.providers.errors import FatalProviderError, RetryableError, redact
from taxqa.datagen.providers.keys import ProviderConfig
from taxqa.datagen.providers.prices import Usage
from taxqa.retry import retry_after_seconds

MESSAGE_CHARS = 160  # how much of a server's text an error message keeps
ANTHROPIC_FINISH = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length", "tool_use": "stop"}


@dataclass
class StreamEnd:
    finish_reason: str  # 'stop' | 'length' | the server's own word
    usage: Usage


@dataclass
class SamplingOptions:
    max_tokens: int = 512
    temperature: float | None = 0.0  # None: the server's default
    top_p: float | None = None
    seed: int | None = None
    stop: Sequence[str] = ()
    dropped: set[str] = field(default_factory=set)  # request fields this server refused


def make_sync_client(config: ProviderConfig):
    """(sdk module, sync client) without the SDK's own retries (taxqa.retry does them)."""
    if config.provider == "anthropic":
        import anthropic as sdk

        return sdk, sdk.Anthropic(
            api_key=config.api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0
        )
    import openai as sdk

    return sdk, sdk.OpenAI(api_key=config.api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0)


def classify(exc: BaseException, sdk, provider: str, secrets: Sequence[Any] = ()) -> Exception:
    """Any failure of a request as a RetryableError (429, 408/409, 5xx, timeouts, cut connections,
    unreadable replies; with the server's Retry-After) or a FatalProviderError; keys redacted."""
    import httpx

    if isinstance(exc, (RetryableError, FatalProviderError)):
        cls = type(exc)
        text = redact(exc, secrets)[:MESSAGE_CHARS]
        return RetryableError(text, exc.retry_after, exc.usage) if cls is RetryableError else cls(text)
    message = redact(f"{type(exc).__name__}: {exc}", secrets)[:MESSAGE_CHARS]
    if isinstance(exc, sdk.APIStatusError):
        status = exc.status_code
        if status in (408, 409, 429) or status >= 500:
            return RetryableError(message, retry_after_seconds(exc.response.headers))
        hint = " (check the API key)" if status in (401, 403) else ""
        return FatalProviderError(f"{provider} rejected the request{hint}: {message}")
    if isinstance(exc, (sdk.APIConnectionError, sdk.APIResponseValidationError, httpx.HTTPError, ValueError)):
        return RetryableError(message)
    if isinstance(exc, sdk.APIError):
        return FatalProviderError(f"{provider}: {message}")
    return RetryableError(f"unreadable reply ({message})")


def refused_field(exc: BaseException, sdk, options: SamplingOptions, sent: dict[str, Any]) -> str | None:
    """The optional request field a 400 names (a server without temperature, seed, stream_options)."""
    if not isinstance(exc, sdk.BadRequestError):
        return None
    text = str(exc)
    sent = {**sent, **(sent.get("extra_body") or {})}
    fields = ("stream_options", "temperature", "top_p", "seed", "stop")  # stop texts are also cut on our side
    return next((f for f in fields if f in sent and f in text), None)


def openai_request(cfg: ProviderConfig, system: str | None, messages: list, options: SamplingOptions) -> dict:
    full = ([{"role": "system", "content": system}] if system else []) + list(messages)
    kwargs: dict[str, Any] = {"model": cfg.model, "messages": full, "stream": True}
    kwargs["max_completion_tokens" if cfg.provider == "openai" else "max_tokens"] = options.max_tokens
    kwargs["stream_options"] = {"include_usage": True}
    if options.temperature is not None:
        kwargs["temperature"] = options.temperature
    if options.top_p is not None and options.top_p < 1:
        kwargs["top_p"] = options.top_p
    if options.seed is not None:
        kwargs["seed"] = options.seed
    if options.stop:
        kwargs["stop"] = list(options.stop)[:4]
    return {k: v for k, v in kwargs.items() if k not in options.dropped}


def anthropic_request(cfg: ProviderConfig, system: str | None, messages: list, options: SamplingOptions) -> dict:
    kwargs: dict[str, Any] = {"model": cfg.model, "messages": list(messages), "max_tokens": options.max_tokens}
    kwargs["stream"] = True
    if system:
        kwargs["system"] = system
    if options.stop:
        kwargs["stop_sequences"] = list(options.stop)
    # this SDK has no sampling arguments (newer models fix them); older models still read them
    extra = {"temperature": options.temperature, "top_p": options.top_p if (options.top_p or 1) < 1 else None}
    extra = {k: v for k, v in extra.items() if v is not None and k not in options.dropped}
    if extra:
        kwargs["extra_body"] = extra
    return kwargs


def _check_event_stream(stream) -> None:
    response = getattr(stream, "response", None)
    ctype = response.headers.get("content-type", "") if response is not None else "text/event-stream"
    if "text/event-stream" not in ctype:
        raise RetryableError(f"the server answered with {ctype or 'no content type'}, not an event stream")


def stream_chat(client, sdk, cfg: ProviderConfig, system: str | None, messages: list, options: SamplingOptions):
    """Text pieces, then one StreamEnd; the stream is closed however the caller stops."""
    if cfg.provider == "anthropic":
        yield from _stream_anthropic(client, cfg, system, messages, options)
    else:
        yield from _stream_openai(client, cfg, system, messages, options)


def _create(create, sdk, options: SamplingOptions, build):
    """``create(**build())``; a server that refuses an optional field is asked again without it."""
    while True:
        kwargs = build()
        try:
            return create(**kwargs)
        except Exception as exc:
            field_name = refused_field(exc, sdk, options, kwargs)
            if field_name is None:
                raise
            options.dropped.add(field_name)


def _stream_openai(client, cfg, system, messages, options) -> Iterator[str | StreamEnd]:
    import openai

    build = lambda: openai_request(cfg, system, messages, options)  # noqa: E731
    stream = _create(client.chat.completions.create, openai, options, build)
    finish, usage = None, Usage()
    with stream:
        _check_event_stream(stream)
        for chunk in stream:
            raw = getattr(chunk, "usage", None)
            if raw is not None:
                usage = Usage(
                    int(getattr(raw, "prompt_tokens", 0) or 0), int(getattr(raw, "completion_tokens", 0) or 0)
                )
            for choice in getattr(chunk, "choices", None) or ():
                delta = getattr(choice, "delta", None)
                text = getattr(delta, "content", None) if delta is not None else None
                if isinstance(text, str) and text:
                    yield text
                if getattr(choice, "finish_reason", None):
                    finish = choice.finish_reason
    if finish is None:
        raise RetryableError("the answer stream ended before the answer did (connection cut or not a stream)")
    yield StreamEnd(finish, usage)


def _stream_anthropic(client, cfg, system, messages, options) -> Iterator[str | StreamEnd]:
    import anthropic

    build = lambda: anthropic_request(cfg, system, messages, options)  # noqa: E731
    stream = _create(client.messages.create, anthropic, options, build)
    finish, prompt_tokens, output_tokens, stopped = None, 0, 0, False
    with stream:
        _check_event_stream(stream)
        for event in stream:
            kind = getattr(event, "type", "")
            if kind == "message_start":
                usage = getattr(getattr(event, "message", None), "usage", None)
                prompt_tokens = int(getattr(usage, "input_tokens", 0) or 0)
            elif kind == "content_block_delta":
                text = getattr(getattr(event, "delta", None), "text", None)
                if isinstance(text, str) and text:
                    yield text
            elif kind == "message_delta":
                reason = getattr(getattr(event, "delta", None), "stop_reason", None)
                finish = ANTHROPIC_FINISH.get(reason, reason) if reason else finish
                output_tokens = int(getattr(getattr(event, "usage", None), "output_tokens", 0) or 0)
            elif kind == "message_stop":
                stopped = True
    if finish is None or not stopped:
        raise RetryableError("the answer stream ended before the answer did (connection cut or not a stream)")
    yield StreamEnd(finish, Usage(prompt_tokens, output_tokens))
