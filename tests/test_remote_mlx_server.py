"""A real OpenAI-compatible server: `mlx_lm.server` serving the tiny model on loopback, used as
`--model openai:default_model@URL` by the engine and in a comparison beside the same model run locally."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("mlx_lm")
pytest.importorskip("openai")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import write_tiny_dataset  # noqa: E402

from taxqa.cli import main as taxqa_main  # noqa: E402

MCQ = 'question,answer,A,B,C,D\n"증여세 기본세율 최저 구간은?",1,10%,20%,30%,40%\n'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(proc: subprocess.Popen, url: str, log: Path, deadline: float = 120.0) -> None:
    """Poll /v1/models until it answers (the server loads the model first); fail with its log if it dies."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"mlx_lm.server exited {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"mlx_lm.server did not answer within {deadline:.0f} s")


@pytest.fixture(scope="module")
def mlx_server(tiny_model, tmp_path_factory):
    model = tiny_model("gemma3")
    root = tmp_path_factory.mktemp("mlx-server")
    (root / "hf").mkdir()
    env = {**os.environ, "HF_HUB_CACHE": str(root / "hf"), "HF_HUB_OFFLINE": "1"}
    port = free_port()
    log = root / "server.log"
    server_bin = Path(sys.executable).with_name("mlx_lm.server")
    command = [str(server_bin)] if server_bin.exists() else [sys.executable, "-m", "mlx_lm.server"]
    command += ["--model", str(model), "--host", "127.0.0.1", "--port", str(port)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_serving(proc, url, log)
        yield model, url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_engine_on_mlx_lm_server_answers_like_the_local_engine(mlx_server, monkeypatch):
    from taxqa.runtime.backends import chat_engine

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)  # a local server needs no key
    model, url = mlx_server
    remote = chat_engine("mlx", f"openai:default_model@{url}")
    local = chat_engine("mlx", str(model))
    try:
        chunks = list(remote.stream("증여세는 얼마인가요?", max_tokens=8))
        expected = "".join(c.text for c in local.stream("증여세는 얼마인가요?", max_tokens=8))
    finally:
        remote.close()
        local.close()
    last = chunks[-1]
    assert last.done and last.finish_reason in ("length", "stop") and last.prompt_tokens > 0
    assert 0 < last.generation_tokens <= 8
    assert "".join(c.text for c in chunks).strip() == expected.strip()  # same template, greedy: same words


def test_compare_local_and_served_model_in_one_run(mlx_server, tmp_path):
    model, url = mlx_server
    data = write_tiny_dataset(tmp_path / "ds", n_train=1, n_valid=1, n_test=2)
    csv = tmp_path / "mcq.csv"
    csv.write_text(MCQ, encoding="utf-8")
    out = tmp_path / "out.json"
    spec = f"openai:default_model@{url}"
    argv = ["eval", "--model", str(model), "--model", spec, "--data", str(data), "--mcq", str(csv)]
    assert taxqa_main([*argv, "--max-tokens", "4", "--ground", "on", "-o", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    local, served = result["models"]
    assert (local["spec"], served["spec"]) == (str(model), spec)
    assert local["status"] == served["status"] == "ok"
    assert (local["mcq_method"], served["mcq_method"]) == ("loglik", "generation")
    assert served["cost_usd"] == 0.0 and local["cost_usd"] is None  # a loopback server costs nothing
    assert served["latency_p50"] > 0 and served["tokens_per_second"] > 0
    assert served["empty_answers"] + served["refusals"] <= served["answers"]
    assert all(t["n"] == 2 for t in result["paired"]["tests"] if t["metric"].startswith("citations"))
    assert out.with_suffix(".png").exists() and "| tokens/s |" in out.with_suffix(".md").read_text(encoding="utf-8")
