"""A chat engine on a provider model (`--model openai:…`, `ollama:…`, `lmstudio:…`, `anthropic:…`).

Same interface as the local engines `taxqa.runtime.backends.chat_engine` returns (``stream(question,
history, ...)`` of ChatChunks, ``close()``), so `taxqa generate`, `taxqa eval`, `taxqa serve` and the
chat app run it unchanged. The request goes through datagen's provider layer (official SDKs,
failures classified and redacted, prices); the server applies its own chat template to the
messages of the one prompt renderer (`taxqa.prompt.chat_request`: the grounding block before the
question, as for local models).

Failures before the first word are retried (taxqa.retry, honouring Retry-After); a stream that
breaks after words were shown raises ``RemoteError`` (the caller decides: `taxqa eval` asks again,
the chat app says so). Usage and cost add up on the engine (``usage``, ``cost_usd``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence

from taxqa.datagen.providers import (
    Price,
    ProviderConfig,
    RetryableError,
    SamplingOptions,
    StreamEnd,
    Usage,
    classify,
    make_sync_client,
    price_for,
    stream_chat,
)
from taxqa.errors import UserError
from taxqa.modelspec import ProviderSpec, parse_model_spec
from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, chat_request
from taxqa.retry import call_with_retries
from taxqa.runtime.streaming import ChatChunk, _held_suffix, strip_special

DEFAULT_TIMEOUT = 120.0  # seconds per request (and between two pieces of a stream)
DEFAULT_ATTEMPTS = 4
# chat-template markers a server may pass through as text (a small model emits them): never part of an answer
TEMPLATE_MARKERS = ("<start_of_turn>", "<end_of_turn>", "<|im_start|>", "<|im_end|>", "<|eot_id|>", "<|endoftext|>",
                    "<|start_header_id|>", "<|end_header_id|>", "<eos>", "<bos>", "<pad>", "</s>")  # fmt: skip


class RemoteError(UserError):
    """A provider model that did not answer (after the retries), or whose answer broke off."""

    def __init__(self, message: str, *, partial: bool = False):
        super().__init__(message)
        self.partial = partial


def provider_config(spec: ProviderSpec, timeout: float) -> ProviderConfig:
    """The provider layer's settings for a spec (datagen's names: openai, anthropic, openai-compatible)."""
    name = spec.sdk if spec.sdk == "anthropic" or spec.official_openai else "openai-compatible"
    return ProviderConfig(name, spec.model, spec.api_key, base_url=spec.base_url, timeout=timeout, json_mode=False)


def spec_price(spec: ProviderSpec) -> Price | None:
    """The model's price by name; free on Ollama, LM Studio and loopback servers; else None (unknown)."""
    price = price_for(spec.sdk, spec.model)
    if price is not None:
        return price
    host = spec.base_url.split("//", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0] if spec.base_url else ""
    if spec.provider in ("ollama", "lmstudio") or host in ("127.0.0.1", "localhost", "[::1]"):
        return Price(0.0, 0.0)
    return None


class RemoteEngine:
    backend = "remote"

    def __init__(
        self,
        spec: str | ProviderSpec,
        adapter_path: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        retry_cap: float = 30.0,
        on_retry: Callable[[BaseException], None] | None = None,
    ):
        if adapter_path:
            raise UserError(f"--adapter-path {adapter_path}: a provider model ({spec}) takes no local adapter")
        self.spec = parse_model_spec(spec) if isinstance(spec, str) else spec
        if self.spec is None:
            raise UserError(f"--model {spec}: not a provider spec (PROVIDER:MODEL[@BASE_URL])")
        self.model_name, self.adapter_path, self.tokenizer = self.spec.spec, None, None
        self.config = provider_config(self.spec, timeout)
        try:
            self.sdk, self.client = make_sync_client(self.config)
        except ImportError:
            raise UserError(
                f"--model {self.spec.label}: the {self.spec.sdk} SDK is not installed (pip install 'taxqa[datagen]')"
            ) from None
        self.attempts, self.retry_cap, self.on_retry = attempts, retry_cap, on_retry
        self.price = spec_price(self.spec)
        self.usage = Usage()  # summed over every answer
        self.last_usage = Usage()
        self._options: SamplingOptions | None = None  # remembers fields the server refused

    @property
    def cost_usd(self) -> float | None:
        return None if self.price is None else self.price.cost(self.usage)

    def _fail(self, exc: BaseException) -> Exception:
        return classify(exc, self.sdk, self.spec.provider, (self.spec.api_key,))

    def _open(self, system, messages, options):
        """Start the stream and read up to its first piece (what the retries cover)."""
        pieces = stream_chat(self.client, self.sdk, self.config, system, messages, options)
        try:
            return pieces, next(pieces)
        except StopIteration:
            raise RetryableError("the server sent an empty stream") from None
        except Exception as exc:  # noqa: BLE001 - classified, key-free
            pieces.close()
            raise self._fail(exc) from None

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
        """Stream the answer like ``ChatEngine.stream`` (``min_p`` is not sent: the APIs lack it)."""
        system = DEFAULT_SYSTEM_PROMPT if system is None else system
        stop = tuple(s for s in stop if s)
        messages = chat_request(question, history=history, grounding=grounding)
        if self._options is None:
            self._options = SamplingOptions()
        options = self._options
        options.max_tokens, options.temperature, options.top_p = max_tokens, temp, top_p
        options.seed, options.stop = seed, tuple(stop)
        started = time.perf_counter()
        first = None
        produced, held, finish, usage = 0, "", None, Usage()

        def chunk(text: str, reason: str | None) -> ChatChunk:
            end = time.perf_counter()
            ttft = (first or end) - started
            tokens = usage.output_tokens or produced
            decode = end - (first or end)
            return ChatChunk(
                text=text,
                done=reason is not None,
                finish_reason=reason,
                prompt_tokens=usage.input_tokens,
                generation_tokens=tokens,
                prompt_tps=usage.input_tokens / ttft if ttft > 0 else 0.0,
                generation_tps=tokens / decode if decode > 0 and tokens else 0.0,
                ttft=ttft,
            )

        if should_stop is not None and should_stop():
            yield chunk("", "cancelled")
            return
        try:
            pieces, piece = call_with_retries(
                self._open, system or None, messages, options, attempts=self.attempts,
                retry_on=RetryableError, base=0.5, cap=self.retry_cap, on_retry=self.on_retry,
            )  # fmt: skip
        except RetryableError as exc:
            raise RemoteError(f"{self.spec.label}: no answer after {self.attempts} tries ({exc})") from None
        try:
            while True:
                if isinstance(piece, StreamEnd):
                    usage, finish = piece.usage, piece.finish_reason
                    break
                first = first or time.perf_counter()
                produced += 1
                held = strip_special(held + piece, TEMPLATE_MARKERS)
                cut = min((i for i in (held.find(s) for s in stop) if i >= 0), default=-1)
                if cut >= 0:
                    held, finish = held[:cut].rstrip(), "stop"
                    break
                if should_stop is not None and should_stop():
                    finish = "cancelled"
                    break
                keep = _held_suffix(held, (*stop, *TEMPLATE_MARKERS))
                out, held = (held[: len(held) - keep], held[len(held) - keep :]) if keep else (held, "")
                if out:
                    yield chunk(out, None)
                piece = next(pieces)
        except StopIteration:
            finish = finish or "stop"
        except Exception as exc:  # noqa: BLE001 - classified, key-free
            raise RemoteError(
                f"{self.spec.label}: 답변이 중간에 끊겼습니다 ({self._fail(exc)})", partial=True
            ) from None
        finally:
            pieces.close()
        self.last_usage = usage
        self.usage = self.usage + usage
        yield chunk(held, finish)

    def close(self) -> None:
        self.client.close()


class RemoteBackend:
    """What `taxqa eval` needs from a provider model: answers with statistics (no log-likelihoods,
    so multiple choice is scored by generation). An answer that breaks off is asked again."""

    remote = True
    tokenizer = None

    def __init__(self, spec: str, *, timeout: float = DEFAULT_TIMEOUT, attempts: int = DEFAULT_ATTEMPTS):
        self.engine = RemoteEngine(spec, timeout=timeout, attempts=attempts)
        self.name = self.engine.spec.provider
        self.attempts = attempts
        self.answered = 0  # answers that came (`taxqa eval` gives up on a model that never answers)

    def _answer_once(self, question: str, system: str | None, grounding: dict | None, max_tokens: int):
        text, final = [], None
        for chunk in self.engine.stream(question, grounding=grounding, system=system or "", max_tokens=max_tokens):
            text.append(chunk.text)
            final = chunk
        return "".join(text), final

    def answer(self, question: str, *, system: str | None, grounding: dict | None, max_tokens: int):
        """(answer, stats like the local backends' ``generate``); RemoteError when it never answers."""

        def retry_partial(exc: BaseException) -> None:
            if not getattr(exc, "partial", False):
                raise exc

        text, final = call_with_retries(
            self._answer_once, question, system, grounding, max_tokens, attempts=self.attempts,
            retry_on=RemoteError, base=0.5, cap=self.engine.retry_cap, on_retry=retry_partial,
        )  # fmt: skip
        self.answered += 1
        stats = {
            "prompt_tokens": final.prompt_tokens,
            "generation_tokens": final.generation_tokens,
            "prompt_tps": final.prompt_tps,
            "generation_tps": final.generation_tps,
            "ttft": final.ttft,
            "peak_memory_gb": None,
            "finish_reason": final.finish_reason,
        }
        return text, stats

    @property
    def cost_usd(self) -> float | None:
        return self.engine.cost_usd

    @property
    def usage(self) -> Usage:
        return self.engine.usage

    def close(self) -> None:
        self.engine.close()
