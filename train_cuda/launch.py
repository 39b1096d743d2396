"""Several GPUs: the torchrun / accelerate command line, and DDP or FSDP inside the Trainer.

The launcher only starts N copies of ``python -m train_cuda``; whether they run
DDP (each GPU a whole model) or FSDP (weights sharded, for 12B+ models) is set in
TrainingArguments, so the command is the same for both.
"""

from __future__ import annotations

import os
import shlex
import sys

FSDP_FROM_PARAMS = 10e9  # a 12B model in bf16 with optimizer state and activations does not fit one 40 GB GPU


def world_size() -> int:
    return int(os.environ.get("WORLD_SIZE", "1"))


def local_rank() -> int:
    return int(os.environ.get("LOCAL_RANK", "0"))


def under_launcher() -> bool:
    return "LOCAL_RANK" in os.environ


def choose_strategy(requested: str, params: int, n_processes: int) -> str:
    """none (one process), ddp or fsdp."""
    if n_processes <= 1:
        return "none"
    if requested != "auto":
        return requested
    return "fsdp" if params >= FSDP_FROM_PARAMS else "ddp"


def launch_command(
    nproc: int, train_argv: list[str], *, launcher: str = "torchrun", python: str | None = None
) -> list[str]:
    """The command that runs ``python -m train_cuda TRAIN_ARGV`` on ``nproc`` local processes."""
    python = python or sys.executable
    if launcher == "accelerate":
        head = [python, "-m", "accelerate.commands.launch", "--num_processes", str(nproc), "--num_machines", "1"]
        if nproc > 1:
            head.append("--multi_gpu")
        return [*head, "-m", "train_cuda", *train_argv]
    return [
        python,
        "-m",
        "torch.distributed.run",
        "--standalone",
        "--nproc_per_node",
        str(nproc),
        "-m",
        "train_cuda",
        *train_argv,
    ]


def trainer_distributed_args(
    strategy: str, layer_classes: list[str], gradient_checkpointing: bool, backend: str | None
) -> dict:
    """TrainingArguments for DDP or FSDP (FSDP checkpoints activations itself, instead of the model)."""
    args: dict = {}
    if backend:
        args["ddp_backend"] = backend
    if strategy == "fsdp":
        args["fsdp"] = "full_shard auto_wrap"
        args["fsdp_config"] = {
            "version": 2,
            "transformer_layer_cls_to_wrap": layer_classes,
            "activation_checkpointing": gradient_checkpointing,
            "cpu_ram_efficient_loading": True,
            "reshard_after_forward": True,
        }
    return args


def shell_line(command: list[str]) -> str:
    return " ".join(shlex.quote(part) for part in command)
