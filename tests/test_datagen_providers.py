"""Providers through the real openai and anthropic SDKs against the loopback server."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from llm_server import LLMServer  # noqa: E402

from taxqa.datagen.providers import (  # noqa: E402
    ChatProvider,
    FatalProviderError,
    ProviderConfig,
    RetryableError,
    parse_json_reply,
    price_for,
    redact,
    resolve_provider,
)
from taxqa.errors import UserError  # noqa: E402

SECRET = "sk-test-VERYSECRET0123456789"


@pytest.fixture
def server():
    with LLMServer(timeout_delay=3.0) as s:
        yield s


def _provider(server: LLMServer, kind: str, json_mode: bool = True, timeout: float = 5.0) -> ChatProvider:
    base = server.anthropic_base_url if kind == "anthropic" else server.openai_base_url
    cfg = ProviderConfig(kind, "test-model", SECRET, base_url=base, timeout=timeout, json_mode=json_mode)
    return ChatProvider(cfg)


def _ask(provider: ChatProvider, text: str = "조문: 상속세 및 증여세법 제53조"):
    async def go():
        try:
            return await provider.ask("시스템", text)
        finally:
            await provider.close()

    return asyncio.run(go())


@pytest.mark.parametrize(
    "kind,json_mode,wire",
    [
        ("openai", True, "json_object"),
        ("openai-compatible", False, "fenced text"),
        ("anthropic", True, "tool_use"),
        ("anthropic", False, "text"),
    ],
)
def test_reply_parsed_with_usage(server, kind, json_mode, wire):
    reply = _ask(_provider(server, kind, json_mode))
    qa = reply.payload["qa"]
    assert [q["type"] for q in qa] == ["teacher", "student"]
    assert qa[0]["citations"] == ["상속세 및 증여세법 제53조"]
    assert reply.usage.input_tokens > 0 and reply.usage.output_tokens > 0
    body = server.requests[-1]["body"]
    if kind == "anthropic":
        assert ("tools" in body) == json_mode
        headers = server.requests[-1]["headers"]
        assert SECRET in (headers.get("x-api-key"), headers.get("authorization", "").removeprefix("Bearer "))
    else:
        assert ("response_format" in body) == json_mode
        assert server.requests[-1]["headers"].get("authorization") == f"Bearer {SECRET}"


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_broken_json_is_repaired(server, kind):
    server.inject("broken_json")
    reply = _ask(_provider(server, kind))
    assert len(reply.payload["qa"]) == 2


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
@pytest.mark.parametrize("fault", ["429", "500", "503", "timeout", "truncated", "nonjson"])
def test_faults_are_retryable_and_key_free(server, kind, fault):
    server.retry_after = 7
    server.inject(fault)
    with pytest.raises(RetryableError) as info:
        _ask(_provider(server, kind, timeout=1.0))
    assert SECRET not in str(info.value)
    if fault == "429":
        assert info.value.retry_after == 7
    else:
        assert info.value.retry_after is None


def test_auth_error_is_fatal_and_redacted():
    def responder(api, body):
        raise AssertionError("not reached")

    # A server that answers 401 quoting the key, as some gateways do.
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    class H(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            data = json.dumps({"error": {"message": f"Incorrect API key provided: {SECRET}", "type": "auth"}}).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        cfg = ProviderConfig("openai", "m", SECRET, base_url=f"http://127.0.0.1:{httpd.server_address[1]}/v1")
        with pytest.raises(FatalProviderError) as info:
            _ask(ChatProvider(cfg))
        assert SECRET not in str(info.value) and "check the API key" in str(info.value)
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_parse_json_reply_tolerates_fences_prose_and_cut_tails():
    assert parse_json_reply('{"qa": []} 이상입니다.') == {"qa": []}
    assert parse_json_reply('설명\n```json\n{"qa": [{"type": "teacher", "citations": ["a",\n') == {
        "qa": [{"type": "teacher", "citations": ["a"]}]
    }
    assert parse_json_reply('{"a": [1, 2,],}') == {"a": [1, 2]}
    for bad in ('{"a": "cut off', "no json here", '{"a":'):
        with pytest.raises(ValueError):
            parse_json_reply(bad)


def test_redact_and_prices():
    assert "sk-" not in redact("key sk-abcdefghijklmnop and sk-ant-abcdefgh1234", ())
    assert redact("mykey123 leaked", ("mykey123",)) == "*** leaked"
    assert price_for("openai", "gpt-4o-mini-2024-07-18").input_per_m == 0.15
    assert price_for("openai", "gpt-4o").output_per_m == 10.0
    assert price_for("anthropic", "claude-3-5-haiku-latest").input_per_m == 0.8
    assert price_for("openai", "my-finetune") is None
    assert price_for("openai-compatible", "anything").cost.__self__.input_per_m == 0
    assert price_for("openai", "x", "1,2").output_per_m == 2.0
    with pytest.raises(UserError):
        price_for("openai", "x", "cheap")


def test_keys_from_env_and_original_config_layout(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("TAXQA_CONFIG", raising=False)
    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        "langmodel:\n  API:\n    OpenAI:\n      apikey: sk-from-file-openai-123\n      chat_model: gpt-4o\n"
        "    Claude:\n      apikey: sk-ant-from-file-1234\n      chat_model: claude-3-5-haiku-latest\n",
        encoding="utf-8",
    )
    openai_cfg = resolve_provider("openai", config_path=str(cfg))
    assert (openai_cfg.api_key, openai_cfg.model) == ("sk-from-file-openai-123", "gpt-4o")
    assert "sk-from-file" not in repr(openai_cfg)
    claude = resolve_provider("anthropic", config_path=str(cfg))
    assert (claude.api_key, claude.model) == ("sk-ant-from-file-1234", "claude-3-5-haiku-latest")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env-wins-0000")
    assert resolve_provider("openai", config_path=str(cfg), model="gpt-4.1").api_key == "sk-env-wins-0000"
    # An OpenAI-compatible endpoint never gets the OpenAI key unless asked to.
    local = resolve_provider("openai-compatible", model="local", base_url="http://127.0.0.1:1/v1")
    assert local.api_key != "sk-env-wins-0000" and local.api_key
    with pytest.raises(UserError, match="--base-url"):
        resolve_provider("openai-compatible", model="local", config_path=str(cfg))  # not OpenAI's model/URL
    ours = tmp_path / "ours.yaml"
    ours.write_text("openai_compatible:\n  base_url: http://127.0.0.1:8080/v1\n  model: qwen\n", encoding="utf-8")
    local = resolve_provider("openai-compatible", config_path=str(ours))
    assert (local.base_url, local.model) == ("http://127.0.0.1:8080/v1", "qwen")
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with pytest.raises(UserError, match="OPENAI_API_KEY"):
        resolve_provider("openai")
