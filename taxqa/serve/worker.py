"""Where answers are generated: one long-lived model thread (MLX or torch), or an upstream
OpenAI-compatible server.

MLX streams are per thread, so the local model is loaded and run on one thread only
(like the chat app's model thread). Requests wait in a bounded queue; past it the server
answers 503 with Retry-After. Each job carries a cancel flag the engine polls between
tokens: a client that disconnects sets it and the model moves on to the next job.
"""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from taxqa.runtime.streaming import ChatChunk


class Busy(Exception):
    """The queue is full; ``retry_after`` is a guess in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"the server is busy: {retry_after}s")
        self.retry_after = retry_after


class UpstreamError(Exception):
    """The upstream server is unreachable or refused the request (-> 502)."""


@dataclass
class Job:
    question: str
    history: Sequence[tuple[str, str]]
    system: str | None
    options: dict[str, Any]  # max_tokens, temp, top_p, seed, stop, grounding
    cancel: threading.Event = field(default_factory=threading.Event)
    loop: asyncio.AbstractEventLoop | None = None
    events: asyncio.Queue | None = None
    queued_at: float = field(default_factory=time.perf_counter)
    started_at: float | None = None

    def push(self, item: object) -> None:
        """From the model thread: hand a chunk (or an exception, or None at the end) to the request."""
        try:
            self.loop.call_soon_threadsafe(self.events.put_nowait, item)
        except RuntimeError:  # the event loop is gone (server shutting down)
            self.cancel.set()


class LocalWorker:
    """One daemon thread: loads the engine, then generates one job at a time."""

    kind = "local"

    def __init__(self, engine_factory: Callable[[], Any], max_queue: int = 32):
        self._jobs: queue.Queue = queue.Queue(maxsize=max_queue)
        self.max_queue = max_queue
        self.ready = threading.Event()
        self.error: str | None = None
        self.exception: Exception | None = None
        self.engine = None
        self.running: Job | None = None
        self.finished: Counter[str] = Counter()  # answers by finish reason ('stop', 'length', 'cancelled', 'error')
        self._seconds = 5.0  # running mean of a job's duration, for Retry-After
        self._thread = threading.Thread(target=self._run, args=(engine_factory,), name="taxqa-serve-model", daemon=True)
        self._thread.start()

    @property
    def waiting(self) -> int:
        return self._jobs.qsize()

    def status(self) -> str:
        return "error" if self.error else "ok" if self.ready.is_set() else "loading"

    def retry_after(self) -> int:
        return max(1, round(self._seconds * (self.waiting + 1)))

    async def stream(self, job: Job) -> AsyncIterator[ChatChunk]:
        job.loop, job.events = asyncio.get_running_loop(), asyncio.Queue()
        try:
            self._jobs.put_nowait(job)
        except queue.Full:
            raise Busy(self.retry_after()) from None
        pending = None
        try:
            while True:
                item, pending = pending if pending is not None else await job.events.get(), None
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                # a client slower than the model gets what has piled up as one chunk (one SSE write)
                while not item.done and not job.events.empty():
                    more = job.events.get_nowait()
                    if not isinstance(more, ChatChunk):
                        pending = more
                        break
                    item = replace(more, text=item.text + more.text)
                yield item
        finally:
            job.cancel.set()  # a no-op when the job ended; stops it when the client went away

    def _run(self, engine_factory: Callable[[], Any]) -> None:
        try:
            self.engine = engine_factory()
        except Exception as exc:
            self.exception, self.error = exc, f"{type(exc).__name__}: {exc}"
            self.ready.set()
            return
        self.ready.set()
        while True:
            job = self._jobs.get()
            if job is None:
                break
            self._generate(job)
        engine, self.engine = self.engine, None
        engine.close()

    def _generate(self, job: Job) -> None:
        job.started_at = time.perf_counter()
        self.running = job
        reason = "cancelled"
        try:
            if job.cancel.is_set():
                return
            for chunk in self.engine.stream(
                job.question, job.history, system=job.system, should_stop=job.cancel.is_set, **job.options
            ):
                job.push(chunk)
                if chunk.done:
                    reason = chunk.finish_reason or "stop"
                    break
        except Exception as exc:
            reason = "error"
            job.push(exc)
        finally:
            self.finished[reason] += 1
            self.running = None
            self._seconds = 0.8 * self._seconds + 0.2 * (time.perf_counter() - job.started_at)
            job.push(None)

    def close(self, timeout: float = 10.0) -> None:
        if self.running is not None:
            self.running.cancel.set()
        while True:  # drop what waits; the model thread ends after the running job
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.cancel.set()
                job.push(None)
        self._jobs.put(None)
        self._thread.join(timeout)


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
                    detail = (await response.aread()).decode("utf-8", "replace")[:300]
                    raise UpstreamError(f"upstream {url} answered HTTP {response.status_code}: {detail}")
                async for chunk in self._chunks(response, started):
                    yield chunk
        except httpx.HTTPError as exc:
            raise UpstreamError(f"upstream {self.base_url} is unreachable ({type(exc).__name__}: {exc})") from exc
        finally:
            self._active -= 1

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
                raise UpstreamError(f"upstream sent a line that is not JSON: {data[:120]!r}") from exc
            if "error" in event:
                raise UpstreamError(f"upstream error: {event['error']}")
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
