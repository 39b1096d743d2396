"""The model registry: short names -> real ids, LoRA targets and training defaults.

Any local path or hub id works wherever a registry name does; the registry only
adds what we know about the models we support. Adding an architecture: one
``ModelSpec`` below, plus its model_type in ``FAMILIES`` (see CONTRIBUTING.md).
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from taxqa.errors import UserError

GEMMA3_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
PHI2_TARGETS = ("q_proj", "k_proj", "v_proj", "dense", "fc1", "fc2")
# Multimodal Gemma3 checkpoints also have a SigLIP tower with q/k/v projections: a
# regex keeps LoRA on the language model (peft full-matches a string target).
GEMMA3_MM_TARGET_REGEX = r".*language_model.*\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)"

# A checkpoint's config.json model_type -> our family name (the one meaning of "family" everywhere).
FAMILIES = {"gemma3": "gemma3", "gemma3_text": "gemma3", "phi": "phi2", "phi-msft": "phi2"}
FAMILY_TARGETS = {"gemma3": GEMMA3_TARGETS, "phi2": PHI2_TARGETS}


def family_of(model_type: str | None) -> str:
    """The family of a checkpoint from its model_type ("phi" -> "phi2"); unknown types pass through."""
    return FAMILIES.get(model_type or "", model_type or "")


@dataclass(frozen=True, kw_only=True)
class ModelSpec:
    name: str
    hf_id: str
    mlx_id: str
    family: str  # a value of FAMILIES
    multimodal: bool
    chat_template: bool
    lora_targets: tuple[str, ...]
    language_params_b: float  # parameters of the language model (what generation reads), billions
    num_layers: int
    hidden_size: int
    # Training defaults (what a train config field left unset becomes).
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    learning_rate: float = 2e-4
    max_length: int = 2048
    train_batch: int = 4
    grad_accum: int = 4
    gradient_checkpointing: bool = True

    @property
    def peft_target_modules(self) -> str | list[str]:
        return GEMMA3_MM_TARGET_REGEX if self.multimodal else list(self.lora_targets)


REGISTRY: dict[str, ModelSpec] = {
    s.name: s
    for s in (
        ModelSpec(
            name="gemma3-12b",
            hf_id="google/gemma-3-12b-it",
            mlx_id="mlx-community/gemma-3-12b-it-4bit",
            family="gemma3",
            multimodal=True,
            chat_template=True,
            lora_targets=GEMMA3_TARGETS,
            learning_rate=1e-4,
            language_params_b=11.77,
            num_layers=48,
            hidden_size=3840,
            train_batch=1,
            grad_accum=16,
        ),
        ModelSpec(
            name="gemma3-4b",
            hf_id="google/gemma-3-4b-it",
            mlx_id="mlx-community/gemma-3-4b-it-4bit",
            family="gemma3",
            multimodal=True,
            chat_template=True,
            lora_targets=GEMMA3_TARGETS,
            learning_rate=1e-4,
            language_params_b=3.88,
            num_layers=34,
            hidden_size=2560,
            train_batch=2,
            grad_accum=8,
        ),
        ModelSpec(
            name="gemma3-1b",
            hf_id="google/gemma-3-1b-it",
            mlx_id="mlx-community/gemma-3-1b-it-4bit",
            family="gemma3",
            multimodal=False,
            chat_template=True,
            lora_targets=GEMMA3_TARGETS,
            language_params_b=1.0,
            num_layers=26,
            hidden_size=1152,
        ),
        ModelSpec(
            name="phi2",
            hf_id="microsoft/phi-2",
            mlx_id="mlx-community/phi-2-hf-4bit-mlx",
            family="phi2",
            multimodal=False,
            chat_template=False,
            lora_targets=PHI2_TARGETS,
            language_params_b=2.78,
            num_layers=32,
            hidden_size=2560,
        ),
    )
}

# What a train config field left unset becomes for a checkpoint outside the registry.
GENERIC_TRAINING = {
    "batch": 4,
    "accum": 4,
    "gradient_checkpointing": False,
    "r": 16,
    "lora_alpha": 32,
    "lora_dropout": 0.05,
    "learning_rate": 2e-4,
    "max_length": 2048,
}


def training_defaults(spec: ModelSpec | None) -> dict:
    """The defaults train_cuda fills unset config fields with: the spec's, or GENERIC_TRAINING."""
    if spec is None:
        return dict(GENERIC_TRAINING)
    return {
        "batch": spec.train_batch,
        "accum": spec.grad_accum,
        "gradient_checkpointing": spec.gradient_checkpointing,
        "r": spec.lora_r,
        "lora_alpha": spec.lora_alpha,
        "lora_dropout": spec.lora_dropout,
        "learning_rate": spec.learning_rate,
        "max_length": spec.max_length,
    }


def resolve_model(name_or_path: str, *, mlx: bool = False) -> str:
    """A registry name -> its hub id (the MLX 4-bit id with ``mlx``); paths and other ids pass through."""
    if Path(name_or_path).expanduser().exists():
        return str(Path(name_or_path).expanduser())
    spec = REGISTRY.get(name_or_path)
    if spec is None:
        return name_or_path
    return spec.mlx_id if mlx else spec.hf_id


HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
# What a model folder needs from a hub repo (the same patterns mlx_lm's own download uses).
HUB_PATTERNS = ["*.json", "*.safetensors", "*.py", "tokenizer.model", "*.tiktoken", "*.txt", "*.jsonl", "*.jinja"]


def resolve_folder(name: str, *, mlx: bool, option: str = "--model") -> tuple[Path, str | None]:
    """(local folder, hub id it came from or None) for a registry name (its MLX 4-bit id with ``mlx``,
    else its HF id), a local folder, or a hub id fetched with huggingface_hub. The one resolver of
    model names to folders: generation, MLX LoRA, evaluation and convert all go through it."""
    resolved = resolve_model(name, mlx=mlx)
    path = Path(resolved).expanduser()
    hub_id = None
    if not path.exists():
        if not HUB_ID.match(resolved):
            raise UserError(f"{option} {name}: no such folder, and not a registry name or hub id (owner/name)")
        try:
            from huggingface_hub import snapshot_download

            path = Path(snapshot_download(resolved, allow_patterns=HUB_PATTERNS))
        except Exception as exc:  # offline, unknown repo, gated repo: all end the same way for the user
            first = str(exc).splitlines()[0] if str(exc) else ""
            raise UserError(
                f"{option} {name}: could not fetch {resolved} from the Hugging Face Hub ({type(exc).__name__}: {first}). "
                f"Download it where there is internet (`hf download {resolved}`) and pass the local folder."
            ) from None
        hub_id = resolved
    if not (path / "config.json").is_file():
        raise UserError(f"{option} {name}: {path} has no config.json (expected a Hugging Face or MLX model folder)")
    return path, hub_id


def model_folder(name: str, *, mlx: bool = True, option: str = "--model") -> Path:
    """The local folder of a model name, path or hub id (see ``resolve_folder``)."""
    return resolve_folder(name, mlx=mlx, option=option)[0]


def spec_for(name_or_path: str) -> ModelSpec | None:
    """The registry entry for a name, a hub id, or a local checkpoint of a known family."""
    if name_or_path in REGISTRY:
        return REGISTRY[name_or_path]
    for spec in REGISTRY.values():
        if name_or_path in (spec.hf_id, spec.mlx_id):
            return spec
    return None


def main(argv: list[str] | None = None, prog: str = "taxqa models") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="List the model registry (short names usable anywhere a model is asked for)."
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps({k: asdict(v) for k, v in REGISTRY.items()}, ensure_ascii=False, indent=2))
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
