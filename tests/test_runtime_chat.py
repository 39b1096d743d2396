"""The chat engines: prompt-cache reuse across turns, cancelling, a reader that stops at the last
chunk, the engine on its own thread, stop texts held back (tiny real MLX models)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

pytest.importorskip("mlx_lm")

Q1 = "부모에게서 5억원을 증여받으면 증여세는 얼마인가요?"
Q2 = "배우자라면 어떻게 달라지나요?"
Q3 = "신고기한은 언제인가요?"


@pytest.fixture(scope="module")
def gemma(tiny_model):
    return tiny_model("gemma3")


def collect(chunks):
    chunks = list(chunks)
    assert chunks and chunks[-1].done and all(not c.done for c in chunks[:-1])
    return SimpleNamespace(text="".join(c.text for c in chunks), final=chunks[-1], chunks=chunks)


def until_done(chunks):
    """Read like the model worker does: stop at the last chunk, leaving the generator to be closed."""
    for chunk in chunks:
        if chunk.done:
            return chunk
    raise AssertionError("no last chunk")


def test_cache_kept_when_the_reader_stops_at_the_last_chunk(gemma):
    """serve and the chat app stop reading at the done chunk: the next turn still reuses the cache."""
    from taxqa.runtime.chat import ChatEngine

    engine = ChatEngine(str(gemma))
    until_done(engine.stream(Q1, max_tokens=4))
    second = until_done(engine.stream(Q2, max_tokens=4))
    assert second.cached_tokens > 0
    assert second.prompt_tokens + second.cached_tokens == len(engine.prompt_tokens(Q2))


def test_chat_engine_reuses_the_prompt_cache(gemma):
    from taxqa.runtime.chat import ChatEngine

    engine, fresh = ChatEngine(str(gemma)), ChatEngine(str(gemma))
    first = collect(engine.stream(Q1, max_tokens=5))
    history = [(Q1, first.text)]
    full = len(engine.prompt_tokens(Q2, history))
    second = collect(engine.stream(Q2, history, max_tokens=5))
    assert second.final.cached_tokens > len(engine.prompt_tokens(Q1)) // 2
    assert second.final.prompt_tokens < full
    assert second.final.prompt_tokens + second.final.cached_tokens == full
    # reusing the cache changes nothing in the answer
    assert collect(fresh.stream(Q2, history, max_tokens=5)).text == second.text


def test_chat_engine_cancel_leaves_the_cache_consistent(gemma):
    from taxqa.runtime.chat import ChatEngine

    engine, fresh = ChatEngine(str(gemma)), ChatEngine(str(gemma))
    first = collect(engine.stream(Q1, max_tokens=4))
    history = [(Q1, first.text)]
    polls = []

    def stop_after_two() -> bool:
        polls.append(1)
        return len(polls) > 2

    cancelled = collect(engine.stream(Q2, history, max_tokens=30, should_stop=stop_after_two))
    assert cancelled.final.finish_reason == "cancelled" and cancelled.final.generation_tokens < 30
    # the cancelled answer is not part of the conversation: the next turn must not see its tokens
    after = collect(engine.stream(Q3, history, max_tokens=5))
    prompt = engine.prompt_tokens(Q3, history)
    assert after.final.cached_tokens > 0 and after.final.prompt_tokens + after.final.cached_tokens == len(prompt)
    assert engine._cached[: len(prompt)] == prompt
    assert collect(fresh.stream(Q3, history, max_tokens=5)).text == after.text
    # cancelled before it starts
    assert collect(engine.stream(Q3, history, should_stop=lambda: True)).final.finish_reason == "cancelled"


def test_chat_engine_on_its_own_thread_plain_format(tiny_model):
    from taxqa.runtime.chat import ChatEngine

    result = {}

    def worker():  # the chat app's model thread: construct and generate on the same thread
        engine = ChatEngine(str(tiny_model("phi2")))
        a = collect(engine.stream(Q1, max_tokens=3, system=""))
        b = collect(engine.stream(Q2, [(Q1, a.text)], max_tokens=3, system=""))
        result.update(a=a, b=b, full=len(engine.prompt_tokens(Q2, [(Q1, a.text)], system="")))
        engine.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(120)
    assert result["a"].final.done and result["b"].final.cached_tokens > 0
    assert result["b"].final.prompt_tokens < result["full"]


def test_plain_format_stop_text_is_held_back():
    from taxqa.runtime.streaming import _held_suffix

    stops = ("### 질문:",)
    assert _held_suffix("답은 2억원입니다.\n\n###", stops) == 3
    assert _held_suffix("답은 2억원입니다.\n\n### 질", stops) == 5
    assert _held_suffix("답은 2억원입니다.", stops) == 0
