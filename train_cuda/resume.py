"""Resuming a run: find the newest whole checkpoint, refuse config changes it cannot take,
and tell a finished run from one to continue. Checkpoints live in <output>/checkpoints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from taxqa.errors import UserError
from train_cuda import launch
from train_cuda.config import TrainConfig, config_dict

CONFIG_SNAPSHOT = "taxqa_train_config.json"  # the config, copied into each checkpoint
# Changing these under a checkpoint cannot resume: the saved adapter or optimizer would not fit.
INCOMPATIBLE = ("model.name", "model.revision", "lora_config.r", "lora_config.target_modules", "quantization")
# Changing these is what "train longer" means: not worth a report line.
EXPECTED_CHANGES = ("training_args.max_steps", "training_args.num_train_epochs", "output.push_to_hub")


def say(message: str) -> None:
    if launch.local_rank() == 0:
        print(message, flush=True)


def last_checkpoint(checkpoints: Path) -> tuple[Path | None, list[str]]:
    """The newest complete checkpoint (trainer_state.json is written last; a kill mid-save leaves none)."""
    messages = []
    if not checkpoints.is_dir():
        return None, messages
    found = sorted(
        (p for p in checkpoints.glob("checkpoint-*") if p.name.split("-")[-1].isdigit()),
        key=lambda p: int(p.name.split("-")[-1]),
        reverse=True,
    )
    for path in found:
        if (path / "trainer_state.json").is_file():
            return path, messages
        messages.append(f"{path.name} is incomplete (killed while saving?): skipped")
    return None, messages


def _flatten(tree: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{key}.")
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def compare_with_checkpoint(checkpoint: Path, config: TrainConfig) -> list[str]:
    """Report config changes against the checkpoint; refuse those it cannot resume with."""
    snapshot = checkpoint / CONFIG_SNAPSHOT
    if not snapshot.is_file():
        return [f"{checkpoint.name} has no {CONFIG_SNAPSHOT}: cannot compare configs"]
    before = _flatten(json.loads(snapshot.read_text(encoding="utf-8")))
    now = _flatten(config_dict(config))
    changed = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    blocking = [k for k in changed if k.startswith(INCOMPATIBLE)]
    if blocking:
        details = "; ".join(f"{k}: {before.get(k)!r} -> {now.get(k)!r}" for k in blocking)
        raise UserError(
            f"cannot resume {checkpoint}: {details}. Use another --output, or --no-resume to start over "
            "(deletes the old checkpoints)"
        )
    return [
        f"config changed since {checkpoint.name}: {k}: {before.get(k)!r} -> {now.get(k)!r}"
        for k in changed
        if not k.startswith(EXPECTED_CHANGES)
    ]


def remove_checkpoints(output: Path) -> None:
    checkpoints = output / "checkpoints"
    if checkpoints.exists():
        say(f"--no-resume: removing {checkpoints}")
        shutil.rmtree(checkpoints)


def finished_already(state: dict, config: TrainConfig) -> bool:
    """The checkpoint ended its run and the config asks for no more steps or epochs."""
    control = (state.get("stateful_callbacks") or {}).get("TrainerControl") or {}
    stopped = bool((control.get("args") or {}).get("should_training_stop"))
    stopped_early = stopped and state["global_step"] < state.get("max_steps", 0)
    if stopped_early:
        return True  # early stopping ended it: more steps would only be stopped again
    if state["global_step"] < state.get("max_steps", 0):
        return False
    ta = config.training_args
    if ta.max_steps > 0:
        return ta.max_steps <= state["global_step"]
    return ta.num_train_epochs <= state.get("num_train_epochs", 0)


def plan_resume(output: Path, config: TrainConfig, resume: bool) -> tuple[Path | None, int, list[str], dict | None]:
    """(checkpoint to resume from, its step, messages to print, the finished run's record or None)."""
    resume_from, messages = last_checkpoint(output / "checkpoints") if resume else (None, [])
    if resume_from is None:
        return None, 0, messages, None
    messages += compare_with_checkpoint(resume_from, config)
    state = json.loads((resume_from / "trainer_state.json").read_text())
    step = state["global_step"]
    if finished_already(state, config) and (output / "run.json").is_file():
        messages.append(
            f"{output} already holds the finished run (step {step}): nothing to train. Raise --max-steps "
            "or the epochs to train on, or use --no-resume to start over"
        )
        return resume_from, step, messages, json.loads((output / "run.json").read_text(encoding="utf-8"))
    messages.append(f"resuming from {resume_from} (step {step})")
    return resume_from, step, messages, None
