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
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from taxqa.demo_report import key_figures, print_next_steps, write_report
from taxqa.errors import UserError
from taxqa.tax.rates import AS_OF_ENV

# The day every demo step takes for today (`TAXQA_AS_OF`, taxqa.tax.rates.today): the calculators' law
# versions, the grounding block's "계산 (YYYY-MM-DD 시행 법령 기준)" line, and so the records, the tokenizer,
# the training and the judged figures are byte-for-byte the same on any day. The day the default's figures
# were measured (BENCHMARKS.md §15, round 10): inside the 2026 versions the embedded corpus and rate tables
# carry (the latest 2026-04-21, the next 2027-01-01).
DEMO_AS_OF = "2026-12-07"
DEMO_QUESTION = "부모님으로부터 20억원을 증여받으면 증여세는 얼마인가요?"
# A short grounding for the tiny model and the CPU: a compact block (one-line article references, the
# breakdown's last lines ending with the tax to pay, which the answer states first in the same words);
# no plain items (every training question carries its context), some lacking a fact.
DEMO_GROUNDING = ["--ground-k", "1", "--ground-chars", "200", "--grounded", "0.65", "--distractor", "0.15",
                  "--missing", "0.2", "--ground-compact"]  # fmt: skip
# The original project's worked example: wrong by 5억원. The quality gate must reject it.
SEED_EXAMPLE = [
    {
        "question": "부모로부터 20억원을 증여받았을 때 증여세는 얼마인가요?",
        "answer": "증여재산 20억원에 대해 공제 없이 세율을 적용하면 증여세는 9,000만원입니다.",
        "type": "teacher",
        "source": "상속세 및 증여세법",
    }
]


# The recipe with which the tiny Gemma3 learned to copy a block's last figure (BENCHMARKS.md §15, rounds 4 and 9):
# an amount's digit groups as tokens, its leading groups with their space and comma (each figure token then
# follows one that occurs once in the figure), 4 heads / 4 kv heads, rope 1e4, the answer loss alone after a
# 30-step warm-up, and every example's payable figure a fresh random amount (in the block and the answer
# alike), so that only copying predicts it: with the records' own figures the model learned them by heart.
DEMO_RECIPE = ["--numbers", "amounts", "--heads", "4", "--kv-heads", "4", "--rope-theta", "10000",
               "--pretrain-loss", "answer", "--pretrain-warmup", "30", "--pretrain-random-figures", "1"]  # fmt: skip
# No system turn, in every step that renders a prompt (pre-training, train_cuda, MLX LoRA, eval, generate): the
# default system prompt is 57 of a demo example's ~165 tokens, a third of each step's cost, and tells a model
# that learns only to copy nothing (BENCHMARKS.md §15, round 7).
DEMO_SYSTEM = ["--system-prompt", ""]


@dataclass(frozen=True)
class DemoSizes:
    qa_items: int
    pretrain_steps: int
    train_steps: int
    lora_iters: int
    eval_limit: int
    max_tokens: int
    size: str = "2x128"
    vocab: int = 1536
    pretrain_lr: float = 6e-3
    pretrain_batch: int = 8
    train_lr: float = 1e-3
    lora_lr: float = 1e-4


QUICK = DemoSizes(qa_items=80, pretrain_steps=20, train_steps=4, lora_iters=1, eval_limit=4, max_tokens=24)
# The default: 750 pre-training steps of 16 with fresh figures, 0.85 held-out grounded from pre-training alone
# on 41 questions (600 steps: 0.71; the records' own figures at 600: 0.42-0.46; BENCHMARKS.md §15, round 9), and
# 40 test questions (about 28 computable) so that one question is under 4 points
DEFAULT = DemoSizes(qa_items=1600, pretrain_steps=750, train_steps=10, lora_iters=1, eval_limit=40, max_tokens=24,
                    pretrain_batch=16)  # fmt: skip
# --full: more records and steps (BENCHMARKS.md §15, rounds 6-7, measured before round 9's recipe: 0.74 end to
# end with digit groups and the records' own figures; with round 9's recipe not measured yet). Its 60 train_cuda
# steps at lr 1e-4: at 1e-3 they took the copying from 0.58 to 0.44, at 1e-4 they kept 0.58 (§15, round 7)
FULL = DemoSizes(qa_items=4000, pretrain_steps=1500, train_steps=60, lora_iters=10, eval_limit=60, max_tokens=48,
                 pretrain_batch=16, train_lr=1e-4)  # fmt: skip


class Demo:
    """Runs the steps: one progress line each (with its time); a step's own output goes to logs/."""

    def __init__(self, out: Path, sizes: DemoSizes, console: Console, total_steps: int):
        self.out, self.sizes, self.console, self.total = out, sizes, console, total_steps
        self.step_no = 0
        self.timings: list[tuple[str, float]] = []
        self.commands: list[str] = []  # for REPORT.md: the walkthrough a user can re-type

    def path(self, *parts: str) -> Path:
        return self.out.joinpath(*parts)

    def run(self, title: str, args: list[str], done: Path | None = None, show: bool = False) -> str:
        """Run `taxqa ARGS` unless ``done`` exists; returns its output (``show``: print it too)."""
        self.step_no += 1
        shown = f"{AS_OF_ENV}={DEMO_AS_OF} taxqa " + " ".join(shlex.quote(a) for a in args)
        head = f"[{self.step_no:>2}/{self.total}] {title:<44}"
        if done is not None and done.exists():
            self.console.print(f"{head} [green]reusing[/green]")  # its output exists (--fresh rebuilds)
            return ""
        log = self.path("logs", f"{self.step_no:02d}.log")
        log.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        env = {**THREAD_ENV, **os.environ, **OFFLINE_ENV, AS_OF_ENV: DEMO_AS_OF}
        proc = subprocess.run([sys.executable, "-m", "taxqa.cli", *args], cwd=self.out, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")  # fmt: skip
        elapsed = time.perf_counter() - start
        log.write_text(f"$ {shown}\n{proc.stdout}", encoding="utf-8")
        self.timings.append((title, elapsed))
        if proc.returncode != 0:
            self.console.print(f"{head} [red]failed[/red] ({elapsed:.1f}s)\n$ {shown}\n" + tail(proc.stdout, 30))
            raise UserError(f"demo step {self.step_no} ({title}) failed with exit code {proc.returncode}; log: {log}")
        self.commands.append(shown)
        self.console.print(f"{head} [green]{elapsed:6.1f}s[/green]")
        if show:
            self.console.print(squeeze_blank_lines(proc.stdout), markup=False, highlight=False)
        return proc.stdout


# The demo runs offline: no Hugging Face Hub calls (models are local folders) and no hub kernels.
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}
# One torch thread per step unless the user sets it: the demo's matrices are too small to share, and on 2 busy
# cores a second thread made the torch evaluation 6x slower in wall and CPU time (BENCHMARKS.md §15, round 7).
THREAD_ENV = {"OMP_NUM_THREADS": "1"}


def tail(text: str, lines: int) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def squeeze_blank_lines(text: str) -> str:
    """At most one blank line in a row (a model that emits newlines must not scroll the screen away)."""
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text.strip())


# (name, title, model arguments, ground modes). Only the trained model answers without its block too: its
# ungrounded figure is the one summary.json and the end box promise (that the model cannot know figures it
# was not given); the other runs' ungrounded passes cost a third of the evaluation time and told nothing
# new (0.00 in every round of BENCHMARKS.md §15), so they answer grounded only.
EVAL_RUNS = [
    ("base", "Evaluate: pre-trained base (MLX)", ["--model", "models/base"], "on"),
    (
        "trained-peft",
        "Evaluate: trained adapter (torch + peft)",
        ["--model", "models/base", "--adapter-path", "adapters/cuda", "--backend", "torch"],
        "both",
    ),
    ("fused-4bit", "Evaluate: 4-bit model (MLX)", ["--model", "models/fused-4bit"], "on"),
    (
        "fused-4bit-mlx-lora",
        "Evaluate: 4-bit + MLX LoRA",
        ["--model", "models/fused-4bit", "--adapter-path", "adapters/mlx"],
        "on",
    ),
]
STEPS = 12 + len(EVAL_RUNS)


def run_demo(out: Path, sizes: DemoSizes, console: Console) -> dict:
    demo = Demo(out, sizes, console, STEPS)
    s = sizes
    p = demo.path
    start = time.perf_counter()

    demo.run(
        "Corpus: passages from the embedded statutes",
        ["corpus", "build", "--embedded", "-o", "passages.jsonl"],
        p("passages.jsonl"),
    )
    demo.run(
        "Corpus search (BM25)", ["corpus", "search", "증여재산 공제 한도", "-k", "3", "--corpus", "passages.jsonl"]
    )
    demo.run(
        "Q&A from the calculators, with grounding",
        [
            "data",
            "generate",
            "--mode",
            "calc",
            "--n",
            str(s.qa_items),
            *DEMO_GROUNDING,
            "--no-progress",
            "-o",
            "raw.jsonl",
        ],  # fmt: skip
        p("raw.jsonl"),
    )
    if not p("seed.json").exists():
        p("seed.json").write_text(json.dumps(SEED_EXAMPLE, ensure_ascii=False, indent=1), encoding="utf-8")
    demo.run(
        "Import the original project's example",
        ["data", "import", "seed.json", "-o", "imported.jsonl"],
        p("imported.jsonl"),
    )
    if not p("candidates.jsonl").exists():
        text = p("raw.jsonl").read_text(encoding="utf-8") + p("imported.jsonl").read_text(encoding="utf-8")
        from taxqa.records import write_atomic

        write_atomic(p("candidates.jsonl"), text)
    demo.run(
        "Quality gate (figures checked)",
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
        ],  # fmt: skip
        p("checked.jsonl"),
    )
    demo.run(
        "Train / valid / test splits", ["data", "split", "checked.jsonl", "-o", "dataset"], p("dataset", "card.md")
    )
    demo.run(
        "Tiny Gemma3: tokenizer + pre-training",
        [
            "demo-model",
            "--arch",
            "gemma3",
            "--size",
            s.size,
            "--vocab-size",
            str(s.vocab),
            "--out",
            "models/base",
            "--train-on",
            "dataset/train.jsonl",
            "--pretrain-steps",
            str(s.pretrain_steps),
            "--pretrain-lr",
            str(s.pretrain_lr),
            "--pretrain-batch",
            str(s.pretrain_batch),
            *DEMO_RECIPE,
            *DEMO_SYSTEM,
        ],  # fmt: skip
        p("models", "base"),
    )
    demo.run(
        "LoRA training with train_cuda (CPU)",
        [
            "train",
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
            "--set",
            f"training_args.learning_rate={s.train_lr}",
            "--set",
            "training_args.gradient_accumulation_steps=1",
            "--set",
            "training_args.per_device_train_batch_size=8",
            "--set",
            "training_args.warmup_steps=0",
            "--set",
            "data.max_length=768",
            "--set",
            "data.system_prompt=",
        ],  # fmt: skip
        p("adapters", "cuda", "run.json"),
    )
    demo.run(
        "Convert to MLX 4-bit, checked against peft",
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
        ],  # fmt: skip
        p("models", "fused-4bit"),
    )
    demo.run(
        "MLX LoRA on top (as on a Mac)",
        [
            "lora",
            "--model",
            "models/fused-4bit",
            "--data",
            "dataset",
            "--iters",
            str(s.lora_iters),
            "--learning-rate",
            str(s.lora_lr),
            "--adapter-path",
            "adapters/mlx",
            "--val-batches",  # one iteration's validation loss says nothing; 25 batches (the default) cost ~10 s
            "2",
            *DEMO_SYSTEM,
        ],  # fmt: skip
        p("adapters", "mlx", "adapters.safetensors"),
    )
    lim = ["--limit", str(s.eval_limit), "--max-tokens", str(s.max_tokens), "--ground-k", "1", *DEMO_SYSTEM]
    for name, title, model_args, modes in EVAL_RUNS:
        demo.run(
            title,
            ["eval", *model_args, "--data", "dataset", *lim, "--ground", modes, "-o", f"eval/{name}.json"],
            p("eval", f"{name}.json"),
        )
    demo.run(
        "Compare the runs (table + chart)",
        ["eval", "--compare", *[f"eval/{name}.json" for name, *_ in EVAL_RUNS], "-o", "eval/compare.md"],
    )
    demo.run(
        "Answer a question, checked by the calculator",
        [
            "generate",
            "--model",
            "models/fused-4bit",
            "--prompt",
            DEMO_QUESTION,
            "--ground-k",
            "1",
            "--ground-compact",
            "--max-tokens",
            str(s.max_tokens),
            *DEMO_SYSTEM,
            "--check",
        ],  # fmt: skip
        show=True,
    )
    total = time.perf_counter() - start
    write_report(out, demo.timings, total, sizes, demo.commands)
    summary = {
        "out": str(out),
        "seconds": round(total, 1),
        "steps": [{"step": t, "seconds": round(x, 1)} for t, x in demo.timings],
    }
    from taxqa.records import write_atomic

    write_atomic(p("demo_summary.json"), json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    figures = key_figures(out)
    figures |= {"seconds": {t: round(x, 1) for t, x in demo.timings}, "total_seconds": round(total, 1)}
    write_atomic(p("summary.json"), json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    return summary | {"figures": figures}


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
    size.add_argument(
        "--full", action="store_true", help="more data and iterations: the model copies (about 12 minutes on 2 cores)"
    )
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
    print_next_steps(out, summary, console, DEMO_QUESTION)
    return 0
