"""The chat engine behind the chat app: one loaded model, streamed answers, a reused prompt cache.

The engine keeps mlx_lm's prompt cache between turns together with the exact token ids
it holds. Each new request is rendered in full through the one prompt renderer; the
cache is trimmed back to the longest prefix it shares with that rendering and only the
rest is processed. So follow-up questions skip the system prompt and the history, and
a cancelled or stopped answer can never leak into the next turn: its tokens are not a
prefix of the next rendering, so they are trimmed (or the cache is rebuilt when the
model's cache cannot be trimmed, e.g. a sliding window that has wrapped).

MLX streams are per thread: construct the engine on the thread that will generate.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence

from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_prompt, render_prompt
from taxqa.runtime.loading import load_model
from taxqa.runtime.streaming import ChatChunk, stop_texts_for, stream_answer

__all__ = ["ChatChunk", "ChatEngine"]


def common_prefix_len(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class ChatEngine:
    def __init__(self, model: str, adapter_path: str | None = None, max_kv_size: int | None = None):
        self.model_name = model
        self.adapter_path = adapter_path
        self.max_kv_size = max_kv_size  # a rotating KV cache of this many tokens (None: unbounded)
        self.model, self.tokenizer = load_model(model, adapter_path)
        self._cache: list | None = None
        self._cached: list[int] = []  # the token ids the cache holds, in order

    # -- prompt cache -------------------------------------------------------------
    def _cache_offset(self) -> int | None:
        offsets = {getattr(c, "offset", None) for c in self._cache or ()}
        return offsets.pop() if len(offsets) == 1 else None

    def _reset_cache(self) -> None:
        from mlx_lm.models.cache import make_prompt_cache

        self._cache = make_prompt_cache(self.model, max_kv_size=self.max_kv_size)
        self._cached = []

    def _reuse(self, prompt: list[int]) -> int:
        """Trim the cache to what it shares with ``prompt``; returns how many prompt tokens it holds."""
        from mlx_lm.models.cache import can_trim_prompt_cache, trim_prompt_cache

        if self._cache is None or self._cache_offset() != len(self._cached):
            self._reset_cache()
            return 0
        # at least the last prompt token must be processed to get the next token's logits
        keep = min(common_prefix_len(self._cached, prompt), len(prompt) - 1)
        extra = len(self._cached) - keep
        if extra:
            if not can_trim_prompt_cache(self._cache) or trim_prompt_cache(self._cache, extra) != extra:
                self._reset_cache()
                return 0
            self._cached = self._cached[:keep]
        return keep

    def prompt_tokens(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        system: str | None = None,
        grounding: dict | None = None,
    ):
        """The token ids of the full rendered request (what the model would see without a cache)."""
        system = DEFAULT_SYSTEM_PROMPT if system is None else system
        text = render_prompt(self.tokenizer, question, system=system or None, history=history, grounding=grounding)
        return encode_prompt(self.tokenizer, text)

    # -- generation ---------------------------------------------------------------
    def stream(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        *,
        grounding: dict | None = None,
        system: str | None = None,
        max_tokens: int = 512,
        temp: float = 0.0,
        top_p: float = 1.0,
        min_p: float = 0.0,
        seed: int | None = None,
        should_stop: Callable[[], bool] | None = None,
        stop: Sequence[str] = (),
    ) -> Iterator[ChatChunk]:
        """Stream the answer to ``question`` after ``history`` (question, answer) turns.

        ``grounding`` (articles and the calculator's reading) goes before the question, rendered by
        the one prompt renderer; history turns carry none, so their cached prefix stays valid.
        ``system=None`` uses the default Korean tax-expert system prompt; ``""`` sends none.
        ``should_stop`` is polled between tokens; when it returns True the last chunk has
        ``finish_reason='cancelled'``. ``stop`` adds texts that end the answer (not included).
        """
        import mlx.core as mx
        from mlx_lm.sample_utils import make_sampler

        if self.model is None:
            raise RuntimeError("ChatEngine is closed")
        started = time.perf_counter()
        prompt = self.prompt_tokens(question, history, system, grounding)
        reused = self._reuse(prompt)
        if seed is not None:
            mx.random.seed(seed)
        fed: list[int] = []
        ok = False  # the answer ended (or its reader stopped reading it): the cache is sound
        try:
            for chunk in stream_answer(
                self.model,
                self.tokenizer,
                prompt[reused:],
                max_tokens=max_tokens,
                sampler=make_sampler(temp=temp, top_p=top_p, min_p=min_p),
                prompt_cache=self._cache,
                should_stop=should_stop,
                stop_texts=(*stop_texts_for(self.tokenizer), *stop),
                fed_tokens=fed,
                started=started,
                cached_tokens=reused,
            ):
                ok = chunk.done
                yield chunk
            ok = True
        except GeneratorExit:  # closed by its reader (a consumer that stops at the last chunk, a cancel)
            ok = True
            raise
        finally:
            held = prompt + fed
            offset = self._cache_offset()
            if ok and offset is not None and offset <= len(held):
                self._cached = held[:offset]
            else:  # an error (or an unknown cache layout) mid-answer: start clean next time
                self._cache, self._cached = None, []

    def stream_ids(self, prompt: list[int], *, max_tokens: int = 512, **options) -> Iterator[ChatChunk]:
        """Greedy (or sampled) answer chunks for token ids, without the prompt cache: one request on
        its own, as `taxqa eval` measures it. ``options``: temp, top_p, min_p, should_stop."""
        from mlx_lm.sample_utils import make_sampler

        sampling = {k: options.pop(k) for k in ("temp", "top_p", "min_p") if k in options}
        return stream_answer(
            self.model,
            self.tokenizer,
            prompt,
            max_tokens=max_tokens,
            sampler=make_sampler(**sampling) if sampling else None,
            stop_texts=stop_texts_for(self.tokenizer),
            **options,
        )

    def close(self) -> None:
        """Drop the model and the caches and give the memory back."""
        import mlx.core as mx

        self.model = self.tokenizer = None
        self._cache, self._cached = None, []
        gc.collect()
        mx.clear_cache()
