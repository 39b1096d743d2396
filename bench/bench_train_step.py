"""Training step, for the record: answer tokens/s of `taxqa lora` (MLX) and `taxqa train`
(train_cuda: transformers + peft, on the CPU here) on the same tiny model and data.

Same random gemma3_text checkpoint, same records, batch 4, no accumulation, LoRA r=16
(scale alpha/r = 2) on every attention and MLP projection, fp32, no evaluation. Both report
tokens/s over the answer tokens that carry loss (mlx_lm's count, and train_cuda's
`train_tokens_per_s.loss_tokens`); MLX's first report (compilation) is left out.

Also printed: the MFU formula train_cuda writes into run.json on CUDA, and what it means
for the registry's models on the GPUs people rent on RunPod (the tokens/s each needs for
a given MFU), so a pod's run.json can be read against it.

    python bench/bench_train_step.py            # 4x256 model, 20 steps each
    python bench/bench_train_step.py --quick    # 2x128 model, 4 steps each
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import MB, print_table, run_child, scratch_dir, tiny_checkpoint, write_result  # noqa: E402
from taxqa.models import REGISTRY  # noqa: E402
from train_cuda.runinfo import PEAK_TFLOPS, mfu  # noqa: E402

GPUS = ("A100", "H100", "RTX 4090")
MFU_LEVELS = (0.3, 0.5)
BATCH, RANK, ALPHA = 4, 16, 32


def write_dataset(folder: Path, n_train: int, n_valid: int = 4) -> Path:
    """QA records with short Korean answers: the same files for both trainers."""
    from taxqa.amounts import format_won
    from taxqa.records import QARecord, write_jsonl_atomic

    relations = ["부모", "배우자", "자녀", "형제"]
    records = []
    for i in range(n_train + n_valid):
        amount = (i % 9 + 1) * 100_000_000
        records.append(
            QARecord(
                question=f"{relations[i % 4]}에게서 {format_won(amount)}을 증여받으면 과세표준은 얼마인가요? ({i})",
                answer=f"과세표준은 {format_won(amount // 2)}입니다. 상속세 및 증여세법 제53조에 따라 "
                f"증여재산공제를 뺀 금액입니다.",
                type="calc",
                source="calculator",
                citations=["상속세 및 증여세법 제53조"],
            )
        )
    write_jsonl_atomic(folder / "train.jsonl", records[:n_train])
    write_jsonl_atomic(folder / "valid.jsonl", records[n_train:])
    return folder


def taxqa(*args: str) -> list[str]:
    return [sys.executable, "-m", "taxqa.cli", *args]


def run_mlx(model: Path, data: Path, out: Path, steps: int) -> dict:
    cmd = taxqa("lora", "--model", str(model), "--data", str(data), "--adapter-path", str(out))
    cmd += ["--iters", str(steps), "--batch-size", str(BATCH), "--rank", str(RANK), "--scale", str(ALPHA / RANK)]
    cmd += ["--dropout", "0", "--num-layers", "-1", "--steps-per-report", "1", "--steps-per-eval", str(steps + 1)]
    cmd += ["--save-every", str(steps), "--val-batches", "1"]
    run = run_child(cmd)
    if run.returncode:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stderr[-3000:]}")
    reports = [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines() if line.strip()]
    rates = [r["tokens_per_sec"] for r in reports if "tokens_per_sec" in r]
    steady = rates[1:] or rates  # the first report includes compiling the step
    return {
        "trainer": "taxqa lora (mlx_lm)",
        "command": " ".join(cmd[1:]),
        "steps": steps,
        "loss_tokens_per_s": statistics.mean(steady),
        "loss_tokens_per_s_first_step": rates[0] if rates else None,
        "final_train_loss": next((r["train_loss"] for r in reversed(reports) if "train_loss" in r), None),
        "wall_s": run.seconds,
        "peak_rss_bytes": run.peak_rss,
    }


def run_torch(model: Path, data: Path, out: Path, steps: int) -> dict:
    overrides = {
        "training_args.per_device_train_batch_size": BATCH,
        "training_args.gradient_accumulation_steps": 1,
        "training_args.eval_strategy": "'no'",
        "training_args.save_strategy": "'no'",
        "training_args.load_best_model_at_end": "false",
        "training_args.early_stopping_patience": 0,
        "training_args.logging_steps": 1,
        "training_args.warmup_steps": 0,
        "lora_config.r": RANK,
        "lora_config.lora_alpha": ALPHA,
        "lora_config.lora_dropout": 0,
        "model.gradient_checkpointing": "false",
        "precision": "fp32",
    }
    cmd = taxqa("train", "--config", "train_cuda/train_config.yaml", "--model", str(model), "--data", str(data))
    cmd += ["--output", str(out), "--max-steps", str(steps), "--device", "cpu", "--no-resume"]
    for key, value in overrides.items():
        cmd += ["--set", f"{key}={value}"]
    run = run_child(cmd)
    if run.returncode:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stderr[-3000:]}")
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {
        "trainer": "taxqa train (transformers + peft, cpu)",
        "command": " ".join(cmd[1:]),
        "steps": record.get("global_step", steps),
        "loss_tokens_per_s": record["train_tokens_per_s"]["loss_tokens"],
        "non_pad_tokens_per_s": record["train_tokens_per_s"]["non_pad_tokens"],
        "wall_s": run.seconds,
        "peak_rss_bytes": run.peak_rss,
        "params": record.get("params"),
        "mfu_formula": record.get("mfu_formula"),
    }


def mfu_table() -> list[dict]:
    """Training tokens/s each registry model needs on each GPU for a given MFU (6 x N x tokens/s / peak)."""
    rows = []
    for spec in REGISTRY.values():
        params = spec.language_params_b * 1e9
        for gpu in GPUS:
            peak = PEAK_TFLOPS[gpu]
            need = {f"{m:.0%}": m * peak * 1e12 / (6 * params) for m in MFU_LEVELS}
            rows.append({"model": spec.name, "gpu": gpu, "peak_tflops_bf16": peak, "tokens_per_s_for_mfu": need})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 2x128 model, 4 steps each")
    parser.add_argument("--size", help="LAYERSxHIDDEN (default 4x256, quick 2x128)")
    parser.add_argument("--steps", type=int, help="training steps per trainer (default 20, quick 4)")
    parser.add_argument("--json", help="where to write JSON (default bench/results/train_step.json)")
    args = parser.parse_args(argv)
    size = args.size or ("2x128" if args.quick else "4x256")
    steps = args.steps or (4 if args.quick else 20)

    runs, failures = [], {}
    with scratch_dir("models") as root, scratch_dir("train_step") as work:
        model = tiny_checkpoint(root, "gemma3", size)
        data = write_dataset(work / "data", n_train=BATCH * steps)
        for name, runner in (("mlx", run_mlx), ("torch", run_torch)):
            try:
                runs.append(runner(model, data, work / f"out-{name}", steps))
            except Exception as exc:  # one trainer failing still reports the other, then exits non-zero
                failures[name] = f"{type(exc).__name__}: {exc}"
                print(f"{name} training failed: {failures[name]}", file=sys.stderr)

    params = next((r["params"] for r in runs if r.get("params")), None)
    base = next((r["loss_tokens_per_s"] for r in runs if r["trainer"].startswith("taxqa train")), None)
    print_table(
        f"Training step: random gemma3_text {size}, batch {BATCH}, LoRA r={RANK}, fp32, {steps} steps",
        ["trainer", "answer tokens/s", "vs torch", "non-pad tokens/s", "wall s", "peak RSS MB"],
        [
            [
                r["trainer"],
                r["loss_tokens_per_s"],
                f"{r['loss_tokens_per_s'] / base:.2f}x" if base else "-",
                r.get("non_pad_tokens_per_s"),
                r["wall_s"],
                r["peak_rss_bytes"] / MB,
            ]
            for r in runs
        ],
        caption="answer tokens/s: tokens that carry loss, per second of training steps. "
        "wall s includes imports and loading.",
    )
    table = mfu_table()
    print_table(
        "MFU = 6 x params x tokens/s / peak FLOP/s (bf16 dense): training tokens/s needed per GPU",
        ["model", "GPU", "peak TFLOP/s", *(f"tok/s at {m:.0%} MFU" for m in MFU_LEVELS)],
        [[r["model"], r["gpu"], r["peak_tflops_bf16"], *r["tokens_per_s_for_mfu"].values()] for r in table],
        caption="train_cuda writes mfu (non-pad tokens/s, all GPUs) into run.json on CUDA; with LoRA the frozen "
        "weights get no weight gradients, so 6N overstates the FLOPs a little (~4N is the floor).",
    )
    example = mfu(int(REGISTRY["gemma3-4b"].language_params_b * 1e9), 5000, 1, PEAK_TFLOPS["A100"])
    print(f"example: gemma3-4b at 5,000 tokens/s on one A100 = MFU {example:.1%}")
    rates = ", ".join(f"{r['trainer'].split(' (')[0]} {r['loss_tokens_per_s']:.0f}" for r in runs)
    headline = f"answer tokens/s on {size}: {rates}" + (f"; FAILED: {', '.join(failures)}" if failures else "")
    print(headline)
    write_result(
        "train_step",
        {
            "quick": args.quick,
            "headline": headline,
            "model": {"arch": "gemma3", "size": size, "parameters": params},
            "batch_size": BATCH,
            "lora": {"r": RANK, "alpha": ALPHA},
            "runs": runs,
            "failures": failures,
            "mfu_formula": "6 * params * tokens_per_s / (peak_tflops * 1e12 * gpus)",
            "mfu_table": table,
        },
        args.json,
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
