"""`taxqa demo-model`: tiny random-weight checkpoints in the real Hugging Face format.

No machine here can download real weights, so tests and the demo run on these:
the same architectures (gemma3_text, Gemma3ForConditionalGeneration with a tiny
SigLIP tower, phi), saved by transformers itself, with a byte-fallback BPE
tokenizer trained on the Korean statutes the package ships.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from taxqa.errors import UserError
from taxqa.options import integer

ARCHS = ("gemma3", "gemma3-mm", "phi2")
GEMMA_SPECIALS = ["<pad>", "<eos>", "<bos>", "<unk>", "<start_of_turn>", "<end_of_turn>"]
GEMMA_IMAGE_SPECIALS = ["<start_of_image>", "<end_of_image>", "<image_soft_token>"]
PHI_EOS = "<|endoftext|>"
BYTE_TOKENS = [f"<0x{i:02X}>" for i in range(256)]

# A Gemma-style template: system text folds into the first user turn, turns end with <end_of_turn>.
GEMMA_CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{%- if messages[0]['role'] == 'system' -%}"
    "{%- set first_user_prefix = messages[0]['content'] + '\n\n' -%}"
    "{%- set loop_messages = messages[1:] -%}"
    "{%- else -%}{%- set first_user_prefix = '' -%}{%- set loop_messages = messages -%}{%- endif -%}"
    "{%- for message in loop_messages -%}"
    "{%- set role = 'model' if message['role'] == 'assistant' else message['role'] -%}"
    "{{ '<start_of_turn>' + role + '\n' + (first_user_prefix if loop.first else '') }}"
    "{{ message['content'] | trim }}{{ '<end_of_turn>\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<start_of_turn>model\n' }}{%- endif -%}"
)


MADE_BY = "demo-model"


def parse_size(text: str) -> tuple[int, int]:
    """'LAYERSxHIDDEN' such as '2x64' or '16x1152'."""
    m = re.fullmatch(r"\s*(\d{1,7})\s*[xX]\s*(\d{1,7})\s*", text or "")
    if not m:
        raise UserError(f"--size {text[:40]!r}: expected LAYERSxHIDDEN, e.g. 2x64 or 16x1152")
    layers, hidden = int(m.group(1)), int(m.group(2))
    if layers < 1 or hidden < 16 or hidden % 16:
        raise UserError(f"--size {text!r}: need at least 1 layer and a hidden size that is a multiple of 16")
    if layers > MAX_LAYERS or hidden > MAX_HIDDEN:
        raise UserError(f"--size {text!r}: at most {MAX_LAYERS} layers and hidden size {MAX_HIDDEN} (a tiny model)")
    need = 16 * layers * hidden * hidden * 4  # ~12 h^2 weights per layer, fp32, plus room to save them
    total = _physical_memory()
    if total and need > total // 2:
        raise UserError(
            f"--size {text!r}: needs about {need / 2**30:.1f} GB of memory to build, more than half of this "
            f"machine's {total / 2**30:.1f} GB; choose a smaller size"
        )
    return layers, hidden


MAX_LAYERS, MAX_HIDDEN = 256, 16384


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def tokenizer_training_text(max_chars: int = 400_000) -> list[str]:
    """Korean tax text from the embedded corpus, bounded so training takes about a second."""
    from taxqa.corpus import iter_corpus_texts

    texts, total = [], 0
    for text in iter_corpus_texts():
        texts.append(text)
        total += len(text)
        if total >= max_chars:
            break
    if not texts:
        raise RuntimeError("the embedded corpus is empty: the package was built without taxqa/corpus/data")
    return texts


NUMBER_STYLES = ("digits", "groups", "runs")
ALPHABET_SIZE = 300


def common_characters(texts: list[str], size: int) -> list[str]:
    """The ``size`` most frequent characters (spaces as '▁'), ties broken by the character.

    The trainer's own ``limit_alphabet`` drops the rarest characters in hash-map order, so among
    characters of equal count at the cut the kept ones changed from process to process, and with them
    the merges (two runs on the same text gave vocabularies differing by a few tokens). Given as the
    initial alphabet with the same limit, exactly these are kept."""
    from collections import Counter

    counts = Counter()
    for text in texts:
        counts.update(text.replace(" ", "▁"))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [ch for ch, _ in ranked[:size]]


def train_tokenizer(arch: str, vocab_size: int, texts: list[str], numbers: str = "digits"):
    """A BPE tokenizer with byte fallback (any input round-trips), as a transformers fast tokenizer.

    ``numbers``: "digits" splits every digit; "groups" adds every digit group of one to three digits
    ("7", "45", "050", "550") as a token of its own, so '1억 4,550만원' is five tokens that rarely repeat
    within a block; "runs" lets BPE merge digits like any other characters."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    gemma = arch.startswith("gemma3")
    specials = GEMMA_SPECIALS + (GEMMA_IMAGE_SPECIALS if arch == "gemma3-mm" else []) if gemma else [PHI_EOS]
    tok = Tokenizer(models.BPE(unk_token="<unk>" if gemma else None, byte_fallback=True, fuse_unk=gemma))
    tok.normalizer = normalizers.Replace(" ", "▁")
    # digits one by one: a figure is copied digit by digit, and no merge hides a digit inside a word
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Split("▁", behavior="merged_with_next"),
         pre_tokenizers.Digits(individual_digits=numbers != "runs")]
    )  # fmt: skip
    tok.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse()])
    # Rare characters are left to byte fallback, so merges go to common Korean syllables and words.
    alphabet = common_characters(texts, ALPHABET_SIZE)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=specials + BYTE_TOKENS,
        limit_alphabet=len(alphabet),
        initial_alphabet=alphabet,
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    if numbers == "groups":
        groups = [f"{n:0{width}d}" for width in (1, 2, 3) for n in range(10**width)]
        tok.add_tokens([AddedToken(g, normalized=False) for g in groups])
    tok = _bytes_as_ordinary_tokens(tok)
    kwargs = {"tokenizer_object": tok, "eos_token": "<eos>" if gemma else PHI_EOS}
    if gemma:
        kwargs |= {
            "bos_token": "<bos>",
            "pad_token": "<pad>",
            "unk_token": "<unk>",
            "chat_template": GEMMA_CHAT_TEMPLATE,
        }
        kwargs["additional_special_tokens"] = specials[4:]
    else:
        kwargs |= {"bos_token": PHI_EOS, "unk_token": PHI_EOS}  # Phi-2 has no pad token, as the real one
    return PreTrainedTokenizerFast(**kwargs)


def _bytes_as_ordinary_tokens(tok):
    """The trainer puts the 256 byte tokens in the vocabulary only as special tokens; keep them in the
    vocabulary but drop them from the special (added) tokens, as in the real Gemma tokenizer, so
    ``decode(..., skip_special_tokens=True)`` keeps characters that fell back to bytes."""
    from tokenizers import Tokenizer

    data = json.loads(tok.to_str())
    byte_set = set(BYTE_TOKENS)
    data["added_tokens"] = [t for t in data["added_tokens"] if t["content"] not in byte_set]
    return Tokenizer.from_str(json.dumps(data))


@dataclass(frozen=True)
class Attention:
    """The tiny Gemma3's attention shape: None keeps the default (2 heads of 64 per 128, half as many
    kv heads, Gemma3's rope bases). The demo takes 4 heads / 4 kv heads and rope 1e4: the shape with
    which the copying skill formed for every seed tried (BENCHMARKS.md §15, round 4)."""

    heads: int | None = None
    kv_heads: int | None = None
    rope_theta: float | None = None


def _gemma_text_config(vocab_size: int, layers: int, hidden: int, tokenizer, attention: Attention = Attention()):
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
        return tf.Gemma3ForCausalLM(_gemma_text_config(vocab, layers, hidden, tokenizer, attention))
    if arch == "gemma3-mm":
        text = _gemma_text_config(vocab, layers, hidden, tokenizer, attention)
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


def _patch_config_for_mlx(out: Path, arch: str) -> None:
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


def build_checkpoint(
    arch: str,
    out: str | os.PathLike,
    *,
    size: str = "2x64",
    vocab_size: int = 1024,
    seed: int = 0,
    dtype: str = "float32",
    train_on: str | os.PathLike | None = None,
    pretrain_steps: int = 0,
    pretrain_lr: float = 3e-3,
    pretrain_loss: str = "both",
    pretrain_warmup: int = 0,
    pretrain_batch: int = 8,
    pretrain_random_figures: float = 0.0,
    numbers: str = "digits",
    attention: Attention = Attention(),
    log=None,
) -> Path:
    """Write a tiny checkpoint to ``out`` atomically (temp dir + rename) and return its path.

    With ``train_on`` (QA records), the tokenizer also learns from them and, with ``pretrain_steps``,
    the model is pre-trained on them (taxqa/tiny_pretrain.py) before it is saved."""
    from taxqa.outputs import atomic_folder, check_output_dir

    if arch not in ARCHS:
        raise UserError(f"unknown --arch {arch!r}; expected one of {', '.join(ARCHS)}")
    if vocab_size < 512:
        raise UserError(f"--vocab-size {vocab_size}: need at least 512 (256 byte tokens + merges)")
    layers, hidden = parse_size(size)
    # before any work: never replace a folder demo-model did not make (a dataset, a user's folder)
    out = check_output_dir(out, "--out", replace=True, made_by=MADE_BY)

    import torch
    from transformers import GenerationConfig
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Writing model shards" bar in a command's output
    torch_dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
    records = []
    if train_on is not None:
        from taxqa.tiny_pretrain import read_training_records, record_texts

        records = read_training_records(train_on)
    corpus = tokenizer_training_text()
    tokenizer = train_tokenizer(arch, vocab_size, corpus + (record_texts(records) if records else []), numbers)
    torch.manual_seed(seed)
    model = build_model(arch, tokenizer, layers, hidden, attention)
    pretrained = None
    if records and pretrain_steps > 0:
        from taxqa.tiny_pretrain import pretrain

        pretrained = pretrain(model, tokenizer, records, corpus, steps=pretrain_steps, lr=pretrain_lr, seed=seed,
                              loss=pretrain_loss, warmup=pretrain_warmup, batch_size=pretrain_batch,
                              random_figures=pretrain_random_figures, log=log)  # fmt: skip
    model = model.to(torch_dtype).eval()
    with atomic_folder(out, MADE_BY, "--out") as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        eos = model.config.get_text_config().eos_token_id
        GenerationConfig(
            bos_token_id=tokenizer.bos_token_id, eos_token_id=eos, pad_token_id=tokenizer.pad_token_id
        ).save_pretrained(tmp)
        _patch_config_for_mlx(tmp, arch)
        (tmp / "taxqa_tiny.json").write_text(
            json.dumps(
                {
                    "arch": arch,
                    "size": size,
                    "vocab_size": len(tokenizer),
                    "seed": seed,
                    "dtype": dtype,
                    "numbers": numbers,
                    "pretrained": pretrained,
                }
            )
            + "\n"  # fmt: skip
        )
    return out


def count_parameters(model_dir: str | os.PathLike) -> int:
    from safetensors import safe_open

    total = 0
    for file in Path(model_dir).glob("*.safetensors"):
        with safe_open(file, "np") as f:
            for key in f.keys():
                shape = f.get_slice(key).get_shape()
                n = 1
                for d in shape:
                    n *= d
                total += n
    return total


def main(argv: list[str] | None = None, prog: str = "taxqa demo-model") -> int:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Build a tiny random-weight checkpoint in the real Hugging Face format "
        "(config, safetensors, tokenizer trained on the bundled Korean statutes, chat template for Gemma). "
        "transformers, peft and mlx_lm load it; it learns formats, not tax law.",
    )
    parser.add_argument(
        "--arch",
        required=True,
        choices=ARCHS,
        help="gemma3 (gemma3_text), gemma3-mm (multimodal, tiny SigLIP tower) or phi2",
    )
    parser.add_argument(
        "--out", "-o", required=True, help="output folder: new, empty, or one demo-model made (replaced atomically)"
    )
    parser.add_argument(
        "--size", default="2x64", help="LAYERSxHIDDEN (default 2x64; e.g. 16x1152 for a ~300M benchmark model)"
    )
    parser.add_argument(
        "--vocab-size", type=integer(512, 1_000_000), default=1024, help="tokenizer vocabulary (>= 512, default 1024)"
    )
    parser.add_argument("--seed", type=integer(0), default=0, help="random seed: same seed, same weights")
    parser.add_argument(
        "--dtype", default="float32", choices=("float32", "bfloat16", "float16"), help="stored precision"
    )
    parser.add_argument(
        "--train-on",
        metavar="DATA",
        help="QA records (JSONL or a dataset folder's train.jsonl): the tokenizer also learns from them, "
        "and --pretrain-steps pre-trains the model on them",
    )
    parser.add_argument(
        "--pretrain-steps", type=integer(0, 100_000), default=0, help="full pre-training steps on --train-on (0)"
    )
    parser.add_argument("--pretrain-lr", type=float, default=3e-3, help="pre-training peak learning rate (3e-3)")
    parser.add_argument(
        "--pretrain-loss",
        choices=("both", "answer"),
        default="both",
        help="both: the whole example's loss plus the answer's (default); answer: the answer's alone",
    )
    parser.add_argument(
        "--pretrain-warmup",
        type=integer(0, 100_000),
        default=0,
        help="linear warm-up steps, then a constant rate (default 0: a one-cycle schedule)",
    )
    parser.add_argument(
        "--pretrain-batch", type=integer(1, 4096), default=8, help="pre-training examples per step (default 8)"
    )
    parser.add_argument(
        "--pretrain-random-figures",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of pre-training examples (0-1, default 0) whose block's last figure is replaced by a random "
        "amount in the block and the answer alike, so that only copying from the block predicts it",
    )
    parser.add_argument(
        "--numbers",
        choices=NUMBER_STYLES,
        default="digits",
        help="how the tokenizer cuts numbers: digits (one by one, default), groups (every 1-3 digit group "
        "is a token: '1억 4,550만원' -> 1 억 4 , 550 만원), runs (BPE merges them)",
    )
    parser.add_argument("--heads", type=integer(1, 1024), help="gemma3: attention heads (default hidden/64, >= 2)")
    parser.add_argument("--kv-heads", type=integer(1, 1024), help="gemma3: key/value heads (default heads/2)")
    parser.add_argument("--rope-theta", type=float, help="gemma3: rope base of every layer (default Gemma3's)")
    args = parser.parse_args(argv)
    if args.rope_theta is not None and not args.rope_theta > 0:
        raise UserError(f"--rope-theta {args.rope_theta}: expected a positive number")
    if args.pretrain_steps and not args.train_on:
        raise UserError("--pretrain-steps needs --train-on DATA (the records to pre-train on)")
    if not 0 <= args.pretrain_random_figures <= 1:
        raise UserError(f"--pretrain-random-figures {args.pretrain_random_figures}: expected a share from 0 to 1")
    if not 0 < args.pretrain_lr < 1:
        raise UserError(f"--pretrain-lr {args.pretrain_lr}: expected a learning rate between 0 and 1")
    start = time.perf_counter()
    out = build_checkpoint(
        args.arch,
        args.out,
        size=args.size,
        vocab_size=args.vocab_size,
        seed=args.seed,
        dtype=args.dtype,
        train_on=args.train_on,
        pretrain_steps=args.pretrain_steps,
        pretrain_lr=args.pretrain_lr,
        pretrain_loss=args.pretrain_loss,
        pretrain_warmup=args.pretrain_warmup,
        pretrain_batch=args.pretrain_batch,
        pretrain_random_figures=args.pretrain_random_figures,
        numbers=args.numbers,
        attention=Attention(args.heads, args.kv_heads, args.rope_theta),
        log=lambda line: print(line, flush=True),
    )
    params = count_parameters(out)
    print(
        f"{args.arch} checkpoint ({params / 1e6:.2f}M parameters, {args.dtype}) written to {out} in {time.perf_counter() - start:.1f}s"
    )
    return 0
