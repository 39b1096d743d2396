"""`taxqa serve --upstream URL` against a loopback OpenAI-compatible server (tests/llm_server.py),
and the `taxqa serve` command itself (safe defaults, --vllm-command, a real process)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import httpx
import pytest

openai = pytest.importorskip("openai")
from llm_server import LLMServer  # noqa: E402

GIFT = "부모님께 5억원을 증여받으면 증여세는 얼마인가요?"


def front(upstream_url: str, *extra: str):
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    args = build_parser("taxqa serve").parse_args(["--model", "taxqa", "--upstream", upstream_url, *extra])
    worker = make_worker(args)
    return BackgroundServer(make_app(args, worker)), worker


def payable(question: str) -> int:
    from taxqa.tax.reading import scenario_from_question

    return scenario_from_question(question).compute().payable


@pytest.fixture
def upstream():
    """A stand-in upstream that answers the calculator's figure plus a fixed offset (set per test)."""
    offset = {"won": 0}

    def responder(api, body):
        return f"**납부할 세액**은 {payable(GIFT) + offset['won']:,}원입니다.\n\n- 근거: 상속세 및 증여세법 제53조"

    with LLMServer(responder=responder) as server:
        server.offset = offset
        yield server


def test_upstream_generation_with_grounding_and_check(upstream):
    server, worker = front(upstream.openai_base_url)
    try:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="x", max_retries=0)
        messages = [{"role": "user", "content": GIFT}]
        reply = client.chat.completions.create(
            model="taxqa", messages=messages, max_tokens=64, temperature=0.3, seed=4, stop=["###"],
            extra_body={"return_grounding": True},
        )  # fmt: skip
        sent = upstream.requests[-1]["body"]
        assert sent["model"] == "taxqa" and sent["stream"] is True
        assert sent["temperature"] == 0.3 and sent["seed"] == 4 and sent["stop"] == ["###"] and sent["max_tokens"] == 64
        asked = sent["messages"][-1]["content"]
        assert asked.endswith(GIFT) and len(asked) > len(GIFT) + 200  # the grounding block precedes the question
        articles = reply.model_extra["taxqa"]["grounding"]["articles"]
        assert articles and articles[0]["citation"] in asked
        assert sent["messages"][0]["role"] == "system"  # the default tax-expert prompt
        assert f"{payable(GIFT):,}원" in reply.choices[0].message.content
        assert reply.model_extra["taxqa"]["check"]["agree"] is True
        assert reply.usage.completion_tokens > 0 and reply.usage.prompt_tokens > 0

        upstream.offset["won"] = 30_000_000  # now the upstream model states a wrong figure
        chunks = list(
            client.chat.completions.create(
                model="taxqa", messages=messages, stream=True, extra_body={"return_grounding": True, "ground": False}
            )
        )
        assert upstream.requests[-1]["body"]["messages"][-1]["content"] == GIFT  # ground: false sends it as is
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert f"{payable(GIFT) + 30_000_000:,}원" in text
        check = [c for c in chunks if c.choices and c.choices[0].finish_reason][0].model_extra["taxqa"]["check"]
        assert check["checked"] and check["agree"] is False
    finally:
        server.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_upstream_down_is_a_502_with_a_clear_message():
    dead = f"http://127.0.0.1:{free_port()}/v1"
    server, worker = front(dead)
    try:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="x", max_retries=0)
        for stream in (False, True):
            with pytest.raises(openai.APIStatusError) as caught:
                result = client.chat.completions.create(
                    model="taxqa", messages=[{"role": "user", "content": "x"}], stream=stream
                )
                list(result) if stream else None
            assert caught.value.status_code == 502
            message = caught.value.response.json()["error"]["message"]
            assert "unreachable" in message
            assert dead.rsplit("/", 1)[0] not in message and "127.0.0.1" not in message  # issue #30: no URL
    finally:
        server.close()


def test_upstream_error_status_is_a_502_naming_it(upstream):
    server, worker = front(upstream.openai_base_url)
    try:
        upstream.inject("500")
        response = httpx.post(
            f"{server.url}/v1/chat/completions",
            json={"model": "taxqa", "messages": [{"role": "user", "content": "x"}], "ground": False},
        )
        assert response.status_code == 502
        assert "HTTP 500" in response.json()["error"]["message"]
    finally:
        server.close()


def run_cli(*argv: str, env=None, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "taxqa", "serve", *argv], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_public_bind_needs_an_api_key():
    done = run_cli("--model", "x", "--host", "0.0.0.0")
    assert done.returncode == 2 and "needs an API key" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_vllm_command_for_a_train_output(tiny_model, tmp_path):
    base = tiny_model("gemma3")
    out = tmp_path / "run"
    out.mkdir()
    config = {"peft_type": "LORA", "r": 24, "lora_alpha": 48, "base_model_name_or_path": str(base)}
    (out / "adapter_config.json").write_text(json.dumps(config), encoding="utf-8")
    heads = json.loads((base / "config.json").read_text())
    heads = {**heads, **heads.get("text_config", {})}["num_attention_heads"]
    done = run_cli("--vllm-command", "--model", str(base), "--adapter-path", str(out), "--gpus", "8")
    assert done.returncode == 0, done.stderr
    argv = done.stdout.split()
    opt = {argv[i]: argv[i + 1] for i in range(len(argv) - 1) if argv[i].startswith("--")}
    assert argv[:3] == ["vllm", "serve", str(base)] and "--enable-lora" in argv
    assert opt["--lora-modules"] == f"taxqa={out.resolve()}"
    assert opt["--max-lora-rank"] == "32"  # r=24 rounded up to a rank vLLM accepts
    tp = int(opt["--tensor-parallel-size"])
    assert tp <= 8 and heads % tp == 0 and tp & (tp - 1) == 0
    assert opt["--dtype"] in ("bfloat16", "float32")
    assert "--upstream" in done.stderr
    missing = run_cli("--vllm-command", "--model", str(base), "--adapter-path", str(tmp_path))
    assert missing.returncode == 2 and "adapter_config.json" in missing.stderr


def test_the_real_command_serves_until_stopped(tiny_model):
    from serve_process import ServeProcess

    env = {**os.environ, "TAXQA_API_KEY": "env-secret"}
    args = ["--model", str(tiny_model("gemma3")), "--backend", "mlx", "--served-model-name", "tiny"]
    with ServeProcess(args, env) as served:
        health = httpx.get(f"{served.url}/health", timeout=10)
        assert health.json()["status"] == "ok" and health.json()["auth"] is True  # the key came from the env
        client = openai.OpenAI(base_url=f"{served.url}/v1", api_key="env-secret", max_retries=0)
        reply = client.chat.completions.create(
            model="tiny", messages=[{"role": "user", "content": "비밀스러운 질문"}], max_tokens=3
        )
        assert reply.choices[0].message.content
    err = served.err
    assert "env-secret" not in err and "비밀스러운" not in err  # neither key nor prompt in the logs
    assert "completion=" in err  # but the request is logged
