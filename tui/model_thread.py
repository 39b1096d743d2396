"""One long-lived thread that owns the model.

A generate request may carry ``ground``: the thread builds the grounding first (retrieval and
the calculator), posts it (``Grounded``) for the panel, and gives the model that same grounding
(unless ``use_grounding`` is off). The engine renders only the current question with it, so
the prompt cache still holds the system prompt and history of earlier turns.

MLX streams are per thread, so the model is loaded and used on this thread only. The UI
puts requests on a queue (load, generate) and gets events back through ``post(event)``,
which the app wires to ``App.post_message`` (thread-safe). Loading a model first closes
the old one, so switching models never holds two in memory. Cancelling sets the request's
flag; the engine polls it between tokens, and every event carries its request id so the
UI can drop anything from a request that is no longer current.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

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


@dataclass
class Token:
    request_id: int
    text: str


@dataclass
class Finished:
    request_id: int
    finish_reason: str  # 'stop' | 'length' | 'cancelled'
    stats: dict[str, Any]


@dataclass
class Grounded:
    request_id: int
    grounding: dict[str, Any]  # what the panel shows (and, when used, exactly what the model reads)
    used: bool  # whether the model was given it


@dataclass
class Failed:
    request_id: int
    error: str


# -- requests (put on the queue by the UI) -----------------------------------------------


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
    ground: Callable[[], dict[str, Any]] | None = None  # builds the panel's grounding (on this thread)
    use_grounding: bool = True  # give the model what `ground` built (False: the panel only)
    cancel: threading.Event = field(default_factory=threading.Event)


STAT_FIELDS = ("prompt_tokens", "generation_tokens", "prompt_tps", "generation_tps", "ttft", "peak_memory_gb")


def default_engine(model: str, adapter: str | None):
    from taxqa.runtime.chat import ChatEngine

    return ChatEngine(model, adapter)


class ModelThread:
    """Serves load and generate requests in order on one daemon thread."""

    def __init__(self, post: Callable[[object], Any], engine_factory: Callable = default_engine):
        self.post = post
        self.engine_factory = engine_factory
        self.engine = None
        self.model = self.adapter = ""
        self._queue: queue.Queue = queue.Queue()
        self._ids = itertools.count(1)
        self._pending: dict[int, GenerateRequest] = {}
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="taxqa-model", daemon=True)
        self._thread.start()

    # -- called from the UI thread --------------------------------------------------------
    def load(self, model: str, adapter: str = "") -> None:
        """Load ``model`` (+ ``adapter``) after what is queued; cancels any running answer first."""
        self.cancel()
        self._queue.put(LoadRequest(model, adapter or ""))

    def generate(self, question: str, history: Sequence[tuple[str, str]] = (), **options: Any) -> int:
        request = GenerateRequest(next(self._ids), question, list(history), **options)
        with self._lock:
            self._pending[request.id] = request
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

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # -- the model thread -----------------------------------------------------------------
    def _run(self) -> None:
        while True:
            request = self._queue.get()
            if request is None:
                self._unload()
                return
            if isinstance(request, LoadRequest):
                self._load(request)
            else:
                try:
                    self._generate(request)
                finally:
                    with self._lock:
                        self._pending.pop(request.id, None)

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
        except Exception as exc:  # a bad path or checkpoint: the UI says why and keeps running
            self.post(LoadFailed(request.model, request.adapter, f"{type(exc).__name__}: {exc}"))
            return
        self.model, self.adapter = request.model, request.adapter
        self.post(Loaded(request.model, request.adapter, time.perf_counter() - started))

    def _generate(self, request: GenerateRequest) -> None:
        if self.engine is None:
            self.post(Failed(request.id, "불러온 모델이 없습니다. 설정(F2)에서 모델을 고르세요."))
            return
        if request.cancel.is_set():
            self.post(Finished(request.id, "cancelled", {}))
            return
        context = None
        if request.ground is not None:
            from tui.grounding import model_context

            try:
                grounding = request.ground()
            except Exception as exc:  # the chat answers without it rather than not at all
                grounding = {"calculation": None, "articles": [], "articles_error": f"{type(exc).__name__}: {exc}"}
            self.post(Grounded(request.id, grounding, request.use_grounding))
            context = model_context(grounding) if request.use_grounding else None
            if request.cancel.is_set():  # cancelled while the grounding was built
                self.post(Finished(request.id, "cancelled", {}))
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
                should_stop=request.cancel.is_set,
            ):
                if chunk.text:
                    self.post(Token(request.id, chunk.text))
                if chunk.done:
                    stats = {name: getattr(chunk, name) for name in STAT_FIELDS}
                    self.post(Finished(request.id, chunk.finish_reason or "stop", stats))
                    return
            self.post(Finished(request.id, "stop", {}))
        except Exception as exc:
            traceback.print_exc()
            self.post(Failed(request.id, f"{type(exc).__name__}: {exc}"))
