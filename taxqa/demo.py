"""`taxqa demo`: the whole pipeline, offline, on the embedded defaults.

Each step runs the same `taxqa` command a user would type (printed before it
runs), so the demo doubles as a walkthrough. Steps whose output exists are
reused on a re-run; `--fresh` starts over. Like taxqa/cli.py it is the CLI face:
it reaches the stages (train_cuda, convert) only through `taxqa` commands run as
subprocesses, never by importing them (tests/test_layering.py holds it to that).
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.panel import Panel

from taxqa.errors import UserError

DEMO_QUESTION = "부모님으로부터 20억원을 증여받으면 증여세는 얼마인가요?"
# short grounding for the tiny model and the CPU: 1 article of 300 characters (+ the breakdown)
DEMO_GROUNDING = ["--ground-k", "1", "--ground-chars", "300"]
# The original project's worked example: wrong by 5억원. The quality gate must reject it.
SEED_EXAMPLE = [
    {
        "question": "부모로부터 20억원을 증여받았을 때 증여세는 얼마인가요?",
        "answer": "증여재산 20억원에 대해 공제 없이 세율을 적용하면 증여세는 9,000만원입니다.",
        "type": "teacher",
        "source": "상속세 및 증여세법",
    }
]


@dataclass(frozen=True)
class DemoSizes:
    qa_items: int
    train_steps: int
    lora_iters: int
    eval_limit: int
    max_tokens: int


QUICK = DemoSizes(qa_items=60, train_steps=8, lora_iters=4, eval_limit=4, max_tokens=24)
DEFAULT = DemoSizes(qa_items=240, train_steps=60, lora_iters=30, eval_limit=12, max_tokens=64)
FULL = DemoSizes(qa_items=1000, train_steps=300, lora_iters=150, eval_limit=40, max_tokens=128)


class Demo:
    def __init__(self, out: Path, sizes: DemoSizes, console: Console):
        self.out, self.sizes, self.console = out, sizes, console
        self.step_no = 0
        self.timings: list[tuple[str, float]] = []

    def path(self, *parts: str) -> Path:
        return self.out.joinpath(*parts)

    def run(self, title: str, args: list[str], done: Path | None = None) -> None:
        """Run `taxqa ARGS` unless ``done`` exists; stream its output; stop the demo if it fails."""
        self.step_no += 1
        shown = "taxqa " + " ".join(shlex.quote(a) for a in args)
        self.console.rule(f"[bold]{self.step_no}. {title}")
        self.console.print(f"[dim]$ {shown}[/dim]")
        if done is not None and done.exists():
            self.console.print(f"[green]reusing[/green] {done} (run with --fresh to rebuild)")
            return
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "taxqa.cli", *args], cwd=self.out)
        elapsed = time.perf_counter() - start
        self.timings.append((title, elapsed))
        if proc.returncode != 0:
            raise UserError(f"demo step {self.step_no} ({title}) failed with exit code {proc.returncode}: {shown}")
        self.console.print(f"[green]done[/green] in {elapsed:.1f}s")


def run_demo(out: Path, sizes: DemoSizes, console: Console) -> dict:
    demo = Demo(out, sizes, console)
    s = sizes
    p = demo.path
    start = time.perf_counter()

    demo.run(
        "Passages from the embedded corpus",
        ["corpus", "build", "--embedded", "-o", "passages.jsonl"],
        p("passages.jsonl"),
    )
    demo.run(
        "Search the corpus (BM25)", ["corpus", "search", "증여재산 공제 한도", "-k", "3", "--corpus", "passages.jsonl"]
    )
    demo.run(
        "Calculator-grounded Q&A, offline (templates, no LLM), mixed with the grounding the model reads",
        ["data", "generate", "--mode", "calc", "--n", str(s.qa_items), *DEMO_GROUNDING, "-o", "raw.jsonl"],
        p("raw.jsonl"),
    )
    if not p("seed.json").exists():
        p("seed.json").write_text(json.dumps(SEED_EXAMPLE, ensure_ascii=False, indent=1), encoding="utf-8")
    demo.run(
        "Import the original project's worked example",
        ["data", "import", "seed.json", "-o", "imported.jsonl"],
        p("imported.jsonl"),
    )
    if not p("candidates.jsonl").exists():
        text = p("raw.jsonl").read_text(encoding="utf-8") + p("imported.jsonl").read_text(encoding="utf-8")
        from taxqa.records import write_atomic

        write_atomic(p("candidates.jsonl"), text)
    demo.run(
        "Quality gate (numbers checked against the calculators)",
        [
            "data",
            "check",
            "candidates.jsonl",
            "-o",
            "checked.jsonl",
            "--rejects",
            "rejects.jsonl",
            "--corpus",
            "passages.jsonl",
        ],
        p("checked.jsonl"),
    )
    demo.run(
        "Train / valid / test splits", ["data", "split", "checked.jsonl", "-o", "dataset"], p("dataset", "card.md")
    )
    demo.run(
        "Tiny Gemma3 checkpoint (random weights)",
        ["demo-model", "--arch", "gemma3", "--out", "models/base"],
        p("models", "base"),
    )
    demo.run(
        "LoRA training with train_cuda (transformers + peft, on the CPU)",
        [
            "train",  # with the config train_cuda ships (its --config default)
            "--model",
            "models/base",
            "--data",
            "dataset",
            "--output",
            "adapters/cuda",
            "--max-steps",
            str(s.train_steps),
            "--device",
            "cpu",
            # a tiny random model needs a large step to learn the format in a few dozen steps
            "--set",
            "training_args.learning_rate=0.005",
            "--set",
            "training_args.gradient_accumulation_steps=1",
        ],
        p("adapters", "cuda", "run.json"),
    )
    demo.run(
        "Convert to a fused MLX 4-bit model, verified against peft",
        [
            "convert",
            "--base",
            "models/base",
            "--adapter",
            "adapters/cuda",
            "-o",
            "models/fused-4bit",
            "--q-group-size",
            "32",
        ],
        p("models", "fused-4bit"),
    )
    demo.run(
        "A few MLX LoRA iterations on top (what you would run on the Mac)",
        [
            "lora",
            "--model",
            "models/fused-4bit",
            "--data",
            "dataset",
            "--iters",
            str(s.lora_iters),
            "--adapter-path",
            "adapters/mlx",
        ],
        p("adapters", "mlx", "adapters.safetensors"),
    )
    lim = ["--limit", str(s.eval_limit), "--max-tokens", str(s.max_tokens)]
    runs = [
        ("base", "Evaluate the base model (MLX)", ["--model", "models/base"]),
        (
            "trained-peft",
            "Evaluate the trained adapter before conversion (torch + peft)",
            ["--model", "models/base", "--adapter-path", "adapters/cuda", "--backend", "torch"],
        ),
        ("fused-4bit", "Evaluate the converted 4-bit model (MLX)", ["--model", "models/fused-4bit"]),
        (
            "fused-4bit-mlx-lora",
            "Evaluate the 4-bit model with the MLX LoRA on top",
            ["--model", "models/fused-4bit", "--adapter-path", "adapters/mlx"],
        ),
    ]
    for name, title, model_args in runs:
        demo.run(
            title,
            ["eval", *model_args, "--data", "dataset", *lim, "--ground", "both", "-o", f"eval/{name}.json"],
            p("eval", f"{name}.json"),
        )
    demo.run(
        "Compare base vs trained vs 4-bit (Markdown table + PNG chart)",
        ["eval", "--compare", *[f"eval/{name}.json" for name, _, _ in runs], "-o", "eval/compare.md"],
    )
    demo.run(
        "Answer one question, with the calculator's verified figure beside it",
        [
            "generate",
            "--model",
            "models/fused-4bit",
            "--adapter-path",
            "adapters/mlx",
            "--prompt",
            DEMO_QUESTION,
            "--max-tokens",
            str(s.max_tokens),
            "--check",
        ],
    )
    total = time.perf_counter() - start
    write_report(out, demo.timings, total, sizes)
    summary = {
        "out": str(out),
        "seconds": round(total, 1),
        "steps": [{"step": t, "seconds": round(x, 1)} for t, x in demo.timings],
    }
    from taxqa.records import write_atomic

    write_atomic(p("demo_summary.json"), json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return summary


FRAMING = """\
> **Read this first.** The model in this demo is a tiny random-weight Gemma3 (a few hundred
> thousand parameters) built on this machine: no real weights can be downloaded here. It learns
> the answer *format* from the dataset, not tax law, so numeric and citation accuracy stay near
> zero; what the numbers show is that every stage runs for real and that training moves the
> loss. The same commands with real models: `taxqa train --model gemma3-12b` on a RunPod GPU,
> `taxqa convert --base google/gemma-3-12b-it`, and `taxqa eval` / `taxqa-tui` on a Mac.
"""


GROUNDING_NOTE = """\
Each run answered every held-out test question twice: with the grounding block (the articles and
the calculator's breakdown, the context a user's question gets in `taxqa generate` and the chat app)
and without it. The calculator judges the answers: key-figure accuracy is the share of computable
questions whose answer states the figure the question asked for, right to the won.
"""


def grounding_section(out: Path, sizes: DemoSizes) -> str:
    """Key-figure accuracy and the other grounding metrics, grounded vs ungrounded, per evaluated run."""
    rows = []
    for path in sorted((out / "eval").glob("*.json")):
        run = json.loads(path.read_text(encoding="utf-8"))
        ground = run.get("ground") or {}
        if not {"on", "off"} <= set(ground):
            continue
        on, off = ground["on"], ground["off"]

        def cell(key: str, on=on, off=off) -> str:
            fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
            return f"{fmt(on[key])} / {fmt(off[key])}"

        rows.append(f"| {path.stem} | {cell('key_figure_accuracy')} (n={on['computable_n']}) | "
                    f"{cell('figure_consistency')} | {cell('citation_accuracy')} | "
                    f"{cell('invented_figure_rate')} (n={on['missing_facts_n']}) |")  # fmt: skip
    if not rows:
        return ""
    head = [
        "\n## Grounded vs ungrounded (held-out calculator questions)\n",
        GROUNDING_NOTE,
        f"Training: {sizes.train_steps} steps with train_cuda, then {sizes.lora_iters} MLX LoRA iterations; answers "
        f"of at most {sizes.max_tokens} tokens on {sizes.eval_limit} test items. Each cell: grounded / ungrounded.\n",
        "| run | key-figure accuracy | figure consistency | citation accuracy | invented-figure rate |",
        "| --- | --- | --- | --- | --- |",
    ]
    return "\n".join(head + rows) + "\n"


def write_report(out: Path, timings: list[tuple[str, float]], total: float, sizes: DemoSizes = DEFAULT) -> None:
    """REPORT.md: the framing, the evaluation table, grounded vs ungrounded, the conversion proof, timings."""
    from taxqa.records import write_atomic

    parts = ["# taxqa demo report\n", FRAMING]
    compare = out / "eval" / "compare.md"
    if compare.exists():
        table = compare.read_text(encoding="utf-8").replace("](compare.png)", "](eval/compare.png)")
        parts.append(table.replace("# Evaluation comparison", "## Evaluation: base vs trained vs 4-bit", 1))
    parts.append(grounding_section(out, sizes))
    for name in ("conversion_report.md",):
        report = out / "models" / "fused-4bit" / name
        if report.exists():
            parts.append(f"\n## Conversion proof\n\nSee [models/fused-4bit/{name}](models/fused-4bit/{name}).\n")
    rows = "\n".join(f"| {title} | {seconds:.1f} |" for title, seconds in timings)
    parts.append(f"\n## Steps run this time ({total:.0f} s)\n\n| step | seconds |\n| --- | --- |\n{rows}\n")
    write_atomic(out / "REPORT.md", "\n".join(parts))


def print_next_steps(out: Path, summary: dict, console: Console) -> None:
    lines = [
        f"Everything is in [bold]{out}[/bold] ({summary['seconds']:.0f}s); start with REPORT.md.",
        "The tiny model has random weights: it learns the answer format, not tax law.",
        "",
        "Chat with what the demo built:",
        f"  taxqa-tui --model {out / 'models/fused-4bit'} --adapter-path {out / 'adapters/mlx'}",
        "The same with real models:",
        "  bash train_cuda/runpod_train.sh --model gemma3-12b --data dataset --output /workspace/out   # RunPod",
        "  taxqa convert --base google/gemma-3-12b-it --adapter /workspace/out -o gemma3-12b-taxqa-4bit",
        "  taxqa-tui --model gemma3-12b-taxqa-4bit                                                     # Mac",
    ]
    console.print(Panel("\n".join(lines), title="taxqa demo finished", expand=False))


def main(argv: list[str] | None = None, prog: str = "taxqa demo") -> int:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Run the whole pipeline offline on embedded defaults: corpus -> verified dataset -> LoRA training "
        "(train_cuda on the CPU) -> MLX 4-bit conversion with parity proof -> MLX LoRA -> evaluation -> a checked answer.",
    )
    parser.add_argument(
        "--out", default="demo-output", help="working folder (default: ./demo-output); re-runs reuse it"
    )
    parser.add_argument("--fresh", action="store_true", help="delete the working folder first and rebuild everything")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="same steps, fewer items and iterations (used by the tests)")
    size.add_argument("--full", action="store_true", help="more data and iterations (a few more minutes)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    from taxqa.outputs import check_output_dir, mark_made, remove_made

    if args.fresh:
        remove_made(out, "--out", made_by="demo")  # only a folder `taxqa demo` made
    check_output_dir(out, "--out", replace=True, made_by="demo")  # new, empty or the demo's: never one of yours
    mark_made(out, "demo")
    sizes = QUICK if args.quick else FULL if args.full else DEFAULT
    console = Console(stderr=True)
    summary = run_demo(out, sizes, console)
    print_next_steps(out, summary, console)
    return 0
