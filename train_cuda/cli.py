"""`taxqa train`: LoRA / QLoRA training with transformers + peft, on a CUDA GPU (or the CPU).

Everything that can be wrong with the config, the dataset or the model choice is
reported before any weights are loaded; a re-run of the same command resumes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
from pathlib import Path

from taxqa.errors import UserError
from train_cuda import launch
from train_cuda.config import apply_preset, load_config, parse_set
from train_cuda.data import dataset_hash, load_splits

SHIPPED_CONFIG = Path(__file__).with_name("train_config.yaml")


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Train a LoRA (or QLoRA) adapter on a `taxqa data split` dataset with transformers + peft. "
        "Writes adapter_model.safetensors, adapter_config.json, the tokenizer and run.json to --output; "
        "checkpoints go to --output/checkpoints and re-running the same command resumes from the last one.",
    )
    parser.add_argument("--config", "-c", default=str(SHIPPED_CONFIG), help="YAML config (default: the shipped one)")
    parser.add_argument(
        "--model", help="registry name (gemma3-12b, gemma3-4b, gemma3-1b, phi2), hub id or local folder"
    )
    parser.add_argument("--data", help="dataset folder (train.jsonl, valid.jsonl) or the original's seed JSON")
    parser.add_argument("--output", "-o", help="output folder for the adapter, tokenizer, run.json and checkpoints")
    parser.add_argument("--max-steps", type=int, help="stop after this many optimizer steps (overrides epochs)")
    parser.add_argument(
        "--device",
        choices=("auto", "cuda", "mps", "cpu"),
        default="auto",
        help="where to train (default auto: CUDA if any)",
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="override any config key, e.g. lora_config.r=32"
    )
    parser.add_argument(
        "--auto-batch", action="store_true", help="on CUDA OOM halve the batch, double accumulation, go on"
    )
    parser.add_argument("--gpu-price", type=float, help="USD per GPU-hour, for cost_usd in run.json")
    parser.add_argument(
        "--push-to-hub", metavar="[OWNER/]NAME", help="upload the adapter (token: HF_TOKEN or `hf auth login`)"
    )
    parser.add_argument("--no-resume", action="store_true", help="start over: delete --output/checkpoints first")
    parser.add_argument("--nproc", type=int, default=1, help="processes (GPUs) to launch: DDP, or FSDP for 12B+")
    parser.add_argument(
        "--launcher",
        choices=("torchrun", "accelerate"),
        default="torchrun",
        help="multi-process launcher (--nproc > 1)",
    )
    parser.add_argument("--print-launch", action="store_true", help="print the multi-process command and exit")
    parser.add_argument("--check", action="store_true", help="validate config, data and model plan; do not train")
    return parser


def overrides_from(args: argparse.Namespace) -> dict:
    overrides = dict(parse_set(item) for item in args.set)
    for flag, key in (
        ("model", "model.name"),
        ("data", "data.path"),
        ("output", "output.dir"),
        ("max_steps", "training_args.max_steps"),
    ):
        if getattr(args, flag) is not None:
            overrides[key] = getattr(args, flag)
    if args.push_to_hub:
        overrides["output.push_to_hub"] = args.push_to_hub
    return overrides


def _argv_without_launch(argv: list[str]) -> list[str]:
    out, skip = [], False
    for item in argv:
        if skip:
            skip = False
            continue
        if item in ("--nproc", "--launcher"):
            skip = True
            continue
        if item.startswith(("--nproc=", "--launcher=")) or item == "--print-launch":
            continue
        out.append(item)
    return out


def stay_offline_for_local_model(config) -> None:
    """A local model folder and no upload: nothing to fetch, so no Hub call at all (set before transformers
    is imported; an explicit HF_HUB_OFFLINE wins)."""
    if Path(str(config.model.name)).is_dir() and not config.output.push_to_hub:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")


def prepare(args: argparse.Namespace, say=print):
    """Config, data, model plan, tokenizer and encoded examples: all the checks, no weights loaded."""
    from taxqa.models import spec_for
    from train_cuda.modeling import load_hf_config, pick_device, plan_model, refuse_fp16_for_gemma3
    from train_cuda.train import Prepared, encode_splits

    config, notes, fp16_sources = load_config(args.config, overrides_from(args))
    stay_offline_for_local_model(config)
    from taxqa.outputs import check_own_dir
    from train_cuda.train import MADE_BY, OUTPUT_NAMES

    inputs = {"data.path (--data)": config.data.path, "model.name (--model) folder": config.model.name}
    check_own_dir(config.output.dir, "output.dir (--output)", MADE_BY, inputs=inputs, known=OUTPUT_NAMES)
    for note in notes:
        say(f"note: {note}")
    notes.clear()
    if config.output.push_to_hub:
        from taxqa.hub import check_hub_ready

        check_hub_ready(config.output.push_to_hub, "--push-to-hub")
    spec = spec_for(config.model.name)
    if spec is not None:  # known without reading anything; local checkpoints are checked in plan_model
        refuse_fp16_for_gemma3(config, spec.family, fp16_sources)
    splits = load_splits(config.data.path, validation_split=config.data.validation_split, seed=config.data.seed)
    filled = apply_preset(config, spec)
    device = pick_device(args.device)
    warnings: list[str] = []
    try:
        plan = plan_model(config, device, fp16_sources, warnings, notes)
    finally:
        for note in notes:
            say(f"note: {note}")
        for warning in warnings:
            say(f"warning: {warning}")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(plan.source, revision=config.model.revision)
    train, valid, messages = encode_splits(config, tokenizer, splits)
    for message in messages:
        say(message)
    ta = config.training_args
    say(
        f"model {plan.source} ({plan.architecture}, {plan.params / 1e6:,.1f}M params) on {device}, {plan.precision}, "
        f"attention {plan.attn_implementation}; LoRA r={config.lora_config.r} alpha={config.lora_config.lora_alpha:g} "
        f"on {plan.n_target_modules} modules; batch {ta.per_device_train_batch_size} x accumulation "
        f"{ta.gradient_accumulation_steps}, lr {ta.learning_rate:g}, max_length {config.data.max_length}; "
        f"{len(train)} train / {len(valid)} validation examples" + (f" (preset: {', '.join(filled)})" if filled else "")
    )
    hf_config = load_hf_config(plan.source, config.model.revision, config.model.trust_remote_code)
    return Prepared(
        config, plan, hf_config, tokenizer, train, valid, dataset_hash(splits.files), [str(f) for f in splits.files]
    )


def main(argv: list[str] | None = None, prog: str = "taxqa train") -> int:
    import sys

    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(prog).parse_args(argv)
    if args.nproc < 1:
        raise UserError("--nproc must be at least 1")
    rank0 = launch.local_rank() == 0

    def say(message: str) -> None:
        if rank0:
            print(message, flush=True)

    if args.nproc > 1 and not launch.under_launcher():
        command = launch.launch_command(args.nproc, _argv_without_launch(argv), launcher=args.launcher)
        if args.print_launch:
            print(launch.shell_line(command))
            return 0
        prepared = prepare(args, say)  # refuse a bad config once, before starting N processes
        if args.no_resume:  # here, once, rather than racing in N processes
            from train_cuda.resume import remove_checkpoints

            remove_checkpoints(Path(prepared.config.output.dir).expanduser())
            command.remove("--no-resume")
        say(f"launching {args.nproc} processes: {launch.shell_line(command)}")
        return subprocess.run(command, check=False).returncode
    prepared = prepare(args, say)
    if args.check:
        say("check passed: config, data and model plan are fine (no training: --check)")
        return 0
    from train_cuda.train import run_training

    output = Path(prepared.config.output.dir).expanduser()
    record = run_training(
        prepared, output=output, resume=not args.no_resume, auto_batch=args.auto_batch, gpu_price=args.gpu_price
    )
    if not record:
        return 0
    best, final = record["best_eval_loss"], record["final_eval_loss"]
    tps = record["train_tokens_per_s"]
    say(
        f"adapter written to {output} (step {record['global_step']}; eval loss final {final if final is None else round(final, 4)}, "
        f"best {best if best is None else round(best, 4)}); {tps['loss_tokens']:.0f} loss tokens/s, "
        f"{tps['non_pad_tokens']:.0f} non-pad tokens/s; peak memory {record['peak_memory_bytes'] / 2**30:.2f} GiB"
    )
    if record["mfu"] is not None:
        say(f"MFU {record['mfu']:.1%} (6 x {record['params']:,} params x non-pad tokens/s / peak FLOP/s)")
    elif record["device"] == "cuda":
        say(f"MFU unknown: {record['device_name']} is not in train_cuda.runinfo.PEAK_TFLOPS")
    if record.get("cost_usd") is not None:
        say(f"cost ${record['cost_usd']:.2f} ({record['gpu_hours']:.3f} GPU-hours x ${args.gpu_price}/h)")
    repo = prepared.config.output.push_to_hub
    if repo:
        from train_cuda.hub import push_adapter

        url = push_adapter(output, repo, private=prepared.config.output.hub_private)
        say(f"pushed to the Hub: {url}")
    say(f"next: taxqa convert --base {record['base_model']} --adapter {output} -o {output.name}-mlx")
    return 0
