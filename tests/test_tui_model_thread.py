"""The chat app's model thread, driven by a tiny real MLX model (no fakes)."""

from __future__ import annotations

import queue
import shutil
import threading

import pytest

pytest.importorskip("mlx_lm")

from tui.model_thread import Failed, Finished, Loaded, LoadFailed, Loading, ModelThread, Token  # noqa: E402

QUESTION = "부모님께 20억원을 증여받으면 증여세는 얼마인가요?"


class Events:
    def __init__(self):
        self.queue: queue.Queue = queue.Queue()
        self.threads: set[str] = set()
        self.on_token = None  # called on the model thread, between two tokens

    def post(self, event):
        self.threads.add(threading.current_thread().name)
        self.queue.put(event)
        if isinstance(event, Token) and self.on_token is not None:
            self.on_token(event)

    def until(self, kind, timeout=60.0):
        """Events up to and including the first of type ``kind``."""
        seen = []
        while True:
            event = self.queue.get(timeout=timeout)
            seen.append(event)
            if isinstance(event, kind):
                return seen


def answer_of(events, request_id):
    return "".join(e.text for e in events if isinstance(e, Token) and e.request_id == request_id)


@pytest.fixture(scope="module")
def gemma(tiny_model):
    return str(tiny_model("gemma3"))


def test_load_generate_cancel_without_leaks(gemma):
    events = Events()
    thread = ModelThread(events.post)
    try:
        thread.load(gemma)
        loading = events.until(Loaded)
        assert isinstance(loading[0], Loading) and loading[-1].model == gemma and loading[-1].seconds > 0

        rid = thread.generate(QUESTION, max_tokens=6)
        got = events.until(Finished)
        reference = answer_of(got, rid)
        assert reference and got[-1].request_id == rid and got[-1].finish_reason in ("length", "stop")
        assert got[-1].stats["generation_tokens"] > 0 and got[-1].stats["generation_tps"] > 0
        assert events.threads == {"taxqa-model"}  # every event comes from the one model thread

        # cancel a long answer at its first token (on the model thread, before the next one: no race
        # with the answer ending on its own): it ends 'cancelled' and is cut short
        events.on_token = lambda token: thread.cancel(token.request_id)
        long_id = thread.generate("종합소득 과세표준 5천만원이면 소득세는?", max_tokens=200)
        first = events.until(Token)
        assert first[-1].request_id == long_id
        cancelled = events.until(Finished)
        events.on_token = None
        assert cancelled[-1].finish_reason == "cancelled"
        assert cancelled[-1].stats["generation_tokens"] < 200

        # the same question again gives exactly the first answer: nothing of the cancelled turn leaked
        again = thread.generate(QUESTION, max_tokens=6)
        assert answer_of(events.until(Finished), again) == reference

        # a request cancelled while still queued never starts: the thread is held in the grounding
        # step of the request before it until the second one is queued and cancelled
        gate = threading.Event()
        blocker = thread.generate(QUESTION, max_tokens=2, ground=lambda: gate.wait(60) and {}, use_grounding=False)
        queued = thread.generate(QUESTION, max_tokens=6)
        thread.cancel(queued)
        gate.set()
        done = events.until(Finished)
        assert done[-1].request_id == blocker
        done = events.until(Finished)
        assert done[-1].request_id == queued
        assert done[-1].finish_reason == "cancelled" and answer_of(done, queued) == ""
    finally:
        thread.stop()
    assert not thread.alive and thread.engine is None


def test_switching_models_unloads_the_old_one(gemma, tmp_path):
    other = shutil.copytree(gemma, tmp_path / "other-model")
    events = Events()
    thread = ModelThread(events.post)
    try:
        thread.load(gemma)
        events.until(Loaded)
        first = thread.engine
        thread.load(str(other))
        events.until(Loaded)
        assert first.model is None  # closed before the new one loaded
        assert thread.engine is not first and thread.model == str(other)
        rid = thread.generate(QUESTION, max_tokens=3)
        assert events.until(Finished)[-1].request_id == rid
    finally:
        thread.stop()


def test_load_failure_and_generating_without_a_model(tmp_path):
    events = Events()
    thread = ModelThread(events.post)
    try:
        rid = thread.generate(QUESTION)
        failed = events.until(Failed)[-1]
        assert failed.request_id == rid and "모델" in failed.error
        thread.load(str(tmp_path / "missing"))
        bad = events.until(LoadFailed)[-1]
        assert "missing" in bad.error and thread.engine is None
    finally:
        thread.stop()
