"""Fused output: merge the LoRA into the base in fp32, then quantize and save with mlx_lm.

Strategy (chosen by peak memory, see bench/bench_convert.py): mlx_lm loads the base
lazily (tensors stay in the safetensors files), every adapted weight becomes a lazy
``W + scale * B @ A`` in fp32, mlx_lm's ``quantize_model`` makes the quantized layers
(still lazy), and then the model is evaluated one decoder layer at a time, so only one
layer's full-precision weights are in memory at once next to the finished 4-bit ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from convert.peft_adapter import LoraUpdate
from taxqa.errors import UserError
from taxqa.models import family_of

STRATEGIES = ("layerwise", "whole")
QUANT_RECIPES = ("mixed_2_6", "mixed_3_4", "mixed_3_6", "mixed_4_6")


def merged_weight(weight, update: LoraUpdate):
    """W + scale * B @ A computed in fp32 (DoRA: rows rescaled to the magnitude), cast back to W's dtype."""
    import mlx.core as mx

    w = weight.astype(mx.float32) + update.scale * (mx.array(update.b) @ mx.array(update.a))
    if update.magnitude is not None:
        w = (mx.array(update.magnitude) / mx.linalg.norm(w, axis=1))[:, None] * w
    return w.astype(weight.dtype)


def merge_updates(model, updates: list[LoraUpdate]) -> None:
    """Replace each adapted layer's weight by its lazy merged weight (nothing is computed yet)."""
    modules = dict(model.named_modules())
    for u in updates:
        module = modules[u.path]
        module.weight = merged_weight(module.weight, u)


def cast_model(model, dtype: str) -> None:
    """What mlx_lm.convert does for --dtype: cast floating parameters the model allows to be cast."""
    import mlx.core as mx
    from mlx.utils import tree_map_with_path

    target = getattr(mx, dtype)
    allowed = getattr(model, "cast_predicate", lambda _: True)

    def cast(path, value):
        return value.astype(target) if allowed(path) and mx.issubdtype(value.dtype, mx.floating) else value

    model.update(tree_map_with_path(cast, model.parameters()))


def quant_predicate(model, family: str, group_size: int, embed_bits: int | None, recipe: str | None) -> Callable | None:
    """mlx_lm's mixed recipe and/or wider embeddings (Gemma3 ties them to the output head)."""
    base = None
    if recipe:
        if family == "phi2":
            raise UserError(
                f"--quant-recipe {recipe}: mlx_lm's mixed recipes do not apply to Phi-2 (they key on down_proj; "
                "Phi-2's MLP is fc1/fc2); use --q-bits/--q-group-size"
            )
        from mlx_lm.convert import mixed_quant_predicate_builder

        base = mixed_quant_predicate_builder(recipe, model, group_size)
    if embed_bits is None:
        return base

    def predicate(path: str, module):
        if path.endswith(("embed_tokens", "lm_head")):
            return {"group_size": group_size, "bits": embed_bits, "mode": "affine"}
        return base(path, module) if base else True

    return predicate


def evaluate_layerwise(model) -> None:
    """Compute the lazy parameters one weight at a time, layer by layer (bounded peak memory).

    One weight at a time keeps only one matrix's fp32 merge temporaries alive (a whole
    layer's at once cost 0.3x of a 1.5B model here). MLX keeps freed buffers in its
    allocator cache for reuse, and the fp32 temporaries of a merge are not reused by the
    next one's, so the cache is emptied as it goes (otherwise it grows to about the size
    of the full-precision model)."""
    import mlx.core as mx
    from mlx.utils import tree_flatten
    from tqdm import tqdm

    for layer in tqdm(model.layers, desc="merging", unit="layer", leave=False):
        for _, value in tree_flatten(layer.parameters()):
            mx.eval(value)
        mx.clear_cache()
    mx.eval(model.parameters())
    mx.clear_cache()


def output_config(config: dict) -> dict:
    """Keys mlx_lm reads at the top level but transformers 5 nests (see DESIGN.md, known traps)."""
    config = dict(config)
    if config.get("model_type") == "gemma3" and "vocab_size" not in config and "text_config" in config:
        config["vocab_size"] = config["text_config"]["vocab_size"]
    if config.get("model_type") == "phi":
        rope = config.get("rope_parameters") or {}
        config.setdefault("partial_rotary_factor", rope.get("partial_rotary_factor", 0.4))
        config.setdefault("rope_theta", rope.get("rope_theta", 10000.0))
    return config


def write_fused(
    base_folder: Path,
    model,
    config: dict,
    updates: list[LoraUpdate],
    out: Path,
    *,
    quantize: bool,
    q_bits: int,
    q_group_size: int,
    dtype: str | None,
    embed_bits: int | None = None,
    recipe: str | None = None,
    strategy: str = "layerwise",
) -> dict:
    """Merge, (cast,) (quantize,) save into ``out`` with mlx_lm; returns the quantization record."""
    import mlx.core as mx

    # Freed buffers go back to the system instead of MLX's cache (see evaluate_layerwise).
    previous_limit = mx.set_cache_limit(0)
    try:
        return _write_fused(
            base_folder,
            model,
            config,
            updates,
            out,
            quantize,
            q_bits,
            q_group_size,
            dtype,
            embed_bits,
            recipe,
            strategy,
        )
    finally:
        mx.set_cache_limit(previous_limit)


def _write_fused(
    base_folder, model, config, updates, out, quantize, q_bits, q_group_size, dtype, embed_bits, recipe, strategy
) -> dict:
    from mlx_lm.utils import load_tokenizer, quantize_model, save

    merge_updates(model, updates)
    if dtype:
        cast_model(model, dtype)
    config = output_config(config)
    quantization = None
    if quantize:
        predicate = quant_predicate(model, family_of(config.get("model_type")), q_group_size, embed_bits, recipe)
        model, config = quantize_model(model, config, q_group_size, q_bits, quant_predicate=predicate)
        quantization = {
            "bits": q_bits,
            "group_size": q_group_size,
            "mode": "affine",
            "embed_bits": embed_bits,
            "recipe": recipe,
        }
    if strategy == "layerwise":
        evaluate_layerwise(model)
    tokenizer = load_tokenizer(base_folder)
    save(out, base_folder, model, tokenizer, config)
    return {"quantization": quantization, "dtype": dtype, "strategy": strategy}
