"""The one door to a model (`chat_engine`, `resolve_backend`) and what `taxqa eval` needs
from one, on MLX (mlx_lm) or on torch (transformers + peft).

The eval backends wrap the chat engines (their generation is the engines' one decoding loop)
and add log-likelihoods. Both take token ids rendered by the one prompt renderer and offer the same
three things: greedy generation with speed statistics, per-token log-likelihoods of
whole sequences, and log-likelihoods of continuations of one prompt. The torch backend
exists for the before/after-conversion comparison (PEFT adapter vs converted MLX model).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from taxqa.errors import UserError

if TYPE_CHECKING:
    from taxqa.runtime.streaming import ChatChunk

BACKENDS = ("mlx", "torch")
CHAT_BACKENDS = ("auto", *BACKENDS)  # what `taxqa generate`, `taxqa-tui` and `taxqa serve` take


class Engine(Protocol):
    """What every engine ``chat_engine`` returns offers: it is loaded when constructed (on the thread
    that will use it), streams an answer as ChatChunks (the last one ``done``, with statistics),
    stops between tokens when ``should_stop()`` says so, and gives its memory back on ``close``."""

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
    ) -> Iterator[ChatChunk]: ...

    def close(self) -> None: ...


def has_metal() -> bool:
    """True where MLX can use the GPU (Apple silicon); the CPU build of mlx on Linux says False."""
    try:
        import mlx.core as mx

        return bool(mx.metal.is_available())
    except (ImportError, AttributeError):
        return False


def folder_backend(model: str | None, adapter_path: str | None = None) -> str | None:
    """The backend a local folder needs, or None when either would do (or it is not local):
    a PEFT adapter -> torch, an MLX adapter -> mlx, an MLX-quantized model folder -> mlx."""
    import json

    if adapter_path:
        adapter = Path(adapter_path).expanduser()
        config = adapter / "adapter_config.json"
        if config.is_file() and "peft_type" in config.read_text(encoding="utf-8", errors="replace"):
            return "torch"
        if (adapter / "adapters.safetensors").is_file():
            return "mlx"
    folder = Path(model).expanduser() if model else None
    if folder is None or not (folder / "config.json").is_file():
        return None
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return "mlx" if isinstance(config, dict) and isinstance(config.get("quantization"), dict) else None


def check_not_an_adapter(model: str) -> None:
    """An adapter folder given as --model: say so, and how to run it, instead of a loader's traceback."""
    import json

    folder = Path(model).expanduser()
    config = folder / "adapter_config.json"
    if not config.is_file() or (folder / "config.json").is_file():
        return
    try:
        base = json.loads(config.read_text(encoding="utf-8")).get("base_model_name_or_path") or "BASE"
    except (OSError, ValueError, AttributeError):
        base = "BASE"
    raise UserError(
        f"--model {model}: 모델이 아니라 LoRA 어댑터 폴더입니다. "
        f"힌트: --model {base} --adapter-path {model} 로 실행하세요."
    )


def resolve_backend(name: str, model: str | None = None, adapter_path: str | None = None) -> str:
    """``auto`` -> the backend the folder needs (an MLX 4-bit model or adapter: mlx; a PEFT adapter:
    torch), else ``mlx`` where Metal is present and ``torch`` elsewhere (a CUDA pod, a plain CPU
    box; MLX's CPU backend when torch is not installed)."""
    from importlib.util import find_spec

    if name not in CHAT_BACKENDS:
        raise UserError(f"--backend {name!r}: expected one of {', '.join(CHAT_BACKENDS)}")
    if name != "auto":
        return name
    needed = folder_backend(model, adapter_path)
    if needed is not None:
        return needed
    return "mlx" if has_metal() or (find_spec("torch") is None and find_spec("mlx") is not None) else "torch"


def chat_engine(backend: str, model: str, adapter_path: str | None = None, **options) -> Engine:
    """The one door to a model: a streaming chat engine (``stream(question, history, ...)`` of
    ChatChunks, ``close()``) for ``backend`` (``auto``, ``mlx``, ``torch``), or for a provider spec
    (``openai:…``, ``ollama:…``, ``lmstudio:…``, ``anthropic:…``) the engine that runs on its server.

    Generate, eval's generation, the chat app and serve all get their engine here. A new kind of
    engine (another API, a local server) is dispatched at the marked point below and nowhere else.
    ``options``: ``max_kv_size`` (mlx only).
    """
    from taxqa.modelspec import is_provider_spec

    # -- dispatch point for engines that are not a local folder (provider specs) --
    if is_provider_spec(model):
        from taxqa.runtime.remote import RemoteEngine

        return RemoteEngine(model, adapter_path)
    check_not_an_adapter(model)
    kind = resolve_backend(backend, model, adapter_path)
    if kind == "mlx":
        from taxqa.runtime.chat import ChatEngine

        return ChatEngine(model, adapter_path, **options)
    if options.get("max_kv_size") is not None:
        raise UserError("--max-kv-size: only --backend mlx has a rotating KV cache")
    from taxqa.runtime.torch_chat import TorchChatEngine

    return TorchChatEngine(model, adapter_path)


def load_torch(model: str, adapter_path: str | None, *, dtype, device: str = "cpu"):
    """(model, tokenizer) with transformers; a PEFT adapter is attached unmerged."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from taxqa.models import resolve_model

    source = resolve_model(model, mlx=False)
    if folder_backend(source) == "mlx":
        raise UserError(
            f"--model {model}: MLX 4비트 양자화 모델이라 torch 백엔드로는 읽을 수 없습니다. "
            "힌트: --backend mlx (또는 auto)로 실행하세요."
        )
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        loaded = AutoModelForCausalLM.from_pretrained(source, dtype=dtype)
    except (OSError, ValueError) as exc:
        raise UserError(
            f"--model {model}: transformers가 {source}를 불러오지 못했습니다 ({type(exc).__name__}: {exc}). "
            "힌트: Hugging Face 모델 폴더(config.json, safetensors, 토크나이저)인지 확인하세요; "
            "MLX 모델은 --backend mlx로 실행합니다."
        ) from exc
    if adapter_path:
        config = Path(adapter_path) / "adapter_config.json"
        if not config.exists() or "peft_type" not in config.read_text(encoding="utf-8"):
            raise UserError(
                f"--adapter-path {adapter_path}: --backend torch needs a PEFT adapter (adapter_config.json "
                "with peft_type); MLX adapters run with --backend mlx"
            )
        from peft import PeftModel

        from taxqa.runtime.loading import peft_wrapping

        with peft_wrapping():
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


class MLXBackend:
    name = "mlx"

    def __init__(self, model: str, adapter_path: str | None = None):
        from taxqa.runtime.chat import ChatEngine

        self.engine = ChatEngine(model, adapter_path)
        self.model, self.tokenizer = self.engine.model, self.engine.tokenizer

    def generate(self, prompt: list[int], max_tokens: int) -> tuple[str, dict]:
        return collect(self.engine.stream_ids(list(prompt), max_tokens=max_tokens))

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
        self.model = None
        self.engine.close()


def collect(chunks) -> tuple[str, dict]:
    """(answer, statistics) of a streamed answer: what `taxqa eval` records per question."""
    parts, final = [], None
    for chunk in chunks:
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


class TorchBackend:
    """`taxqa eval` on transformers + peft: the torch chat engine (float32 on the CPU, for the
    before/after-conversion comparison) and its one decoding loop, plus log-likelihoods."""

    name = "torch"

    def __init__(self, model: str, adapter_path: str | None = None):
        from taxqa.runtime.torch_chat import TorchChatEngine

        self.engine = TorchChatEngine(model, adapter_path, device="cpu")
        self.model, self.tokenizer, self.torch = self.engine.model, self.engine.tokenizer, self.engine.torch

    def generate(self, prompt: list[int], max_tokens: int) -> tuple[str, dict]:
        return collect(self.engine.stream_ids(list(prompt), max_tokens=max_tokens))

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
        self.engine.close()


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
