"""One answer streamed from mlx_lm's `stream_generate`, as chunks with speed statistics.

Shared by `taxqa generate`, `taxqa eval` and the chat engine so that all of them stop,
cancel and count the same way.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from taxqa.prompt import PLAIN_QUESTION, has_chat_template


@dataclass
class ChatChunk:
    """A piece of a streamed answer; the last one has ``done`` set and the final statistics."""

    text: str  # new text since the previous chunk
    done: bool = False
    finish_reason: str | None = None  # 'stop' | 'length' | 'cancelled' | None
    prompt_tokens: int = 0  # prompt tokens processed for this answer (after prompt-cache reuse)
    generation_tokens: int = 0
    prompt_tps: float = 0.0
    generation_tps: float = 0.0
    ttft: float = 0.0  # seconds from the request to the first generated token
    peak_memory_gb: float = 0.0
    cached_tokens: int = 0  # prompt tokens reused from the prompt cache


def stop_texts_for(tokenizer) -> tuple[str, ...]:
    """Text that ends an answer besides EOS: a plain-format model starting the next question."""
    return () if has_chat_template(tokenizer) else (PLAIN_QUESTION.strip(),)


def special_texts(tokenizer) -> tuple[str, ...]:
    """The special tokens' texts (``<start_of_turn>``, ``<eos>``, ...): never part of an answer."""
    names = getattr(tokenizer, "all_special_tokens", None) or []
    return tuple(sorted({n for n in names if isinstance(n, str) and n}, key=len, reverse=True))


def strip_special(text: str, specials: Sequence[str]) -> str:
    for name in specials:
        if name in text:
            text = text.replace(name, "")
    return text


def context_length(model) -> int | None:
    """The longest sequence the model was built for (``max_position_embeddings``), when it says."""
    args = getattr(model, "args", None)
    value = getattr(args, "max_position_embeddings", None)
    if value is None:
        text = getattr(args, "text_config", None)
        value = (
            text.get("max_position_embeddings")
            if isinstance(text, dict)
            else getattr(text, "max_position_embeddings", None)
        )
    return int(value) if isinstance(value, int) and value > 0 else None


def check_prompt_fits(model, n_prompt: int, cached_tokens: int = 0) -> None:
    """A prompt at or past the model's context would run without a word: refuse it with the numbers."""
    from taxqa.errors import UserError

    limit = context_length(model)
    total = n_prompt + cached_tokens
    if limit is not None and total >= limit:
        raise UserError(
            f"the prompt is {total} tokens but the model's context is {limit} tokens: shorten the question "
            "(or the chat history / system prompt)"
        )


def _held_suffix(text: str, stops: Sequence[str]) -> int:
    """Length of the longest tail of ``text`` that could be the start of a stop text."""
    best = 0
    for stop in stops:
        for n in range(min(len(stop) - 1, len(text)), 0, -1):
            if stop.startswith(text[-n:]):
                best = max(best, n)
                break
    return best


def chunk_of(last, text: str, finish: str | None, n_prompt: int, ttft: float | None, cached: int) -> ChatChunk:
    """A chunk of the answer from mlx_lm's last response (None before the first token)."""
    import mlx.core as mx

    return ChatChunk(
        text=text,
        done=finish is not None,
        finish_reason=finish,
        prompt_tokens=last.prompt_tokens if last else n_prompt,
        generation_tokens=last.generation_tokens if last else 0,
        prompt_tps=last.prompt_tps if last else 0.0,
        generation_tps=last.generation_tps if last else 0.0,
        ttft=ttft or 0.0,
        peak_memory_gb=last.peak_memory if last else mx.get_peak_memory() / 1e9,
        cached_tokens=cached,
    )


def stream_answer(
    model,
    tokenizer,
    prompt: Sequence[int],
    *,
    max_tokens: int = 512,
    sampler: Callable | None = None,
    logits_processors: list[Callable] | None = None,
    prompt_cache: list | None = None,
    max_kv_size: int | None = None,
    should_stop: Callable[[], bool] | None = None,
    stop_texts: Sequence[str] = (),
    fed_tokens: list[int] | None = None,
    started: float | None = None,
    cached_tokens: int = 0,
) -> Iterator[ChatChunk]:
    """Stream the answer to ``prompt`` (token ids). ``fed_tokens`` collects every generated id
    (EOS included), which is what mlx_lm has also written into ``prompt_cache``."""
    import mlx.core as mx
    from mlx_lm.generate import stream_generate

    check_prompt_fits(model, len(prompt), cached_tokens)
    specials = special_texts(tokenizer)
    holds = tuple(stop_texts) + specials  # a special token's text split over chunks is held until whole
    started = time.perf_counter() if started is None else started
    ttft = None
    held = ""
    last = None

    def chunk(text: str, finish: str | None) -> ChatChunk:
        return chunk_of(last, text, finish, len(prompt), ttft, cached_tokens)

    if should_stop is not None and should_stop():
        yield chunk("", "cancelled")
        return
    responses = stream_generate(
        model,
        tokenizer,
        mx.array(list(prompt)),
        max_tokens=max_tokens,
        sampler=sampler,
        logits_processors=logits_processors,
        prompt_cache=prompt_cache,
        max_kv_size=max_kv_size,
    )
    with contextlib.closing(responses):
        for response in responses:
            last = response
            if ttft is None:
                ttft = time.perf_counter() - started
            if fed_tokens is not None:
                fed_tokens.append(response.token)
            held = strip_special(held + response.text, specials)
            for stop in stop_texts:
                at = held.find(stop)
                if at >= 0:
                    yield chunk(held[:at].rstrip(), "stop")
                    return
            if response.finish_reason is not None:
                yield chunk(held, response.finish_reason)
                return
            if should_stop is not None and should_stop():
                yield chunk(held, "cancelled")
                return
            keep = _held_suffix(held, holds)
            out, held = (held[: len(held) - keep], held[len(held) - keep :]) if keep else (held, "")
            if out:
                yield chunk(out, None)
