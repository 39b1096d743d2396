"""The one thread that owns a model: loads it, answers one request at a time, unloads it.

MLX streams are per thread, so a model is loaded and used on this thread only (torch does
not care, but runs the same way). The chat app (`tui/model_thread.py`) and `taxqa serve`
(`taxqa/serve/worker.py`) both drive this class; they differ only in where the events go.

Callers put requests on a queue (load, generate) and get events back through a callback:
the worker's ``post`` (the chat app wires it to ``App.post_message``, which is
thread-safe) or the request's own ``post`` (serve hands each request's events to its
asyncio task). Loading a model first closes the old one, so switching never holds two in
memory. Cancelling sets the request's flag; the engine polls it between tokens, and a
request cancelled while queued never starts. Every event carries its request id.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("taxqa.runtime.worker")

# -- events (posted from the model thread) ----------------------------------------------


@dataclass
class Loading:
    model: str
    adapter: str


@dataclass
class Loaded:
    model: str
    adapter: str
    seconds: float


@dataclass
class LoadFailed:
    model: str
    adapter: str
    error: str
    exception: BaseException | None = None


@dataclass
class Token:
    request_id: int
    text: str


@dataclass
class Finished:
    request_id: int
    finish_reason: str  # 'stop' | 'length' | 'cancelled'
    stats: dict[str, Any]  # STAT_FIELDS of the last chunk ({} when nothing was generated)


@dataclass
class Grounded:
    request_id: int
    grounding: dict[str, Any]  # what the panel shows (and, when used, exactly what the model reads)
    used: bool  # whether the model was given it


@dataclass
class Failed:
    request_id: int
    error: str
    exception: BaseException | None = None


# -- requests ----------------------------------------------------------------------------


@dataclass
class LoadRequest:
    model: str
    adapter: str


@dataclass
class GenerateRequest:
    id: int
    question: str
    history: Sequence[tuple[str, str]] = ()
    system: str | None = None
    max_tokens: int = 512
    temp: float = 0.0
    top_p: float = 1.0
    min_p: float = 0.0
    seed: int | None = None
    stop: Sequence[str] = ()
    grounding: dict[str, Any] | None = None  # given to the model as is (serve builds it before queueing)
    ground: Callable[[], dict[str, Any]] | None = None  # builds the panel's grounding on the model thread
    use_grounding: bool = True  # give the model what `ground` built (False: the panel only)
    post: Callable[[object], Any] | None = None  # where this request's events go (default: the worker's)
    cancel: threading.Event = field(default_factory=threading.Event)


class Busy(Exception):
    """The queue is full; ``retry_after`` is a guess in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"the model is busy: retry in {retry_after}s")
        self.retry_after = retry_after


STAT_FIELDS = (
    "prompt_tokens",
    "generation_tokens",
    "prompt_tps",
    "generation_tps",
    "ttft",
    "peak_memory_gb",
    "cached_tokens",
)


def default_engine(model: str, adapter: str | None):
    from taxqa.runtime.backends import chat_engine

    return chat_engine("mlx", model, adapter)  # the chat app's default: MLX, as on a Mac


class ModelWorker:
    """Serves load and generate requests in order on one daemon thread.

    ``max_queue`` bounds the generate requests that may wait (0: no bound); past it
    ``generate`` raises :class:`Busy`. ``context_of`` turns what a request's ``ground``
    built into what the model reads (the chat app's panel dict -> the renderer's grounding).
    """

    def __init__(
        self,
        post: Callable[[object], Any] | None = None,
        engine_factory: Callable[[str, str | None], Any] = default_engine,
        *,
        max_queue: int = 0,
        context_of: Callable[[dict], dict | None] | None = None,
        name: str = "taxqa-model",
    ):
        self.post = post or (lambda event: None)
        self.engine_factory = engine_factory
        self.context_of = context_of
        self.max_queue = max_queue
        self.engine = None
        self.model = self.adapter = ""
        self.load_error: BaseException | None = None
        self.loaded = threading.Event()  # set after each load, whether it worked or not
        self.running: GenerateRequest | None = None
        self.finished: Counter[str] = Counter()  # answers by finish reason (+ 'error')
        self._queue: queue.Queue = queue.Queue()
        self._ids = itertools.count(1)
        self._pending: dict[int, GenerateRequest] = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)  # a request queued, started or finished
        self._seconds = 5.0  # running mean of an answer's duration, for Retry-After
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # -- called from any thread -----------------------------------------------------------
    def load(self, model: str, adapter: str = "") -> None:
        """Load ``model`` (+ ``adapter``) after what is queued; cancels any running answer first."""
        self.cancel()
        self.loaded.clear()
        self._queue.put(LoadRequest(model, adapter or ""))

    def generate(self, question: str, history: Sequence[tuple[str, str]] = (), **options: Any) -> int:
        """Queue an answer; returns its request id. Raises Busy when ``max_queue`` answers wait."""
        request = GenerateRequest(next(self._ids), question, list(history), **options)
        with self._lock:
            if self.max_queue and self.waiting >= self.max_queue:
                raise Busy(self.retry_after())
            self._pending[request.id] = request
            self._changed.notify_all()
        self._queue.put(request)
        return request.id

    def cancel(self, request_id: int | None = None) -> None:
        """Cancel one request (or all that are queued or running)."""
        with self._lock:
            targets = [self._pending[request_id]] if request_id in self._pending else []
            if request_id is None:
                targets = list(self._pending.values())
        for request in targets:
            request.cancel.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Cancel everything, unload the model and end the thread."""
        self.cancel()
        self._queue.put(None)
        self._thread.join(timeout)

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
        """Block until ``predicate()`` holds (checked whenever a request is queued, starts or ends)."""
        with self._changed:
            return self._changed.wait_for(predicate, timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def waiting(self) -> int:
        """Answers queued and not started."""
        return len(self._pending) - (self.running is not None)

    def retry_after(self) -> int:
        return max(1, round(self._seconds * (self.waiting + 1)))

    # -- the model thread -----------------------------------------------------------------
    def _run(self) -> None:
        while True:
            request = self._queue.get()
            if request is None:
                self._unload()
                return
            if isinstance(request, LoadRequest):
                self._load(request)
                continue
            with self._changed:
                self.running = request
                self._changed.notify_all()
            started = time.perf_counter()
            try:
                self._generate(request)
            finally:
                with self._changed:
                    self._pending.pop(request.id, None)
                    self.running = None
                    self._changed.notify_all()
                self._seconds = 0.8 * self._seconds + 0.2 * (time.perf_counter() - started)

    def _unload(self) -> None:
        if self.engine is not None:
            engine, self.engine = self.engine, None
            engine.close()
        self.model = self.adapter = ""

    def _load(self, request: LoadRequest) -> None:
        self._unload()
        self.post(Loading(request.model, request.adapter))
        started = time.perf_counter()
        try:
            self.engine = self.engine_factory(request.model, request.adapter or None)
        except Exception as exc:  # a bad path or checkpoint: the caller says why and keeps running
            self.load_error = exc
            self.loaded.set()
            self.post(LoadFailed(request.model, request.adapter, f"{type(exc).__name__}: {exc}", exc))
            return
        self.load_error = None
        self.model, self.adapter = request.model, request.adapter
        self.loaded.set()
        self.post(Loaded(request.model, request.adapter, time.perf_counter() - started))

    def _end(self, request: GenerateRequest, event: Finished | Failed) -> None:
        with self._changed:
            self.finished["error" if isinstance(event, Failed) else event.finish_reason] += 1
            self._changed.notify_all()
        (request.post or self.post)(event)

    def _context(self, request: GenerateRequest) -> dict | None:
        """Build the request's grounding on this thread (posting it for the panel); what the model reads."""
        if request.ground is None:
            return request.grounding
        try:
            grounding = request.ground()
        except Exception as exc:  # the chat answers without it rather than not at all
            grounding = {"calculation": None, "articles": [], "articles_error": f"{type(exc).__name__}: {exc}"}
        (request.post or self.post)(Grounded(request.id, grounding, request.use_grounding))
        if not request.use_grounding:
            return None
        return self.context_of(grounding) if self.context_of else grounding

    def _generate(self, request: GenerateRequest) -> None:
        post = request.post or self.post
        if self.engine is None:
            self._end(request, Failed(request.id, "불러온 모델이 없습니다. 설정(F2)에서 모델을 고르세요."))
            return
        if request.cancel.is_set():
            self._end(request, Finished(request.id, "cancelled", {}))
            return
        context = self._context(request)
        if request.cancel.is_set():  # cancelled while the grounding was built
            self._end(request, Finished(request.id, "cancelled", {}))
            return
        try:
            for chunk in self.engine.stream(
                request.question,
                request.history,
                grounding=context,
                system=request.system,
                max_tokens=request.max_tokens,
                temp=request.temp,
                top_p=request.top_p,
                min_p=request.min_p,
                seed=request.seed,
                stop=request.stop,
                should_stop=request.cancel.is_set,
            ):
                if chunk.text:
                    post(Token(request.id, chunk.text))
                if chunk.done:
                    stats = {name: getattr(chunk, name) for name in STAT_FIELDS}
                    self._end(request, Finished(request.id, chunk.finish_reason or "stop", stats))
                    return
            self._end(request, Finished(request.id, "stop", {}))
        except Exception as exc:
            log.error("generation failed: %s", type(exc).__name__)  # no message: it may quote the prompt
            self._end(request, Failed(request.id, f"{type(exc).__name__}: {exc}", exc))
