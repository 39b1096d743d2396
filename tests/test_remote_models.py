"""Provider models (`--model PROVIDER:MODEL[@BASE_URL]`) through the real openai and anthropic SDKs against
loopback stand-ins that also fail, and the comparison `taxqa eval --model A --model B` writes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import write_tiny_dataset  # noqa: E402
from llm_server import LLMServer  # noqa: E402

from taxqa.cli import main as taxqa_main  # noqa: E402
from taxqa.errors import UserError  # noqa: E402
from taxqa.modelspec import is_provider_spec, parse_model_spec  # noqa: E402

pytest.importorskip("openai")
pytest.importorskip("anthropic")

OPENAI_SECRET = "sk-live-OPENAISECRET0123456789"
ANTHROPIC_SECRET = "sk-ant-api03-ANTHROPICSECRET0123"
ANSWER = "증여세는 3,880만원입니다. 근거: 상속세 및 증여세법 제53조, 제56조."
QUESTION = "부모에게서 3억원을 증여받으면 증여세는 얼마인가요?"
MCQ = 'question,answer,A,B,C,D\n"증여세 기본세율 최저 구간은?",1,10%,20%,30%,40%\n"상속세 신고기한은?",3,3개월,5개월,6개월,9개월\n'


def responder(api, body):
    text = json.dumps(body, ensure_ascii=False)
    if "정답을 A, B, C, D" in text:
        return "정답은 A입니다."
    if "key_figure" in text:  # the judge's rubric
        return '```json\n{"key_figure": 1, "article": 0, "no_false_statement": 1, "reason": "조문 누락"}\n```'
    return ANSWER


@pytest.fixture
def keys(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_SECRET)
    monkeypatch.setenv("ANTHROPIC_API_KEY", ANTHROPIC_SECRET)


@pytest.fixture
def server():
    with LLMServer(responder=responder, retry_after=0.05, timeout_delay=2.5) as s:
        yield s


def specs(server):
    return {
        "openai": f"openai:gpt-4o-mini@{server.openai_base_url}",
        "anthropic": f"anthropic:claude-haiku-4-5@{server.anthropic_base_url}",
    }


# -- the spec ------------------------------------------------------------------------------------


def test_spec_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user config file with keys
    monkeypatch.delenv("TAXQA_CONFIG", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    spec = parse_model_spec("ollama:gemma3:12b")
    assert (spec.provider, spec.model, spec.base_url) == ("ollama", "gemma3:12b", "http://127.0.0.1:11434/v1")
    spec = parse_model_spec("lmstudio:google/gemma-3-12b")
    assert (spec.model, spec.base_url) == ("google/gemma-3-12b", "http://127.0.0.1:1234/v1")
    spec = parse_model_spec("openai:default_model@http://127.0.0.1:8080/v1/")
    assert (spec.provider, spec.model, spec.base_url) == ("openai", "default_model", "http://127.0.0.1:8080/v1")
    assert spec.api_key and not spec.official_openai  # a local server needs no key
    spec = parse_model_spec("ollama:qwen3:8b@http://10.0.0.2:11434/v1")
    assert (spec.model, spec.base_url) == ("qwen3:8b", "http://10.0.0.2:11434/v1")
    for local in ("gemma3-4b", "mlx-community/gemma-3-4b-it-4bit", "openai/gpt-oss-20b", "./openai:x", "/m/openai:x"):
        assert not is_provider_spec(local) and parse_model_spec(local) is None
    folder = tmp_path / "openai:mine"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    assert not is_provider_spec("openai:mine")  # an existing folder wins
    with pytest.raises(UserError, match="OPENAI_API_KEY"):
        parse_model_spec("openai:gpt-4o-mini")
    with pytest.raises(UserError, match="ANTHROPIC_API_KEY"):
        parse_model_spec("anthropic:claude-sonnet-4-5")
    with pytest.raises(UserError, match="no model name"):
        parse_model_spec("ollama:")
    with pytest.raises(UserError, match="http"):
        parse_model_spec("openai:m@localhost:8080")
    with pytest.raises(UserError, match="credentials"):
        parse_model_spec("openai:m@http://user:pw@127.0.0.1/v1")


# -- the engine on the real SDKs, with faults ------------------------------------------------------


@pytest.mark.parametrize("sdk", ["openai", "anthropic"])
def test_engine_streams_and_recovers_from_faults(sdk, server, keys):
    from taxqa.runtime.backends import chat_engine

    engine = chat_engine("auto", specs(server)[sdk])
    engine.client = engine.client.with_options(timeout=1.0)  # the stand-in's timeout fault waits 2.5 s
    try:
        grounding = {
            "articles": [{"citation": "상속세 및 증여세법 제53조", "text": "증여재산 공제"}],
            "calculation": None,
        }
        chunks = list(engine.stream(QUESTION, grounding=grounding, max_tokens=64))
        assert "".join(c.text for c in chunks) == ANSWER
        last = chunks[-1]
        assert last.done and last.finish_reason == "stop" and last.prompt_tokens > 0 and last.generation_tokens > 0
        sent = json.dumps(server.requests[-1]["body"], ensure_ascii=False)
        assert "[참고 조문]" in sent and QUESTION in sent  # the grounding block of the one renderer
        for fault in ("429", "500", "timeout", "nonjson"):
            server.inject(fault)
            before = len(server.requests)
            assert "".join(c.text for c in engine.stream(QUESTION, max_tokens=64)) == ANSWER
            assert len(server.requests) >= before + 2  # the failure, then a retry (more on a slow machine)
        retried = server.requests[-3:]
        assert engine.usage.output_tokens > 0 and engine.cost_usd > 0  # priced by name
        for fault in ("cut", "badsse", "stall"):
            server.inject(fault)
            with pytest.raises(UserError) as caught:
                "".join(c.text for c in engine.stream(QUESTION, max_tokens=64))
            assert "끊겼습니다" in str(caught.value) and caught.value.partial
            assert OPENAI_SECRET not in str(caught.value) and ANTHROPIC_SECRET not in str(caught.value)
    finally:
        engine.close()
    auth = [r["headers"].get("authorization", "") + r["headers"].get("x-api-key", "") for r in retried]
    assert all((OPENAI_SECRET if sdk == "openai" else ANTHROPIC_SECRET) in a for a in auth)


def test_cancel_and_stop_texts(server, keys):
    from taxqa.runtime.remote import RemoteEngine

    engine = RemoteEngine(specs(server)["openai"])
    try:
        assert "".join(c.text for c in engine.stream(QUESTION, stop=["근거"])) == "증여세는 3,880만원입니다."
        asked = []
        chunks = list(engine.stream(QUESTION, should_stop=lambda: asked.append(1) or len(asked) > 3))
        assert chunks[-1].finish_reason == "cancelled" and len("".join(c.text for c in chunks)) < len(ANSWER)
    finally:
        engine.close()


def test_an_unreachable_server_is_one_line_naming_it(keys, capsys):
    assert taxqa_main(["generate", "--model", "ollama:gemma3:12b@http://127.0.0.1:9/v1", "-p", QUESTION, "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert "ollama:gemma3:12b: no answer after" in err and len(err.splitlines()) == 1 and "Traceback" not in err


# -- the commands -----------------------------------------------------------------------------------


def test_generate_streams_checks_and_never_prints_a_key(server, keys, capsys):
    spec = specs(server)["openai"]
    assert taxqa_main(["generate", "--model", spec, "-p", QUESTION, "--check"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == ANSWER
    assert "ground: articles" in err and "check:" in err and "Generation:" in err
    assert OPENAI_SECRET not in out + err
    assert "[참고 조문]" in json.dumps(server.requests[-1]["body"], ensure_ascii=False)
    assert taxqa_main(["generate", "--model", spec, "-p", QUESTION, "--no-ground", "-q"]) == 0
    assert "[참고 조문]" not in json.dumps(server.requests[-1]["body"], ensure_ascii=False)


def test_generate_sends_the_compact_block_a_tiny_model_was_trained_on(server, keys, capsys):
    spec = specs(server)["openai"]
    assert taxqa_main(["generate", "--model", spec, "-p", QUESTION, "-q"]) == 0
    full = json.dumps(server.requests[-1]["body"], ensure_ascii=False)
    assert taxqa_main(["generate", "--model", spec, "-p", QUESTION, "--ground-compact", "--check"]) == 0
    compact = json.dumps(server.requests[-1]["body"], ensure_ascii=False)
    assert "ground: articles" in capsys.readouterr().err
    assert "- 납부할 세액: " in compact and "증여재산공제" in full and "증여재산공제" not in compact


def test_serve_and_tui_model_thread_on_a_provider_model(server, keys):
    import queue

    from taxqa.runtime.backends import chat_engine
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker
    from tui.model_thread import Failed, Finished, ModelThread, Token

    spec = specs(server)["anthropic"]
    args = build_parser("taxqa serve").parse_args(["--model", spec])
    worker = make_worker(args)
    app_server = BackgroundServer(make_app(args, worker))
    try:
        import openai

        client = openai.OpenAI(base_url=f"{app_server.url}/v1", api_key="x", max_retries=0)
        assert [m.id for m in client.models.list()] == ["anthropic:claude-haiku-4-5"]
        reply = client.chat.completions.create(
            model="anthropic:claude-haiku-4-5", messages=[{"role": "user", "content": QUESTION}], max_tokens=32
        )
        assert reply.choices[0].message.content == ANSWER
    finally:
        app_server.close()
        worker.close()
    events: queue.Queue = queue.Queue()
    thread = ModelThread(events.put, lambda model, adapter: chat_engine("auto", model, adapter or None))
    try:
        thread.load(specs(server)["openai"], "")
        thread.generate(QUESTION, max_tokens=32)
        seen = []
        while not seen or not isinstance(seen[-1], (Finished, Failed)):
            seen.append(events.get(timeout=60))
        assert "".join(e.text for e in seen if isinstance(e, Token)) == ANSWER
    finally:
        thread.stop()


def test_eval_compares_models_and_names_the_one_that_failed(server, keys, tmp_path):
    data = write_tiny_dataset(tmp_path / "ds", n_train=1, n_valid=1, n_test=3)
    csv = tmp_path / "mcq.csv"
    csv.write_text(MCQ, encoding="utf-8")
    out = tmp_path / "cmp" / "out.json"
    models = [specs(server)["openai"], "ollama:gemma3:12b@http://127.0.0.1:9/v1", specs(server)["anthropic"]]
    server.fault_every("429", 7)
    argv = ["eval", "--data", str(data), "--mcq", str(csv), "--max-tokens", "32", "-o", str(out)]
    argv += [a for m in models for a in ("--model", m)] + ["--judge", f"openai:judge@{server.openai_base_url}"]
    assert taxqa_main(argv) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert [m["spec"] for m in result["models"]] == models
    ok, failed, second = result["models"]
    assert failed["status"] == "error" and "no answer" in failed["error"]
    for entry in (ok, second):
        assert entry["status"] == "ok"
        for key in ("key_figure_accuracy_grounded", "key_figure_accuracy_ungrounded", "figure_consistency_grounded",
                    "citation_accuracy_grounded", "latency_p50", "latency_p95", "tokens_per_second", "cost_usd"):  # fmt: skip
            assert entry[key] is not None, key
        assert entry["mcq_accuracy"] == 0.5 and entry["mcq_method"] == "generation" and len(entry["mcq_ci95"]) == 2
        assert entry["refusals"] == 0 and entry["empty_answers"] == 0 and entry["answers"] == 3 * 2 + 2
        assert entry["judge"]["n"] == 3 and entry["judge"]["score"] == pytest.approx(2 / 3)
    tests = result["paired"]["tests"]
    assert tests and all(t["a"] == "openai:gpt-4o-mini" and t["b"] == "anthropic:claude-haiku-4-5" for t in tests)
    assert all(t["p_value"] == 1.0 and not t["significant"] for t in tests)  # the same answers: no difference
    judged = second["judge"]["items"][0]
    assert "key_figure" in judged["prompt"] and judged["raw"] and judged["scores"]["article"] == 0
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| key figure (grounded) |" in md and "did not run" in md and "McNemar" in md
    assert out.with_suffix(".png").read_bytes()[:4] == b"\x89PNG"
    everything = md + out.read_text(encoding="utf-8")
    assert OPENAI_SECRET not in everything and ANTHROPIC_SECRET not in everything


def test_judge_is_not_a_compared_model_unless_asked(server, keys, tmp_path, capsys):
    data = write_tiny_dataset(tmp_path / "ds", n_train=1, n_valid=1, n_test=1)
    spec = specs(server)["openai"]
    argv = ["eval", "--model", spec, "--model", specs(server)["anthropic"], "--data", str(data), "-o"]
    assert taxqa_main([*argv, str(tmp_path / "a.json"), "--judge", spec]) == 2
    assert "--judge-compared" in capsys.readouterr().err and not (tmp_path / "a.json").exists()
    assert taxqa_main([*argv, str(tmp_path / "b.json"), "--judge", spec, "--judge-compared", "--ground", "on"]) == 0


def test_retry_after_is_honoured(server, keys):
    from taxqa.runtime.remote import RemoteEngine

    seen = []
    engine = RemoteEngine(specs(server)["anthropic"], on_retry=seen.append)
    try:
        server.inject("429", "500")
        assert "".join(c.text for c in engine.stream(QUESTION, max_tokens=16)) == ANSWER
    finally:
        engine.close()
    assert [e.retry_after for e in seen] == [server.retry_after, None]  # the 429's header; the 500 backs off


def test_single_provider_model_eval_keeps_the_one_run_format(server, keys, tmp_path):
    data = write_tiny_dataset(tmp_path / "ds", n_train=1, n_valid=1, n_test=2)
    csv = tmp_path / "mcq.csv"
    csv.write_text(MCQ, encoding="utf-8")
    out = tmp_path / "one.json"
    spec = specs(server)["openai"]
    argv = ["eval", "--model", spec, "--data", str(data), "--mcq", str(csv), "--max-tokens", "16", "-o", str(out)]
    assert taxqa_main(argv) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["model"] == spec and result["backend"] == "openai" and "models" not in result
    assert list(result["ground"]) == ["on"] and result["ground"]["on"]["n"] == 2
    assert result["dataset"]["loss"] is None and result["dataset"]["chrf"] is not None
    assert result["mcq"][0]["method"] == "generation" and result["mcq"][0]["accuracy"] == 0.5
    assert result["usage"]["output_tokens"] > 0 and result["cost_usd"] > 0
    assert result["speed"]["latency_p50"] is not None
    assert "scored by generation" in out.with_suffix(".md").read_text(encoding="utf-8")


def test_a_server_that_refuses_sampling_fields_is_asked_without_them(keys):
    from test_provider_faults import Canned

    from taxqa.runtime.remote import RemoteEngine

    seen = []

    def answer(body):
        seen.append(sorted(body))
        refused = next((f for f in ("temperature", "stream_options") if f in body), None)
        if refused:
            error = {"error": {"message": f"Unsupported parameter: '{refused}'", "type": "invalid_request_error"}}
            return 400, "application/json", json.dumps(error).encode()
        events = [{"choices": [{"index": 0, "delta": {"content": ANSWER}, "finish_reason": None}]},
                  {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}]  # fmt: skip
        data = "".join(f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events) + "data: [DONE]\n\n"
        return 200, "text/event-stream", data.encode()

    server = Canned(answer)
    engine = RemoteEngine(f"openai:o-model@{server.base_url}")
    try:
        assert "".join(c.text for c in engine.stream(QUESTION)) == ANSWER
        assert "".join(c.text for c in engine.stream(QUESTION)) == ANSWER  # remembered: one request
    finally:
        engine.close()
        server.close()
    assert len(seen) == 4 and "temperature" not in seen[-1] and "stream_options" not in seen[-1]
