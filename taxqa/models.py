"""The model registry: short names -> real ids, LoRA targets and defaults.

Any local path or hub id works wherever a registry name does; the registry only
adds what we know about the models we support.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

GEMMA3_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
PHI2_TARGETS = ("q_proj", "k_proj", "v_proj", "dense", "fc1", "fc2")
# Multimodal Gemma3 checkpoints also have a SigLIP tower with q/k/v projections: a
# regex keeps LoRA on the language model (peft full-matches a string target).
GEMMA3_MM_TARGET_REGEX = r".*language_model.*\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)"


@dataclass(frozen=True)
class ModelSpec:
    name: str
    hf_id: str
    mlx_id: str
    family: str  # "gemma3" or "phi2"
    multimodal: bool
    chat_template: bool
    lora_targets: tuple[str, ...]
    lora_r: int
    lora_alpha: int
    lora_dropout: float
    learning_rate: float
    language_params_b: float  # parameters of the language model (what generation reads), billions
    num_layers: int
    hidden_size: int
    max_length: int = 2048

    @property
    def peft_target_modules(self) -> str | list[str]:
        return GEMMA3_MM_TARGET_REGEX if self.multimodal else list(self.lora_targets)


REGISTRY: dict[str, ModelSpec] = {
    s.name: s
    for s in (
        ModelSpec(
            "gemma3-12b",
            "google/gemma-3-12b-it",
            "mlx-community/gemma-3-12b-it-4bit",
            "gemma3",
            True,
            True,
            GEMMA3_TARGETS,
            16,
            32,
            0.05,
            1e-4,
            11.77,
            48,
            3840,
        ),
        ModelSpec(
            "gemma3-4b",
            "google/gemma-3-4b-it",
            "mlx-community/gemma-3-4b-it-4bit",
            "gemma3",
            True,
            True,
            GEMMA3_TARGETS,
            16,
            32,
            0.05,
            1e-4,
            3.88,
            34,
            2560,
        ),
        ModelSpec(
            "gemma3-1b",
            "google/gemma-3-1b-it",
            "mlx-community/gemma-3-1b-it-4bit",
            "gemma3",
            False,
            True,
            GEMMA3_TARGETS,
            16,
            32,
            0.05,
            2e-4,
            1.0,
            26,
            1152,
        ),
        ModelSpec(
            "phi2",
            "microsoft/phi-2",
            "mlx-community/phi-2-hf-4bit-mlx",
            "phi2",
            False,
            False,
            PHI2_TARGETS,
            16,
            32,
            0.05,
            2e-4,
            2.78,
            32,
            2560,
        ),
    )
}


def get_spec(name: str) -> ModelSpec | None:
    return REGISTRY.get(name)


def resolve_model(name_or_path: str, *, mlx: bool = False) -> str:
    """A registry name -> its hub id (the MLX 4-bit id with ``mlx``); paths and other ids pass through."""
    if Path(name_or_path).expanduser().exists():
        return str(Path(name_or_path).expanduser())
    spec = REGISTRY.get(name_or_path)
    if spec is None:
        return name_or_path
    return spec.mlx_id if mlx else spec.hf_id


def spec_for(name_or_path: str) -> ModelSpec | None:
    """The registry entry for a name, a hub id, or a local checkpoint of a known family."""
    if name_or_path in REGISTRY:
        return REGISTRY[name_or_path]
    for spec in REGISTRY.values():
        if name_or_path in (spec.hf_id, spec.mlx_id):
            return spec
    return None


def read_config(model_dir: str | Path) -> dict:
    path = Path(model_dir) / "config.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def main(argv: list[str] | None = None, prog: str = "taxqa models") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="List the model registry (short names usable anywhere a model is asked for)."
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps({k: v.__dict__ for k, v in REGISTRY.items()}, ensure_ascii=False, indent=2))
        return 0
    print(registry_table())
    return 0


def registry_table() -> str:
    """The registry as plain text within 80 columns: short names first, ids on a second line."""
    rows = [("name", "params", "LoRA r/alpha", "chat template", "hub id")]
    for s in REGISTRY.values():
        rows.append((s.name, f"{s.language_params_b:g}B", f"{s.lora_r}/{s.lora_alpha}",
                     "yes" if s.chat_template else "no", s.hf_id))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for i, row in enumerate(rows):
        lines.append("  ".join(f"{c:<{w}}" for c, w in zip(row, widths)) + "  " + row[4])
        if i:
            spec = REGISTRY[row[0]]
            names = spec.lora_targets
            if all(n.endswith("_proj") for n in names):  # {q,k,v}_proj keeps the line within 80 columns
                targets = "{" + ",".join(n.removesuffix("_proj") for n in names) + "}_proj"
            else:
                targets = ",".join(names)
            targets += ", language model only" if spec.multimodal else ""
            lines.append(f"    MLX 4-bit: {spec.mlx_id}")
            lines.append(f"    LoRA targets: {targets}")
    return "\n".join(lines)
