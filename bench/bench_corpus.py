"""Corpus build at scale: MB/s and peak RSS of `taxqa corpus build` on a synthetic precedent dump.

The dump is JSONL of law.go.kr precedent answers ({"PrecService": {...}}) whose text is real Korean legal
prose: sentences drawn at random from the three real precedents and the statutes in the embedded corpus.
5% of the decisions are near-duplicates of an earlier one (a few words changed, a new case number), so
the table also shows how many of them MinHash LSH caught. The build runs in a child process, so the peak
RSS is the kernel's own high-water mark for parse + clean + dedupe + chunk + write.

A second table times what a user waits for with the embedded corpus: loading it, building the index,
one query. A third measures retrieval on plain-language questions (tests/data/retrieval_questions.tsv,
tests/data/retrieval_heldout.tsv and retrieval_fresh.tsv): recall@1/@5/@10 of the governing article and the
latency of each query, in a child process whose index cache is cold (a fresh TAXQA_CACHE) or warm.

    python bench/bench_corpus.py              # dumps of 50 and 400 MB
    python bench/bench_corpus.py --quick      # one 8 MB dump, < 20 s
    python bench/bench_corpus.py --retrieval  # only the retrieval tables, ~1 min
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import MB, RESULTS, print_table, run_child, write_result  # noqa: E402

COURTS = ("대법원", "서울고등법원", "서울행정법원", "부산고등법원", "광주고등법원", "대전지방법원")
SECTIONS = ("판시사항", "판결요지", "참조조문", "판례내용")


def sentence_pool() -> list[str]:
    from taxqa.corpus import load_passages

    pool = []
    for p in load_passages():
        for s in re.split(r"(?<=[.다])\s+|\n", p.text):
            if 20 <= len(s) <= 400:
                pool.append(s)
    return pool


def make_decision(rng: random.Random, pool: list[str], seq: int) -> dict:
    year = rng.randint(2005, 2025)
    body = {
        "판시사항": " ".join(rng.choices(pool, k=rng.randint(2, 5))),
        "판결요지": " ".join(rng.choices(pool, k=rng.randint(3, 8))),
        "참조조문": f"상속세 및 증여세법 제{rng.randint(1, 86)}조, 국세기본법 제{rng.randint(1, 80)}조",
        "판례내용": "<br/>".join(" ".join(rng.choices(pool, k=rng.randint(3, 8))) for _ in range(rng.randint(8, 30))),
    }
    return {
        "판례정보일련번호": str(100000 + seq),
        "사건번호": f"{year}두{10000 + seq}",
        "사건명": rng.choice(("증여세부과처분취소", "상속세부과처분취소", "종합소득세경정거부처분취소")),
        "법원명": rng.choice(COURTS),
        "선고일자": f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
        **body,
    }


def near_copy(rng: random.Random, doc: dict, seq: int) -> dict:
    """The same decision with a handful of words replaced: what a re-crawl or a reprint looks like."""
    copy = dict(doc, 판례정보일련번호=str(100000 + seq), 사건번호=f"{doc['사건번호'][:4]}두{10000 + seq}")
    words = copy["판례내용"].split(" ")
    for _ in range(max(1, len(words) // 200)):
        words[rng.randrange(len(words))] = rng.choice(("원고", "피고", "처분", "과세관청", "납세자"))
    copy["판례내용"] = " ".join(words)
    return copy


def write_dump(path: Path, target_mb: float, seed: int = 0) -> dict:
    rng = random.Random(seed)
    pool = sentence_pool()
    written = docs = near = 0
    recent: list[dict] = []
    with open(path, "w", encoding="utf-8") as fh:
        while written < target_mb * MB:
            if recent and rng.random() < 0.05:
                doc = near_copy(rng, rng.choice(recent), docs)
                near += 1
            else:
                doc = make_decision(rng, pool, docs)
                recent = (recent + [doc])[-200:]
            line = json.dumps({"PrecService": doc}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
    return {"bytes": path.stat().st_size, "docs": docs, "near_dups_injected": near}


def bench_build(size_mb: float, tmp: Path) -> dict:
    dump = tmp / f"precedents-{size_mb:g}mb.jsonl"
    start = time.perf_counter()
    info = write_dump(dump, size_mb)
    gen_seconds = time.perf_counter() - start
    out = tmp / "passages.jsonl"
    cmd = [sys.executable, "-m", "taxqa.corpus.cli", "build", str(dump), "-o", str(out)]
    run = run_child(cmd)
    if run.returncode != 0:
        raise RuntimeError(f"build failed: {run.stderr[-2000:]}")
    m = re.search(r"(\d+) exact and (\d+) near duplicates dropped", run.stdout)
    passages = sum(1 for _ in open(out, encoding="utf-8"))
    dump.unlink()
    return {
        "dump_mb": info["bytes"] / MB,
        "decisions": info["docs"],
        "generate_s": gen_seconds,
        "build_s": run.seconds,
        "mb_per_s": info["bytes"] / MB / run.seconds,
        "peak_rss_mb": run.peak_rss / MB,
        "passages": passages,
        "near_dups_injected": info["near_dups_injected"],
        "exact_dropped": int(m.group(1)) if m else None,
        "near_dropped": int(m.group(2)) if m else None,
    }


def bench_search() -> dict:
    code = (
        "import time, json; t0 = time.perf_counter()\n"
        "from taxqa.corpus import load_passages, search\n"
        "ps = load_passages(); t1 = time.perf_counter()\n"
        "hits = search('증여재산 공제 한도', 5); t2 = time.perf_counter()\n"
        "search('배우자 상속공제', 5); t3 = time.perf_counter()\n"
        "print(json.dumps({'passages': len(ps), 'load_s': t1 - t0, 'first_query_s': t2 - t1,"
        " 'query_ms': (t3 - t2) * 1000, 'top': hits[0][0].citation}, ensure_ascii=False))\n"
    )
    run = run_child([sys.executable, "-c", code])
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-2000:])
    return {**run.json_lines()[0], "peak_rss_mb": run.peak_rss / MB}


QUESTION_SETS = {  # name -> (file, first column to keep or "" for every row)
    "tuned": ("tests/data/retrieval_questions.tsv", ""),
    "held-out": ("tests/data/retrieval_heldout.tsv", ""),
    "fresh": ("tests/data/retrieval_fresh.tsv", ""),
    "plain2": ("tests/data/retrieval_plain2.tsv", ""),
    "plain3": ("tests/data/retrieval_plain3.tsv", ""),
    "plain4": ("tests/data/retrieval_plain4.tsv", ""),
    "plain5": ("tests/data/retrieval_plain5.tsv", ""),
    "plain6": ("tests/data/retrieval_plain6.tsv", ""),
    "plain7": ("tests/data/retrieval_plain7.tsv", ""),
    "plain8": ("tests/data/retrieval_plain8.tsv", ""),
    "plain9": ("tests/data/retrieval_plain9.tsv", ""),
    "plain10": ("tests/data/retrieval_plain10.tsv", ""),
    "plain11": ("tests/data/retrieval_plain11.tsv", ""),
    "plain12": ("tests/data/retrieval_plain12.tsv", ""),
    "plain13": ("tests/data/retrieval_plain13.tsv", ""),
    "plain14": ("tests/data/retrieval_plain14.tsv", ""),
    "plain15": ("tests/data/retrieval_plain15.tsv", ""),
    "plain16": ("tests/data/retrieval_plain16.tsv", ""),
    "plain17": ("tests/data/retrieval_plain17.tsv", ""),
    "plain18": ("tests/data/retrieval_plain18.tsv", ""),
    "plain19": ("tests/data/retrieval_plain19.tsv", ""),
    "plain20": ("tests/data/retrieval_plain20.tsv", ""),
    "plain21": ("tests/data/retrieval_plain21.tsv", ""),
    "plain22": ("tests/data/retrieval_plain22.tsv", ""),
    "plain23": ("tests/data/retrieval_plain23.tsv", ""),
    "plain24": ("tests/data/retrieval_plain24.tsv", ""),
    "plain25": ("tests/data/retrieval_plain25.tsv", ""),
    "plain26": ("tests/data/retrieval_plain26.tsv", ""),
    "plain27": ("tests/data/retrieval_plain27.tsv", ""),
    "plain28": ("tests/data/retrieval_plain28.tsv", ""),
    "plain29": ("tests/data/retrieval_plain29.tsv", ""),
    "plain30": ("tests/data/retrieval_plain30.tsv", ""),
    "plain31": ("tests/data/retrieval_plain31.tsv", ""),
    "probe1": ("tests/data/retrieval_probe1.tsv", ""),
    "probe2": ("tests/data/retrieval_probe2.tsv", ""),
    "probe3": ("tests/data/retrieval_probe3.tsv", ""),
    "probe4": ("tests/data/retrieval_probe4.tsv", ""),
    "probe5": ("tests/data/retrieval_probe5.tsv", ""),
    "probe6": ("tests/data/retrieval_probe6.tsv", ""),
    "public": ("tests/data/retrieval_public.tsv", ""),
    "casebook": ("tests/data/retrieval_public.tsv", "casebook"),
}
RETRIEVAL_CODE = """
import json, sys, time
t0 = time.perf_counter()
from taxqa.corpus import load_passages, search
passages = load_passages()
t1 = time.perf_counter()
search("증여재산 공제 한도", 5)
t2 = time.perf_counter()
out = {"load_s": t1 - t0, "index_first_query_s": t2 - t1, "sets": {}}
for name, (path, keep) in json.loads(sys.argv[1]).items():
    rows = [line.rstrip("\\n").split("\\t") for line in open(path, encoding="utf-8") if line.strip() and not line.startswith("#")]
    rows = [r[:3] for r in rows if not keep or r[0] == keep]
    ranks, ms = [], []
    for _topic, question, gold in rows:
        gold = {g.strip() for g in gold.split("|")}
        start = time.perf_counter()
        cited = [p.citation for p, _ in search(question, 10)]
        ms.append((time.perf_counter() - start) * 1000)
        ranks.append(next((i for i, c in enumerate(cited) if c in gold), None))
    n = len(rows)
    out["sets"][name] = {
        "questions": n,
        **{f"recall@{k}": sum(r is not None and r < k for r in ranks) / n for k in (1, 5, 10)},
        "mrr": sum(1 / (r + 1) for r in ranks if r is not None) / n,
        "ms_mean": sum(ms) / n, "ms_p50": sorted(ms)[n // 2], "ms_max": max(ms),
    }
out["kiwipiepy_loaded"] = "kiwipiepy" in sys.modules
print(json.dumps(out))
"""
STARTUP_QUERY = "자녀세액공제 얼마"


def bench_startup(tmp: Path, runs: int = 5, baseline: str | None = None) -> dict:
    """`taxqa corpus search QUERY -k 1` as a new process, index cache warm: median wall seconds over `runs`,
    alternating with a baseline source tree (PYTHONPATH) when given, so both see the same machine load."""
    import os
    import statistics

    trees = {"this tree": str(REPO)} | ({"baseline": baseline} if baseline else {})
    cmd = [sys.executable, "-P", "-m", "taxqa", "corpus", "search", STARTUP_QUERY, "-k", "1"]  # -P: not the cwd's taxqa
    times: dict[str, list[float]] = {name: [] for name in trees}
    peaks: dict[str, list[int]] = {name: [] for name in trees}
    for n in range(runs + 1):  # the first round fills each tree's index cache
        for name, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": tree, "TAXQA_CACHE": str(tmp / f"cache-{name}")}
            run = run_child(cmd, env=env)
            if run.returncode != 0:
                raise RuntimeError(run.stderr[-2000:])
            if n:
                times[name].append(run.seconds)
                peaks[name].append(run.peak_rss)
    return {
        name: {"median_s": statistics.median(t), "min_s": min(t), "peak_rss_mb": max(peaks[name]) / MB, "runs": runs}
        for name, t in times.items()
    }


def bench_retrieval(tmp: Path, quick: bool = False) -> dict:
    """Recall and latency in a child process: first with an empty index cache, then with the saved one.

    quick: one run on the user's own index cache (as a test runs it: no cold index build)."""
    import os

    sets = json.dumps({k: (str(REPO / path), keep) for k, (path, keep) in QUESTION_SETS.items()})
    env = {**os.environ} if quick else {**os.environ, "TAXQA_CACHE": str(tmp / "cache")}
    out = {}
    for state in ("warm",) if quick else ("cold", "warm"):
        run = run_child([sys.executable, "-c", RETRIEVAL_CODE, sets], env=env)
        if run.returncode != 0:
            raise RuntimeError(run.stderr[-2000:])
        out[state] = {**run.json_lines()[0], "peak_rss_mb": run.peak_rss / MB}
    return out


def print_startup(result: dict) -> None:
    rows = [[name, r["median_s"], r["min_s"], r["peak_rss_mb"]] for name, r in result.items()]
    if "baseline" in result:
        ratio = result["this tree"]["median_s"] / result["baseline"]["median_s"]
        rows.append(["ratio this / baseline", ratio, "", ""])
    print_table(
        f"`taxqa corpus search '{STARTUP_QUERY}' -k 1` as a new process (warm index cache)",
        ["tree", "median s", "min s", "peak RSS MB"],
        rows,
        caption="wall time of the whole process, start to first result printed; runs alternate between trees",
    )


def print_retrieval(result: dict) -> None:
    warm = result["warm"]
    states = {k: v for k, v in result.items() if k in ("cold", "warm")}
    print_table(
        "retrieval on plain-language questions (governing article; embedded corpus, lexical)",
        ["question set", "questions", "recall@1", "recall@5", "recall@10", "MRR@10", "ms/query mean", "p50", "max"],
        [
            [
                name,
                s["questions"],
                s["recall@1"],
                s["recall@5"],
                s["recall@10"],
                s["mrr"],
                s["ms_mean"],
                s["ms_p50"],
                s["ms_max"],
            ]
            for name, s in warm["sets"].items()
        ],
        caption="k = 10 per query; one process, index already built (the warm run)",
    )
    print_table(
        "retrieval start-up",
        ["index cache", "load s", "index + first query s", "peak RSS MB"],
        [[state, r["load_s"], r["index_first_query_s"], r["peak_rss_mb"]] for state, r in states.items()],
        caption="cold: indexes built and saved; warm: mapped from the cache. "
        f"kiwipiepy loaded: {warm.get('kiwipiepy_loaded')}",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one small dump (< 20 s)")
    parser.add_argument("--sizes", help="dump sizes in MB, comma-separated (default 50,400; quick 8)")
    parser.add_argument("--retrieval", action="store_true", help="only the retrieval tables (recall, latency)")
    parser.add_argument("--json", default=str(RESULTS / "corpus.json"), help="where to write JSON")
    parser.add_argument("--baseline", help="another source tree (its repo root) to time `corpus search` against")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per tree (default 5)")
    args = parser.parse_args()
    if args.retrieval:
        with tempfile.TemporaryDirectory(prefix="taxqa-bench-retrieval-") as tmp:
            result = bench_retrieval(Path(tmp))
            result["startup"] = bench_startup(Path(tmp), args.runs, args.baseline)
        print_retrieval(result)
        print_startup(result["startup"])
        warm = result["warm"]["sets"]
        headline = ", ".join(
            f"{name}: recall@1 {s['recall@1']:.2f} @5 {s['recall@5']:.2f} @10 {s['recall@10']:.2f} MRR {s['mrr']:.2f}, "
            f"{s['ms_mean']:.1f} ms/query"
            for name, s in warm.items()
        )
        write_result("retrieval", {"headline": headline, **result}, str(Path(args.json).with_name("retrieval.json")))
        print(headline)
        return 0
    sizes = [float(s) for s in args.sizes.split(",")] if args.sizes else ([8.0] if args.quick else [50.0, 400.0])

    rows = []
    with tempfile.TemporaryDirectory(prefix="taxqa-bench-corpus-") as tmp:
        for size in sizes:
            rows.append(bench_build(size, Path(tmp)))
    search = bench_search()
    with tempfile.TemporaryDirectory(prefix="taxqa-bench-retrieval-") as tmp:
        retrieval = bench_retrieval(Path(tmp), quick=args.quick)

    print_table(
        "taxqa corpus build on a synthetic precedent dump (5% near-duplicates)",
        ["dump MB", "decisions", "build s", "MB/s", "peak RSS MB", "passages", "near-dups in", "dropped"],
        [
            [
                r["dump_mb"],
                r["decisions"],
                r["build_s"],
                r["mb_per_s"],
                r["peak_rss_mb"],
                r["passages"],
                r["near_dups_injected"],
                r["near_dropped"],
            ]
            for r in rows
        ],
        caption="one process, parse + NFC/HTML cleaning + exact and MinHash-LSH dedupe + chunking + JSONL write",
    )
    print_table(
        "embedded corpus: what a user waits for",
        ["passages", "load s", "index + first query s", "next query ms", "peak RSS MB", "top hit"],
        [
            [
                search["passages"],
                search["load_s"],
                search["first_query_s"],
                search["query_ms"],
                search["peak_rss_mb"],
                search["top"],
            ]
        ],
    )
    print_retrieval(retrieval)
    last = rows[-1]
    headline = (
        f"build {last['mb_per_s']:.1f} MB/s, peak RSS {last['peak_rss_mb']:.0f} MB on {last['dump_mb']:.0f} MB; "
        f"{last['near_dropped']}/{last['near_dups_injected']} near-duplicates dropped; "
        f"index + first query {search['first_query_s']:.1f} s"
    )
    write_result(
        "corpus",
        {"quick": args.quick, "headline": headline, "builds": rows, "search": search, "retrieval": retrieval},
        args.json,
    )
    print(headline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
