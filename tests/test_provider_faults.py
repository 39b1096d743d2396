"""Server text never leaks keys; odd replies fail one item, not the run; config values of the wrong
type are one-line errors (real openai SDK against loopback servers)."""

from __future__ import annotations

import asyncio
import json
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from taxqa.cli import run_command  # noqa: E402
from taxqa.datagen.engine import WorkItem, run_items  # noqa: E402
from taxqa.datagen.providers import ChatProvider, ProviderConfig, RetryableError, redact, resolve_provider  # noqa: E402
from taxqa.errors import UserError  # noqa: E402
from taxqa.records import QARecord  # noqa: E402
from taxqa.retry import call_with_retries, retry_after_seconds  # noqa: E402

SECRET = "sk-live-ABCDEFGHIJKLMNOPQRSTUV0123"


class Canned:
    """A loopback server answering every POST with answer(body) -> (status, content type, bytes)."""

    def __init__(self, answer):
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                status, ctype, data = answer(body)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *a):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _completion(content):
    message = None if content is None else {"role": "assistant", "content": content}
    reply = {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
    }
    return 200, "application/json", json.dumps(reply).encode()


def _ask(base_url: str):
    provider = ChatProvider(ProviderConfig("openai", "m", SECRET, base_url=base_url, timeout=5))

    async def go():
        try:
            return await provider.ask("s", "u")
        finally:
            await provider.close()

    return asyncio.run(go())


@pytest.mark.parametrize(
    "ctype,body",
    [
        ("application/json", {"detail": f"bad header Authorization: Bearer {SECRET} (echoed by a proxy)"}),
        ("text/plain", f"upstream said: Authorization: Bearer {SECRET}"),
        ("application/json", {"choices": "oops", "echo": f"Bearer {SECRET[:12]}"}),
    ],
)
def test_unreadable_replies_are_retryable_and_never_carry_a_key(ctype, body):
    data = (json.dumps(body) if not isinstance(body, str) else body).encode()
    server = Canned(lambda _: (200, ctype, data))
    try:
        with pytest.raises(RetryableError) as info:
            _ask(server.base_url)
    finally:
        server.close()
    message = str(info.value)
    assert "sk-live" not in message and SECRET[8:20] not in message
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_redact_takes_any_secret_type_and_bearer_tokens():
    assert redact("key 12345678 leaked", (12345678,)) == "key *** leaked"
    assert redact("Authorization: Bearer abc.def-123", ()) == "Authorization: Bearer ***"
    assert "hf_" not in redact("token hf_abcdefghijkl", ())
    assert redact(None, (None,)) == "None"


def test_message_null_fails_that_item_and_the_run_goes_on(tmp_path):
    def answer(body):
        user = body["messages"][-1]["content"]
        if "item-2" in user:
            return _completion(None)
        qa = {"qa": [{"type": "teacher", "question": user, "answer": "답", "citations": []}]}
        return _completion(json.dumps(qa, ensure_ascii=False))

    server = Canned(answer)
    provider = ChatProvider(ProviderConfig("openai", "m", SECRET, base_url=server.base_url, timeout=5))

    async def produce(item):
        reply = await provider.ask("s", item.payload)
        qa = reply.payload["qa"][0]
        return [QARecord(question=qa["question"], answer=qa["answer"], type="teacher", source="statute")], reply.usage

    async def go():
        try:
            items = [WorkItem(f"k{i}", 1, f"item-{i}") for i in range(4)]
            return await run_items(items, produce, tmp_path / "raw.jsonl", max_retries=1, base_delay=0, progress=False)
        finally:
            await provider.close()

    try:
        stats = asyncio.run(go())
    finally:
        server.close()
    assert stats.completed == 3 and [k for k, _ in stats.failed] == ["k2"]
    assert "message: null" in stats.failed[0][1]
    lines = (tmp_path / "raw.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["meta"]["key"] for line in lines) == ["k0", "k1", "k3"]


@pytest.mark.parametrize(
    "yaml_text,field,hidden",
    [
        ("openai:\n  model: 42\n  api_key: sk-abcdefghijk\n", "openai.model", None),
        ("openai:\n  api_key: 1234567890123456\n", "openai.api_key", "1234567890123456"),
        ("langmodel:\n  API:\n    OpenAI:\n      apikey: [1, 2]\n", "langmodel.API.OpenAI.apikey", None),
    ],
)
def test_config_values_of_the_wrong_type_are_one_line_errors(tmp_path, monkeypatch, capsys, yaml_text, field, hidden):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    cfg = tmp_path / "config.yaml"
    cfg.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(UserError, match=rf"{cfg}: {field}: expected a string"):
        resolve_provider("openai", config_path=str(cfg))
    argv = ["generate", "--mode", "calc", "--provider", "openai", "--config", str(cfg), "--n", "1"]
    code = run_command("taxqa.datagen.cli", [*argv, "-o", str(tmp_path / "raw.jsonl")], "taxqa data")
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and field in err
    assert "Traceback" not in err and (hidden is None or hidden not in err)
    assert not (tmp_path / "raw.jsonl").exists()


def test_config_file_is_found_through_platformdirs(tmp_path, monkeypatch):
    from taxqa.userconfig import default_config_path

    monkeypatch.delenv("TAXQA_CONFIG", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = default_config_path()
    assert path == tmp_path / "xdg" / "taxqa" / "config.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("openai:\n  api_key: sk-from-platformdirs-1234\n", encoding="utf-8")
    assert resolve_provider("openai").api_key == "sk-from-platformdirs-1234"


def test_law_oc_comes_from_the_config_file(tmp_path, monkeypatch):
    from taxqa.corpus.client import DRFClient

    monkeypatch.delenv("LAW_OC", raising=False)
    cfg = tmp_path / "config.yaml"
    monkeypatch.setenv("TAXQA_CONFIG", str(cfg))
    with DRFClient() as client:
        assert client.oc == ""
    for text in ("law_go_kr:\n  oc: myoc-file\n", "LAW_OC: myoc-file\n"):
        cfg.write_text(text, encoding="utf-8")
        with DRFClient() as client:
            assert client.oc == "myoc-file"
    monkeypatch.setenv("LAW_OC", "myoc-env")
    with DRFClient() as client:
        assert client.oc == "myoc-env"
    monkeypatch.delenv("LAW_OC")
    cfg.write_text("law_go_kr:\n  oc: 20251234\n", encoding="utf-8")
    with pytest.raises(UserError, match="law_go_kr.oc: expected a string") as info:
        DRFClient()
    assert "20251234" not in str(info.value)


def test_retry_helper_waits_the_servers_retry_after_else_backs_off():
    class Busy(Exception):
        def __init__(self, retry_after=None):
            self.retry_after = retry_after

    waits, faults = [], [Busy(7.0), Busy(), Busy(500.0)]

    def call():
        if faults:
            raise faults.pop(0)
        return "done"

    result = call_with_retries(
        call, attempts=4, retry_on=Busy, base=0.5, cap=60, rng=random.Random(0), sleep=waits.append
    )
    assert result == "done"
    assert waits[0] == 7.0 and 0.5 <= waits[1] <= 1.0 and waits[2] == 60  # hint, jittered 2nd backoff, capped hint
    with pytest.raises(Busy):
        call_with_retries(lambda: (_ for _ in ()).throw(Busy()), attempts=2, retry_on=Busy, sleep=waits.append)
    assert retry_after_seconds({"retry-after-ms": "1500"}) == 1.5
    assert retry_after_seconds({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert retry_after_seconds({"retry-after": "soon"}) is None
