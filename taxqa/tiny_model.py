"""The demo models' architectures: random-weight transformers models (gemma3_text,
Gemma3ForConditionalGeneration with a tiny SigLIP tower, phi) and the config keys mlx_lm reads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from taxqa.errors import UserError

ARCHS = ("gemma3", "gemma3-mm", "phi2")


@dataclass(frozen=True)
class Attention:
    """The tiny Gemma3's attention shape: None keeps the default (2 heads of 64 per 128, half as many
    kv heads, Gemma3's rope bases). The demo takes 4 heads / 4 kv heads and rope 1e4: the shape with
    which the copying skill formed for every seed tried (BENCHMARKS.md §15, round 4)."""

    heads: int | None = None
    kv_heads: int | None = None
    rope_theta: float | None = None


def gemma_text_config(vocab_size: int, layers: int, hidden: int, tokenizer, attention: Attention = Attention()):
    from transformers import Gemma3TextConfig

    heads = attention.heads or next(h for h in range(max(2, hidden // 64), 0, -1) if hidden % h == 0)
    if hidden % heads:  # transformers checks this
        raise UserError(f"--heads {heads}: the hidden size {hidden} must be a multiple of it")
    kv_heads = attention.kv_heads or (heads // 2 if heads % 2 == 0 else heads)
    if heads % kv_heads:
        raise UserError(f"--kv-heads {kv_heads}: --heads {heads} must be a multiple of it")
    head_dim = hidden // heads
    pattern = min(6, layers)  # mlx_lm needs num_hidden_layers >= sliding_window_pattern
    rope = {}
    if attention.rope_theta:  # the same base for the global and the sliding-window layers
        theta = float(attention.rope_theta)
        rope = {"rope_parameters": {"full_attention": {"rope_type": "default", "rope_theta": theta},
                                    "sliding_attention": {"rope_type": "default", "rope_theta": theta}}}  # fmt: skip
    return Gemma3TextConfig(
        vocab_size=vocab_size,
        hidden_size=hidden,
        intermediate_size=hidden * 4,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        num_key_value_heads=kv_heads,
        head_dim=head_dim,
        query_pre_attn_scalar=head_dim,
        sliding_window=512,
        sliding_window_pattern=pattern,
        max_position_embeddings=4096,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=[tokenizer.eos_token_id, tokenizer.convert_tokens_to_ids("<end_of_turn>")],
        tie_word_embeddings=True,
        **rope,
    )


def build_model(arch: str, tokenizer, layers: int, hidden: int, attention: Attention = Attention()):
    """A random-weight transformers model of the given architecture (seed set by the caller)."""
    import transformers as tf

    vocab = len(tokenizer)
    if arch == "gemma3":
        return tf.Gemma3ForCausalLM(gemma_text_config(vocab, layers, hidden, tokenizer, attention))
    if arch == "gemma3-mm":
        text = gemma_text_config(vocab, layers, hidden, tokenizer, attention)
        vision = tf.SiglipVisionConfig(
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=1,
            num_attention_heads=2,
            image_size=28,
            patch_size=14,
        )
        config = tf.Gemma3Config(
            text_config=text.to_dict(),
            vision_config=vision.to_dict(),
            mm_tokens_per_image=4,
            boi_token_index=tokenizer.convert_tokens_to_ids("<start_of_image>"),
            eoi_token_index=tokenizer.convert_tokens_to_ids("<end_of_image>"),
            image_token_index=tokenizer.convert_tokens_to_ids("<image_soft_token>"),
            eos_token_id=text.eos_token_id,
            tie_word_embeddings=True,
        )
        return tf.Gemma3ForConditionalGeneration(config)
    if arch == "phi2":
        heads = next(h for h in range(max(4, hidden // 80), 0, -1) if hidden % h == 0)  # 80-dim heads if it can
        # phi-2 rotates 40% of each head (32 of 80 dims); the rotated part must be whole and even
        head_dim = hidden // heads
        rotary_dims = max(2, 2 * round(head_dim * 0.2))
        # transformers and mlx_lm both take int(head_dim * factor): a margin keeps float error from flooring it
        rotary_factor = 0.4 if rotary_dims * 5 == head_dim * 2 else (rotary_dims + 0.25) / head_dim
        config = tf.PhiConfig(
            vocab_size=vocab,
            hidden_size=hidden,
            intermediate_size=hidden * 4,
            num_hidden_layers=layers,
            num_attention_heads=heads,
            num_key_value_heads=heads,
            partial_rotary_factor=rotary_factor,
            max_position_embeddings=2048,
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            tie_word_embeddings=False,
        )
        return tf.PhiForCausalLM(config)
    raise UserError(f"unknown --arch {arch!r}; expected one of {', '.join(ARCHS)}")


def patch_config_for_mlx(out: Path, arch: str) -> None:
    """transformers 5 nests some keys that mlx_lm reads at the top level; write them there too."""
    path = out / "config.json"
    config = json.loads(path.read_text())
    if arch == "phi2":
        rope = config.get("rope_parameters") or {}
        config.setdefault("partial_rotary_factor", rope.get("partial_rotary_factor", 0.4))
        config.setdefault("rope_theta", rope.get("rope_theta", 10000.0))
    else:
        text = config.get("text_config", config)
        rope = text.get("rope_parameters") or {}
        text.setdefault("rope_theta", (rope.get("full_attention") or {}).get("rope_theta", 1_000_000.0))
        text.setdefault("rope_local_base_freq", (rope.get("sliding_attention") or {}).get("rope_theta", 10_000.0))
        layer_types = text.get("layer_types") or []
        if "full_attention" in layer_types:
            text.setdefault("sliding_window_pattern", layer_types.index("full_attention") + 1)
        if arch == "gemma3-mm":
            config.setdefault("vocab_size", text["vocab_size"])
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")
