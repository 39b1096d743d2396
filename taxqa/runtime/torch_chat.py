"""The chat engine on transformers + peft: what `--backend torch` streams with.

Same interface as :class:`taxqa.runtime.chat.ChatEngine` (``stream(question, history, ...)``
yielding :class:`ChatChunk`), so `taxqa generate`, `taxqa-tui` and `taxqa serve` run a
freshly trained PEFT adapter (unmerged) before any conversion: bf16 on a CUDA GPU, float32
on the CPU. A plain token loop with the KV cache, so cancelling, stop texts, sampling and
the seed behave like the MLX engine's.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterator, Sequence

from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_prompt, render_prompt
from taxqa.runtime.streaming import ChatChunk, _held_suffix, stop_texts_for


def sample_token(torch, logits, temp: float, top_p: float, min_p: float, generator) -> int:
    """Greedy at ``temp`` 0; else temperature, min-p and nucleus (top-p) sampling."""
    if temp <= 0:
        return int(logits.argmax())
    probs = torch.softmax(logits / temp, dim=-1)
    if min_p > 0:
        probs = torch.where(probs < min_p * probs.max(), torch.zeros_like(probs), probs)
    if top_p < 1:
        ordered, index = probs.sort(descending=True)
        ordered[(ordered.cumsum(0) - ordered) > top_p] = 0  # keep the smallest head whose mass reaches top_p
        probs = torch.zeros_like(probs).scatter(0, index, ordered)
    return int(torch.multinomial(probs / probs.sum(), 1, generator=generator))


class TorchChatEngine:
    def __init__(self, model: str, adapter_path: str | None = None, device: str | None = None):
        import torch

        from taxqa.runtime.backends import load_torch, torch_stop_ids

        self.torch = torch
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        dtype = torch.bfloat16 if self.device.startswith("cuda") else torch.float32
        self.model_name, self.adapter_path = model, adapter_path
        self.model, self.tokenizer = load_torch(model, adapter_path, dtype=dtype, device=self.device)
        self.stop_ids = set(torch_stop_ids(self.tokenizer))
        # transformers renamed `past_key_values` to `cache` (5.2x); take whichever this version has
        base = self.model.get_base_model() if hasattr(self.model, "get_base_model") else self.model
        self.cache_kw = "cache" if "cache" in inspect.signature(base.forward).parameters else "past_key_values"

    def prompt_tokens(
        self, question: str, history: Sequence[tuple[str, str]] = (), system: str | None = None, grounding=None
    ):
        system = DEFAULT_SYSTEM_PROMPT if system is None else system
        text = render_prompt(self.tokenizer, question, system=system or None, history=history, grounding=grounding)
        return encode_prompt(self.tokenizer, text)

    def _peak_memory_gb(self) -> float:
        if self.device.startswith("cuda"):
            return self.torch.cuda.max_memory_allocated() / 1e9
        from taxqa.procmem import peak_rss_bytes

        return peak_rss_bytes() / 1e9

    def _chunk(self, text: str, finish: str | None, n_prompt: int, n_new: int, started: float, first) -> ChatChunk:
        """A chunk of the answer; with ``finish``, the last one with the statistics."""
        ended = time.perf_counter()
        ttft = (first or ended) - started
        decode = ended - (first or ended)
        return ChatChunk(
            text=text,
            done=finish is not None,
            finish_reason=finish,
            prompt_tokens=n_prompt,
            generation_tokens=n_new,
            prompt_tps=n_prompt / ttft if ttft > 0 else 0.0,
            generation_tps=(n_new - 1) / decode if decode > 0 and n_new > 1 else 0.0,
            ttft=ttft,
            peak_memory_gb=self._peak_memory_gb() if finish else 0.0,
        )

    def stream(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        *,
        system: str | None = None,
        grounding: dict | None = None,
        **options,
    ) -> Iterator[ChatChunk]:
        """Stream the answer like ``ChatEngine.stream``; the last chunk has ``done`` and the statistics."""
        if self.model is None:
            raise RuntimeError("TorchChatEngine is closed")
        started = time.perf_counter()
        yield from self.stream_ids(self.prompt_tokens(question, history, system, grounding), started=started, **options)

    def stream_ids(
        self,
        prompt: list[int],
        *,
        max_tokens: int = 512,
        temp: float = 0.0,
        top_p: float = 1.0,
        min_p: float = 0.0,
        seed: int | None = None,
        should_stop: Callable[[], bool] | None = None,
        stop: Sequence[str] = (),
        started: float | None = None,
    ) -> Iterator[ChatChunk]:
        """The one torch decoding loop: token ids in, answer chunks out (KV cache, stop ids and texts,
        sampling, cancelling between tokens). `taxqa eval`'s torch backend runs it too."""
        torch = self.torch
        started = time.perf_counter() if started is None else started
        stops = (*stop_texts_for(self.tokenizer), *stop)
        generator = torch.Generator(device=self.device)
        generator.manual_seed(seed) if seed is not None else generator.seed()
        new: list[int] = []
        sent = 0  # characters of the decoded answer already yielded
        first = None

        def chunk(text: str, finish: str | None) -> ChatChunk:
            return self._chunk(text, finish, len(prompt), len(new), started, first)

        ids = torch.tensor([prompt], device=self.device)
        past = None
        answer = ""
        with torch.inference_mode():
            while True:
                if should_stop is not None and should_stop():
                    yield chunk(answer[sent:], "cancelled")
                    return
                out = self.model(input_ids=ids, use_cache=True, **{self.cache_kw: past})
                past = getattr(out, self.cache_kw)
                token = sample_token(torch, out.logits[0, -1].float(), temp, top_p, min_p, generator)
                if first is None:
                    first = time.perf_counter()
                new.append(token)
                if token in self.stop_ids:
                    yield chunk(answer[sent:], "stop")
                    return
                answer = self.tokenizer.decode(new, skip_special_tokens=False)
                for text in stops:
                    at = answer.find(text)
                    if at >= 0:
                        yield chunk(answer[sent:at].rstrip(), "stop")
                        return
                if len(new) >= max_tokens:
                    yield chunk(answer[sent:], "length")
                    return
                # hold back a possible stop-text start and a half-decoded UTF-8 character
                safe = len(answer) - _held_suffix(answer, stops)
                while safe > sent and answer[safe - 1] == "\ufffd":
                    safe -= 1
                if safe > sent:
                    yield chunk(answer[sent:safe], None)
                    sent = safe
                ids = torch.tensor([[token]], device=self.device)

    def close(self) -> None:
        self.model = None
        if self.device.startswith("cuda"):
            self.torch.cuda.empty_cache()
