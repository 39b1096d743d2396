"""MLX adapter output: a PEFT LoRA as mlx_lm's adapter folder, to run unfused on a (4-bit) base.

mlx_lm's format (tuner/utils.py ``load_adapters``): ``adapter_config.json`` with
``fine_tune_type`` (lora/dora), ``num_layers`` (the last N decoder layers get LoRA
layers) and ``lora_parameters`` {rank, scale, dropout, keys (paths inside a layer)},
and ``adapters.safetensors`` with ``<layer path>.lora_a`` (in, r), ``.lora_b`` (r, out)
and DoRA's ``.m`` (out,). One rank and one scale serve every layer, so per-module
ranks (``rank_pattern``) are zero-padded to the largest rank and per-module scales
(``alpha_pattern``) are folded into ``lora_b``: both leave ``scale * x A B`` unchanged.
Layers without an update keep mlx_lm's zero ``lora_b``, which adds nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from convert.peft_adapter import PeftAdapter
from taxqa.errors import UserError

LAYER = re.compile(r"^(?P<prefix>.*?\blayers)\.(?P<index>\d+)\.(?P<key>.+)$")


def adapter_tensors(adapter: PeftAdapter, num_hidden_layers: int) -> tuple[dict[str, np.ndarray], dict]:
    """(tensors, adapter_config) in mlx_lm's format."""
    rank = max(u.rank for u in adapter.updates)
    scale = max(u.scale for u in adapter.updates)
    keys, first_layer, tensors = set(), num_hidden_layers, {}
    for u in adapter.updates:
        m = LAYER.match(u.path)
        if not m:
            raise UserError(
                f"{adapter.folder}: {u.peft_module} is not inside a decoder layer; "
                "mlx_lm adapters only adapt layers (use --format fused)"
            )
        keys.add(m.group("key"))
        first_layer = min(first_layer, int(m.group("index")))
        a = np.zeros((u.a.shape[1], rank), np.float32)
        b = np.zeros((rank, u.b.shape[0]), np.float32)
        a[:, : u.rank] = u.a.T
        b[: u.rank, :] = u.b.T * (u.scale / scale)
        tensors[f"{u.path}.lora_a"] = a
        tensors[f"{u.path}.lora_b"] = b
        if u.magnitude is not None:
            tensors[f"{u.path}.m"] = u.magnitude.astype(np.float32)
    config = {
        "fine_tune_type": "dora" if adapter.dora else "lora",
        "num_layers": num_hidden_layers - first_layer,
        "lora_parameters": {
            "rank": rank,
            "scale": scale,
            "dropout": float(adapter.config.get("lora_dropout") or 0.0),
            "keys": sorted(keys),
        },
    }
    return tensors, config


def write_mlx_adapter(adapter: PeftAdapter, model, out: Path, extra_config: dict) -> dict:
    """Write adapters.safetensors + adapter_config.json into ``out``; returns the adapter config."""
    import mlx.core as mx

    tensors, config = adapter_tensors(adapter, len(model.layers))
    out.mkdir(parents=True, exist_ok=True)
    mx.save_safetensors(str(out / "adapters.safetensors"), {k: mx.array(v) for k, v in tensors.items()})
    config |= extra_config
    (out / "adapter_config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    return config
