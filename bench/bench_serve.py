"""`taxqa serve` overhead and latency under load, on a tiny random model.

1. Overhead: the same questions answered in-process (the chat engine, as `taxqa-tui` runs it)
   and through a `taxqa serve` process (HTTP + SSE + the openai SDK), alternating:
   the ratio of time to first token and of decode tokens/s (server / in-process).
2. Load: 1, 4 and 16 concurrent streaming clients (the openai SDK's AsyncOpenAI); p50/p95
   of time to first token and of the whole answer, and the answers per second. One model
   answers one request at a time, so latency grows with the queue while throughput holds.

Grounding is off in both parts (it is the same retrieval in both paths, measured in
bench_corpus); the model is the MLX engine unless --backend torch.

    python bench/bench_serve.py            # 2x128 model, 64 tokens, 8 overhead pairs, 1/4/16 clients
    python bench/bench_serve.py --quick    # 2x64 model, 16 tokens, 3 pairs, fewer requests
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import print_table, scratch_dir, tiny_checkpoint, write_result  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def question(i: int) -> str:
    return f"부모님께 {i % 9 + 1}억원을 증여받으면 증여세는 얼마인가요? (사례 {i:03d})"


def in_process(engine, q: str, max_tokens: int) -> dict:
    """Time to first text and decode rate of the engine itself, on this (the engine's) thread."""
    started = time.perf_counter()
    first = None
    final = None
    for chunk in engine.stream(q, max_tokens=max_tokens):
        if chunk.text and first is None:
            first = time.perf_counter()
        final = chunk
    ended = time.perf_counter()
    first = first or ended
    tokens = final.generation_tokens
    return {"ttft": first - started, "tps": (tokens - 1) / (ended - first) if tokens > 1 and ended > first else 0.0}


def through_server(client, model: str, q: str, max_tokens: int) -> dict:
    started = time.perf_counter()
    first = None
    tokens = 0
    stream = client.chat.completions.create(
        model=model,
        messages=[{"role": "user", "content": q}],
        max_tokens=max_tokens,
        stream=True,
        stream_options={"include_usage": True},
        extra_body={"ground": False},
    )
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content and first is None:
            first = time.perf_counter()
        if chunk.usage:
            tokens = chunk.usage.completion_tokens
    ended = time.perf_counter()
    first = first or ended
    return {"ttft": first - started, "tps": (tokens - 1) / (ended - first) if tokens > 1 and ended > first else 0.0}


async def load(url: str, model: str, clients: int, per_client: int, max_tokens: int) -> dict:
    from openai import AsyncOpenAI

    client = AsyncOpenAI(base_url=f"{url}/v1", api_key="bench", max_retries=0, timeout=600)
    ttfts, totals, tokens = [], [], 0

    async def one(i: int) -> None:
        nonlocal tokens
        started = time.perf_counter()
        first = None
        stream = await client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": question(i)}],
            max_tokens=max_tokens,
            stream=True,
            stream_options={"include_usage": True},
            extra_body={"ground": False},
        )
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content and first is None:
                first = time.perf_counter()
            if chunk.usage:
                tokens += chunk.usage.completion_tokens
        ended = time.perf_counter()
        ttfts.append((first or ended) - started)
        totals.append(ended - started)

    async def client_loop(c: int) -> None:
        for r in range(per_client):
            await one(1000 + c * per_client + r)

    started = time.perf_counter()
    await asyncio.gather(*(client_loop(c) for c in range(clients)))
    wall = time.perf_counter() - started
    await client.close()
    return {
        "clients": clients,
        "requests": len(totals),
        "ttft_p50": percentile(ttfts, 0.5),
        "ttft_p95": percentile(ttfts, 0.95),
        "latency_p50": percentile(totals, 0.5),
        "latency_p95": percentile(totals, 0.95),
        "answers_per_s": len(totals) / wall,
        "tokens_per_s": tokens / wall,
    }


class ServerProcess:
    """`taxqa serve` in its own process (as deployed), on a free loopback port."""

    def __init__(self, model: str, backend: str):
        import socket

        import httpx

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "taxqa", "serve", "--model", model, "--backend", backend, "--port", str(port)]
        cmd += ["--served-model-name", "bench", "--max-queue", "64"]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"taxqa serve did not start: {self.process.stderr.read()[-2000:]}")
            time.sleep(0.2)

    def close(self) -> None:
        self.process.terminate()
        self.process.communicate(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 2x64 model, shorter answers, fewer requests")
    parser.add_argument("--backend", choices=("mlx", "torch"), default="mlx", help="the engine (default mlx)")
    parser.add_argument("--json", help="where to write JSON (default bench/results/serve.json)")
    args = parser.parse_args(argv)
    size = "2x64" if args.quick else "2x128"
    max_tokens = 16 if args.quick else 64
    pairs = 3 if args.quick else 8
    per_client = {1: 2, 4: 1, 16: 1} if args.quick else {1: 8, 4: 4, 16: 2}

    import openai

    from taxqa.runtime.backends import chat_engine

    with scratch_dir("models") as root:
        model = str(tiny_checkpoint(root, "gemma3", size))
        server = ServerProcess(model, args.backend)
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="bench", max_retries=0, timeout=600)
        try:
            engine = chat_engine(args.backend, model)  # in-process: this thread owns it, like the chat app's
            local, served = [], []
            for i in range(pairs + 1):  # alternating; the first pair warms both paths up and is dropped
                local.append(in_process(engine, question(i), max_tokens))
                served.append(through_server(client, "bench", question(i), max_tokens))
            engine.close()
            local, served = local[1:], served[1:]
            overhead = {
                "in_process_ttft_s": statistics.median(r["ttft"] for r in local),
                "server_ttft_s": statistics.median(r["ttft"] for r in served),
                "in_process_tps": statistics.median(r["tps"] for r in local),
                "server_tps": statistics.median(r["tps"] for r in served),
            }
            overhead["ttft_ratio"] = overhead["server_ttft_s"] / overhead["in_process_ttft_s"]
            overhead["tps_ratio"] = overhead["server_tps"] / overhead["in_process_tps"]
            loads = [asyncio.run(load(server.url, "bench", n, per_client[n], max_tokens)) for n in (1, 4, 16)]
        finally:
            server.close()

    print_table(
        f"server overhead ({args.backend}, gemma3 {size}, {max_tokens} tokens, median of {pairs})",
        ["path", "time to first token (ms)", "decode tokens/s"],
        [
            ["in-process (chat engine)", overhead["in_process_ttft_s"] * 1000, overhead["in_process_tps"]],
            ["taxqa serve (HTTP+SSE+SDK)", overhead["server_ttft_s"] * 1000, overhead["server_tps"]],
            ["ratio server / in-process", overhead["ttft_ratio"], overhead["tps_ratio"]],
        ],
    )
    print_table(
        "latency under concurrent streaming clients (one model, one generation at a time)",
        ["clients", "requests", "TTFT p50 (s)", "TTFT p95 (s)", "latency p50 (s)", "latency p95 (s)", "answers/s"],
        [
            [r["clients"], r["requests"], r["ttft_p50"], r["ttft_p95"], r["latency_p50"], r["latency_p95"]]
            + [r["answers_per_s"]]
            for r in loads
        ],
    )
    headline = (
        f"server/in-process: TTFT x{overhead['ttft_ratio']:.2f}, decode tokens/s x{overhead['tps_ratio']:.2f}; "
        f"latency p50/p95 at 16 clients {loads[-1]['latency_p50']:.2f}/{loads[-1]['latency_p95']:.2f} s"
    )
    print(headline)
    result = {"backend": args.backend, "size": size, "max_tokens": max_tokens, "overhead": overhead, "load": loads}
    write_result("serve", {**result, "headline": headline}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
