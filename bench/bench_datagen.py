"""Generation throughput against concurrency: the real engine and the real openai SDK against
the loopback LLM server with a fixed per-request latency (300 ms by default).

With latency L and concurrency C, N requests should take about N*L/C seconds;
the table shows items/s, the speedup over C=1 and the efficiency against that ideal.

    python bench/bench_datagen.py            # 200 requests per concurrency level
    python bench/bench_datagen.py --quick    # < 20 s
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


from taxqa.datagen.distill import distill_items, make_producer  # noqa: E402
from taxqa.datagen.engine import run_items  # noqa: E402
from taxqa.datagen.providers import ChatProvider, ProviderConfig  # noqa: E402
from taxqa.records import PassageRecord, write_atomic  # noqa: E402


def passages(n: int, offset: int) -> list[PassageRecord]:
    return [
        PassageRecord(
            id=f"bench-{offset}-{i}",
            citation=f"상속세 및 증여세법 제{i % 90 + 1}조",
            law="상속세 및 증여세법",
            article=f"제{i % 90 + 1}조",
            title="벤치마크",
            text="거주자가 증여를 받은 경우 증여세 과세가액에서 다음 각 호의 금액을 공제한다. " * 3,
        )
        for i in range(n)
    ]


@contextlib.contextmanager
def server_process(latency: float):
    """tests/llm_server.py in its own process, so the server's threads do not share our GIL."""
    cmd = [sys.executable, str(REPO / "tests" / "llm_server.py"), "--latency", str(latency)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"OpenAI base URL (\S+),", line)
        if not match:
            raise RuntimeError(f"loopback server did not start: {line!r}")
        yield match.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run_level(base_url: str, concurrency: int, n: int, out: Path) -> dict:
    cfg = ProviderConfig("openai-compatible", "bench", "sk-no-key", base_url=base_url, timeout=30)
    provider = ChatProvider(cfg)
    items = distill_items(passages(n, concurrency))

    async def go():
        try:
            return await run_items(items, make_producer(provider), out, concurrency=concurrency, progress=False)
        finally:
            await provider.close()

    t0 = time.perf_counter()
    stats = asyncio.run(go())
    elapsed = time.perf_counter() - t0
    assert stats.completed == n and not stats.failed, stats.summary()
    return {"concurrency": concurrency, "items": n, "seconds": round(elapsed, 3), "items_per_s": n / elapsed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", default="1,4,16,64", help="comma-separated levels (default 1,4,16,64)")
    parser.add_argument("--latency", type=float, default=0.3, help="seconds per request (default 0.3)")
    parser.add_argument("--n", type=int, default=200, help="requests per level (default 200)")
    parser.add_argument("--quick", action="store_true", help="8 requests per concurrent slot, at least 8 (< 20 s)")
    parser.add_argument("--json", default=str(REPO / "bench" / "results" / "datagen.json"), help="where to write JSON")
    args = parser.parse_args(argv)
    levels = [int(c) for c in args.concurrency.split(",")]
    rows = []
    with server_process(args.latency) as base_url, tempfile.TemporaryDirectory() as tmp:
        for c in levels:
            n = max(8, 4 * c) if args.quick else args.n
            rows.append(run_level(base_url, c, n, Path(tmp) / f"c{c}.jsonl"))
    print(f"datagen throughput, loopback server, {args.latency * 1000:.0f} ms per request")
    print(f"{'C':>4} {'items':>6} {'seconds':>8} {'items/s':>8} {'speedup':>8} {'ideal':>7} {'efficiency':>10}")
    for row in rows:
        ideal = row["concurrency"] / args.latency
        row["speedup"] = row["items_per_s"] / rows[0]["items_per_s"]
        row["ideal_items_per_s"] = ideal
        row["efficiency"] = row["items_per_s"] / ideal
        print(
            f"{row['concurrency']:>4} {row['items']:>6} {row['seconds']:>8.2f} {row['items_per_s']:>8.2f}"
            f" {row['speedup']:>7.1f}x {ideal:>7.1f} {row['efficiency']:>9.0%}"
        )
    result = {"bench": "datagen", "latency_s": args.latency, "quick": args.quick, "levels": rows}
    write_atomic(args.json, json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
