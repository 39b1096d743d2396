"""`taxqa serve`'s errors: malformed requests, raw bodies, the API key, a full queue, the logs."""

from __future__ import annotations

import json
import threading

import httpx
import pytest

openai = pytest.importorskip("openai")
pytest.importorskip("mlx_lm")

from serve_fixtures import GIFT, ask, client, served  # noqa: E402, F401 - fixtures are found by name

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
            assert worker.wait_until(lambda: worker.waiting >= 1, 30)
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
                ask(good, secret_question, max_tokens=2)  # logged before the response is sent
        finally:
            server.close()
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "completion=" in logged  # the request was logged ...
        assert "k3y-value" not in logged
        assert (secret_question in logged) is log_prompts  # ... its text only with --log-prompts


def test_json_errors_are_one_object(served):
    server, _, _ = served
    response = httpx.post(f"{server.url}/v1/chat/completions", json={"model": "gemma3"})
    assert set(json.loads(response.text)) == {"error"}
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}
