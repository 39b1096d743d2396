"""The model side: device and precision, LoRA targets, QLoRA, attention, loading.

Everything that can be refused is checked from the checkpoint's config.json and a
weightless (meta-device) copy of the model, before any weights are loaded.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field

from taxqa.errors import UserError
from taxqa.models import (
    FAMILY_TARGETS,
    GEMMA3_MM_TARGET_REGEX,
    GEMMA3_TARGETS,
    ModelSpec,
    family_of,
    resolve_model,
    spec_for,
)
from train_cuda.config import ConfigError, TrainConfig

VISION_PARTS = ("vision_tower", "vision_model", "multi_modal_projector")


@dataclass
class ModelPlan:
    """What will be loaded and how; decided before any weights are read."""

    source: str  # local path or hub id
    spec: ModelSpec | None
    family: str  # gemma3, phi2 or the checkpoint's model_type
    architecture: str
    multimodal: bool
    device: str
    precision: str  # bf16, fp16 or fp32
    attn_implementation: str
    target_modules: str | list[str]
    n_target_modules: int
    params: int  # all parameters of the base model (the N of 6*N*tokens)
    layer_classes: list[str] = field(default_factory=list)


def pick_device(requested: str) -> str:
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "mps" if torch.backends.mps.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise UserError("--device cuda: no CUDA GPU is visible (check nvidia-smi and CUDA_VISIBLE_DEVICES)")
    if requested == "mps" and not torch.backends.mps.is_available():
        raise UserError("--device mps: Metal is not available on this machine")
    return requested


def load_hf_config(source: str, revision: str | None, trust_remote_code: bool):
    from transformers import AutoConfig

    try:
        return AutoConfig.from_pretrained(source, revision=revision, trust_remote_code=trust_remote_code)
    except (OSError, ValueError) as exc:
        hint = " (gated Gemma weights need HF_TOKEN with the license accepted)" if "gemma" in source.lower() else ""
        raise UserError(f"model {source!r}: cannot read its config: {str(exc).splitlines()[0]}{hint}") from None


def refuse_fp16_for_gemma3(config: TrainConfig, family: str, fp16_sources: list[str]) -> None:
    quant = config.quantization
    if family != "gemma3":
        return
    sources = list(fp16_sources) if config.precision == "fp16" else []
    if quant.load_in_4bit and quant.bnb_4bit_compute_dtype == "float16":
        sources.append("quantization.bnb_4bit_compute_dtype: float16")
    if sources:
        raise ConfigError(
            f"{', '.join(sources)}: Gemma3 overflows in fp16 (activations exceed fp16's 65,504 and the loss "
            "turns to nan): train it in bf16 — set precision: bf16 (and bnb_4bit_compute_dtype: bfloat16), "
            "e.g. --set precision=bf16; precision: auto picks bf16 on GPUs that have it (A100, H100, RTX 30xx+)"
        )


def resolve_precision(config: TrainConfig, device: str, family: str, fp16_sources: list[str], notes: list[str]) -> str:
    import torch

    refuse_fp16_for_gemma3(config, family, fp16_sources)
    requested = config.precision
    if device == "cuda":
        bf16_ok = torch.cuda.is_bf16_supported()
        if requested == "bf16" and not bf16_ok:
            raise ConfigError(
                f"precision: bf16, but {torch.cuda.get_device_name(0)} has no bf16 support: use an Ampere or newer "
                "GPU" + ("" if family == "gemma3" else ", or precision: fp16")
            )
        if requested == "auto":
            if bf16_ok:
                return "bf16"
            if family == "gemma3":
                notes.append("this GPU has no bf16 and Gemma3 overflows in fp16: training in fp32 (slow)")
                return "fp32"
            return "fp16"
        return requested
    if requested == "fp16":
        notes.append(f"precision fp16 needs a CUDA GPU: training in fp32 on {device}")
        return "fp32"
    if requested == "bf16" and device == "mps":
        notes.append("bf16 autocast is unreliable on mps: training in fp32")
        return "fp32"
    return "fp32" if requested == "auto" else requested


def pick_attention(choice: str, device: str, precision: str, notes: list[str]) -> str:
    has_flash = importlib.util.find_spec("flash_attn") is not None
    if choice == "flash_attention_2":
        if device != "cuda" or precision == "fp32" or not has_flash:
            raise ConfigError(
                "model.attn_implementation: flash_attention_2 needs CUDA, bf16/fp16 and the flash-attn package "
                "(pip install flash-attn --no-build-isolation); use sdpa"
            )
        return choice
    if choice == "auto":
        return "flash_attention_2" if device == "cuda" and precision != "fp32" and has_flash else "sdpa"
    return choice


def linear_modules(hf_config, trust_remote_code: bool = False) -> tuple[str, list[str], list[str], int]:
    """(architecture, names of nn.Linear modules, decoder layer classes, parameter count) from a meta-device model."""
    import torch
    from accelerate import init_empty_weights
    from transformers import AutoModelForCausalLM

    with init_empty_weights():
        model = AutoModelForCausalLM.from_config(hf_config, trust_remote_code=trust_remote_code)
    names = [n for n, m in model.named_modules() if isinstance(m, torch.nn.Linear)]
    params = sum(p.numel() for p in model.parameters())
    return type(model).__name__, names, list(getattr(model, "_no_split_modules", None) or []), params


def _matches(target: str, name: str) -> bool:
    return name == target or name.endswith("." + target)


def resolve_targets(
    requested: str | list[str], names: list[str], architecture: str, warnings: list[str], notes: list[str]
) -> tuple[str | list[str], int]:
    """LoRA targets for peft, narrowed to the language model; warns about targets that match nothing."""
    vision = [n for n in names if any(part in n for part in VISION_PARTS)]
    language = [n for n in names if n not in vision and n.split(".")[-1] != "lm_head"]
    suffixes = sorted({n.split(".")[-1] for n in language}, key=lambda s: [n.split(".")[-1] for n in language].index(s))
    if requested == "all-linear":
        requested = suffixes
        notes.append(f"lora_config.target_modules all-linear -> the language model's {', '.join(suffixes)}")
    if isinstance(requested, str):
        hits = [n for n in names if re.fullmatch(requested, n)]
        if not hits:
            raise ConfigError(f"lora_config.target_modules {requested!r} matches no module of {architecture}")
        if any(n in vision for n in hits):
            raise ConfigError(
                f"lora_config.target_modules {requested!r} matches vision-tower modules of {architecture} "
                f"(e.g. {next(n for n in hits if n in vision)}); train the language model only, e.g. "
                f"{GEMMA3_MM_TARGET_REGEX!r}"
            )
        return requested, len(hits)
    kept, vision_hit = [], []
    for target in requested:
        in_language = [n for n in language if _matches(target, n)]
        in_vision = [n for n in vision if _matches(target, n)]
        if in_language:
            kept.append(target)
            if in_vision:
                vision_hit.append(target)
        elif in_vision:
            warnings.append(
                f"lora_config.target_modules: {target!r} matches only vision-tower modules of {architecture}; "
                "skipped (text-only training leaves the vision tower alone)"
            )
        else:
            warnings.append(
                f"lora_config.target_modules: {target!r} matches nothing in {architecture} (peft would skip it "
                f"silently); its linear layers are {', '.join(suffixes)}"
            )
    if not kept:
        raise ConfigError(
            f"lora_config.target_modules {requested}: none matches a module of {architecture}; "
            f"choose from {', '.join(suffixes)}"
        )
    count = sum(1 for n in language if any(_matches(t, n) for t in kept))
    if not vision:
        return kept, count
    regex = (
        GEMMA3_MM_TARGET_REGEX
        if sorted(kept) == sorted(GEMMA3_TARGETS)
        else r".*language_model.*\.(" + "|".join(map(re.escape, kept)) + ")"
    )
    if vision_hit:
        notes.append(
            f"lora_config.target_modules {', '.join(vision_hit)} also match the vision tower of {architecture}: "
            f"narrowed to the language model ({regex})"
        )
    return regex, count


def default_targets(spec: ModelSpec | None, family: str) -> str | list[str]:
    if spec is not None:
        return list(spec.lora_targets)
    return list(FAMILY_TARGETS[family]) if family in FAMILY_TARGETS else "all-linear"


def plan_model(
    config: TrainConfig, device: str, fp16_sources: list[str], warnings: list[str], notes: list[str]
) -> ModelPlan:
    """Every model-side decision and refusal, from config.json and a meta-device model (no weights read)."""
    name = config.model.name
    source = resolve_model(name)
    spec = spec_for(name)
    hf_config = load_hf_config(source, config.model.revision, config.model.trust_remote_code)
    model_type = getattr(hf_config, "model_type", "")
    family = spec.family if spec else family_of(model_type)
    precision = resolve_precision(config, device, family, fp16_sources, notes)
    if config.quantization.load_in_4bit and device != "cuda":
        raise ConfigError(
            f"quantization.load_in_4bit (QLoRA) needs a CUDA GPU with bitsandbytes (pip install 'taxqa[qlora]'); on {device} set "
            "--set quantization.load_in_4bit=false"
        )
    attn = pick_attention(config.model.attn_implementation, device, precision, notes)
    architecture, names, layer_classes, params = linear_modules(hf_config, config.model.trust_remote_code)
    requested = config.lora_config.target_modules or default_targets(spec, family)
    targets, count = resolve_targets(requested, names, architecture, warnings, notes)
    multimodal = any(any(part in n for part in VISION_PARTS) for n in names)
    return ModelPlan(
        source, spec, family, architecture, multimodal, device, precision, attn, targets, count, params, layer_classes
    )


def bnb_config(config: TrainConfig, precision: str):
    """The BitsAndBytesConfig for QLoRA (4-bit base, LoRA in higher precision)."""
    import torch
    from transformers import BitsAndBytesConfig

    quant = config.quantization
    compute = quant.bnb_4bit_compute_dtype
    if compute == "auto":
        compute = {"bf16": "bfloat16", "fp16": "float16"}.get(precision, "float32")
    dtype = getattr(torch, compute)
    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type=quant.bnb_4bit_quant_type,
        bnb_4bit_use_double_quant=quant.bnb_4bit_use_double_quant,
        bnb_4bit_compute_dtype=dtype,
        bnb_4bit_quant_storage=dtype,  # FSDP shards the 4-bit weights only when storage matches the compute dtype
    )


def disable_kv_cache(model) -> None:
    """No KV cache while training: it costs memory, and with one transformers cannot see packed sequences.

    A multimodal Gemma3 reads ``use_cache`` from its text config, so both are set.
    """
    model.config.use_cache = False
    model.config.get_text_config().use_cache = False


def load_model(config: TrainConfig, plan: ModelPlan, local_rank: int = 0):
    """The base model with a fresh LoRA adapter (peft), ready for the Trainer."""
    import torch
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import AutoModelForCausalLM

    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(plan.precision, torch.float32)
    kwargs = {
        "dtype": dtype if plan.device == "cuda" else torch.float32,
        "revision": config.model.revision,
        "trust_remote_code": config.model.trust_remote_code,
        "attn_implementation": plan.attn_implementation,
    }
    if config.quantization.load_in_4bit:
        kwargs["quantization_config"] = bnb_config(config, plan.precision)
        kwargs["device_map"] = {"": local_rank}
    try:
        model = AutoModelForCausalLM.from_pretrained(plan.source, **kwargs)
    except (OSError, ValueError) as exc:
        raise UserError(f"model {plan.source!r}: cannot load: {str(exc).splitlines()[0]}") from None
    disable_kv_cache(model)
    if config.quantization.load_in_4bit:
        model = prepare_model_for_kbit_training(
            model, use_gradient_checkpointing=bool(config.model.gradient_checkpointing)
        )
    lora = config.lora_config
    peft_config = LoraConfig(
        r=lora.r,
        lora_alpha=lora.lora_alpha,
        lora_dropout=lora.lora_dropout,
        target_modules=plan.target_modules,
        bias=lora.bias,
        task_type=lora.task_type,
        use_rslora=lora.use_rslora,
    )
    from taxqa.runtime.loading import peft_wrapping

    with peft_wrapping():
        return get_peft_model(model, peft_config)
