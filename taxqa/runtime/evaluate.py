"""`taxqa eval`: objective, reproducible numbers for a model (and adapter).

On the test split: numeric accuracy on calculator-grounded items (every figure the
reference states must appear in the answer, read with the one amount parser),
citation accuracy (every article the reference cites must be cited), chrF (sacrebleu)
and ROUGE-L (rouge-score on characters: its default tokenizer drops Korean), the
answer-token loss and perplexity, answer length and refusal rate. On KMMLU-layout CSV
files: log-likelihood multiple choice with a 95% Wilson interval. Speed of the
generations: prompt and generation tokens/s, time to first token, peak memory.

Writes OUT.json (the contract below) and a Markdown report beside it; `--compare`
puts several OUT.json side by side (table + PNG bar chart). `--model` repeated runs every
model on the same items and writes one comparison (taxqa.runtime.comparison).

A provider model (`--model openai:…`, `ollama:…`, `lmstudio:…`, `anthropic:…`,
taxqa.runtime.remote) answers through its server: every generation metric as above, no loss or
perplexity, multiple choice by the letter it states (`method: generation`), plus `usage` and
`cost_usd`; an answer that fails after the retries is an empty one marked `error`.

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
from taxqa.modelspec import is_provider_spec
from taxqa.options import COUNT
from taxqa.outputs import check_output_file
from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_example, encode_prompt, render_prompt
from taxqa.records import QARecord, write_atomic
from taxqa.runtime import metrics
from taxqa.runtime.backends import BACKENDS, make_backend, perplexity
from taxqa.runtime.eval_report import markdown_report, summarize_speed
from taxqa.runtime.ground_eval import ground_summary, item_grounding, judge, read_case, read_questions


def build_parser(prog: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Evaluate a model on the test split (numeric and citation accuracy, chrF, ROUGE-L, loss, "
        "refusals), on KMMLU-layout multiple-choice CSVs (log-likelihood, accuracy with 95% CI) and for speed. "
        "Writes OUT.json and a Markdown report; --compare puts several runs side by side.",
    )
    p.add_argument(
        "--model",
        action="append",
        metavar="SPEC",
        help="registry name, local folder or hub id (MLX; HF/PEFT with --backend torch), or PROVIDER:MODEL[@BASE_URL] "
        "(openai, ollama, lmstudio, anthropic; keys from OPENAI_API_KEY / ANTHROPIC_API_KEY). Repeat it to compare "
        "models on the same items: OUT.json gets a `models` list, OUT.md a table, OUT.png a chart",
    )
    p.add_argument(
        "--adapter-path",
        action="append",
        help="MLX adapter folder (or a PEFT adapter with --backend torch); with several --model, once per model "
        "in the same order ('-' for none)",
    )
    p.add_argument("--judge", metavar="SPEC", help="a model that grades free-text answers against the reference")
    p.add_argument(
        "--judge-compared",
        action="store_true",
        help="allow the --judge model to be one of the compared models (it would grade its own answers)",
    )
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per request to a provider model (default 120)")
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
        default=None,
        help="answer with the grounding block (on; the default for one model), without (off), or both side by side "
        "(the default when comparing models)",
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


def answer_item(backend, question: str, *, system: str | None, grounding, max_tokens: int) -> tuple[str, dict]:
    """(answer, stats with ``latency``); a provider model's failure after retries is an ``error`` stat."""
    started = time.perf_counter()
    if getattr(backend, "remote", False):
        from taxqa.runtime.remote import RemoteError

        try:
            answer, stats = backend.answer(question, system=system, grounding=grounding, max_tokens=max_tokens)
        except RemoteError as exc:
            if backend.answered == 0:  # nothing answered yet: the model is unreachable, stop here
                raise
            answer, stats = "", {**EMPTY_STATS, "error": str(exc)}
    else:
        tokenizer = backend.tokenizer
        prompt = encode_prompt(tokenizer, render_prompt(tokenizer, question, system=system, grounding=grounding))
        answer, stats = backend.generate(prompt, max_tokens)
    return answer, {**stats, "latency": time.perf_counter() - started}


EMPTY_STATS = {"prompt_tokens": 0, "generation_tokens": 0, "prompt_tps": 0.0, "generation_tps": 0.0, "ttft": 0.0,
               "peak_memory_gb": None, "finish_reason": "error"}  # fmt: skip


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
    logprobs = hasattr(backend, "sequence_logprobs")  # provider models give none: no loss
    cases = [read_case(r, k) for r in records]  # each question read, computed and retrieved once
    ground, speeds, first_items = {}, [], []
    total_nll, total_tokens = 0.0, 0
    for mode in modes:
        g_items = []
        for record, case in tqdm(list(zip(records, cases)), desc=f"ground {mode}", unit="item", file=sys.stderr):
            grounding = item_grounding(record, mode, k, case)
            answer, stats = answer_item(backend, record.question, system=system, grounding=grounding,
                                        max_tokens=max_tokens)  # fmt: skip
            speeds.append(stats)
            g_items.append({"id": record.id, "question": record.question, "answer": answer,
                            "grounded": bool(grounding), "latency": stats["latency"],
                            **({"error": stats["error"]} if "error" in stats else {}),
                            **judge(record, case, answer)})  # fmt: skip
            if mode != modes[0] or record.answer is None:
                continue
            if not logprobs:
                first_items.append(reference_item(record, answer, stats, None, grounding))
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
        "no_answer": metrics.is_no_answer(answer),
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
        "no_answer_rate": metrics.mean(float(i["no_answer"]) for i in items),
        "items": items,
    }


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
    if is_provider_spec(args.model):
        from taxqa.runtime.remote import RemoteBackend

        if args.adapter_path:
            raise UserError(f"--adapter-path {args.adapter_path}: {args.model} is a provider model (no local adapter)")
        backend = RemoteBackend(args.model, timeout=args.timeout)
    else:
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
            result["mcq"] = [
                score_mcq(backend, path, system=system or None, limit=args.limit, max_tokens=args.max_tokens)
                for path in args.mcq
            ]
    finally:
        backend.close()
    if getattr(backend, "remote", False):
        result["usage"] = {"input_tokens": backend.usage.input_tokens, "output_tokens": backend.usage.output_tokens}
        result["cost_usd"] = backend.cost_usd
    return result


def single_adapter(paths: list[str] | None) -> str | None:
    if paths and len(paths) > 1:
        raise UserError(f"--adapter-path given {len(paths)} times for one --model")
    return None if not paths or paths[0] == "-" else paths[0]


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
    one, several = json_with("model", "backend"), json_with("models")  # one model's result, or a comparison

    def result(path: Path) -> bool:
        return one(path) or several(path)

    out = check_output_file(args.output, "-o", inputs=inputs, ours=result, what="taxqa eval result")
    report = args.report or out.with_suffix(".md")
    check_output_file(
        report,
        "--report",
        inputs=inputs,
        outputs={"-o": out},
        ours=text_starting("# Evaluation", "# Model comparison"),
        what="eval report",
    )
    if len(args.model or ()) > 1 or args.judge:  # the comparison's chart
        check_output_file(
            out.with_suffix(".png"),
            "-o (its .png)",
            inputs=inputs,
            outputs={"-o": out, "--report": report},
            ours=png_file,
            what="chart",
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
    if not args.timeout > 0:
        raise UserError(f"--timeout {args.timeout}: expected seconds above 0")
    if len(args.model or ()) > 1 or args.judge:
        from taxqa.runtime.comparison import main_models

        return main_models(args)
    args.model = (args.model or [None])[0]
    args.adapter_path = single_adapter(args.adapter_path)
    args.ground = args.ground or "on"
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
