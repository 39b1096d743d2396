"""`taxqa mcp` start-up: time from spawning the server to its first tools/list answer (what a desktop
agent waits for), beside the start of a plain `taxqa tax` command, as a ratio; then the first and a
warm call of each tool.

The client is raw JSON-RPC over the child's stdin/stdout (initialize, initialized, tools/list), so
the time is the server's alone, not an SDK client's.

    python bench/bench_mcp.py            # 7 spawns each
    python bench/bench_mcp.py --quick    # 3 spawns each
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import print_table, write_result  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)}
HELLO = {
    "jsonrpc": "2.0",
    "id": 0,
    "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "0"}},
}
CALLS = {
    "list_tax_kinds": {},
    "compute_tax": {"kind": "gift", "inputs": {"amount": "20억", "relation": "lineal_ascendant"}},
    "ask_tax": {"question": "아버지께 5억원을 증여받았어요. 증여세 얼마?"},
    "search_law": {"query": "증여재산공제 한도", "k": 5},
    "get_article": {"law": "상증법", "article": "53"},
}


class Server:
    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "taxqa", "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=ENV
        )
        self.next_id = 1

    def send(self, message: dict) -> None:
        self.proc.stdin.write((json.dumps(message, ensure_ascii=False) + "\n").encode())
        self.proc.stdin.flush()

    def request(self, method: str, params: dict | None = None) -> dict:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}})
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("the server closed its output")
            answer = json.loads(line)
            if answer.get("id") == self.next_id:
                return answer

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)


def first_list() -> tuple[float, Server]:
    start = time.perf_counter()
    server = Server()
    server.send(HELLO)
    server.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    server.request("tools/list")
    return time.perf_counter() - start, server


def cli_start() -> float:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "taxqa", "tax", "income", "--base", "1", "--json"]
    subprocess.run(cmd, env=ENV, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 spawns each")
    parser.add_argument("--json", help="write the result here (default bench/results/mcp.json)")
    args = parser.parse_args()
    n = 3 if args.quick else 7
    listed = []
    for _ in range(n):
        seconds, server = first_list()
        listed.append(seconds)
        server.close()
    cli = [cli_start() for _ in range(n)]
    seconds, server = first_list()
    calls = []
    for name, arguments in CALLS.items():
        times = []
        for _ in range(2):  # the first call loads what the tool needs, the second is warm
            start = time.perf_counter()
            answer = server.request("tools/call", {"name": name, "arguments": arguments})
            times.append(time.perf_counter() - start)
            assert not answer["result"].get("isError"), answer
        calls.append([name, round(times[0] * 1000), round(times[1] * 1000)])
    server.close()
    first, plain = statistics.median(listed), statistics.median(cli)
    rows = [
        ["taxqa mcp: spawn -> first tools/list", round(first, 3), round(min(listed), 3), round(max(listed), 3)],
        ["taxqa tax income --json (whole run)", round(plain, 3), round(min(cli), 3), round(max(cli), 3)],
    ]
    print_table(f"start-up, {n} spawns each (seconds)", ["what", "median", "min", "max"], rows)
    print_table("tool calls in one session (ms)", ["tool", "first call", "warm call"], calls)
    headline = f"first tools/list {first:.2f} s median, {first / plain:.2f}x a taxqa tax command's whole run"
    print(headline)
    write_result("mcp", {"headline": headline, "startup": rows, "calls": calls}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
