"""`taxqa serve` against careless and hostile input (issue #30): each case answers a clear 4xx in
the OpenAI error shape (never a 500), leaks no key or URL, and the server keeps serving."""

from __future__ import annotations

import http.server
import json
import re
import subprocess
import threading

import httpx
import pytest

pytest.importorskip("openai")
pytest.importorskip("mlx_lm")

from serve_fixtures import serve_tiny  # noqa: E402

QUESTION = {"model": "gemma3", "messages": [{"role": "user", "content": "증여세?"}], "max_tokens": 2, "ground": False}


@pytest.fixture(scope="module")
def served(tiny_model):
    for server, _, _ in serve_tiny(tiny_model, "--served-model-name", "gemma3"):
        yield server


def post(server, body: bytes | str, **headers):
    headers.setdefault("Content-Type", "application/json")
    return httpx.post(f"{server.url}/v1/chat/completions", content=body, headers=headers, timeout=60)


def assert_error(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    for word in words:
        assert word in error["message"] or word == error["param"], error


BAD_BODIES = [
    ("lone surrogate in the question", '{"model": "gemma3", "messages": [{"role": "user", "content": "\\ud800"}]}',
     "surrogate"),
    ("lone surrogate in the model name", '{"model": "\\udfff", "messages": []}', "surrogate"),
    ("deeply nested JSON", '{"model": "gemma3", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
    ("a 5,000-digit number", '{"model": "gemma3", "max_tokens": ' + "9" * 5000 + "}", "JSON"),
    ("invalid UTF-8", b'{"model": "\xff\xfe"}', "JSON"),
    ("huge seed", json.dumps({**QUESTION, "seed": 10**30}), "seed"),
    ("negative seed", json.dumps({**QUESTION, "seed": -1}), "seed"),
]  # fmt: skip


@pytest.mark.parametrize("name,body,word", BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_bad_bodies_are_400s_not_500s(served, name, body, word):
    assert_error(post(served, body), 400, word)


def test_largest_seed_is_accepted(served):
    response = post(served, json.dumps({**QUESTION, "seed": 2**64 - 1, "temperature": 1.0}))
    assert response.status_code == 200 and response.json()["usage"]["completion_tokens"] == 2


def test_cross_site_requests_are_refused_without_a_key(served):
    """A page on another site can POST text/plain without a preflight: it must not drive the model."""
    body = json.dumps(QUESTION)
    assert_error(post(served, body, **{"Content-Type": "text/plain"}), 415, "application/json")
    assert_error(post(served, body, **{"Content-Type": "application/x-www-form-urlencoded"}), 415)
    evil = {"Origin": "http://evil.example"}
    assert_error(post(served, body, **evil), 403, "cross-origin")
    assert_error(post(served, body, Origin="null"), 403)
    assert_error(httpx.get(f"{served.url}/v1/models", headers=evil), 403)
    own = served.url.replace("http://", "")
    mine = post(served, body, Origin=f"http://{own}")  # the server's own web page
    assert mine.status_code == 200 and mine.json()["choices"][0]["finish_reason"] in ("stop", "length")


def test_the_server_still_answers_after_the_bad_inputs(served):
    for _, body, _ in BAD_BODIES:
        post(served, body)
    assert post(served, json.dumps(QUESTION)).status_code == 200


def test_favicon_and_page_link(served):
    icon = httpx.get(f"{served.url}/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/")
    assert 'rel="icon"' in httpx.get(f"{served.url}/").text


def test_law_go_kr_key_never_reaches_the_page(served, monkeypatch):
    """Whatever the corpus holds, the grounding a client gets never carries LAW_OC."""
    gift = "부모님께 5억원을 증여받으면 증여세는 얼마인가요?"
    plain = httpx.post(f"{served.url}/v1/taxqa/ground", json={"question": gift}, timeout=120).json()
    assert "증여세법" in json.dumps(plain, ensure_ascii=False)
    monkeypatch.setenv("LAW_OC", "증여세법")  # a key that happens to occur in the articles' titles and texts
    scrubbed = httpx.post(f"{served.url}/v1/taxqa/ground", json={"question": gift}, timeout=120).json()
    assert "증여세법" not in json.dumps(scrubbed, ensure_ascii=False)


def test_web_page_writes_amounts_with_a_space_between_units():
    from pathlib import Path

    import taxqa.serve

    node = pytest.importorskip("shutil").which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (Path(taxqa.serve.__file__).parent / "static" / "app.js").read_text(encoding="utf-8")
    function = re.search(r"  function formatWon\(n\) \{.*?\n  \}\n", source, re.S).group(0)
    script = function + "console.log(JSON.stringify([350000000, 350001234, 5000, 100000000, -20000].map(formatWon)));"
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == ["3억 5,000만원", "3억 5,000만 1,234원", "5,000원", "1억원", "-2만원"]


# -- the upstream's key and URL, the access log ---------------------------------------------


class EchoKey(http.server.BaseHTTPRequestHandler):
    """An upstream that refuses every request, quoting its Authorization header (as some do)."""

    def do_POST(self):  # noqa: N802
        body = json.dumps({"error": {"message": f"invalid key {self.headers.get('Authorization')}"}}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_upstream_502_carries_neither_key_nor_url(monkeypatch):
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EchoKey)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{upstream.server_address[1]}/v1"
    monkeypatch.setenv("TAXQA_UPSTREAM_API_KEY", "up-s3cret-value")
    args = build_parser("taxqa serve").parse_args(["--model", "taxqa", "--upstream", url])
    worker = make_worker(args)
    server = BackgroundServer(make_app(args, worker))
    try:
        for stream in (False, True):
            body = {"model": "taxqa", "messages": [{"role": "user", "content": "x"}], "ground": False, "stream": stream}
            response = httpx.post(f"{server.url}/v1/chat/completions", json=body, timeout=30)
            assert response.status_code == 502 and "HTTP 401" in response.text
            assert "s3cret" not in response.text and str(upstream.server_address[1]) not in response.text
    finally:
        server.close()
        upstream.shutdown()


def test_access_log_has_no_query_strings():
    from serve_process import ServeProcess

    with ServeProcess(["--model", "taxqa", "--upstream", "http://127.0.0.1:9/v1"]) as served:
        httpx.get(f"{served.url}/health?token=QS-SECRET-1", timeout=10)
        httpx.get(f"{served.url}/v1/models?api_key=QS-SECRET-2", timeout=10)
    logged = served.out + served.err
    assert "GET /health" in logged and "GET /v1/models" in logged  # the requests are logged ...
    assert "QS-SECRET" not in logged  # ... without their query strings


# -- the backend a folder needs --------------------------------------------------------------


@pytest.fixture(scope="module")
def mlx_4bit(tiny_model, tmp_path_factory):
    """A tiny model converted to MLX 4-bit (what the demo's convert step writes)."""
    from mlx_lm import convert

    out = tmp_path_factory.mktemp("mlx4") / "model"
    convert(str(tiny_model("gemma3")), mlx_path=str(out), quantize=True, q_bits=4, q_group_size=32)
    return out


def test_auto_picks_mlx_for_an_mlx_4bit_folder_and_torch_for_a_peft_adapter(mlx_4bit, tiny_model, tmp_path):
    from taxqa.runtime.backends import resolve_backend

    assert resolve_backend("auto", str(mlx_4bit)) == "mlx"
    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text(json.dumps({"peft_type": "LORA", "r": 8}), encoding="utf-8")
    assert resolve_backend("auto", str(tiny_model("gemma3")), str(adapter)) == "torch"
    assert resolve_backend("torch", str(mlx_4bit)) == "torch"  # an explicit choice stands


def test_serve_with_the_default_backend_runs_an_mlx_4bit_model(mlx_4bit):
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    args = build_parser("taxqa serve").parse_args(["--model", str(mlx_4bit), "--served-model-name", "q4"])
    worker = make_worker(args)  # --backend auto (the default)
    server = BackgroundServer(make_app(args, worker))
    try:
        assert httpx.get(f"{server.url}/health").json()["backend"] == "mlx"
        body = {"model": "q4", "messages": [{"role": "user", "content": "증여세?"}], "max_tokens": 2, "ground": False}
        assert httpx.post(f"{server.url}/v1/chat/completions", json=body, timeout=60).status_code == 200
    finally:
        server.close()
        worker.close()


def test_load_errors_are_korean_with_a_hint(mlx_4bit, tmp_path):
    from taxqa.errors import UserError
    from taxqa.serve.cli import build_parser, make_worker

    args = build_parser("taxqa serve").parse_args(["--model", str(mlx_4bit), "--backend", "torch"])
    with pytest.raises(UserError, match="힌트: --backend mlx"):
        make_worker(args)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "gemma3_text"}', encoding="utf-8")
    args = build_parser("taxqa serve").parse_args(["--model", str(broken), "--backend", "torch"])
    with pytest.raises(UserError, match="힌트") as caught:
        make_worker(args)
    assert "불러오지 못했습니다" in str(caught.value)


def test_an_adapter_given_as_the_model_gets_a_korean_hint(tmp_path):
    from taxqa.errors import UserError
    from taxqa.serve.cli import build_parser, make_worker

    adapter = tmp_path / "adapters"
    adapter.mkdir()
    config = {"peft_type": "LORA", "r": 8, "base_model_name_or_path": "google/gemma-3-1b-it"}
    (adapter / "adapter_config.json").write_text(json.dumps(config), encoding="utf-8")
    args = build_parser("taxqa serve").parse_args(["--model", str(adapter)])
    with pytest.raises(UserError, match="어댑터 폴더") as caught:
        make_worker(args)
    assert f"--model google/gemma-3-1b-it --adapter-path {adapter}" in str(caught.value)
