"""Run every bench script, each in its own process, and summarise their results.

    python bench/run_all.py            # the full benches (`make bench`)
    python bench/run_all.py --quick    # every script with --quick (`make bench-quick`, < 2 min),
                                       # results in bench/results/quick/
    python bench/run_all.py --only roofline,footprint

Each script writes bench/results/NAME.json (run_all passes --json); a script that is not there is reported as
missing, and one that fails makes this exit non-zero. The scripts share one scratch folder
(TAXQA_BENCH_CACHE) so the random models one builds are reused by the next.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import CACHE_ENV, REPO, RESULTS, command_line, fmt, print_table, write_result  # noqa: E402

# Cheap ones first; each name is bench/bench_NAME.py writing bench/results/NAME.json.
BENCHES = ("roofline", "footprint", "inference", "train_step", "convert", "datagen", "corpus", "reading", "serve")


def run_one(name: str, quick: bool, env: dict, timeout: float | None, results: Path | None = None) -> dict:
    script = REPO / "bench" / f"bench_{name}.py"
    if not script.exists():
        return {"bench": name, "status": "missing", "seconds": 0.0, "headline": f"{script.name} not found"}
    result_path = (results or RESULTS) / f"{name}.json"
    cmd = [sys.executable, str(script), *(["--quick"] if quick else [])]
    if '"--json"' in script.read_text(encoding="utf-8"):  # every script should take it; one that does not
        cmd += ["--json", str(result_path)]  # writes bench/results/NAME.json itself
    else:
        result_path = RESULTS / f"{name}.json"
    print(f"\n=== {' '.join(['python', f'bench/{script.name}', *cmd[2:]])}", flush=True)
    start_wall, start = time.time(), time.perf_counter()
    try:
        returncode = subprocess.run(cmd, env=env, timeout=timeout, cwd=REPO).returncode
        status = "ok" if returncode == 0 else f"failed (exit {returncode})"
    except subprocess.TimeoutExpired:
        status = f"failed (timeout {timeout:.0f}s)"
    seconds = time.perf_counter() - start
    row = {"bench": name, "status": status, "seconds": seconds, "headline": None, "result": None}
    if result_path.exists() and result_path.stat().st_mtime >= start_wall - 1:
        row["result"] = str(result_path.relative_to(REPO) if result_path.is_relative_to(REPO) else result_path)
        try:
            row["headline"] = json.loads(result_path.read_text(encoding="utf-8")).get("headline")
        except (json.JSONDecodeError, AttributeError) as exc:
            row["headline"] = f"unreadable JSON: {exc}"
    elif status == "ok":
        row["status"] = "failed (no results JSON)"
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="pass --quick to every script")
    parser.add_argument("--only", help=f"comma-separated subset of: {', '.join(BENCHES)}")
    parser.add_argument("--timeout", type=float, help="seconds allowed per script (default: none)")
    parser.add_argument(
        "--results", type=Path, help="folder for the results JSON (default bench/results, quick: bench/results/quick)"
    )
    args = parser.parse_args(argv)
    names = BENCHES
    if args.only:
        names = tuple(n.strip().removeprefix("bench_").removesuffix(".py") for n in args.only.split(","))
        unknown = [n for n in names if n not in BENCHES]
        if unknown:
            parser.error(f"unknown bench {', '.join(unknown)}; expected some of {', '.join(BENCHES)}")

    results = args.results or (RESULTS / "quick" if args.quick else RESULTS)
    rows = []
    with tempfile.TemporaryDirectory(prefix="taxqa-bench-") as cache:
        env = {
            **os.environ,
            CACHE_ENV: cache,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
        for name in names:
            rows.append(run_one(name, args.quick, env, args.timeout, results))

    print()
    print_table(
        f"bench summary ({'quick' if args.quick else 'full'}): {command_line()}",
        ["bench", "status", "seconds", "headline"],
        [[r["bench"], r["status"], round(r["seconds"], 1), fmt(r["headline"])] for r in rows],
    )
    total = sum(r["seconds"] for r in rows)
    failed = [r["bench"] for r in rows if r["status"].startswith("failed")]
    missing = [r["bench"] for r in rows if r["status"] == "missing"]
    print(
        f"{len(rows)} benches in {total:.0f}s: {len(rows) - len(failed) - len(missing)} ok, "
        f"{len(missing)} missing{' (' + ', '.join(missing) + ')' if missing else ''}, {len(failed)} failed"
    )
    write_result("summary", {"quick": args.quick, "seconds": total, "benches": rows}, results / "summary.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
