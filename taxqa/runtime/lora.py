"""`taxqa lora`: small MLX LoRA/DoRA tuning on a dataset folder, on top of mlx_lm's tuner.

Every record is rendered and tokenized by the one prompt renderer
(`taxqa.prompt.encode_example`): the tuner gets token ids plus the offset where the
answer starts, so loss falls on the answer and its stop token only. mlx_lm's
`train()` does the rest (compiled step, gradient checkpointing and accumulation,
validation, its progress bar with loss and tokens/s, periodic checkpoints).

ADAPTER_PATH gets what `mlx_lm.load(model, adapter_path=...)`, `taxqa generate
--adapter-path` and the chat app load (`adapter_config.json`, `adapters.safetensors`),
plus:
- `train_log.jsonl`: one JSON object per report, appended as training goes:
  {"iter", "iters", "train_loss", "tokens_per_sec", "learning_rate", "peak_memory_gb", "time"}
  for training reports and {"iter", "iters", "val_loss", "val_time", "learning_rate",
  "peak_memory_gb", "time"} for validation reports (``time`` is Unix time in seconds);
- `NNNNNNN_adapters.safetensors`: checkpoints every `--save-every` iterations, numbered
  by the total iteration count across resumed runs;
- `optimizer.safetensors` and `training_state.json`: what `--resume` continues from
  (see `taxqa.runtime.lora_checkpoint`: a resumed run trains as an uninterrupted one would).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from taxqa.dataset import read_split
from taxqa.errors import UserError
from taxqa.options import COUNT, NON_NEGATIVE_INT, POSITIVE, PROBABILITY_OPEN, integer
from taxqa.outputs import check_output_dir, mark_made
from taxqa.prompt import DEFAULT_SYSTEM_PROMPT, encode_example
from taxqa.records import AppendWriter, QARecord, write_atomic
from taxqa.runtime.lora_checkpoint import (
    ADAPTER_FILE,
    OPTIMIZER_FILE,
    SCRATCH_FILE,
    STATE_FILE,
    read_state,
    restore_optimizer,
    save_checkpoint,
    training_batches,
)

LOG_FILE = "train_log.jsonl"
CONFIG_FILE = "adapter_config.json"


class TokenizedExample(list):
    """Token ids of one rendered record; ``offset`` is where the answer (the loss) starts.

    A list, so mlx_lm's batching sorts examples by their token length."""

    def __init__(self, ids: list[int], offset: int):
        super().__init__(ids)
        self.offset = offset


class TokenizedDataset:
    """Records as (ids, offset) pairs in the interface mlx_lm's `CacheDataset` wraps."""

    def __init__(self, examples: list[TokenizedExample]):
        self._examples = examples

    def __getitem__(self, idx: int) -> TokenizedExample:
        return self._examples[idx]

    def __len__(self) -> int:
        return len(self._examples)

    def process(self, example: TokenizedExample) -> tuple[list[int], int]:
        return list(example), example.offset


def tokenize_records(tokenizer, records: list[QARecord], *, system: str | None, max_length: int) -> TokenizedDataset:
    examples = []
    for record in records:
        ids, start = encode_example(
            tokenizer, record.question, record.answer, system=system, max_length=max_length, grounding=record.grounding
        )
        examples.append(TokenizedExample(ids, start))
    return TokenizedDataset(examples)


def build_parser(prog: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Small MLX LoRA (or DoRA) tuning on a dataset folder (train.jsonl, valid.jsonl), built on "
        "mlx_lm's tuner, with our prompt format and loss on the answers only. Works on a 4-bit base (QLoRA-style).",
    )
    p.add_argument("--model", required=True, help="registry name, local MLX/HF folder or hub id (may be 4-bit)")
    p.add_argument("--data", required=True, help="dataset folder with train.jsonl (and valid.jsonl for validation)")
    p.add_argument("--adapter-path", default="adapters", help="output folder for the adapter (default: adapters)")
    p.add_argument("--iters", type=COUNT, default=1000, help="total training iterations (default 1000)")
    p.add_argument("--batch-size", type=COUNT, default=4, help="minibatch size (default 4)")
    p.add_argument(
        "--learning-rate", type=POSITIVE, default=None, help="Adam learning rate (default: registry or 1e-5)"
    )
    p.add_argument(
        "--num-layers", type=integer(-1), default=None, help="layers to adapt, from the top; -1 for all (default 16)"
    )
    p.add_argument("--resume", action="store_true", help="continue from the adapter saved in --adapter-path")
    p.add_argument("--fine-tune-type", choices=("lora", "dora"), default="lora", help="lora (default) or dora")
    p.add_argument("--rank", type=COUNT, default=None, help="LoRA rank (default: registry r, else 8)")
    p.add_argument("--scale", type=POSITIVE, default=None, help="LoRA scale (default: registry alpha/r, else 20)")
    p.add_argument(
        "--dropout", type=PROBABILITY_OPEN, default=None, help="LoRA dropout (default: registry value, else 0)"
    )
    p.add_argument("--grad-checkpoint", action="store_true", help="gradient checkpointing (less memory, slower)")
    p.add_argument("--grad-accumulation-steps", type=COUNT, default=1, help="batches per optimizer update (default 1)")
    p.add_argument("--max-seq-length", type=integer(8), default=2048, help="longest example in tokens (default 2048)")
    p.add_argument("--val-batches", type=integer(-1), default=25, help="validation batches, -1 for all (default 25)")
    p.add_argument("--steps-per-report", type=COUNT, default=10, help="iterations between loss reports (default 10)")
    p.add_argument("--steps-per-eval", type=COUNT, default=200, help="iterations between validations (default 200)")
    p.add_argument("--save-every", type=COUNT, default=100, help="iterations between checkpoints (default 100)")
    p.add_argument(
        "--system-prompt", default=None, help="system prompt to train with (default: the one generation uses)"
    )
    p.add_argument("--seed", type=NON_NEGATIVE_INT, default=0, help="random seed (default 0)")
    return p


def check_args(args) -> None:
    for name in ("iters", "batch_size", "grad_accumulation_steps", "steps_per_report", "steps_per_eval", "save_every"):
        if getattr(args, name) < 1:
            raise UserError(f"--{name.replace('_', '-')} {getattr(args, name)}: expected at least 1")
    if args.max_seq_length < 8:
        raise UserError(f"--max-seq-length {args.max_seq_length}: expected at least 8")
    if args.learning_rate is not None and not args.learning_rate > 0:
        raise UserError(f"--learning-rate {args.learning_rate}: expected > 0")
    if args.rank is not None and args.rank < 1:
        raise UserError(f"--rank {args.rank}: expected at least 1")


def lora_settings(args, n_layers: int) -> tuple[int, dict, float]:
    """(num_layers, lora_parameters, learning_rate) from the flags, the registry, then mlx_lm's defaults."""
    from taxqa.models import spec_for

    spec = spec_for(args.model)
    if args.num_layers is None:
        num_layers = min(16, n_layers)
    elif args.num_layers == -1 or 1 <= args.num_layers <= n_layers:
        num_layers = args.num_layers
    else:
        raise UserError(f"--num-layers {args.num_layers}: the model has {n_layers} layers (use 1..{n_layers} or -1)")
    params = {
        "rank": args.rank or (spec.lora_r if spec else 8),
        "scale": args.scale if args.scale is not None else (spec.lora_alpha / spec.lora_r if spec else 20.0),
        "dropout": args.dropout if args.dropout is not None else (spec.lora_dropout if spec else 0.0),
    }
    lr = args.learning_rate or (spec.learning_rate if spec else 1e-5)
    return num_layers, params, lr


def resume_point(adapter_path: Path) -> tuple[dict, int]:
    """(saved adapter config, iterations already trained) of the adapter to resume."""
    if not (adapter_path / ADAPTER_FILE).exists() or not (adapter_path / CONFIG_FILE).exists():
        raise UserError(f"--resume: no {ADAPTER_FILE} and {CONFIG_FILE} in {adapter_path} to resume from")
    try:
        config = json.loads((adapter_path / CONFIG_FILE).read_text(encoding="utf-8"))
        iters_done = int(read_state(adapter_path).get("iters_done", 0))
    except (ValueError, AttributeError) as exc:
        raise UserError(f"--resume: {adapter_path} holds an unreadable {CONFIG_FILE} or state file ({exc})") from None
    if not isinstance(config, dict):
        raise UserError(f"--resume: {adapter_path / CONFIG_FILE} is not a JSON object")
    return config, iters_done


def plain_mlx_console() -> None:
    """mlx_lm's training bar forces truecolor: when stdout is not a terminal, give it a console without
    colour codes (its make_console is looked up at call time, so replacing it is enough)."""
    if sys.stdout.isatty():
        return
    from mlx_lm import cli_ui
    from rich.console import Console

    console = Console(theme=cli_ui._make_theme(), highlight=False, color_system=None, width=100)
    cli_ui.make_console = lambda: console


def check_resume_flags(args, saved: dict) -> None:
    """--resume keeps the saved adapter's shape: a flag asking for another shape is refused, not ignored."""
    params = saved.get("lora_parameters") or {}
    asked = {
        "--rank": (args.rank, params.get("rank")),
        "--scale": (args.scale, params.get("scale")),
        "--dropout": (args.dropout, params.get("dropout")),
        "--num-layers": (args.num_layers, saved.get("num_layers")),
    }
    for flag, (want, have) in asked.items():
        if want is not None and have is not None and want != have:
            raise UserError(
                f"{flag} {want}: the adapter in {args.adapter_path} was trained with {flag} {have}; "
                f"--resume continues that adapter (drop {flag}, or train a new one without --resume)"
            )
    saved_type = saved.get("fine_tune_type")
    if saved_type and args.fine_tune_type != "lora" and args.fine_tune_type != saved_type:
        raise UserError(f"--fine-tune-type {args.fine_tune_type}: the adapter to resume is {saved_type}")


class LogCallback:
    """mlx_lm training callback: append each report to train_log.jsonl; save checkpoints on save iterations."""

    def __init__(self, adapter_path: Path, offset: int, total: int, save_every: int, model, optimizer):
        self.adapter_path, self.offset, self.total, self.save_every = adapter_path, offset, total, save_every
        self.model, self.optimizer = model, optimizer
        self.writer = AppendWriter(adapter_path / LOG_FILE)
        self.learning_rate = optimizer.learning_rate.item()

    def on_train_loss_report(self, info: dict) -> None:
        self.learning_rate = float(info["learning_rate"])
        self.writer.write(
            {
                "iter": self.offset + info["iteration"],
                "iters": self.total,
                "train_loss": float(info["train_loss"]),
                "tokens_per_sec": float(info["tokens_per_second"]),
                "learning_rate": self.learning_rate,
                "peak_memory_gb": float(info["peak_memory"]),
                "time": time.time(),
            }
        )
        done = self.offset + info["iteration"]
        if done % self.save_every == 0 or done == self.total:  # reports fall on save iterations (see main)
            save_checkpoint(self.adapter_path, self.model, self.optimizer, done, numbered=done % self.save_every == 0)

    def on_val_loss_report(self, info: dict) -> None:
        import mlx.core as mx

        self.writer.write(
            {
                "iter": self.offset + info["iteration"],
                "iters": self.total,
                "val_loss": float(info["val_loss"]),
                "val_time": float(info["val_time"]),
                "learning_rate": self.learning_rate,
                "peak_memory_gb": mx.get_peak_memory() / 1e9,
                "time": time.time(),
            }
        )


def main(argv: list[str] | None = None, prog: str = "taxqa lora") -> int:
    args = build_parser(prog).parse_args(argv)
    check_args(args)
    data = Path(args.data)
    train_records = read_split(data, "train", required=True)
    valid_records = read_split(data, "valid", required=False)
    if len(train_records) < args.batch_size:
        raise UserError(f"--batch-size {args.batch_size}: {data / 'train.jsonl'} has only {len(train_records)} records")
    adapter_path = Path(args.adapter_path)
    check_output_dir(
        adapter_path, "--adapter-path", inputs={"--data folder": data}, replace=not args.resume, made_by="lora"
    )
    saved, iters_done = resume_point(adapter_path) if args.resume else ({}, 0)
    if saved:
        check_resume_flags(args, saved)
    run_iters = args.iters - iters_done
    if run_iters <= 0:
        print(f"{adapter_path} already has {iters_done} of {args.iters} iterations: nothing to do", file=sys.stderr)
        return 0

    import mlx.core as mx
    import mlx.optimizers as optim
    from mlx_lm.tuner.trainer import TrainingArgs, train
    from mlx_lm.tuner.utils import linear_to_lora_layers, print_trainable_parameters
    from mlx_lm.utils import load

    from taxqa.models import model_folder
    from taxqa.runtime.loading import check_tokenizer_files

    model_dir = model_folder(args.model)
    check_tokenizer_files(model_dir, args.model)
    model, tokenizer = load(str(model_dir))
    num_layers, lora_parameters, learning_rate = lora_settings(args, len(model.layers))
    fine_tune_type = args.fine_tune_type
    if saved:  # the saved adapter's shape wins: its weights must fit
        num_layers, lora_parameters = saved["num_layers"], saved["lora_parameters"]
        fine_tune_type = saved.get("fine_tune_type", fine_tune_type)
    system = DEFAULT_SYSTEM_PROMPT if args.system_prompt is None else args.system_prompt
    system = saved.get("system_prompt", system) if saved else system
    train_set = tokenize_records(tokenizer, train_records, system=system or None, max_length=args.max_seq_length)
    valid_set = tokenize_records(tokenizer, valid_records, system=system or None, max_length=args.max_seq_length)
    if 0 < len(valid_set) < args.batch_size:
        print(
            f"note: valid.jsonl has fewer records than --batch-size {args.batch_size}: no validation", file=sys.stderr
        )
    if len(valid_set) < args.batch_size:
        valid_set = None

    mx.random.seed(args.seed)
    model.freeze()
    linear_to_lora_layers(model, num_layers, lora_parameters, use_dora=fine_tune_type == "dora")
    if not saved:  # a new adapter folder is taxqa's
        mark_made(adapter_path, "lora")
    if saved:
        # the numbered checkpoint is the one the state file names (a kill may have come after a later save)
        weights = adapter_path / f"{iters_done:07d}_{ADAPTER_FILE}"
        weights = weights if weights.exists() else adapter_path / ADAPTER_FILE
        model.load_weights(str(weights), strict=False)
        print(f"Resuming from {weights} after {iters_done} iterations", file=sys.stderr)
    else:
        for name in (LOG_FILE, STATE_FILE, OPTIMIZER_FILE):  # they described the adapter this run replaces
            (adapter_path / name).unlink(missing_ok=True)
    plain_mlx_console()
    print_trainable_parameters(model)
    config = {
        "created_by": "taxqa lora",
        "model": args.model,
        "base_model_path": str(model_dir),
        "data": str(data),
        "fine_tune_type": fine_tune_type,
        "num_layers": num_layers,
        "lora_parameters": lora_parameters,
        "system_prompt": system,
        "iters": args.iters,
        "batch_size": args.batch_size,
        "learning_rate": learning_rate,
        "max_seq_length": args.max_seq_length,
        "grad_checkpoint": args.grad_checkpoint,
        "grad_accumulation_steps": args.grad_accumulation_steps,
        "seed": args.seed,
    }
    write_atomic(adapter_path / CONFIG_FILE, json.dumps(config, ensure_ascii=False, indent=2) + "\n")

    optimizer = optim.Adam(learning_rate=learning_rate)
    if saved:
        restore_optimizer(adapter_path, optimizer, iters_done)
    # Reports must fall on the save iterations (total count, iters_done + mlx_lm's own), where the
    # callback saves; mlx_lm itself saves only a scratch file.
    steps_per_report = math.gcd(args.steps_per_report, args.save_every, iters_done)
    callback = LogCallback(adapter_path, iters_done, args.iters, args.save_every, model, optimizer)
    try:
        train(
            model=model,
            optimizer=optimizer,
            train_dataset=_cache(train_set),
            val_dataset=_cache(valid_set) if valid_set else None,
            args=TrainingArgs(
                batch_size=args.batch_size,
                iters=run_iters,
                val_batches=args.val_batches,
                steps_per_report=steps_per_report,
                steps_per_eval=args.steps_per_eval,
                steps_per_save=run_iters + 1,
                max_seq_length=args.max_seq_length,
                adapter_file=str(adapter_path / SCRATCH_FILE),
                grad_checkpoint=args.grad_checkpoint,
                grad_accumulation_steps=args.grad_accumulation_steps,
            ),
            iterate_batches=training_batches(args.seed, iters_done),
            training_callback=callback,
        )
    finally:
        callback.writer.close()
        (adapter_path / SCRATCH_FILE).unlink(missing_ok=True)
    print(f"Saved the adapter to {adapter_path} ({args.iters} iterations)", file=sys.stderr)
    return 0


def _cache(dataset: TokenizedDataset):
    from mlx_lm.tuner.datasets import CacheDataset

    return CacheDataset(dataset)


if __name__ == "__main__":
    from taxqa.cli import run_command

    sys.exit(run_command("taxqa.runtime.lora", sys.argv[1:], "taxqa lora"))
