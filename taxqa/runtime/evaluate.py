"""`taxqa eval`: objective, reproducible numbers for a model (and adapter).

On the test split: numeric accuracy on calculator-grounded items (every figure the
reference states must appear in the answer, read with the one amount parser),
citation accuracy (every article the reference cites must be cited), chrF (sacrebleu)
and ROUGE-L (rouge-score on characters: its default tokenizer drops Korean), the
answer-token loss and perplexity, answer length and refusal rate. On KMMLU-layout CSV
files: log-likelihood multiple choice with a 95% Wilson interval. Speed of the
generations: prompt and generation tokens/s, time to first token, peak memory.

Writes OUT.json (the contract below) and a Markdown report beside it; `--compare`
puts several OUT.json side by side (table + PNG bar chart).

Grounding (`--ground on|off|both`, default on): with it on, each question is answered after
the context block of the one prompt renderer: the record's own `grounding` when it carries
one, else `taxqa.grounding.build_grounding(question)` (what the chat app and `taxqa generate`
show). For every mode run, the calculator judges the answers: key-figure accuracy (the figure
the question asks for, stated and right), figure consistency (no stated figure wrong),
citation accuracy (every cited article exists in the corpus and a governing one is among
them) and the invented-figure rate (questions without enough facts whose answer states a tax
figure anyway). `--data` also takes a plain question file (.txt, one per line, or JSONL with
`question` only): then only these grounding metrics are reported.

JSON: {"model", "adapter", "backend", "dataset": {"n", "numeric_accuracy",
"citation_accuracy", "chrf", "rougeL", "loss", "perplexity", ..., "items": [...]},
"ground": {"on": {"n", "key_figure_accuracy", "figure_consistency", "citation_accuracy",
"invented_figure_rate", ..., "items": [...]}, "off": {...}},
"mcq": [{"file", "n", "accuracy", "ci95", "items": [{"pred", "answer", "correct", ...}]}],
"speed": {...}}; each section (and ground mode) only when it was run. "dataset" (reference
metrics, loss) is measured in the first mode run (on, unless --ground off).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from taxqa.errors import UserError
from taxqa.options import COUNT
from taxqa.outputs import check_output_file
from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_example, encode_prompt, render_prompt
from taxqa.records import QARecord, write_atomic
from taxqa.runtime import metrics
from taxqa.runtime.backends import BACKENDS, make_backend, perplexity
from taxqa.runtime.ground_eval import ground_summary, item_grounding, judge, read_case, read_questions


def build_parser(prog: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Evaluate a model on the test split (numeric and citation accuracy, chrF, ROUGE-L, loss, "
        "refusals), on KMMLU-layout multiple-choice CSVs (log-likelihood, accuracy with 95% CI) and for speed. "
        "Writes OUT.json and a Markdown report; --compare puts several runs side by side.",
    )
    p.add_argument("--model", help="registry name, local folder or hub id (MLX; HF/PEFT with --backend torch)")
    p.add_argument("--adapter-path", help="MLX adapter folder (or a PEFT adapter with --backend torch)")
    p.add_argument("--data", help="dataset folder (its test.jsonl) or a JSONL file of QA records")
    p.add_argument("--mcq", nargs="+", default=[], metavar="FILE.csv", help="KMMLU-layout CSV files")
    p.add_argument("--limit", type=COUNT, default=None, help="evaluate at most N items per dataset/file")
    p.add_argument("-o", "--output", required=True, help="OUT.json (with --compare: the table's OUT.md)")
    p.add_argument("--report", help="Markdown report path (default: OUT.md beside OUT.json)")
    p.add_argument("--compare", nargs="+", metavar="RUN.json", help="put these evaluation JSONs side by side")
    p.add_argument("--backend", choices=BACKENDS, default="mlx", help="mlx (default) or torch (transformers+peft)")
    p.add_argument("--max-tokens", type=COUNT, default=256, help="maximum tokens per generated answer (default 256)")
    p.add_argument("--system-prompt", default=None, help="system prompt (default: the generation default; '' none)")
    p.add_argument("--max-seq-length", type=COUNT, default=2048, help="longest example for the loss (default 2048)")
    p.add_argument(
        "--ground",
        choices=("on", "off", "both"),
        default="on",
        help="answer with the grounding block (on, default), without (off), or both side by side",
    )
    p.add_argument("--no-ground", dest="ground", action="store_const", const="off", help="same as --ground off")
    p.add_argument(
        "--ground-k", type=COUNT, default=4, help="articles retrieved per question when grounding (default 4)"
    )
    return p


def read_eval_records(data: str, limit: int | None) -> tuple[Path, list[QARecord]]:
    from taxqa.dataset import split_file

    path = Path(data)
    if path.is_dir():
        path = split_file(path, "test")
    if not path.exists():
        raise UserError(f"--data {data}: no such file (expected a dataset folder with test.jsonl or a JSONL file)")
    records = read_questions(path)
    if not records:
        raise UserError(f"--data {path}: no records")
    return path, records[:limit] if limit else records


def is_calc(record: QARecord) -> bool:
    return record.type == "calc" or getattr(record, "source", "") == "calculator"


def evaluate_dataset(
    backend,
    records: list,
    *,
    system: str | None,
    max_tokens: int,
    max_seq_length: int,
    modes: tuple[str, ...] = ("on",),
    k: int = 4,
):
    """(dataset section or None, {mode: ground section}, speed section); the dataset section
    (reference metrics and loss) is measured in the first mode."""
    from tqdm import tqdm

    tokenizer = backend.tokenizer
    cases = [read_case(r) for r in records]
    ground, speeds, first_items = {}, [], []
    total_nll, total_tokens = 0.0, 0
    for mode in modes:
        g_items = []
        for record, case in tqdm(list(zip(records, cases)), desc=f"ground {mode}", unit="item", file=sys.stderr):
            grounding = item_grounding(record, mode, k)
            prompt = encode_prompt(
                tokenizer, render_prompt(tokenizer, record.question, system=system, grounding=grounding)
            )
            answer, stats = backend.generate(prompt, max_tokens)
            speeds.append(stats)
            g_items.append({"id": record.id, "question": record.question, "answer": answer,
                            "grounded": bool(grounding), **judge(record, case, answer)})  # fmt: skip
            if mode != modes[0] or record.answer is None:
                continue
            ids, start = encode_example(tokenizer, record.question, record.answer, system=system,
                                        max_length=max_seq_length, grounding=grounding)  # fmt: skip
            answer_logprobs = backend.sequence_logprobs(ids)[start - 1 :]
            nll = -sum(answer_logprobs)
            total_nll += nll
            total_tokens += len(answer_logprobs)
            first_items.append(reference_item(record, answer, stats, nll / max(1, len(answer_logprobs)), grounding))
        ground[mode] = {**ground_summary(g_items), "items": g_items}
    dataset = summarize_dataset(first_items, total_nll, total_tokens, modes[0]) if first_items else None
    return dataset, ground, summarize_speed(speeds, backend.name)


def reference_item(record: QARecord, answer: str, stats: dict, loss: float, grounding) -> dict[str, Any]:
    reference_citations = record.citations or metrics.find_citations(record.answer)
    return {
        "id": record.id,
        "type": record.type,
        "question": record.question,
        "reference": record.answer,
        "answer": answer,
        "numeric": metrics.numeric_match(record.answer, answer) if is_calc(record) else None,
        "citation": metrics.citation_match(reference_citations, answer),
        "loss": loss,
        "length": len(answer),
        "refusal": metrics.is_refusal(answer),
        "finish_reason": stats["finish_reason"],
        "grounding": grounding,
    }


def summarize_dataset(items: list[dict], total_nll: float, total_tokens: int, mode: str) -> dict[str, Any]:
    hypotheses, references = [i["answer"] for i in items], [i["reference"] for i in items]
    chrf, chrf_items = metrics.chrf(hypotheses, references)
    rouge, rouge_items = metrics.rouge_l(hypotheses, references)
    for item, c, r in zip(items, chrf_items, rouge_items):
        item["chrf"], item["rougeL"] = c, r
    numeric = [i["numeric"]["correct"] for i in items if i["numeric"]]
    cited = [i["citation"]["correct"] for i in items if i["citation"]]
    loss = total_nll / total_tokens if total_tokens else None
    return {
        "n": len(items),
        "ground": mode,
        "numeric_accuracy": metrics.mean(numeric),
        "numeric_n": len(numeric),
        "citation_accuracy": metrics.mean(cited),
        "citation_n": len(cited),
        "chrf": chrf,
        "rougeL": rouge,
        "loss": loss,
        "perplexity": perplexity(loss),
        "answer_length": metrics.mean(i["length"] for i in items),
        "refusal_rate": metrics.mean(float(i["refusal"]) for i in items),
        "items": items,
    }


def summarize_speed(speeds: list[dict], backend: str) -> dict:
    """Token-weighted rates (total tokens / total time), mean time to first token, peak memory."""
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
        "peak_memory_gb": max((s["peak_memory_gb"] for s in speeds), default=None),
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
        lines += [f"accuracy {m['accuracy']:.3f} on {m['n']} questions (95% CI {lo:.3f}–{hi:.3f}; chance 0.25)", ""]
    if "speed" in result:
        s = result["speed"]
        lines += ["## Speed", "", "| prompt tok/s | generation tok/s | time to first token (s) | peak memory (GB) |"]
        lines += ["| --- | --- | --- | --- |"]
        lines += [f"| {fmt(s['prompt_tps'], 1)} | {fmt(s['generation_tps'], 1)} | {fmt(s['ttft'])} | "
                  f"{fmt(s['peak_memory_gb'])} |", ""]  # fmt: skip
    return "\n".join(lines) + "\n"


def run(args) -> dict:
    if not args.model:
        raise UserError("--model is required (unless --compare)")
    if not args.data and not args.mcq:
        raise UserError("nothing to evaluate: give --data and/or --mcq")
    if args.limit is not None and args.limit < 1:
        raise UserError(f"--limit {args.limit}: expected at least 1")
    if args.ground_k < 1:
        raise UserError(f"--ground-k {args.ground_k}: expected at least 1")
    data_path, records = read_eval_records(args.data, args.limit) if args.data else (None, [])
    from taxqa.runtime.mcq import read_mcq, score_mcq

    for path in args.mcq:  # fail on a malformed file before loading the model
        read_mcq(path)
    system = DEFAULT_SYSTEM_PROMPT if args.system_prompt is None else args.system_prompt
    modes = ("on", "off") if args.ground == "both" else (args.ground,)
    backend = make_backend(args.backend, args.model, args.adapter_path)
    result = {
        "model": args.model,
        "adapter": args.adapter_path,
        "backend": backend.name,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "max_tokens": args.max_tokens,
        "system_prompt": system,
        "ground_modes": list(modes),
    }
    try:
        if records:
            result["data"] = str(data_path)
            dataset, result["ground"], result["speed"] = evaluate_dataset(
                backend,
                records,
                system=system or None,
                max_tokens=args.max_tokens,
                max_seq_length=args.max_seq_length,
                modes=modes,
                k=args.ground_k,
            )
            if dataset is not None:
                result["dataset"] = dataset
        if args.mcq:
            result["mcq"] = [score_mcq(backend, path, system=system or None, limit=args.limit) for path in args.mcq]
    finally:
        backend.close()
    return result


def check_outputs(args) -> None:
    """Before any work: -o and --report are files, writable, neither an input nor each other, and never
    over a file eval did not write (a split, a model's config.json, a README.md beside -o)."""
    from taxqa.dataset import SPLITS, split_file
    from taxqa.outputs import json_with, png_file, text_starting

    data = Path(args.data) if args.data else None
    if data is not None and not data.is_dir():
        from taxqa.textio import check_regular

        check_regular(data)  # a FIFO or /dev/zero is refused before the model loads, never read forever
    inputs = {"--data file": split_file(data, "test") if data and data.is_dir() else data}
    if data and data.is_dir():
        inputs |= {f"--data {s} split": split_file(data, s) for s in SPLITS}
    inputs |= {f"--mcq file {p}": p for p in args.mcq} | {f"--compare file {p}": p for p in args.compare or []}
    if args.compare:  # writes OUT.md and OUT.png
        out = Path(args.output)
        md = text_starting("# Evaluation comparison")
        check_output_file(out.with_suffix(".md"), "-o (its .md)", inputs=inputs, ours=md, what="comparison table")
        check_output_file(out.with_suffix(".png"), "-o (its .png)", inputs=inputs, ours=png_file, what="chart")
        return
    result = json_with("model", "backend")
    out = check_output_file(args.output, "-o", inputs=inputs, ours=result, what="taxqa eval result")
    report = args.report or out.with_suffix(".md")
    check_output_file(
        report, "--report", inputs=inputs, outputs={"-o": out}, ours=text_starting("# Evaluation"), what="eval report"
    )


def main(argv: list[str] | None = None, prog: str = "taxqa eval") -> int:
    args = build_parser(prog).parse_args(argv)
    check_outputs(args)
    if args.compare:
        from taxqa.runtime.compare import write_comparison

        md, png = write_comparison(args.compare, args.output)
        print(f"Wrote {md} and {png}", file=sys.stderr)
        return 0
    if args.max_tokens < 1:
        raise UserError(f"--max-tokens {args.max_tokens}: expected at least 1")
    result = run(args)
    out = Path(args.output)
    report = Path(args.report) if args.report else out.with_suffix(".md")
    write_atomic(out, json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    text = markdown_report(result)
    write_atomic(report, text)
    print(text, file=sys.stderr)
    print(f"Wrote {out} and {report}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    from taxqa.cli import run_command

    sys.exit(run_command("taxqa.runtime.evaluate", sys.argv[1:], "taxqa eval"))
