"""The training config: a YAML file, validated strictly, with the original project's keys.

Order of precedence: the model's training defaults (taxqa.models) < the YAML file < command-line overrides.
The original project's configs (``phi2_train_config.yaml``, ``gemma3_12b_train_config.yaml``)
load unchanged: their old or foreign keys are mapped or dropped here, each with a note.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from taxqa.errors import UserError
from taxqa.models import ModelSpec, training_defaults
from taxqa.prompt import DEFAULT_SYSTEM_PROMPT


class ConfigError(UserError):
    """A training config that cannot be used; the message names the file and the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ModelSection(_Section):
    name: str = "gemma3-1b"  # registry name (taxqa models), hub id or local checkpoint folder
    revision: str | None = None
    attn_implementation: Literal["auto", "sdpa", "eager", "flash_attention_2"] = "auto"
    gradient_checkpointing: bool | None = None  # None: the preset's choice
    trust_remote_code: bool = False


class DataSection(_Section):
    path: str = "data/dataset"  # a `taxqa data split` folder, or the original's seed JSON array
    max_length: int | None = Field(None, ge=16)
    truncation: bool = True  # False: drop over-long examples instead of cutting them
    packing: bool = False
    # The one default every consumer renders with (generate, lora, eval, chat); null or "" for no system turn.
    system_prompt: str | None = DEFAULT_SYSTEM_PROMPT
    validation_split: float = Field(0.1, gt=0, lt=1)  # only when there is no valid.jsonl
    max_train_samples: int | None = Field(None, ge=1)
    max_eval_samples: int | None = Field(None, ge=1)
    seed: int = 42


class QuantizationSection(_Section):
    load_in_4bit: bool = False  # QLoRA through bitsandbytes (CUDA only)
    bnb_4bit_quant_type: Literal["nf4", "fp4"] = "nf4"
    bnb_4bit_use_double_quant: bool = True
    bnb_4bit_compute_dtype: Literal["auto", "bfloat16", "float16", "float32"] = "auto"


class TrainingArgsSection(_Section):
    num_train_epochs: float = Field(3, gt=0)
    max_steps: int = -1
    per_device_train_batch_size: int | None = Field(None, ge=1)
    per_device_eval_batch_size: int | None = Field(None, ge=1)
    gradient_accumulation_steps: int | None = Field(None, ge=1)
    learning_rate: float | None = Field(None, gt=0)
    weight_decay: float = Field(0.0, ge=0)
    warmup_steps: float = Field(0.03, ge=0)  # below 1: a fraction of the total steps
    lr_scheduler_type: str = "cosine"
    optim: str = "adamw_torch"
    max_grad_norm: float = 1.0
    logging_steps: float = Field(10, gt=0)
    eval_strategy: Literal["no", "steps", "epoch"] = "steps"
    eval_steps: float | None = Field(50, gt=0)
    save_strategy: Literal["no", "steps", "epoch", "best"] = "steps"
    save_steps: float = Field(50, gt=0)
    save_total_limit: int | None = Field(3, ge=1)
    load_best_model_at_end: bool = True
    metric_for_best_model: str = "eval_loss"
    greater_is_better: bool = False
    early_stopping_patience: int = Field(3, ge=0)  # evaluations without improvement; 0 turns it off
    early_stopping_threshold: float = Field(0.0, ge=0)
    seed: int = 42
    run_name: str | None = None
    train_sampling_strategy: Literal["random", "sequential", "group_by_length"] = "random"
    dataloader_num_workers: int = Field(0, ge=0)
    dataloader_pin_memory: bool = True
    ddp_find_unused_parameters: bool = False
    remove_unused_columns: bool = False
    torch_compile: bool = False


class LoraSection(_Section):
    r: int | None = Field(None, ge=1)
    lora_alpha: float | None = Field(None, gt=0)
    lora_dropout: float | None = Field(None, ge=0, lt=1)
    target_modules: list[str] | str | None = None  # None: the preset's; a string is a regex or "all-linear"
    bias: Literal["none", "all", "lora_only"] = "none"
    task_type: Literal["CAUSAL_LM"] = "CAUSAL_LM"
    use_rslora: bool = False


class OutputSection(_Section):
    dir: str = "runs/taxqa-lora"
    push_to_hub: str | None = None  # a repo id, e.g. "me/gemma3-1b-taxqa-lora"
    hub_private: bool = True


class LoggingSection(_Section):
    report_to: list[str] = ["tensorboard"]
    tensorboard_dir: str | None = None  # default: <output>/tensorboard


class DistributedSection(_Section):
    strategy: Literal["auto", "ddp", "fsdp"] = "auto"  # auto: FSDP for 12B+ models, else DDP
    ddp_backend: Literal["nccl", "gloo"] | None = None  # None: nccl on CUDA, gloo on CPU


class TrainConfig(_Section):
    model: ModelSection = ModelSection()
    data: DataSection = DataSection()
    precision: Literal["auto", "bf16", "fp16", "fp32"] = "auto"
    quantization: QuantizationSection = QuantizationSection()
    training_args: TrainingArgsSection = TrainingArgsSection()
    lora_config: LoraSection = LoraSection()
    output: OutputSection = OutputSection()
    logging: LoggingSection = LoggingSection()
    distributed: DistributedSection = DistributedSection()


# The original project's keys: old dotted path -> new dotted path, and why.
MOVED_KEYS: dict[str, tuple[str, str]] = {
    "model_name": ("model.name", ""),
    "max_length": ("data.max_length", ""),
    "truncation": ("data.truncation", ""),
    "dataset.train_file": ("data.path", ""),
    "dataset.validation_split": ("data.validation_split", ""),
    "dataset.max_train_samples": ("data.max_train_samples", ""),
    "dataset.max_eval_samples": ("data.max_eval_samples", ""),
    "training_args.evaluation_strategy": ("training_args.eval_strategy", "renamed in transformers 5"),
    "training_args.group_by_length": ("training_args.train_sampling_strategy", "renamed in transformers 5"),
    "training_args.warmup_ratio": ("training_args.warmup_steps", "a fraction below 1 in transformers 5"),
    "training_args.output_dir": ("output.dir", "checkpoints go under <output>/checkpoints"),
    "training_args.report_to": ("logging.report_to", ""),
    "memory_optimization.gradient_checkpointing": ("model.gradient_checkpointing", ""),
}
IGNORED_KEYS: dict[str, str] = {
    "model_type": "the architecture is read from the checkpoint's config.json",
    "padding": "batches are padded dynamically to their longest example (max_length padding wastes compute)",
    "generation_config": "training does not generate; sampling settings belong to `taxqa generate`",
    "prompt_template": "prompts are rendered by taxqa.prompt (the model's chat template, or "
    "'### 질문: ...\\n\\n### 답변: ...' for models without one), the same renderer generation uses",
    "memory_optimization.use_cache": "the KV cache is always off while training",
    "memory_optimization.device_map": "placement is done by accelerate; several GPUs use --nproc (DDP/FSDP)",
    "memory_optimization.max_memory": "placement is done by accelerate; lower the batch or use QLoRA to save memory",
}
FP16_SPELLINGS = ("float16", "fp16", "half", "torch.float16")


def _get(tree: dict, dotted: str, default: Any = None) -> Any:
    node: Any = tree
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def _pop(tree: dict, dotted: str) -> tuple[bool, Any]:
    *parents, last = dotted.split(".")
    node: Any = tree
    for part in parents:
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    if not isinstance(node, dict) or last not in node:
        return False, None
    value = node.pop(last)
    if parents and not node:  # drop a section the move emptied (e.g. dataset:)
        _pop(tree, ".".join(parents))
    return True, value


def set_dotted(tree: dict, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = tree
    for part in parents:
        child = node.get(part)
        if child is None:
            child = node[part] = {}
        if not isinstance(child, dict):
            raise ConfigError(f"--set {dotted}: {part!r} is a value, not a section")
        node = child
    node[last] = value


def migrate_original_keys(raw: dict, notes: list[str]) -> dict:
    """Map the original project's layout onto ours, noting every key that moved or is ignored."""
    fp16_sources = []
    if _get(raw, "training_args.fp16") is True:
        fp16_sources.append("training_args.fp16: true")
    if str(_get(raw, "memory_optimization.torch_dtype", "")).lower() in FP16_SPELLINGS:
        fp16_sources.append(f"memory_optimization.torch_dtype: {_get(raw, 'memory_optimization.torch_dtype')}")
    for old, (new, why) in MOVED_KEYS.items():
        found, value = _pop(raw, old)
        if not found:
            continue
        if old == "training_args.group_by_length":
            value = "group_by_length" if value else "random"
        if old == "training_args.report_to" and isinstance(value, str):
            value = [] if value == "none" else [value]
        if _get(raw, new) is not None:
            notes.append(f"{old} ignored: {new} is also given and wins")
            continue
        set_dotted(raw, new, value)
        notes.append(f"{old} -> {new}" + (f" ({why})" if why else ""))
        if new == "logging.report_to" and not value:
            notes.append(
                "TensorBoard logging is off (report_to: none); turn it on with --set logging.report_to=tensorboard"
            )
    for old, why in IGNORED_KEYS.items():
        found, value = _pop(raw, old)
        if found:
            shown = json.dumps(value, ensure_ascii=False, default=str)
            notes.append(f"{old} ignored ({shown[:40] + '...' if len(shown) > 43 else shown}): {why}")
    found_fp16, fp16 = _pop(raw, "training_args.fp16")
    found_bf16, bf16 = _pop(raw, "training_args.bf16")
    found_dtype, torch_dtype = _pop(raw, "memory_optimization.torch_dtype")
    if found_fp16 or found_bf16 or found_dtype:
        if fp16 and bf16:
            raise ConfigError("training_args.fp16 and training_args.bf16 are both true: choose one (precision: bf16)")
        wanted = "fp16" if fp16_sources else "bf16" if bf16 or str(torch_dtype).lower() == "bfloat16" else None
        if wanted and "precision" not in raw:
            raw["precision"] = wanted
            notes.append(f"{' and '.join(fp16_sources) or 'training_args.bf16: true'} -> precision: {wanted}")
        elif not wanted:
            notes.append("training_args.fp16/bf16 false -> precision: auto (bf16 where the GPU has it, else fp32)")
    if fp16_sources:
        raw.setdefault("_fp16_sources", fp16_sources)
    found, value = _pop(raw, "training_args.push_to_hub")
    if found and value:
        raise ConfigError(
            "training_args.push_to_hub: true needs a repo: set output.push_to_hub: OWNER/NAME or --push-to-hub"
        )
    if found:
        notes.append("training_args.push_to_hub: false -> no upload (output.push_to_hub takes a repo id)")
    if _get(raw, "memory_optimization") == {}:
        raw.pop("memory_optimization")
    return raw


def _describe_validation_error(exc: ValidationError, source: str) -> str:
    lines = []
    for err in exc.errors():
        path = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            parent = err["loc"][:-1]
            known = _known_keys(parent)
            close = difflib.get_close_matches(str(err["loc"][-1]), known, n=1)
            hint = f" (did you mean {'.'.join([*map(str, parent), close[0]])}?)" if close else ""
            lines.append(f"unknown key {path!r}{hint}")
        else:
            lines.append(f"{path}: {err['msg']} (got {err.get('input')!r})")
    return f"{source}: " + "; ".join(lines)


def _known_keys(parent: tuple) -> list[str]:
    model: Any = TrainConfig
    for part in parent:
        field = model.model_fields.get(str(part))
        if field is None or not isinstance(field.annotation, type) or not issubclass(field.annotation, BaseModel):
            return []
        model = field.annotation
    return list(model.model_fields)


def parse_set(item: str) -> tuple[str, Any]:
    """'training_args.learning_rate=1e-4' -> ('training_args.learning_rate', 1e-4); values are YAML."""
    key, sep, text = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set {item!r}: expected dotted.key=value")
    try:
        value = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError:
        value = text
    key = key.strip()
    moved = MOVED_KEYS.get(key)
    return (moved[0] if moved else key), value


def read_yaml(path: str | Path) -> dict:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of sections at the top level, got {type(raw).__name__}")
    return raw


def load_config(
    path: str | Path | None, overrides: dict[str, Any] | None = None
) -> tuple[TrainConfig, list[str], list[str]]:
    """(config, notes, fp16 sources) from a YAML file (or the defaults) and dotted overrides."""
    raw = read_yaml(path) if path else {}
    notes: list[str] = []
    raw = migrate_original_keys(raw, notes)
    fp16_sources = raw.pop("_fp16_sources", [])
    for dotted, value in (overrides or {}).items():
        set_dotted(raw, dotted, value)
        if dotted == "precision" and value != "fp16":
            fp16_sources = []
    if isinstance(_get(raw, "logging.report_to"), str):
        value = raw["logging"]["report_to"]
        raw["logging"]["report_to"] = [] if value == "none" else [value]
    try:
        config = TrainConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_describe_validation_error(exc, str(path or "config"))) from None
    if config.precision == "fp16" and not fp16_sources:
        fp16_sources = ["precision: fp16"]
    check_consistency(config, str(path or "config"))
    return config, notes, fp16_sources


def check_consistency(config: TrainConfig, source: str) -> None:
    """Combinations transformers would reject late (after loading the model): reject them now."""
    ta = config.training_args
    if ta.load_best_model_at_end:
        if ta.eval_strategy == "no":
            raise ConfigError(f"{source}: training_args.load_best_model_at_end needs eval_strategy steps or epoch")
        if ta.save_strategy not in (ta.eval_strategy, "best"):
            raise ConfigError(
                f"{source}: training_args.save_strategy ({ta.save_strategy}) must match eval_strategy "
                f"({ta.eval_strategy}) when load_best_model_at_end is true"
            )
        if ta.eval_strategy == "steps" and ta.save_strategy == "steps":
            eval_steps = ta.eval_steps or ta.logging_steps
            if ta.save_steps % eval_steps:
                raise ConfigError(
                    f"{source}: training_args.save_steps ({ta.save_steps:g}) must be a multiple of eval_steps "
                    f"({eval_steps:g}) when load_best_model_at_end is true"
                )
    if ta.early_stopping_patience and not ta.load_best_model_at_end:
        raise ConfigError(
            f"{source}: training_args.early_stopping_patience needs load_best_model_at_end: true "
            "(or set early_stopping_patience: 0)"
        )


def apply_preset(config: TrainConfig, spec: ModelSpec | None) -> list[str]:
    """Fill fields left unset from the model's training defaults (taxqa.models); returns what was filled."""
    preset = training_defaults(spec)
    filled = []

    def fill(section: BaseModel, field: str, value: Any, label: str) -> None:
        if getattr(section, field) is None:
            setattr(section, field, value)
            filled.append(f"{label}={value}")

    ta, lora = config.training_args, config.lora_config
    fill(ta, "per_device_train_batch_size", preset["batch"], "batch")
    fill(ta, "per_device_eval_batch_size", ta.per_device_train_batch_size, "eval_batch")
    fill(ta, "gradient_accumulation_steps", preset["accum"], "accum")
    fill(ta, "learning_rate", preset["learning_rate"], "lr")
    fill(lora, "r", preset["r"], "r")
    fill(lora, "lora_alpha", preset["lora_alpha"], "alpha")
    fill(lora, "lora_dropout", preset["lora_dropout"], "dropout")
    fill(config.data, "max_length", preset["max_length"], "max_length")
    fill(config.model, "gradient_checkpointing", preset["gradient_checkpointing"], "gradient_checkpointing")
    return filled


def config_dict(config: TrainConfig) -> dict:
    return config.model_dump(mode="json")
