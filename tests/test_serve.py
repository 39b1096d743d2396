"""`taxqa serve` on a tiny MLX model, driven by the real `openai` SDK over a loopback port."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

openai = pytest.importorskip("openai")
pytest.importorskip("mlx_lm")

from serve_fixtures import GIFT, PLAIN, ask, client, served, streamed  # noqa: E402, F401 - fixtures are found by name

from taxqa.case import REFERENCE_ONLY  # noqa: E402


def test_models_and_health(served, client):
    server, _, _ = served
    assert [m.id for m in client.models.list().data] == ["gemma3"]
    health = httpx.get(f"{server.url}/health").json()
    assert health["status"] == "ok" and health["backend"] == "mlx" and health["model"] == "gemma3"


def test_non_stream_schema_and_usage(client):
    reply = ask(client, max_tokens=6)
    choice = reply.choices[0]
    assert reply.object == "chat.completion" and reply.id.startswith("chatcmpl-")
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason in ("stop", "length")
    usage = reply.usage
    assert usage.prompt_tokens > 10 and 1 <= usage.completion_tokens <= 6
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    if choice.finish_reason == "length":
        assert usage.completion_tokens == 6


def test_stream_matches_non_stream(client):
    whole = ask(client, max_tokens=10)
    text, chunks = streamed(client, max_tokens=10)
    assert text == whole.choices[0].message.content
    assert chunks[0].choices[0].delta.role == "assistant"
    finals = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert finals == [whole.choices[0].finish_reason]
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == whole.usage.completion_tokens
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) > 1  # really streamed in pieces


def test_sampling_options_are_honoured(client):
    greedy = ask(client, max_tokens=10).choices[0].message.content
    a = ask(client, max_tokens=10, temperature=1.5, seed=7).choices[0].message.content
    b = ask(client, max_tokens=10, temperature=1.5, seed=7).choices[0].message.content
    c = ask(client, max_tokens=10, temperature=1.5, seed=8).choices[0].message.content
    assert a == b  # same seed, same sample
    assert a != c or a != greedy  # a random-weight model at temperature 1.5 does not sample the greedy answer twice
    # a tiny nucleus keeps only the most likely token: greedy again, whatever the temperature
    assert ask(client, max_tokens=10, temperature=1.5, top_p=1e-6, seed=3).choices[0].message.content == greedy


def test_stop_sequences_cut_the_answer(client):
    greedy = ask(client, max_tokens=16).choices[0].message.content
    stop = greedy[len(greedy) // 2 : len(greedy) // 2 + 2]
    assert stop.strip()
    cut = ask(client, max_tokens=16, stop=[stop])
    assert cut.choices[0].finish_reason == "stop"
    assert cut.choices[0].message.content == greedy[: greedy.find(stop)].rstrip()
    text, _ = streamed(client, max_tokens=16, stop=stop)
    assert text == cut.choices[0].message.content


SPLIT_GIFT = "아버지가 저한테 1억, 누나한테 2억 줬어요. 증여세 각각 얼마예요?"  # computed on one sum, flagged


def test_grounding_is_on_by_default_and_returned_on_request(client):
    from taxqa.tax.reading import scenario_from_question

    grounded = ask(client, GIFT, extra_body={"return_grounding": True}, max_tokens=4)
    plain = ask(client, GIFT, extra_body={"ground": False, "return_grounding": True}, max_tokens=4)
    extra = grounded.model_extra["taxqa"]
    assert extra["grounding"]["articles"], "the corpus should give articles for a gift-tax question"
    assert all(a["citation"] and a["text"] for a in extra["grounding"]["articles"])
    expected = scenario_from_question(GIFT).compute().payable
    assert extra["grounding"]["calculation"]["result"]["payable"] == expected
    assert extra["check"] is not None and extra["check"]["kind"] == "gift"
    # the grounding really is in the prompt: many more prompt tokens than without it
    assert grounded.usage.prompt_tokens > plain.usage.prompt_tokens + 100
    assert plain.model_extra["taxqa"]["grounding"] is None
    assert "taxqa" not in (ask(client, max_tokens=2).model_extra or {})
    assert extra["grounding"]["needs_check"] is None  # every fact placed: the figure stands
    assert extra["grounding"]["reference_note"] is None


def test_grounding_says_what_needs_checking_when_a_fact_is_not_placed(client):
    mixed = ask(client, SPLIT_GIFT, extra_body={"return_grounding": True}, max_tokens=2).model_extra["taxqa"]
    assert mixed["grounding"]["needs_check"].startswith("확인이 필요합니다: ")
    assert "누가 얼마를" in mixed["grounding"]["needs_check"]
    assert mixed["grounding"]["reference_note"] == REFERENCE_ONLY  # the page's sentence over the figure


def test_stream_carries_grounding_first_and_check_last(client):
    _, chunks = streamed(client, GIFT, max_tokens=4, extra_body={"return_grounding": True})
    assert chunks[0].model_extra["taxqa"]["grounding"]["calculation"]["kind"] == "gift"
    last = [c for c in chunks if c.choices and c.choices[0].finish_reason][0]
    assert last.model_extra["taxqa"]["check"]["kind"] == "gift"


def test_ground_endpoint_without_generation(served):
    from taxqa.tax.reading import scenario_from_question

    server, _, _ = served
    expected = scenario_from_question(GIFT).compute()
    wrong = expected.payable + 10_000_000
    body = httpx.post(
        f"{server.url}/v1/taxqa/ground",
        json={"question": GIFT, "answer": f"납부할 세액은 {wrong:,}원입니다."},
        timeout=120,  # retrieval and the calculator on a loaded machine
    )
    assert body.status_code == 200
    data = body.json()
    assert data["articles"] and data["calculation"]["result"]["payable"] == expected.payable
    assert data["check"]["checked"] and data["check"]["agree"] is False
    right = httpx.post(
        f"{server.url}/v1/taxqa/ground",
        json={"question": GIFT, "answer": f"납부할 세액은 {expected.payable:,}원입니다."},
        timeout=120,
    ).json()
    assert right["check"]["agree"] is True
    question = "부가가치세 신고 기한은 언제인가요?"
    none = httpx.post(f"{server.url}/v1/taxqa/ground", json={"question": question}, timeout=120).json()
    assert none["calculation"] is None and "check" not in none


def test_multi_turn_history_and_system_prompt_reach_the_prompt(client):
    messages = [
        {"role": "system", "content": "짧게 답하세요."},
        {"role": "user", "content": "증여세란?"},
        {"role": "assistant", "content": "증여로 받은 재산에 매기는 세금입니다."},
        {"role": "user", "content": [{"type": "text", "text": "상속세는요?"}]},
    ]
    long = client.chat.completions.create(model="gemma3", messages=messages, max_tokens=2, extra_body=PLAIN)
    short = client.chat.completions.create(
        model="gemma3", messages=[messages[0], messages[-1]], max_tokens=2, extra_body=PLAIN
    )
    default = client.chat.completions.create(model="gemma3", messages=messages[-1:], max_tokens=2, extra_body=PLAIN)
    assert long.usage.prompt_tokens > short.usage.prompt_tokens + 10  # the earlier turn is in the prompt
    assert default.usage.prompt_tokens > short.usage.prompt_tokens + 10  # no system message: the default one


def test_sixteen_concurrent_clients(served):
    server, _, _ = served
    questions = [f"{i + 1}억원을 자녀에게 증여하면 세금은?" for i in range(16)]

    async def run():
        client = openai.AsyncOpenAI(base_url=f"{server.url}/v1", api_key="x", max_retries=0, timeout=120)

        async def one(q, stream):
            kwargs = {"model": "gemma3", "messages": [{"role": "user", "content": q}], "max_tokens": 8}
            if not stream:
                return (await client.chat.completions.create(**kwargs, extra_body=PLAIN)).choices[0].message.content
            parts = []
            async for chunk in await client.chat.completions.create(**kwargs, stream=True, extra_body=PLAIN):
                parts.append(chunk.choices[0].delta.content or "" if chunk.choices else "")
            return "".join(parts)

        answers = await asyncio.gather(*(one(q, i % 2 == 0) for i, q in enumerate(questions)))
        await client.close()
        return answers

    answers = asyncio.run(run())
    sync = openai.OpenAI(base_url=f"{server.url}/v1", api_key="x", max_retries=0)
    for q in questions[:4]:  # no crosstalk: each concurrent answer is what the question gets alone
        alone = sync.chat.completions.create(
            model="gemma3", messages=[{"role": "user", "content": q}], max_tokens=8, extra_body=PLAIN
        )
        assert answers[questions.index(q)] == alone.choices[0].message.content


def test_disconnect_mid_stream_cancels_the_generation(served, client):
    server, worker, args = served
    before = worker.finished["cancelled"]
    started = time.perf_counter()
    stream = client.chat.completions.create(
        model="gemma3",
        messages=[{"role": "user", "content": "길게 설명해 주세요."}],
        stream=True,
        max_tokens=args.max_tokens_limit,
        extra_body=PLAIN,
    )
    pieces = 0
    for chunk in stream:
        pieces += bool(chunk.choices and chunk.choices[0].delta.content)
        if pieces == 3:
            break
    stream.close()  # the client hangs up mid-answer
    assert worker.wait_until(lambda: worker.finished["cancelled"] > before and worker.running is None, 20)
    assert worker.finished["cancelled"] == before + 1
    assert time.perf_counter() - started < 20
    served_next = ask(client, max_tokens=2)  # the model thread serves the next one
    assert served_next.usage.completion_tokens == 2 and served_next.choices[0].finish_reason == "length"


def test_disconnect_while_queued_never_runs(served, client):
    server, worker, args = served
    before = dict(worker.finished)
    long = client.chat.completions.create(  # keeps the model busy until this test hangs up on it
        model="gemma3",
        messages=[{"role": "user", "content": "길게 설명해 주세요."}],
        stream=True,
        max_tokens=args.max_tokens_limit,
        extra_body=PLAIN,
    )
    next(iter(long))  # it is generating
    assert worker.wait_until(lambda: worker.running is not None, 20)
    with pytest.raises(httpx.TimeoutException):  # this one gives up while it waits in the queue
        httpx.post(
            f"{server.url}/v1/chat/completions",
            json={"model": "gemma3", "messages": [{"role": "user", "content": "대기"}], "ground": False},
            timeout=httpx.Timeout(30, read=0.5),
        )
    long.close()  # now the long one goes too: both end cancelled, the queued one without running
    assert worker.wait_until(lambda: sum(worker.finished.values()) >= sum(before.values()) + 2, 30)
    assert worker.finished["cancelled"] == before.get("cancelled", 0) + 2
    assert sum(worker.finished.values()) == sum(before.values()) + 2


def test_web_page_and_assets_are_served_locally(served):
    server, _, _ = served
    page = httpx.get(f"{server.url}/")
    assert page.status_code == 200 and "taxqa" in page.text and 'lang="ko"' in page.text
    for asset in ("app.js", "markdown.js", "style.css"):
        assert httpx.get(f"{server.url}/static/{asset}").status_code == 200
    assert "http" not in "".join(line for line in page.text.splitlines() if "src=" in line or "href=" in line)


def test_requests_reuse_the_prompt_cache(client):
    """The system prompt is prefilled once, not per request (what made serve's first token 2.6x slower)."""
    ask(client, "상속세가 무엇인가요?", max_tokens=2)
    again = ask(client, "양도소득세가 무엇인가요?", max_tokens=2)
    assert again.usage.prompt_tokens_details.cached_tokens > again.usage.prompt_tokens // 2
