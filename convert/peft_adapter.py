"""Read a PEFT LoRA adapter folder into per-module updates named by mlx_lm's parameter paths.

A PEFT adapter names its tensors by the transformers in-memory layout
(``base_model.model.<module>.lora_A.weight``). mlx_lm names the same weights by the
checkpoint layout, which differs for multimodal Gemma3 (``model.language_model.*`` in
memory, ``language_model.model.*`` in mlx_lm). Everything here is plain numpy: no torch,
no mlx, so the checks run before any model is loaded.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from taxqa.errors import UserError

PEFT_PREFIX = "base_model.model."
# The SigLIP tower and the projector of a multimodal checkpoint: mlx_lm's gemma3 has no place for them.
VISION_PREFIXES = ("model.vision_tower.", "model.multi_modal_projector.", "vision_tower.", "multi_modal_projector.")
SUFFIXES = {".lora_A.weight": "A", ".lora_B.weight": "B", ".lora_magnitude_vector": "m"}
ADAPTER_FILES = ("adapter_model.safetensors", "adapter_model.bin")


@dataclass
class LoraUpdate:
    """One adapted linear layer: W' = W + scale * B @ A (DoRA: then rows rescaled to ``magnitude``)."""

    peft_module: str  # in-memory module name, e.g. model.language_model.layers.0.self_attn.q_proj
    path: str  # mlx_lm module path, e.g. language_model.model.layers.0.self_attn.q_proj
    a: np.ndarray  # (r, in), float32
    b: np.ndarray  # (out, r), float32
    scale: float
    magnitude: np.ndarray | None = None  # (out,), DoRA only

    @property
    def rank(self) -> int:
        return self.a.shape[0]


@dataclass
class PeftAdapter:
    folder: Path
    config: dict
    updates: list[LoraUpdate]
    dropped_vision: list[str] = field(default_factory=list)
    run_info: dict | None = None
    sha256: str = ""

    @property
    def dora(self) -> bool:
        return bool(self.config.get("use_dora"))

    @property
    def base_model(self) -> str | None:
        return self.config.get("base_model_name_or_path")


def mlx_module_path(peft_module: str) -> str | None:
    """The mlx_lm path of an in-memory transformers module name; None for the vision tower."""
    if peft_module.startswith(VISION_PREFIXES):
        return None
    if peft_module.startswith("model.language_model."):
        return "language_model.model." + peft_module.removeprefix("model.language_model.")
    return peft_module


def alpha_pattern_value(alpha_pattern: dict, module: str, default: float) -> float:
    """peft's own rule for per-module alphas (imported only when there is a pattern: peft pulls in torch)."""
    if not alpha_pattern:
        return default
    from peft.utils.other import get_pattern_key

    return alpha_pattern.get(get_pattern_key(alpha_pattern.keys(), module), default)


def _refuse_unsupported(config: dict, folder: Path) -> None:
    where = folder / "adapter_config.json"
    peft_type = config.get("peft_type", "LORA")
    if peft_type != "LORA":
        raise UserError(f"{where}: peft_type {peft_type!r} is not supported; only LoRA (and DoRA) adapters convert")
    if config.get("modules_to_save"):
        raise UserError(
            f"{where}: modules_to_save {config['modules_to_save']} is not supported: those layers are trained in "
            "full, and an MLX LoRA adapter cannot carry them; retrain without modules_to_save"
        )
    if config.get("trainable_token_indices"):
        raise UserError(f"{where}: trainable_token_indices is not supported (it trains embedding rows in full)")
    if config.get("bias", "none") != "none" or config.get("lora_bias"):
        raise UserError(f"{where}: trained biases (bias={config.get('bias')!r}, lora_bias) are not supported")
    if config.get("layer_replication"):
        raise UserError(f"{where}: layer_replication is not supported (the base would need duplicated layers)")
    if config.get("fan_in_fan_out"):
        raise UserError(f"{where}: fan_in_fan_out (Conv1D bases such as GPT-2) is not supported")
    if config.get("target_parameters"):
        raise UserError(f"{where}: target_parameters (LoRA on raw parameters) is not supported")
    for name in ("use_qalora", "use_bdlora", "alora_invocation_tokens"):
        if config.get(name):
            raise UserError(f"{where}: {name} is not supported")


def _read_tensors(folder: Path) -> tuple[dict[str, np.ndarray], str]:
    path = folder / "adapter_model.safetensors"
    if not path.exists():
        if (folder / "adapter_model.bin").exists():
            raise UserError(
                f"{folder}/adapter_model.bin: pickled adapters are not read (unsafe); "
                "save the adapter with safe_serialization=True (the peft default)"
            )
        raise UserError(f"--adapter {folder}: no adapter_model.safetensors (expected a PEFT adapter folder)")
    from safetensors.numpy import load_file

    try:
        # numpy has no bfloat16: read through torch when the adapter was saved in bf16.
        tensors = load_file(path)
    except (TypeError, ValueError):
        from safetensors.torch import load_file as load_torch

        tensors = {k: v.float().numpy() for k, v in load_torch(path).items()}
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {k: v.astype(np.float32) for k, v in tensors.items()}, digest


def read_peft_adapter(folder: str | Path) -> PeftAdapter:
    """Validate a PEFT adapter folder and return its updates (vision-tower tensors dropped, named)."""
    folder = Path(folder).expanduser()
    cfg_path = folder / "adapter_config.json"
    if not cfg_path.exists():
        raise UserError(f"--adapter {folder}: no adapter_config.json (expected a PEFT adapter folder)")
    try:
        config = json.loads(cfg_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UserError(f"{cfg_path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    _refuse_unsupported(config, folder)
    tensors, digest = _read_tensors(folder)

    parts: dict[str, dict[str, np.ndarray]] = {}
    for key, value in tensors.items():
        name = key.removeprefix(PEFT_PREFIX)
        for suffix, part in SUFFIXES.items():
            if name.endswith(suffix):
                parts.setdefault(name.removesuffix(suffix), {})[part] = value
                break
        else:
            if "lora_embedding" in name:
                raise UserError(f"{folder}: {key}: LoRA on an embedding layer is not supported (linear layers only)")
            raise UserError(f"{folder}: {key}: not a LoRA tensor (expected *.lora_A.weight, *.lora_B.weight)")

    alpha, rank_default = config.get("lora_alpha", 8), config.get("r", 8)
    alpha_pattern = config.get("alpha_pattern") or {}
    updates, dropped = [], []
    for module, p in sorted(parts.items()):
        if "A" not in p or "B" not in p:
            raise UserError(f"{folder}: {module}: has {sorted(p)} but needs both lora_A and lora_B")
        a, b = p["A"], p["B"]
        if a.ndim != 2 or b.ndim != 2 or a.shape[0] != b.shape[1]:
            raise UserError(f"{folder}: {module}: lora_A {a.shape} and lora_B {b.shape} are not (r, in) and (out, r)")
        path = mlx_module_path(module)
        if path is None:
            dropped.append(module)
            continue
        r = a.shape[0] or rank_default
        module_alpha = alpha_pattern_value(alpha_pattern, module, alpha)
        scale = module_alpha / math.sqrt(r) if config.get("use_rslora") else module_alpha / r
        updates.append(LoraUpdate(module, path, a, b, float(scale), p.get("m")))
    if not updates:
        raise UserError(f"{folder}: no language-model LoRA tensors found (dropped {len(dropped)} vision-tower ones)")
    if config.get("use_dora") and any(u.magnitude is None for u in updates):
        raise UserError(f"{folder}: use_dora is set but some modules have no lora_magnitude_vector")

    run_info = None
    run_path = folder / "run.json"
    if run_path.exists():
        try:
            run_info = json.loads(run_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise UserError(f"{run_path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    return PeftAdapter(folder, config, updates, dropped, run_info, digest)
