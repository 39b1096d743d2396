"""The generation engine with the real SDKs against the loopback server: faults, retries,
budget, resume after a torn write and after kill -9."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from llm_server import LLMServer  # noqa: E402

from taxqa.datagen.distill import distill_items, make_producer, select_passages  # noqa: E402
from taxqa.datagen.engine import completed_parts, run_items  # noqa: E402
from taxqa.datagen.providers import ChatProvider, Price, ProviderConfig  # noqa: E402
from taxqa.records import PassageRecord, write_jsonl_atomic  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def make_passages(n: int) -> list[PassageRecord]:
    return [
        PassageRecord(
            id=f"igt-{i}",
            citation=f"상속세 및 증여세법 제{i}조",
            law="상속세 및 증여세법",
            article=f"제{i}조",
            title=f"조문 {i}",
            text=f"제{i}조 이 조문은 증여재산의 과세가액과 공제에 관하여 정한다. 거주자가 증여를 받은 경우 다음 각 호의 금액을 뺀다.",
            effective_date="2025-03-14",
        )
        for i in range(1, n + 1)
    ]


def _run(server, kind, items, out, timeout=5.0, **kw):
    base = server.anthropic_base_url if kind == "anthropic" else server.openai_base_url
    provider = ChatProvider(ProviderConfig(kind, "gpt-4o-mini", "sk-test-000000000", base_url=base, timeout=timeout))

    async def go():
        try:
            return await run_items(items, make_producer(provider), out, progress=False, **kw)
        finally:
            await provider.close()

    return asyncio.run(go())


def _lines(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n")
    return [json.loads(line) for line in raw.splitlines()]


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_faults_are_retried_and_every_item_written_once(tmp_path, kind):
    items = distill_items(select_passages(make_passages(12), None))
    out = tmp_path / "raw.jsonl"
    with LLMServer(retry_after=0.05, timeout_delay=3.5) as server:
        server.inject("429", "500", "timeout", "truncated", "nonjson", "broken_json", "503", "429")
        stats = _run(server, kind, items, out, concurrency=4, base_delay=0.01, price=Price(0.15, 0.6), timeout=2.0)
    rows = _lines(out)
    assert len(rows) == 24 and stats.written == 24 and not stats.failed
    keys = Counter((r["meta"]["key"], r["meta"]["part"]) for r in rows)
    assert set(keys.values()) == {1} and len(keys) == 24
    assert {r["type"] for r in rows} == {"teacher", "student"}
    assert all(r["citations"][0] == f"상속세 및 증여세법 제{r['meta']['passage_id'].split('-')[1]}조" for r in rows)
    assert stats.retries == 7  # broken_json was repaired, the other seven faults retried
    assert stats.usage.input_tokens > 0 and stats.cost > 0


def test_retry_after_is_honoured(tmp_path):
    items = distill_items(make_passages(1))
    with LLMServer(retry_after=0.6) as server:
        server.inject("429")
        stats = _run(server, "openai", items, tmp_path / "raw.jsonl", concurrency=1, base_delay=0.0)
        times = [r["time"] for r in server.requests]
    assert stats.retries == 1 and times[1] - times[0] >= 0.55


def test_item_that_keeps_failing_is_reported_not_written(tmp_path):
    items = distill_items(make_passages(3))
    out = tmp_path / "raw.jsonl"
    with LLMServer() as server:
        server.inject("500", "500", "500")
        stats = _run(server, "openai", items, out, concurrency=1, max_retries=2, base_delay=0.0)
        assert len(stats.failed) == 1 and "500" in stats.failed[0][1]
        assert len(_lines(out)) == 4
        again = _run(server, "openai", items, out, concurrency=1, base_delay=0.0)  # re-run retries it
    assert again.completed == 1 and again.already_done == 2 and len(_lines(out)) == 6


def test_budget_stops_cleanly(tmp_path):
    items = distill_items(make_passages(40))
    out = tmp_path / "raw.jsonl"
    price = Price(1000.0, 1000.0)  # USD per 1M tokens: each request costs about $0.3
    with LLMServer() as server:
        stats = _run(server, "openai", items, out, concurrency=2, max_cost=1.0, price=price)
    assert stats.budget_exhausted and stats.cost >= 1.0
    assert 2 <= stats.completed < 10 and stats.not_started == 40 - stats.completed
    assert len(_lines(out)) == 2 * stats.completed


def test_resume_after_torn_tail_and_half_item(tmp_path):
    items = distill_items(make_passages(5))
    out = tmp_path / "raw.jsonl"
    with LLMServer() as server:
        _run(server, "openai", items, out, concurrency=2)
        rows = _lines(out)
        # Simulate a kill: drop the last item's second record and leave half a line behind.
        kept = rows[:-1]
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept)
        out.write_text(text + json.dumps(rows[-1], ensure_ascii=False)[:40], encoding="utf-8")
        assert sum(len(p) for p in completed_parts(out).values()) == 9
        stats = _run(server, "openai", items, out, concurrency=2)
    final = _lines(out)
    assert stats.completed == 1 and stats.written == 1 and stats.already_done == 4
    assert len(final) == 10 and len({(r["meta"]["key"], r["meta"]["part"]) for r in final}) == 10


@pytest.mark.slow
def test_kill_9_mid_run_then_resume(tmp_path):
    """The CLI as a subprocess, killed with SIGKILL mid-run, then re-run: exact count, no duplicates.

    The server answers 6 items and then holds every request until the kill, so the kill lands
    mid-run whatever the machine's speed: the test waits on the output file, not on a moment."""
    import threading

    from llm_server import default_responder

    passages = tmp_path / "passages.jsonl"
    write_jsonl_atomic(passages, make_passages(30))
    out = tmp_path / "raw.jsonl"
    cmd = [
        sys.executable, "-m", "taxqa.datagen.cli", "generate", "--mode", "distill",
        "--provider", "openai-compatible", "--model", "local", "--passages", str(passages),
        "--concurrency", "3", "--no-progress", "--api-key-env", "TAXQA_TEST_KEY", "-o", str(out),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO), "TAXQA_TEST_KEY": "sk-local-SECRET-42424242"}
    served, lock, gate = [0], threading.Lock(), threading.Event()

    def held_after_six(api, body):
        with lock:
            served[0] += 1
            hold = served[0] > 6
        if hold:
            gate.wait(60)
        return default_responder(api, body)

    with LLMServer(responder=held_after_six) as server:
        cmd += ["--base-url", server.openai_base_url]
        proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stderr=subprocess.PIPE)
        deadline = time.time() + 120
        while not (out.exists() and out.read_bytes().count(b"\n") >= 12):  # the 6 answered items, 2 records each
            assert proc.poll() is None and time.time() < deadline, "the run ended before 6 items were written"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        gate.set()
        assert out.read_bytes().count(b"\n") == 12  # nothing past the held requests
        done = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert server.requests[-1]["headers"]["authorization"] == "Bearer sk-local-SECRET-42424242"
    assert "SECRET-4242" not in done.stderr + out.read_text(encoding="utf-8")
    rows = _lines(out)
    assert len(rows) == 60
    assert len({(r["meta"]["key"], r["meta"]["part"]) for r in rows}) == 60
    assert {r["meta"]["passage_id"] for r in rows} == {f"igt-{i}" for i in range(1, 31)}


def test_distill_cli_on_the_embedded_corpus_then_check(tmp_path, monkeypatch):
    from taxqa.datagen.cli import main
    from taxqa.records import read_qa

    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test-000000000000")
    monkeypatch.setenv("TAXQA_CONFIG", str(tmp_path / "none.yaml"))
    raw, checked = tmp_path / "raw.jsonl", tmp_path / "checked.jsonl"
    with LLMServer() as server:
        server.inject("429", "broken_json", "500")
        args = ["generate", "--mode", "distill", "--provider", "anthropic", "--base-url", server.anthropic_base_url]
        args += ["--n", "6", "--concurrency", "3", "--retry-base", "0.01", "--no-progress", "-o", str(raw)]
        assert main(args) == 0
        assert main(args) == 0  # resume: nothing left to do
        assert len(server.requests) == 8  # 6 items + 2 retried faults, none on the second run
        assert server.requests[0]["body"]["system"].startswith("당신은 한국 세법 전문가")
    records = list(read_qa(raw))
    assert len(records) == 12 and {r.source for r in records} <= {"statute", "precedent", "ruling"}
    assert all(r.meta["model"] == "claude-haiku-4-5" and r.citations for r in records)
    assert main(["check", str(raw), "-o", str(checked)]) == 0
    assert len(list(read_qa(checked))) == 12
