"""The base model: find its folder, load it lazily with mlx_lm, refuse an adapter that does not fit it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from convert.peft_adapter import PeftAdapter
from taxqa.errors import UserError


@dataclass
class Base:
    name: str  # as the user gave it
    folder: Path
    hub_id: str | None  # the hub repo it came from, when not a local folder
    revision: str | None  # the hub commit of that snapshot, when known
    config: dict

    @property
    def quantized(self) -> bool:
        return bool(self.config.get("quantization") or self.config.get("quantization_config"))

    @property
    def architecture(self) -> str | None:
        arch = self.config.get("architectures") or [None]
        return arch[0]

    @property
    def model_type(self) -> str | None:
        return self.config.get("model_type")


def _snapshot_revision(folder: Path) -> str | None:
    # huggingface_hub snapshots live in .../snapshots/<commit>/
    return folder.name if folder.parent.name == "snapshots" and len(folder.name) == 40 else None


def resolve_base(name: str, *, mlx: bool) -> Base:
    """A registry name (its HF id, or MLX 4-bit id with ``mlx``), a local folder, or a hub id fetched."""
    from taxqa.models import resolve_folder

    folder, hub_id = resolve_folder(name, mlx=mlx, option="--base")
    cfg = folder / "config.json"
    if not list(folder.glob("*.safetensors")):
        raise UserError(f"--base {name}: {folder} has no *.safetensors weights")
    return Base(name, folder, hub_id, _snapshot_revision(folder), json.loads(cfg.read_text(encoding="utf-8")))


def load_lazy(base: Base):
    """(model, config) from mlx_lm with weights still on disk: nothing is read until evaluated."""
    from mlx_lm.utils import load_model

    try:
        return load_model(base.folder, lazy=True)
    except (ValueError, KeyError) as exc:
        raise UserError(f"--base {base.name}: mlx_lm cannot load {base.folder}: {type(exc).__name__}: {exc}") from exc


def linear_shape(module) -> tuple[int, int] | None:
    """(out, in) of a Linear or QuantizedLinear; None for anything else."""
    import mlx.nn as nn

    if isinstance(module, nn.QuantizedLinear):
        out, packed = module.weight.shape
        return out, packed * 32 // module.bits
    if isinstance(module, nn.Linear):
        return tuple(module.weight.shape)
    return None


def check_identity(adapter: PeftAdapter, base: Base) -> list[str]:
    """Refuse an adapter whose run.json names another model; return notes on what was checked."""
    from taxqa.models import spec_for

    notes = []
    run = adapter.run_info or {}
    trained_arch = run.get("architecture")
    if trained_arch and base.architecture and trained_arch != base.architecture:
        raise UserError(
            f"{adapter.folder}/run.json: the adapter was trained on a {trained_arch}, "
            f"but --base {base.name} is a {base.architecture}"
        )
    trained_on = run.get("base_model") or adapter.base_model
    if trained_on and base.hub_id:
        same = trained_on == base.hub_id
        spec_a, spec_b = spec_for(trained_on), spec_for(base.hub_id)
        if not same and spec_a and spec_b and spec_a.name != spec_b.name:
            raise UserError(f"--base {base.name} is {spec_b.name}, but the adapter was trained on {trained_on}")
        trained_rev = run.get("base_model_revision")
        if same and trained_rev and base.revision and trained_rev != base.revision:
            raise UserError(
                f"--base {base.name} is revision {base.revision[:12]}, but the adapter was trained on revision "
                f"{trained_rev[:12]} of {trained_on}; pass that revision's folder"
            )
        notes.append(f"base id {base.hub_id} matches the adapter's {trained_on}")
    elif trained_on:
        notes.append(f"adapter trained on {trained_on}; base is the local folder {base.folder} (checked by shapes)")
    return notes


def check_shapes(adapter: PeftAdapter, model) -> None:
    """Every update must land on a linear layer of the same shape; the message lists what does not."""
    modules = dict(model.named_modules())
    problems = []
    for u in adapter.updates:
        module = modules.get(u.path)
        shape = linear_shape(module) if module is not None else None
        want = (u.b.shape[0], u.a.shape[1])
        if module is None:
            problems.append(f"{u.peft_module}: no layer {u.path} in the base")
        elif shape is None:
            problems.append(f"{u.peft_module}: {u.path} is a {type(module).__name__}, not a linear layer")
        elif shape != want:
            problems.append(f"{u.peft_module}: adapter is (out, in) {want}, base layer {u.path} is {shape}")
        elif u.magnitude is not None and u.magnitude.shape != (want[0],):
            problems.append(f"{u.peft_module}: DoRA magnitude {u.magnitude.shape} does not match out={want[0]}")
    if problems:
        more = f"\n  ... and {len(problems) - 8} more" if len(problems) > 8 else ""
        raise UserError(
            f"--adapter {adapter.folder} does not fit the base ({len(problems)} of {len(adapter.updates)} layers):\n  "
            + "\n  ".join(problems[:8])
            + more
        )
