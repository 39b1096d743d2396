"""Where answers are generated: the one model thread (`taxqa.runtime.worker.ModelWorker`, MLX
or torch), or an upstream OpenAI-compatible server.

A request's events come back from the model thread through ``loop.call_soon_threadsafe``
into its own asyncio queue, so the first token is written the moment it exists (no
polling). Requests wait in a bounded queue; past it the server answers 503 with
Retry-After. Each job carries a cancel flag the engine polls between tokens: a client
that disconnects sets it and the model moves on to the next job.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from taxqa.runtime.streaming import ChatChunk
from taxqa.runtime.worker import Busy, Failed, Finished, ModelWorker, Token

__all__ = ["Busy", "Job", "LocalWorker", "UpstreamError", "UpstreamWorker"]


class UpstreamError(Exception):
    """The upstream server is unreachable or refused the request (-> 502). The message is safe to
    show a client (no URL, no key); ``detail`` is for the server's log only."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


@dataclass
class Job:
    question: str
    history: Sequence[tuple[str, str]]
    system: str | None
    options: dict[str, Any]  # max_tokens, temp, top_p, seed, stop, grounding
    cancel: threading.Event = field(default_factory=threading.Event)


def chunk_of(event: Token | Finished) -> ChatChunk:
    if isinstance(event, Token):
        return ChatChunk(text=event.text)
    return ChatChunk(text="", done=True, finish_reason=event.finish_reason, **event.stats)


class LocalWorker:
    """`taxqa serve`'s side of the model thread: loads the engine, streams each job's chunks."""

    kind = "local"

    def __init__(self, engine_factory: Callable[[], Any], max_queue: int = 32):
        self.thread = ModelWorker(
            engine_factory=lambda _m, _a: engine_factory(), max_queue=max_queue, name="taxqa-serve-model"
        )
        self.thread.load("serve")
        self.max_queue = max_queue
        self.ready = self.thread.loaded

    @property
    def error(self) -> str | None:
        exc = self.thread.load_error
        return f"{type(exc).__name__}: {exc}" if exc is not None else None

    @property
    def exception(self) -> BaseException | None:
        return self.thread.load_error

    @property
    def engine(self):
        return self.thread.engine

    @property
    def running(self):
        return self.thread.running

    @property
    def finished(self):
        return self.thread.finished

    @property
    def waiting(self) -> int:
        return self.thread.waiting

    def status(self) -> str:
        return "error" if self.error else "ok" if self.ready.is_set() else "loading"

    def retry_after(self) -> int:
        return self.thread.retry_after()

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
        return self.thread.wait_until(predicate, timeout)

    async def stream(self, job: Job) -> AsyncIterator[ChatChunk]:
        loop, events = asyncio.get_running_loop(), asyncio.Queue()

        def post(event: object) -> None:  # on the model thread
            try:
                loop.call_soon_threadsafe(events.put_nowait, event)
            except RuntimeError:  # the event loop is gone (server shutting down)
                job.cancel.set()

        self.thread.generate(
            job.question, job.history, system=job.system, post=post, cancel=job.cancel, **job.options
        )  # raises Busy when the queue is full
        pending = None
        try:
            while True:
                event, pending = pending or await events.get(), None
                if isinstance(event, Failed):
                    raise event.exception or RuntimeError(event.error)
                if isinstance(event, Finished):
                    yield chunk_of(event)
                    return
                if not isinstance(event, Token):  # (a Grounded event: serve builds its grounding itself)
                    continue
                # a client slower than the model gets what has piled up as one chunk (one SSE write)
                text = [event.text]
                while pending is None and not events.empty():
                    more = events.get_nowait()
                    text, pending = (text + [more.text], None) if isinstance(more, Token) else (text, more)
                yield ChatChunk(text="".join(text))
        finally:
            job.cancel.set()  # a no-op when the job ended; stops it when the client went away

    def close(self, timeout: float = 10.0) -> None:
        self.thread.stop(timeout)


class UpstreamWorker:
    """Generation on an OpenAI-compatible server (vLLM, mlx_lm.server, Ollama) that batches on its own."""

    kind = "upstream"

    def __init__(self, base_url: str, model: str, api_key: str | None = None, max_queue: int = 64, timeout=600.0):
        import httpx

        self.base_url = base_url.rstrip("/")
        self.model = model
        self.max_queue = max_queue
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.AsyncClient(headers=headers, timeout=httpx.Timeout(timeout, connect=10.0))
        self._secrets = (api_key,)  # never logged; the URL and details are never in what a client sees
        self._active = 0
        self.ready = threading.Event()
        self.ready.set()
        self.error = self.exception = None

    @property
    def waiting(self) -> int:
        return self._active

    def status(self) -> str:
        return "ok"

    def retry_after(self) -> int:
        return 2

    def messages(self, job: Job) -> list[dict[str, str]]:
        from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, user_text

        system = DEFAULT_SYSTEM_PROMPT if job.system is None else job.system
        out = [{"role": "system", "content": system}] if system else []
        for q, a in job.history:
            out += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
        return [*out, {"role": "user", "content": user_text(job.question, job.options.get("grounding"))}]

    async def stream(self, job: Job) -> AsyncIterator[ChatChunk]:
        import httpx

        if self._active >= self.max_queue:
            raise Busy(self.retry_after())
        self._active += 1
        options = job.options
        body = {
            "model": self.model,
            "messages": self.messages(job),
            "stream": True,
            "stream_options": {"include_usage": True},
            "max_tokens": options["max_tokens"],
            "temperature": options["temp"],
            "top_p": options["top_p"],
        }
        if options.get("seed") is not None:
            body["seed"] = options["seed"]
        if options.get("stop"):
            body["stop"] = list(options["stop"])
        url = f"{self.base_url}/chat/completions"
        started = time.perf_counter()
        try:
            async with self._client.stream("POST", url, json=body) as response:
                if response.status_code >= 400:
                    detail = (await response.aread()).decode("utf-8", "replace")
                    message = f"the upstream server answered HTTP {response.status_code}"
                    raise UpstreamError(message, self._redact(f"{url}: {detail}")[:500])
                async for chunk in self._chunks(response, started):
                    yield chunk
        except httpx.HTTPError as exc:
            detail = self._redact(f"{self.base_url}: {type(exc).__name__}: {exc}")
            raise UpstreamError(f"the upstream server is unreachable ({type(exc).__name__})", detail) from None
        finally:
            self._active -= 1

    def _redact(self, text: object) -> str:
        from taxqa.redaction import redact

        return redact(text, self._secrets)

    async def _chunks(self, response, started: float) -> AsyncIterator[ChatChunk]:
        ttft, finish, usage, n = None, None, {}, 0
        async for line in response.aiter_lines():
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                break
            try:
                event = json.loads(data)
            except json.JSONDecodeError as exc:
                raise UpstreamError(
                    "the upstream server sent a line that is not JSON", self._redact(data)[:200]
                ) from exc
            if "error" in event:
                raise UpstreamError("the upstream server reported an error", self._redact(event["error"])[:500])
            usage = event.get("usage") or usage
            for choice in event.get("choices") or ():
                text = (choice.get("delta") or {}).get("content") or ""
                if text:
                    n += 1
                    ttft = ttft or time.perf_counter() - started
                    yield ChatChunk(text=text)
                finish = choice.get("finish_reason") or finish
        elapsed = time.perf_counter() - started
        completion = usage.get("completion_tokens", n)
        decode = elapsed - (ttft or elapsed)
        cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0
        yield ChatChunk(
            text="",
            done=True,
            finish_reason=finish or "stop",
            prompt_tokens=usage.get("prompt_tokens", 0) - cached,  # like the local engines: after cache reuse
            generation_tokens=completion,
            generation_tps=(completion - 1) / decode if decode > 0 and completion > 1 else 0.0,
            ttft=ttft or elapsed,
            cached_tokens=cached,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    def close(self) -> None:
        pass
