"""`taxqa demo`'s outputs: the figures it promises (summary.json), REPORT.md and the end box."""

from __future__ import annotations

import json
from pathlib import Path

from rich.panel import Panel


def key_figures(out: Path) -> dict:
    """The figures the demo promises: grounded and ungrounded key-figure accuracy of the trained model
    (torch + peft, before conversion), and grounded of the converted 4-bit model, on held-out questions."""

    def ground(name: str, mode: str) -> dict:
        path = out / "eval" / f"{name}.json"
        run = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return (run.get("ground") or {}).get(mode) or {}

    trained_on, trained_off, quantized = (
        ground("trained-peft", "on"),
        ground("trained-peft", "off"),
        ground("fused-4bit", "on"),
    )
    base_on = ground("base", "on")
    return {
        "grounded_key_figure": trained_on.get("key_figure_accuracy"),
        "ungrounded_key_figure": trained_off.get("key_figure_accuracy"),
        "quantized_grounded_key_figure": quantized.get("key_figure_accuracy"),
        "base_grounded_key_figure": base_on.get("key_figure_accuracy"),
        "items": trained_on.get("computable_n"),
        "questions": trained_on.get("n"),
    }


FRAMING = """\
> **Read this first.** The model in this demo is a tiny Gemma3 (a few hundred thousand parameters)
> built on this machine: no real weights can be downloaded here. Its tokenizer is trained on the
> bundled statutes with every digit group a token of its own; it is pre-trained for a few minutes on the training split and
> then LoRA-trained for one skill, the one grounding needs: to copy the calculator's figure and the
> governing article from the context block into a Korean answer; the grounded figures below say
> how far it got. It learns not tax law: without the block (ungrounded) it cannot know the figure. The same commands with real models:
> `taxqa train --model gemma3-12b` on a RunPod GPU, `taxqa convert --base google/gemma-3-12b-it`,
> and `taxqa eval` / `taxqa-tui` on a Mac.
"""


GROUNDING_NOTE = """\
Each run answered every held-out test question with the grounding block (the articles and the
calculator's breakdown, the context a user's question gets in `taxqa generate` and the chat app); the
trained model (trained-peft) also answered each without it (ungrounded; – where a run did not). The
calculator judges the answers: key-figure accuracy is the share of computable questions whose answer
states the figure the question asked for, right to the won.
"""


def grounding_section(out: Path, sizes) -> str:
    """Key-figure accuracy and the other grounding metrics, grounded vs ungrounded, per evaluated run."""
    rows = []
    for path in sorted((out / "eval").glob("*.json")):
        run = json.loads(path.read_text(encoding="utf-8"))
        ground = run.get("ground") or {}
        if "on" not in ground:
            continue
        on, off = ground["on"], ground.get("off") or {}

        def cell(key: str, on=on, off=off) -> str:
            fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
            return f"{fmt(on.get(key))} / {fmt(off.get(key))}"

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


def write_report(
    out: Path,
    timings: list[tuple[str, float]],
    total: float,
    sizes,
    commands: list[str] = (),
) -> None:
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
    if commands:  # each step's own output is in logs/NN.log
        parts.append("\n## The commands, to re-type\n\n```\n" + "\n".join(commands) + "\n```\n")
    write_atomic(out / "REPORT.md", "\n".join(parts))


def pct(value) -> str:
    return "–" if value is None else f"{value:.0%}"


def print_next_steps(out: Path, summary: dict, console, question: str) -> None:
    f = summary["figures"]
    model = out / "models" / "fused-4bit"
    lines = [
        f"Key-figure accuracy, {f['items']} held-out questions (figure right to the won):",
        f"  grounded   {pct(f['grounded_key_figure']):>5}   (base before LoRA {pct(f['base_grounded_key_figure'])})",
        f"  ungrounded {pct(f['ungrounded_key_figure']):>5}   (the model cannot know figures it was not given)",
        f"  4-bit MLX  {pct(f['quantized_grounded_key_figure']):>5}   grounded, after conversion",
        "",
        f"Model:  {model}",
        f"Report: {out / 'REPORT.md'}  (figures in {out / 'summary.json'}; took {summary['seconds']:.0f}s)",
        "",
        "Try next:",
        f'  taxqa-tui --model {model} --system-prompt "" --ground-compact',
        f'  taxqa generate --model {model} -p "{question}" --system-prompt "" --ground-k 1 --ground-compact --check',
        "The same with real models (a RunPod GPU, then a Mac):",
        "  bash train_cuda/runpod_train.sh --model gemma3-12b --data dataset",
        "  taxqa convert --base google/gemma-3-12b-it --adapter OUT -o g12-4bit",
        "  taxqa-tui --model g12-4bit",
    ]
    console.print(Panel("\n".join(lines), title="taxqa demo finished", expand=False), markup=False)
