"""One training run: data -> plan -> (resume?) -> Trainer -> adapter + tokenizer + run.json in --output."""

from __future__ import annotations

import gc
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from taxqa.errors import UserError
from taxqa.records import write_atomic
from train_cuda import data as datamod
from train_cuda import launch, runinfo
from train_cuda.config import TrainConfig, config_dict
from train_cuda.modeling import ModelPlan, load_model
from train_cuda.resume import CONFIG_SNAPSHOT, last_checkpoint, plan_resume, remove_checkpoints, say

MADE_BY = "train"
# what a run writes into --output (an older run's folder without the marker holds only these)
OUTPUT_NAMES = (
    "checkpoints", "tensorboard", "run.json", "README.md", "adapter_model.safetensors", "adapter_config.json",
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja",
    "tokenizer.model", "added_tokens.json", "training_args.bin", "runs",
)  # fmt: skip


class TrainingOOM(UserError):
    """CUDA ran out of memory; the message says which knob to turn."""


@dataclass
class Prepared:
    """Everything decided before the model is loaded."""

    config: TrainConfig
    plan: ModelPlan
    hf_config: object
    tokenizer: object
    train: list[dict]
    valid: list[dict]
    dataset_hash: str
    data_files: list[str]
    messages: list[str] = field(default_factory=list)


def encode_splits(config: TrainConfig, tokenizer, splits: datamod.Splits) -> tuple[list[dict], list[dict], list[str]]:
    messages = [splits.note] if splits.note else []
    d = config.data
    train, valid = splits.train[: d.max_train_samples], splits.valid[: d.max_eval_samples]
    kwargs = {"max_length": d.max_length, "truncation": d.truncation, "system": d.system_prompt or None}
    train_ex, dropped_train = datamod.encode_records(tokenizer, train, **kwargs)
    valid_ex, dropped_valid = datamod.encode_records(tokenizer, valid, **kwargs)
    if dropped_train or dropped_valid:
        messages.append(
            f"data.truncation is off: dropped {dropped_train} train and {dropped_valid} validation records longer "
            f"than {d.max_length} tokens"
        )
    for name, examples in (("train", train_ex), ("validation", valid_ex)):
        if not examples:
            raise datamod.DataError(f"{d.path}: no {name} example fits data.max_length {d.max_length}")
    if d.packing:
        n = len(train_ex)
        train_ex = datamod.pack_examples(train_ex, d.max_length)
        messages.append(f"packing: {n} train examples in {len(train_ex)} rows of up to {d.max_length} tokens")
    return train_ex, valid_ex, messages


def oom_advice(config: TrainConfig) -> str:
    ta, d = config.training_args, config.data
    batch, accum = ta.per_device_train_batch_size, ta.gradient_accumulation_steps
    knobs = [
        f"halve the batch and double accumulation (--set training_args.per_device_train_batch_size={max(1, batch // 2)} "
        f"--set training_args.gradient_accumulation_steps={accum * 2}), or re-run with --auto-batch",
        f"shorten sequences (--set data.max_length={max(256, d.max_length // 2)})",
    ]
    if not config.model.gradient_checkpointing:
        knobs.append("turn on gradient checkpointing (--set model.gradient_checkpointing=true)")
    if not config.quantization.load_in_4bit:
        knobs.append("load the base in 4 bits (QLoRA: --set quantization.load_in_4bit=true)")
    return f"CUDA out of memory at batch {batch} x accumulation {accum}, max_length {d.max_length}. Try: " + "; ".join(
        knobs
    )


def _trainer_class():
    import torch
    from transformers import Trainer

    class CountingTrainer(Trainer):
        """Counts the tokens that carry loss and all non-pad tokens of the training batches."""

        loss_tokens = 0
        real_tokens = 0

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            real = inputs.pop("real_tokens", None)
            if model.training and real is not None:
                self.loss_tokens += (inputs["labels"] != datamod.IGNORE_INDEX).sum()
                self.real_tokens += real
            return super().compute_loss(
                model, inputs, return_outputs=return_outputs, num_items_in_batch=num_items_in_batch
            )

        def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys=None):
            inputs.pop("real_tokens", None)
            return super().prediction_step(model, inputs, prediction_loss_only, ignore_keys=ignore_keys)

        def token_totals(self) -> tuple[int, int]:
            counts = torch.tensor([float(self.loss_tokens), float(self.real_tokens)], device=self.args.device)
            if torch.distributed.is_available() and torch.distributed.is_initialized():
                torch.distributed.all_reduce(counts)
            return int(counts[0].item()), int(counts[1].item())

    return CountingTrainer


def _callbacks(config: TrainConfig, device: str, extra: list):
    import torch
    from transformers import EarlyStoppingCallback, TrainerCallback

    class RunCallback(TrainerCallback):
        """Times the training steps only (not evaluation), copies the config into each checkpoint, logs."""

        def __init__(self):
            self.step_seconds = 0.0
            self.steps_run = 0
            self.first_step = None
            self._t0 = 0.0

        def on_step_begin(self, args, state, control, **kwargs):
            self._t0 = time.perf_counter()

        def on_step_end(self, args, state, control, **kwargs):
            if device == "cuda":
                torch.cuda.synchronize()
            self.step_seconds += time.perf_counter() - self._t0
            self.steps_run += 1
            if self.first_step is None:
                self.first_step = state.global_step

        def on_save(self, args, state, control, **kwargs):
            if state.is_world_process_zero:
                folder = Path(args.output_dir) / f"checkpoint-{state.global_step}"
                write_atomic(folder / CONFIG_SNAPSHOT, json.dumps(config_dict(config), indent=2, ensure_ascii=False))

        def on_log(self, args, state, control, logs=None, **kwargs):
            if state.is_world_process_zero and logs:
                shown = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in logs.items() if "runtime" not in k}
                print(f"step {state.global_step}/{state.max_steps}: {shown}", flush=True)

    run_cb = RunCallback()
    callbacks = [run_cb, *extra]
    ta = config.training_args
    if ta.early_stopping_patience and ta.load_best_model_at_end:
        callbacks.append(EarlyStoppingCallback(ta.early_stopping_patience, ta.early_stopping_threshold))
    return run_cb, callbacks


def training_arguments(config: TrainConfig, plan: ModelPlan, checkpoints: Path):
    from transformers import TrainingArguments

    ta = config.training_args
    strategy = launch.choose_strategy(config.distributed.strategy, plan.params, launch.world_size())
    backend = config.distributed.ddp_backend or (None if plan.device == "cuda" else "gloo")
    dist = launch.trainer_distributed_args(
        strategy, plan.layer_classes, bool(config.model.gradient_checkpointing), backend if strategy != "none" else None
    )
    fields = ta.model_dump(exclude={"early_stopping_patience", "early_stopping_threshold"})
    fields["remove_unused_columns"] = False  # the collator's keys are ours; nothing to drop
    report_to = config.logging.report_to or ["none"]
    return TrainingArguments(
        output_dir=str(checkpoints),
        **fields,
        bf16=plan.precision == "bf16",
        fp16=plan.precision == "fp16",
        use_cpu=plan.device == "cpu",
        activation_checkpointing=bool(config.model.gradient_checkpointing) and strategy != "fsdp",
        activation_checkpointing_kwargs={"use_reentrant": False},
        report_to=report_to,
        restore_callback_states_from_checkpoint=True,
        save_only_model=False,
        disable_tqdm=True,
        **dist,
    )


def run_training(
    prepared: Prepared,
    *,
    output: Path,
    resume: bool = True,
    auto_batch: bool = False,
    gpu_price: float | None = None,
    extra_callbacks: list | None = None,
) -> dict:
    """Train, then write the adapter, tokenizer and run.json to ``output``; returns the run record."""
    import torch
    from transformers import PrinterCallback

    from taxqa.outputs import mark_made

    config, plan = prepared.config, prepared.plan
    mark_made(output, MADE_BY)  # ours from now on: a later run may resume in it, nothing else is touched
    checkpoints = output / "checkpoints"
    # transformers' TensorBoard callback reads its folder from the environment
    os.environ["TENSORBOARD_LOGGING_DIR"] = str(config.logging.tensorboard_dir or output / "tensorboard")
    if not resume and checkpoints.exists():
        if launch.world_size() > 1:  # N processes would race to delete; the --nproc launcher does it once
            raise UserError(f"--no-resume under a launcher: delete {checkpoints} first, or use --nproc N --no-resume")
        remove_checkpoints(output)
    resume_from, resumed_step, messages, finished = plan_resume(output, config, resume)
    if finished is not None:
        for message in messages:
            say(message)
        return finished
    for message in messages:
        say(message)
    started = time.time()
    while True:
        model = load_model(config, plan, launch.local_rank())
        if launch.local_rank() == 0:
            trainable, total = model.get_nb_trainable_parameters()
            say(f"LoRA on {plan.n_target_modules} modules: {trainable:,} trainable of {total:,} parameters")
        run_cb, callbacks = _callbacks(config, plan.device, list(extra_callbacks or []))
        collator = datamod.Collator(datamod.pad_id_for(prepared.tokenizer), 8 if plan.device == "cuda" else None)
        trainer = _trainer_class()(
            model=model,
            args=training_arguments(config, plan, checkpoints),
            train_dataset=prepared.train,
            eval_dataset=prepared.valid,
            data_collator=collator,
            callbacks=callbacks,
        )
        trainer.remove_callback(PrinterCallback)  # RunCallback prints the logs with their step
        try:
            trainer.train(resume_from_checkpoint=str(resume_from) if resume_from else None)
            break
        except torch.OutOfMemoryError:
            ta = config.training_args
            if not auto_batch or ta.per_device_train_batch_size == 1:
                raise TrainingOOM(oom_advice(config)) from None
            ta.per_device_train_batch_size //= 2
            ta.gradient_accumulation_steps *= 2
            ta.per_device_eval_batch_size = max(1, ta.per_device_eval_batch_size // 2)
            say(
                f"out of memory: --auto-batch retries with batch {ta.per_device_train_batch_size} x accumulation "
                f"{ta.gradient_accumulation_steps} (same effective batch)"
            )
            del trainer, model
            gc.collect()
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
                torch.cuda.reset_peak_memory_stats()
            resume_from, _ = last_checkpoint(checkpoints) if resume else (None, [])
    wall = time.time() - started
    loss_tokens, real_tokens = trainer.token_totals()
    trainer.save_model(str(output))  # with load_best_model_at_end: the best adapter
    if not trainer.is_world_process_zero():
        return {}
    (output / "training_args.bin").unlink(missing_ok=True)  # a pickle the adapter does not need; checkpoints keep it
    prepared.tokenizer.save_pretrained(str(output))
    record = run_record(prepared, trainer, run_cb, wall, loss_tokens, real_tokens, resumed_step, gpu_price)
    write_atomic(output / "run.json", json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return record


def run_record(
    prepared: Prepared, trainer, run_cb, wall: float, loss_tokens: int, real_tokens: int, resumed_step: int, gpu_price
) -> dict:
    plan, state = prepared.plan, trainer.state
    evals = [e["eval_loss"] for e in state.log_history if "eval_loss" in e]
    seconds = run_cb.step_seconds or 1e-9
    summary = runinfo.device_summary(plan.device)
    n_gpus = launch.world_size() if plan.device == "cuda" else 0
    real_per_s = real_tokens / seconds
    peak = runinfo.peak_tflops(summary["device_name"]) if plan.device == "cuda" else None
    value = runinfo.mfu(plan.params, real_per_s, max(1, n_gpus), peak) if plan.device == "cuda" else None
    return {
        "base_model": plan.spec.hf_id if plan.spec else plan.source,
        "base_model_source": plan.source,
        "base_model_revision": runinfo.model_revision(prepared.hf_config, plan.source),
        "architecture": plan.architecture,
        "family": plan.family,
        "lora_target_modules": plan.target_modules,
        "precision": plan.precision,
        "attn_implementation": plan.attn_implementation,
        "dataset": {
            "files": prepared.data_files,
            "hash": prepared.dataset_hash,
            "train_rows": len(prepared.train),
            "valid_examples": len(prepared.valid),
        },
        "prompt": {"renderer": "taxqa.prompt.encode_example", "system_prompt": prepared.config.data.system_prompt},
        "config": config_dict(prepared.config),
        "global_step": state.global_step,
        "resumed_from_step": resumed_step,
        "steps_this_session": run_cb.steps_run,
        "final_eval_loss": evals[-1] if evals else None,
        "best_eval_loss": state.best_metric,
        "best_checkpoint": state.best_model_checkpoint,
        "train_tokens_per_s": {
            "loss_tokens": round(loss_tokens / seconds, 2),
            "non_pad_tokens": round(real_per_s, 2),
            "note": "loss_tokens: answer tokens that carry loss; non_pad_tokens: all tokens but padding; "
            "over this session's training steps (evaluation excluded), all processes together",
        },
        "train_tokens": {"loss_tokens": loss_tokens, "non_pad_tokens": real_tokens},
        **runinfo.peak_memory(plan.device),
        "wall_seconds": round(wall, 2),
        "train_step_seconds": round(run_cb.step_seconds, 2),
        **runinfo.cost_usd(wall, gpu_price, n_gpus),
        "mfu": value,
        "mfu_formula": "6 * params * non_pad_tokens_per_s / (peak_flops * gpus)",
        "params": plan.params,
        "processes": launch.world_size(),
        **summary,
        "git_commit": runinfo.git_commit(),
    }
