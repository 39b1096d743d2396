"""The Markdown report and speed summary of one `taxqa eval` run (taxqa.runtime.evaluate)."""

from __future__ import annotations

from taxqa.runtime import metrics


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation; None for no values."""
    values = sorted(values)
    if not values:
        return None
    at = (len(values) - 1) * q / 100
    lo = int(at)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (at - lo)


def summarize_speed(speeds: list[dict], backend: str) -> dict:
    """Token-weighted rates (total tokens / total time), mean time to first token, peak memory,
    per-answer latency (request to last word, seconds) p50/p95 of the answers that came."""
    latencies = [s["latency"] for s in speeds if "latency" in s and "error" not in s]
    prompt_time = sum(s["prompt_tokens"] / s["prompt_tps"] for s in speeds if s["prompt_tps"])
    gen_time = sum(s["generation_tokens"] / s["generation_tps"] for s in speeds if s["generation_tps"])
    prompt_tokens = sum(s["prompt_tokens"] for s in speeds if s["prompt_tps"])
    gen_tokens = sum(s["generation_tokens"] for s in speeds if s["generation_tps"])
    return {
        "backend": backend,
        "n": len(speeds),
        "prompt_tokens": sum(s["prompt_tokens"] for s in speeds),
        "generation_tokens": sum(s["generation_tokens"] for s in speeds),
        "prompt_tps": prompt_tokens / prompt_time if prompt_time else None,
        "generation_tps": gen_tokens / gen_time if gen_time else None,
        "ttft": metrics.mean(s["ttft"] for s in speeds),
        "peak_memory_gb": max((s["peak_memory_gb"] for s in speeds if s["peak_memory_gb"] is not None), default=None),
        "latency_p50": percentile(latencies, 50),
        "latency_p95": percentile(latencies, 95),
        "errors": sum("error" in s for s in speeds),
    }


def fmt(value, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


GROUND_ROWS = [
    ("key_figure_accuracy", "key-figure accuracy (the asked figure stated and right)", "computable_n"),
    ("figure_consistency", "figure consistency (no stated figure wrong)", "computable_n"),
    ("citation_accuracy", "citation accuracy (cited articles exist; a governing one cited)", "citation_n"),
    ("invented_figure_rate", "invented-figure rate (questions without enough facts)", "missing_facts_n"),
]


def markdown_report(result: dict) -> str:
    lines = [f"# Evaluation: {result['model']}", ""]
    lines += [f"- adapter: {result.get('adapter') or 'none'}", f"- backend: {result['backend']}"]
    lines += [f"- date: {result['created']}", ""]
    if "dataset" in result:
        d = result["dataset"]
        lines += [f"## Test split ({d['n']} items, {result.get('data')}, ground {d.get('ground', 'off')})", ""]
        lines += ["| metric | value |", "| --- | --- |"]
        lines += [
            f"| numeric accuracy (calculator items, every reference figure present) | {fmt(d['numeric_accuracy'])} "
            f"(n={d['numeric_n']}) |",
            f"| citation accuracy (every reference article cited) | {fmt(d['citation_accuracy'])} "
            f"(n={d['citation_n']}) |",
            f"| chrF (sacrebleu, 0-100) | {fmt(d['chrf'], 1)} |",
            f"| ROUGE-L F1 (rouge-score, character tokens) | {fmt(d['rougeL'])} |",
            f"| answer-token loss / perplexity | {fmt(d['loss'])} / {fmt(d['perplexity'], 2)} |",
            f"| mean answer length (characters) | {fmt(d['answer_length'], 1)} |",
            f"| refusal rate | {fmt(d['refusal_rate'])} |",
            "",
        ]
        wrong = [i for i in d["items"] if i["numeric"] and not i["numeric"]["correct"]][:5]
        if wrong:
            lines += ["Figures missing from answers (first 5):", ""]
            lines += [f"- `{i['id']}` {i['question'][:60]} — missing {i['numeric']['missing']}" for i in wrong]
            lines.append("")
    if result.get("ground"):
        modes = list(result["ground"])
        g = result["ground"]
        lines += ["## Grounded vs ungrounded (judged by the calculator)", ""]
        lines += ["| metric | " + " | ".join(f"ground {m}" for m in modes) + " |", "| --- |" + " --- |" * len(modes)]
        for key, label, n_key in GROUND_ROWS:
            cells = " | ".join(f"{fmt(g[m][key])} (n={g[m][n_key]})" for m in modes)
            lines.append(f"| {label} | {cells} |")
        lines.append("")
    for m in result.get("mcq", []):
        lo, hi = m["ci95"]
        lines += [f"## Multiple choice: {m['file']}", ""]
        how = "by generation (the answer's letter)" if m.get("method") == "generation" else "by log-likelihood"
        lines += [f"accuracy {m['accuracy']:.3f} on {m['n']} questions (95% CI {lo:.3f}–{hi:.3f}; chance 0.25), "
                  f"scored {how}", ""]  # fmt: skip
    if "speed" in result:
        s = result["speed"]
        lines += ["## Speed", "", "| prompt tok/s | generation tok/s | time to first token (s) | latency p50 / p95 (s) "
                  "| peak memory (GB) |", "| --- | --- | --- | --- | --- |"]  # fmt: skip
        lines += [f"| {fmt(s['prompt_tps'], 1)} | {fmt(s['generation_tps'], 1)} | {fmt(s['ttft'])} | "
                  f"{fmt(s.get('latency_p50'))} / {fmt(s.get('latency_p95'))} | {fmt(s['peak_memory_gb'])} |", ""]  # fmt: skip
        if s.get("errors"):
            lines += [f"{s['errors']} answers failed (after retries) and count as empty.", ""]
    if "usage" in result:
        u, cost = result["usage"], result.get("cost_usd")
        priced = "not priced" if cost is None else f"${cost:.4f}"
        lines += [f"Tokens: {u['input_tokens']} in, {u['output_tokens']} out; cost {priced}.", ""]
    return "\n".join(lines) + "\n"
