"""`taxqa serve` on a tiny MLX model, driven by the real `openai` SDK over a loopback port."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import httpx
import pytest

openai = pytest.importorskip("openai")
pytest.importorskip("mlx_lm")

GIFT = "부모님께 5억원을 증여받으면 증여세는 얼마인가요?"
PLAIN = {"ground": False}  # most tests skip the grounding context: shorter prompts, faster tests


@pytest.fixture(scope="module")
def served(tiny_model):
    """(server, worker, base args) for the tiny gemma3 model on the MLX engine."""
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    args = build_parser("taxqa serve").parse_args(
        ["--model", str(tiny_model("gemma3")), "--served-model-name", "gemma3", "--backend", "mlx"]
        + ["--max-body-bytes", "100000"]
    )
    worker = make_worker(args)
    server = BackgroundServer(make_app(args, worker))
    yield server, worker, args
    server.close()
    worker.close()


@pytest.fixture
def client(served):
    server, _, _ = served
    return openai.OpenAI(base_url=f"{server.url}/v1", api_key="unused", max_retries=0, timeout=60)


def ask(client, question="증여세가 무엇인가요?", **kw):
    kw.setdefault("max_tokens", 12)
    kw.setdefault("extra_body", PLAIN)
    return client.chat.completions.create(model="gemma3", messages=[{"role": "user", "content": question}], **kw)


def streamed(client, question="증여세가 무엇인가요?", **kw):
    kw.setdefault("max_tokens", 12)
    kw.setdefault("extra_body", PLAIN)
    chunks = list(
        client.chat.completions.create(
            model="gemma3",
            messages=[{"role": "user", "content": question}],
            stream=True,
            stream_options={"include_usage": True},
            **kw,
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    return text, chunks


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
        f"{server.url}/v1/taxqa/ground", json={"question": GIFT, "answer": f"납부할 세액은 {wrong:,}원입니다."}
    )
    assert body.status_code == 200
    data = body.json()
    assert data["articles"] and data["calculation"]["result"]["payable"] == expected.payable
    assert data["check"]["checked"] and data["check"]["agree"] is False
    right = httpx.post(
        f"{server.url}/v1/taxqa/ground",
        json={"question": GIFT, "answer": f"납부할 세액은 {expected.payable:,}원입니다."},
    ).json()
    assert right["check"]["agree"] is True
    none = httpx.post(f"{server.url}/v1/taxqa/ground", json={"question": "부가가치세 신고 기한은 언제인가요?"}).json()
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
    deadline = time.monotonic() + 20
    while worker.finished["cancelled"] == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.finished["cancelled"] == before + 1
    assert worker.running is None
    assert time.perf_counter() - started < 20
    served_next = ask(client, max_tokens=2)  # the model thread serves the next one
    assert served_next.usage.completion_tokens == 2 and served_next.choices[0].finish_reason == "length"


def test_disconnect_while_queued_never_runs(served, client):
    server, worker, args = served
    before = dict(worker.finished)
    long = threading.Thread(
        target=lambda: ask(client, max_tokens=200, extra_body={"ground": True}), daemon=True
    )  # keeps the model busy for a moment
    long.start()
    while worker.running is None:
        time.sleep(0.005)
    with pytest.raises(httpx.TimeoutException):  # this one gives up while it waits in the queue
        httpx.post(
            f"{server.url}/v1/chat/completions",
            json={"model": "gemma3", "messages": [{"role": "user", "content": "대기"}], "ground": False},
            timeout=0.2,
        )
    long.join(60)
    deadline = time.monotonic() + 10
    while sum(worker.finished.values()) < sum(before.values()) + 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.finished["cancelled"] == before.get("cancelled", 0) + 1


BAD_REQUESTS = [
    ("missing messages", {"model": "gemma3"}, 400, "messages"),
    ("messages not a list", {"model": "gemma3", "messages": "안녕"}, 400, "messages"),
    ("empty messages", {"model": "gemma3", "messages": []}, 400, "messages"),
    ("unknown role", {"model": "gemma3", "messages": [{"role": "robot", "content": "x"}]}, 400, "role"),
    ("content of the wrong type", {"model": "gemma3", "messages": [{"role": "user", "content": 5}]}, 400, "content"),
    (
        "last message not a question",
        {"model": "gemma3", "messages": [{"role": "assistant", "content": "x"}]},
        400,
        "user",
    ),
    (
        "temperature a string",
        {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "temperature": "hot"},
        400,
        "temperature",
    ),
    (
        "temperature out of range",
        {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "temperature": 9},
        400,
        "temperature",
    ),
    ("top_p zero", {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "top_p": 0}, 400, "top_p"),
    (
        "max_tokens a string",
        {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "max_tokens": "many"},
        400,
        "max_tokens",
    ),
    (
        "max_tokens over the limit",
        {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "max_tokens": 10**6},
        400,
        "limit",
    ),
    (
        "too many stops",
        {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "stop": list("abcde")},
        400,
        "stop",
    ),
    ("n above 1", {"model": "gemma3", "messages": [{"role": "user", "content": "x"}], "n": 2}, 400, "n"),
    ("missing model", {"messages": [{"role": "user", "content": "x"}]}, 400, "model"),
    ("unknown model", {"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}]}, 404, "gpt-4o"),
    ("body not an object", [1, 2], 400, "object"),
]


@pytest.mark.parametrize("name,body,status,words", BAD_REQUESTS, ids=[b[0] for b in BAD_REQUESTS])
def test_malformed_requests_get_openai_errors(served, name, body, status, words):
    server, _, _ = served
    response = httpx.post(f"{server.url}/v1/chat/completions", json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert words in error["message"] and error["type"]


def test_raw_bodies_routes_and_methods_get_json_errors(served):
    server, _, _ = served
    url = f"{server.url}/v1/chat/completions"
    bad_json = httpx.post(url, content=b"{not json", headers={"Content-Type": "application/json"})
    assert bad_json.status_code == 400 and "JSON" in bad_json.json()["error"]["message"]
    huge = {"model": "gemma3", "messages": [{"role": "user", "content": "가" * 200_000}]}
    too_big = httpx.post(url, json=huge)
    assert too_big.status_code == 413 and "limit" in too_big.json()["error"]["message"]
    chunked = httpx.post(url, content=iter([b'{"model": "gemma3", "x": "', b"a" * 150_000, b'"}']))
    assert chunked.status_code == 413  # no Content-Length: counted while reading
    assert httpx.get(url).status_code == 405 and httpx.get(url).json()["error"]["message"]
    missing = httpx.get(f"{server.url}/v1/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "not_found"


def test_sdk_surfaces_the_errors(client):
    with pytest.raises(openai.NotFoundError, match="does not exist"):
        client.chat.completions.create(model="nope", messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.BadRequestError, match="max_tokens"):
        client.chat.completions.create(model="gemma3", messages=[{"role": "user", "content": "x"}], max_tokens=10**6)


def test_api_key_required_when_set(served):
    from taxqa.serve.app import ServeConfig, create_app
    from taxqa.serve.cli import BackgroundServer

    _, worker, _ = served
    keyed = BackgroundServer(create_app(ServeConfig(model_id="gemma3", backend="mlx", api_key="s3cret"), worker))
    try:
        wrong = openai.OpenAI(base_url=f"{keyed.url}/v1", api_key="wrong", max_retries=0)
        with pytest.raises(openai.AuthenticationError):
            wrong.models.list()
        with pytest.raises(openai.AuthenticationError):
            ask(wrong, max_tokens=2)
        body = {"model": "gemma3", "messages": [{"role": "user", "content": "x"}]}
        anonymous = httpx.post(f"{keyed.url}/v1/chat/completions", json=body)  # no Authorization header at all
        assert anonymous.status_code == 401 and "API key" in anonymous.json()["error"]["message"]
        raw = httpx.post(f"{keyed.url}/v1/taxqa/ground", json={"question": GIFT})
        assert raw.status_code == 401 and raw.json()["error"]["code"] == "invalid_api_key"
        good = openai.OpenAI(base_url=f"{keyed.url}/v1", api_key="s3cret", max_retries=0)
        answered = ask(good, max_tokens=2)  # two tokens of a random model may be blank once special tokens go
        assert answered.usage.completion_tokens == 2 and answered.choices[0].finish_reason == "length"
        assert httpx.get(f"{keyed.url}/health").json()["auth"] is True  # health and the page stay open
        assert httpx.get(f"{keyed.url}/").status_code == 200
    finally:
        keyed.close()


def test_full_queue_answers_503_with_retry_after(tiny_model):
    from taxqa.runtime.backends import chat_engine
    from taxqa.serve.app import ServeConfig, create_app
    from taxqa.serve.cli import BackgroundServer
    from taxqa.serve.worker import LocalWorker

    model = str(tiny_model("gemma3"))
    worker = LocalWorker(lambda: chat_engine("torch", model), max_queue=1)
    worker.ready.wait()
    server = BackgroundServer(create_app(ServeConfig(model_id="gemma3", backend="torch"), worker))
    url = f"{server.url}/v1/chat/completions"

    def body(max_tokens: int, stream: bool = False) -> dict:
        messages = [{"role": "user", "content": "x"}]
        return {"model": "gemma3", "messages": messages, "max_tokens": max_tokens, "stream": stream, "ground": False}

    queued: list[httpx.Response] = []
    try:
        with httpx.Client(timeout=120) as http, http.stream("POST", url, json=body(4000, stream=True)) as running:
            lines = running.iter_lines()  # (kept: dropping the iterator makes httpx hang up)
            next(lines)  # the first answer is generating ...
            waiter = threading.Thread(target=lambda: queued.append(httpx.post(url, json=body(4), timeout=120)))
            waiter.start()  # ... the second waits in the one-place queue ...
            deadline = time.monotonic() + 10
            while worker.waiting < 1 and time.monotonic() < deadline:
                time.sleep(0.01)
            busy = http.post(url, json=body(4))  # ... so the third is turned away
            del lines
        waiter.join(60)  # leaving the `with` hung up on the first: the queued one runs
    finally:
        server.close()
        worker.close()
    assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
    assert int(busy.headers["Retry-After"]) >= 1
    assert queued[0].status_code == 200 and queued[0].json()["choices"][0]["message"]["content"]


def test_logs_hold_no_prompt_or_key_unless_asked(served, caplog):
    from taxqa.serve.app import ServeConfig, create_app
    from taxqa.serve.cli import BackgroundServer

    _, worker, _ = served
    secret_question = "비밀질문 증여세 얼마?"
    for log_prompts in (False, True):
        caplog.clear()
        config = ServeConfig(model_id="gemma3", backend="mlx", api_key="k3y-value", log_prompts=log_prompts)
        server = BackgroundServer(create_app(config, worker))
        try:
            good = openai.OpenAI(base_url=f"{server.url}/v1", api_key="k3y-value", max_retries=0)
            with caplog.at_level("INFO", logger="taxqa.serve"):
                ask(good, secret_question, max_tokens=2)
                time.sleep(0.1)
        finally:
            server.close()
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "completion=" in logged  # the request was logged ...
        assert "k3y-value" not in logged
        assert (secret_question in logged) is log_prompts  # ... its text only with --log-prompts


def test_web_page_and_assets_are_served_locally(served):
    server, _, _ = served
    page = httpx.get(f"{server.url}/")
    assert page.status_code == 200 and "taxqa" in page.text and 'lang="ko"' in page.text
    for asset in ("app.js", "markdown.js", "style.css"):
        assert httpx.get(f"{server.url}/static/{asset}").status_code == 200
    assert "http" not in "".join(line for line in page.text.splitlines() if "src=" in line or "href=" in line)


def test_json_errors_are_one_object(served):
    server, _, _ = served
    response = httpx.post(f"{server.url}/v1/chat/completions", json={"model": "gemma3"})
    assert set(json.loads(response.text)) == {"error"}
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}
