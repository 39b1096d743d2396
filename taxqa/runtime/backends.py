"""What `taxqa eval` needs from a model, on MLX (mlx_lm) or on torch (transformers + peft).

Both backends take token ids rendered by the one prompt renderer and offer the same
three things: greedy generation with speed statistics, per-token log-likelihoods of
whole sequences, and log-likelihoods of continuations of one prompt. The torch backend
exists for the before/after-conversion comparison (PEFT adapter vs converted MLX model).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from pathlib import Path

from taxqa.errors import UserError
from taxqa.runtime.streaming import stop_texts_for

BACKENDS = ("mlx", "torch")
CHAT_BACKENDS = ("auto", *BACKENDS)  # what `taxqa generate`, `taxqa-tui` and `taxqa serve` take


def has_metal() -> bool:
    """True where MLX can use the GPU (Apple silicon); the CPU build of mlx on Linux says False."""
    try:
        import mlx.core as mx

        return bool(mx.metal.is_available())
    except (ImportError, AttributeError):
        return False


def resolve_backend(name: str) -> str:
    """``auto`` -> ``mlx`` where Metal is present, ``torch`` elsewhere (a CUDA pod, a plain CPU box;
    MLX's CPU backend when torch is not installed)."""
    from importlib.util import find_spec

    if name not in CHAT_BACKENDS:
        raise UserError(f"--backend {name!r}: expected one of {', '.join(CHAT_BACKENDS)}")
    if name == "auto":
        return "mlx" if has_metal() or (find_spec("torch") is None and find_spec("mlx") is not None) else "torch"
    return name


def chat_engine(backend: str, model: str, adapter_path: str | None = None):
    """A streaming chat engine (``stream(question, history, ...)`` of ChatChunks) on ``backend``;
    a provider spec (``openai:…``, ``ollama:…``, ``lmstudio:…``, ``anthropic:…``) runs on its server."""
    from taxqa.modelspec import is_provider_spec

    if is_provider_spec(model):
        from taxqa.runtime.remote import RemoteEngine

        return RemoteEngine(model, adapter_path)
    if resolve_backend(backend) == "mlx":
        from taxqa.runtime.chat import ChatEngine

        return ChatEngine(model, adapter_path)
    from taxqa.runtime.torch_chat import TorchChatEngine

    return TorchChatEngine(model, adapter_path)


def load_torch(model: str, adapter_path: str | None, *, dtype, device: str = "cpu"):
    """(model, tokenizer) with transformers; a PEFT adapter is attached unmerged."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from taxqa.models import resolve_model

    source = resolve_model(model, mlx=False)
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        loaded = AutoModelForCausalLM.from_pretrained(source, dtype=dtype)
    except (OSError, ValueError) as exc:
        raise UserError(f"--model {model}: transformers could not load {source}: {exc}") from exc
    if adapter_path:
        config = Path(adapter_path) / "adapter_config.json"
        if not config.exists() or "peft_type" not in config.read_text(encoding="utf-8"):
            raise UserError(
                f"--adapter-path {adapter_path}: --backend torch needs a PEFT adapter (adapter_config.json "
                "with peft_type); MLX adapters run with --backend mlx"
            )
        from peft import PeftModel

        loaded = PeftModel.from_pretrained(loaded, adapter_path)
    return loaded.to(device).eval(), tokenizer


def torch_stop_ids(tokenizer) -> list[int]:
    """EOS plus the token that closes an answer (Gemma3: ``<end_of_turn>``)."""
    from taxqa.prompt import answer_terminator

    ids = {tokenizer.eos_token_id}
    vocab = tokenizer.get_vocab()
    try:
        terminator = answer_terminator(tokenizer).strip()
    except ValueError:
        terminator = ""
    for token in ("<end_of_turn>", terminator):
        if token in vocab:
            ids.add(vocab[token])
    return sorted(i for i in ids if i is not None)


def cut_at_stop(text: str, stops: Sequence[str]) -> tuple[str, bool]:
    for stop in stops:
        at = text.find(stop)
        if at >= 0:
            return text[:at].rstrip(), True
    return text, False


class MLXBackend:
    name = "mlx"

    def __init__(self, model: str, adapter_path: str | None = None):
        from taxqa.runtime.loading import load_model

        self.model, self.tokenizer = load_model(model, adapter_path)

    def generate(self, prompt: list[int], max_tokens: int) -> tuple[str, dict]:
        from taxqa.runtime.streaming import stream_answer

        parts, final = [], None
        for chunk in stream_answer(
            self.model, self.tokenizer, prompt, max_tokens=max_tokens, stop_texts=stop_texts_for(self.tokenizer)
        ):
            parts.append(chunk.text)
            final = chunk
        stats = {
            "prompt_tokens": final.prompt_tokens,
            "generation_tokens": final.generation_tokens,
            "prompt_tps": final.prompt_tps,
            "generation_tps": final.generation_tps,
            "ttft": final.ttft,
            "peak_memory_gb": final.peak_memory_gb,
            "finish_reason": final.finish_reason,
        }
        return "".join(parts), stats

    def _logprobs(self, ids: list[int], cache=None):
        """log-softmax of the model's next-token logits at every position of ``ids``."""
        import mlx.core as mx

        logits = self.model(mx.array(ids)[None], cache=cache)[0].astype(mx.float32)
        return logits - mx.logsumexp(logits, axis=-1, keepdims=True)

    def sequence_logprobs(self, ids: list[int]) -> list[float]:
        """log p(ids[t] | ids[:t]) for t = 1 .. len(ids) - 1."""
        import mlx.core as mx

        logp = self._logprobs(ids[:-1])
        return mx.take_along_axis(logp, mx.array(ids[1:])[:, None], axis=-1)[:, 0].tolist()

    def continuation_logprobs(self, prompt: list[int], continuations: list[list[int]]) -> list[float]:
        """Summed log-likelihood of each continuation after ``prompt``; one pass when all are one token."""
        if all(len(c) == 1 for c in continuations):
            last = self._logprobs(prompt)[-1]
            return [float(last[c[0]].item()) for c in continuations]
        return [sum(self.sequence_logprobs(prompt + c)[len(prompt) - 1 :]) for c in continuations]

    def close(self) -> None:
        import mlx.core as mx

        self.model = None
        mx.clear_cache()


class _TimingStreamer:
    """transformers streamer that notes when the first generated token arrives."""

    def __init__(self):
        self.calls, self.first = 0, None

    def put(self, value) -> None:
        self.calls += 1
        if self.calls == 2 and self.first is None:  # the first put is the prompt itself
            self.first = time.perf_counter()

    def end(self) -> None:
        pass


class TorchBackend:
    name = "torch"

    def __init__(self, model: str, adapter_path: str | None = None):
        import torch

        self.model, self.tokenizer = load_torch(model, adapter_path, dtype=torch.float32, device="cpu")
        self.torch = torch
        self.stop_ids = torch_stop_ids(self.tokenizer)

    def generate(self, prompt: list[int], max_tokens: int) -> tuple[str, dict]:
        torch = self.torch
        streamer = _TimingStreamer()
        inputs = torch.tensor([prompt])
        started = time.perf_counter()
        with torch.no_grad():
            out = self.model.generate(
                input_ids=inputs,
                attention_mask=torch.ones_like(inputs),
                max_new_tokens=max_tokens,
                do_sample=False,
                eos_token_id=self.stop_ids,
                pad_token_id=self.tokenizer.pad_token_id or self.stop_ids[0],
                streamer=streamer,
            )
        ended = time.perf_counter()
        new = out[0, len(prompt) :].tolist()
        stopped = bool(new) and new[-1] in self.stop_ids
        text = self.tokenizer.decode(new[:-1] if stopped else new, skip_special_tokens=False)
        text, cut = cut_at_stop(text, stop_texts_for(self.tokenizer))
        first = streamer.first or ended
        prefill, decode = first - started, ended - first
        stats = {
            "prompt_tokens": len(prompt),
            "generation_tokens": len(new),
            "prompt_tps": len(prompt) / prefill if prefill > 0 else 0.0,
            "generation_tps": (len(new) - 1) / decode if decode > 0 and len(new) > 1 else 0.0,
            "ttft": prefill,
            "peak_memory_gb": self._peak_memory_gb(),
            "finish_reason": "stop" if stopped or cut else "length",
        }
        return text, stats

    def _peak_memory_gb(self) -> float:
        if self.torch.cuda.is_available():
            return self.torch.cuda.max_memory_allocated() / 1e9
        from taxqa.procmem import peak_rss_bytes

        return peak_rss_bytes() / 1e9

    def sequence_logprobs(self, ids: list[int]) -> list[float]:
        torch = self.torch
        with torch.no_grad():
            logits = self.model(input_ids=torch.tensor([ids[:-1]])).logits[0].float()
        logp = torch.log_softmax(logits, dim=-1)
        return logp.gather(-1, torch.tensor(ids[1:])[:, None])[:, 0].tolist()

    def continuation_logprobs(self, prompt: list[int], continuations: list[list[int]]) -> list[float]:
        return [sum(self.sequence_logprobs(prompt + c)[len(prompt) - 1 :]) for c in continuations]

    def close(self) -> None:
        self.model = None


def make_backend(name: str, model: str, adapter_path: str | None):
    if name == "mlx":
        return MLXBackend(model, adapter_path)
    if name == "torch":
        return TorchBackend(model, adapter_path)
    raise UserError(f"--backend {name!r}: expected one of {', '.join(BACKENDS)}")


def perplexity(loss: float | None) -> float | None:
    if loss is None:
        return None
    return math.exp(loss) if loss < 700 else float("inf")
