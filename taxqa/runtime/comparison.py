"""`taxqa eval --model A --model B ...`: the same items on every model, one comparison.

Each model runs as a single `taxqa eval` run would (taxqa.runtime.evaluate.run), one after the
other (a local model is unloaded before the next loads). A model that cannot be loaded or
reached gets a row saying why; the others finish. OUT.json:

{"created", "data", "mcq_files", "ground_modes", "max_tokens",
 "models": [{"spec" (as given), "label", "adapter", "backend", "status": "ok" | "error", "error",
   "n", "key_figure_accuracy_grounded", "key_figure_accuracy_ungrounded",
   "figure_consistency_grounded", "figure_consistency_ungrounded",
   "citation_accuracy_grounded", "citation_accuracy_ungrounded", "mcq_accuracy", "mcq_ci95",
   "mcq_n", "mcq_method", "answers", "refusals", "empty_answers" (and their rates), "errors", "latency_p50",
   "latency_p95", "tokens_per_second", "cost_usd", "judge", "result" (the single-run JSON)}, ...],
 "paired": {"items": "answered by every model", "tests": [{"metric", "a", "b", "n", "a_only",
   "b_only", "p_value", "p_holm", "significant"}]},
 "judge": {"spec", "rubric", ...} (with --judge)}

OUT.md has the table and the paired tests, OUT.png the chart (taxqa.runtime.compare).
"""

from __future__ import annotations

import copy
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from taxqa.errors import UserError
from taxqa.records import write_atomic
from taxqa.runtime import metrics
from taxqa.runtime.paired import paired_tests

MODES = {"on": "grounded", "off": "ungrounded"}
GROUND_KEYS = ("key_figure_accuracy", "figure_consistency", "citation_accuracy")


def model_label(spec: str, adapter: str | None) -> str:
    from taxqa.modelspec import parse_model_spec

    provider = parse_model_spec(spec, need_key=False)
    label = provider.label if provider else Path(spec).name or spec
    return f"{label} + {Path(adapter).name}" if adapter else label


def adapters_for(models: list[str], adapters: list[str] | None) -> list[str | None]:
    if not adapters:
        return [None] * len(models)
    if len(adapters) != len(models):
        raise UserError(
            f"--adapter-path given {len(adapters)} times for {len(models)} --model: give it once per model, "
            "in the same order ('-' for none)"
        )
    return [None if a in ("-", "") else a for a in adapters]


def answer_counts(result: dict) -> dict[str, int]:
    """Answers, refusals and empty answers (counted apart), failed requests, over every generated answer."""
    answers = [i for mode in (result.get("ground") or {}).values() for i in mode["items"]]
    answers += [i for m in result.get("mcq", []) if m.get("method") == "generation" for i in m["items"]]
    texts = [((i["reply"] if "reply" in i else i.get("answer")) or "", "error" in i) for i in answers]
    return {
        "answers": len(texts),
        "refusals": sum(bool(t.strip()) and metrics.is_refusal(t) for t, _ in texts),
        "empty_answers": sum(not t.strip() and not failed for t, failed in texts),
        "errors": sum(failed for _, failed in texts),
    }


def model_entry(spec: str, adapter: str | None, result: dict) -> dict[str, Any]:
    entry: dict[str, Any] = {"spec": spec, "label": model_label(spec, adapter), "adapter": adapter}
    entry |= {"backend": result["backend"], "status": "ok", "error": None}
    ground = result.get("ground") or {}
    entry["n"] = max((g["n"] for g in ground.values()), default=0)
    for mode, word in MODES.items():
        for key in GROUND_KEYS:
            entry[f"{key}_{word}"] = ground.get(mode, {}).get(key)
    mcq = result.get("mcq") or []
    correct, n = sum(sum(i["correct"] for i in m["items"]) for m in mcq), sum(m["n"] for m in mcq)
    entry["mcq_accuracy"] = correct / n if n else None
    entry["mcq_ci95"] = metrics.wilson_ci95(correct, n) if n else None
    entry["mcq_n"] = n
    entry["mcq_method"] = ", ".join(sorted({m["method"] for m in mcq})) or None
    entry |= answer_counts(result)
    for key, rate in (("refusals", "refusal_rate"), ("empty_answers", "empty_rate")):
        entry[rate] = entry[key] / entry["answers"] if entry["answers"] else None
    speed = result.get("speed") or {}
    entry["latency_p50"], entry["latency_p95"] = speed.get("latency_p50"), speed.get("latency_p95")
    entry["tokens_per_second"] = speed.get("generation_tps")
    entry["cost_usd"] = result.get("cost_usd")
    entry["result"] = result
    return entry


def failed_entry(spec: str, adapter: str | None, exc: BaseException) -> dict[str, Any]:
    from taxqa.datagen.providers import redact
    from taxqa.modelspec import KEY_ENV

    secrets = [os.environ.get(name) for name in KEY_ENV.values()]
    return {"spec": spec, "label": model_label(spec, adapter), "adapter": adapter, "status": "error",
            "error": redact(str(exc), secrets)[:300]}  # fmt: skip


def distinct_labels(entries: list[dict]) -> list[dict]:
    """The same label twice (one model on two servers, a folder name twice): use the specs as given."""
    labels = [e["label"] for e in entries]
    for e in entries:
        if labels.count(e["label"]) > 1:
            e["label"] = e["spec"] + (f" + {Path(e['adapter']).name}" if e.get("adapter") else "")
    return entries


def same_model(a: str, b: str) -> bool:
    """The same model named two ways (a default base URL spelled out, a folder by two paths)."""
    from taxqa.modelspec import parse_model_spec

    pa, pb = parse_model_spec(a, need_key=False), parse_model_spec(b, need_key=False)
    if pa or pb:
        api = {"openai": "https://api.openai.com/v1", "anthropic": "https://api.anthropic.com"}
        strip = lambda p: (p.provider, p.model, (p.base_url or api[p.provider]).rstrip("/")) if p else None  # noqa: E731
        return strip(pa) == strip(pb)
    return a == b or Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


def check_judge(args) -> None:
    compared = args.judge and any(same_model(args.judge, m) for m in args.model)
    if compared and not args.judge_compared:
        raise UserError(
            f"--judge {args.judge}: it is also a compared --model and would grade its own answers; choose another "
            "judge or pass --judge-compared"
        )


def run_models(args) -> dict[str, Any]:
    from taxqa.runtime.evaluate import run

    models = list(args.model or [])
    if not models:
        raise UserError("--model is required (unless --compare)")
    check_judge(args)
    adapters = adapters_for(models, args.adapter_path)
    modes = args.ground or "both"
    entries = []
    for i, (spec, adapter) in enumerate(zip(models, adapters), 1):
        print(f"[{i}/{len(models)}] {model_label(spec, adapter)}", file=sys.stderr)
        one = copy.copy(args)
        one.model, one.adapter_path, one.ground = spec, adapter, modes
        try:
            entries.append(model_entry(spec, adapter, run(one)))
        except Exception as exc:  # noqa: BLE001 - unreachable or not loadable: its row says why
            print(
                f"  {model_label(spec, adapter)}: failed: {failed_entry(spec, adapter, exc)['error']}", file=sys.stderr
            )
            entries.append(failed_entry(spec, adapter, exc))
    out = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "data": args.data,
        "mcq_files": list(args.mcq),
        "ground_modes": ["on", "off"] if modes == "both" else [modes],
        "max_tokens": args.max_tokens,
        "models": entries,
        "paired": paired_tests(distinct_labels(entries)),
    }
    if args.judge:
        from taxqa.runtime.judge import judge_models

        out["judge"] = judge_models(args.judge, entries, timeout=args.timeout)
    return out


def fmt(value, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)


TABLE = [
    ("key figure (grounded)", lambda e: fmt(e["key_figure_accuracy_grounded"])),
    ("key figure (ungrounded)", lambda e: fmt(e["key_figure_accuracy_ungrounded"])),
    ("figure consistency (grounded / ungrounded)",
     lambda e: f"{fmt(e['figure_consistency_grounded'])} / {fmt(e['figure_consistency_ungrounded'])}"),
    ("citation accuracy (grounded / ungrounded)",
     lambda e: f"{fmt(e['citation_accuracy_grounded'])} / {fmt(e['citation_accuracy_ungrounded'])}"),
    ("multiple choice [95% CI]", lambda e: "–" if e["mcq_accuracy"] is None else
     f"{e['mcq_accuracy']:.3f} [{e['mcq_ci95'][0]:.2f}–{e['mcq_ci95'][1]:.2f}] ({e['mcq_method']})"),
    ("refusals / empty / failed", lambda e: f"{e['refusals']} / {e['empty_answers']} / {e['errors']} of {e['answers']}"),
    ("latency p50 / p95 (s)", lambda e: f"{fmt(e['latency_p50'], 2)} / {fmt(e['latency_p95'], 2)}"),
    ("tokens/s", lambda e: fmt(e["tokens_per_second"], 1)),
    ("cost (USD)", lambda e: "–" if e["cost_usd"] is None else f"{e['cost_usd']:.4f}"),
]  # fmt: skip


def markdown(out: dict[str, Any], png_name: str) -> str:
    entries = out["models"]
    lines = ["# Model comparison", "", f"- data: {out['data'] or 'none'}; multiple choice: "
             f"{', '.join(out['mcq_files']) or 'none'}", f"- date: {out['created']}", ""]  # fmt: skip
    lines += ["| metric | " + " | ".join(e["label"] for e in entries) + " |", "| --- |" + " --- |" * len(entries)]
    for name, cell in TABLE:
        cells = [cell(e) if e["status"] == "ok" else "–" for e in entries]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    failed = [e for e in entries if e["status"] != "ok"]
    lines += [""] + [f"- **{e['label']}** did not run: {e['error']}" for e in failed] + ([""] if failed else [])
    paired = out["paired"]
    lines += ["## Paired tests (McNemar exact, on items every model answered)", ""]
    if not paired["tests"]:
        lines += [paired.get("note") or "No metric had items every model answered.", ""]
    else:
        lines += ["| metric | A | B | items | only A right | only B right | p | p (Holm) | verdict |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
        for t in paired["tests"]:
            verdict = "a real difference" if t["significant"] else "within noise"
            lines.append(f"| {t['metric']} | {t['a']} | {t['b']} | {t['n']} | {t['a_only']} | {t['b_only']} | "
                         f"{t['p_value']:.3f} | {t['p_holm']:.3f} | {verdict} |")  # fmt: skip
        lines.append("")
    if out.get("judge"):
        j = out["judge"]
        lines += [f"## Judge: {j['spec']}", "", j["note"], ""]
        lines += [f"- {e['label']}: " + ("–" if not e.get("judge") else
                  f"score {fmt(e['judge']['score'])} on {e['judge']['n']} answers "
                  f"(key figure {fmt(e['judge']['key_figure'])}, article {fmt(e['judge']['article'])}, "
                  f"no false statement {fmt(e['judge']['no_false_statement'])})") for e in entries]  # fmt: skip
        lines.append("")
    lines += [f"![comparison]({png_name})", ""]
    return "\n".join(lines)


def main_models(args) -> int:
    from taxqa.runtime.compare import write_models_chart

    out = run_models(args)
    path = Path(args.output)
    report = Path(args.report) if args.report else path.with_suffix(".md")
    png = path.with_suffix(".png")
    write_atomic(path, json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    write_models_chart(out["models"], png)
    text = markdown(out, png.name)
    write_atomic(report, text)
    print(text, file=sys.stderr)
    print(f"Wrote {path}, {report} and {png}", file=sys.stderr)
    return 0 if any(e["status"] == "ok" for e in out["models"]) else 1
