"""`taxqa demo-model`: tiny random-weight checkpoints in the real Hugging Face format.

No machine here can download real weights, so tests and the demo run on these:
the same architectures (gemma3_text, Gemma3ForConditionalGeneration with a tiny
SigLIP tower, phi), saved by transformers itself, with a byte-fallback BPE
tokenizer trained on the Korean statutes the package ships. The tokenizer is
taxqa/tiny_tokenizer.py, the architectures taxqa/tiny_model.py, the pre-training
taxqa/tiny_pretrain.py; this module builds and saves the checkpoint.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

from taxqa.errors import UserError
from taxqa.options import integer
from taxqa.tiny_model import ARCHS, Attention, build_model, patch_config_for_mlx
from taxqa.tiny_tokenizer import NUMBER_STYLES, tokenizer_training_text, train_tokenizer

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
    system_prompt: str | None = None,
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
                              random_figures=pretrain_random_figures, system_prompt=system_prompt,
                              log=log)  # fmt: skip
    model = model.to(torch_dtype).eval()
    with atomic_folder(out, MADE_BY, "--out") as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        eos = model.config.get_text_config().eos_token_id
        GenerationConfig(
            bos_token_id=tokenizer.bos_token_id, eos_token_id=eos, pad_token_id=tokenizer.pad_token_id
        ).save_pretrained(tmp)
        patch_config_for_mlx(tmp, arch)
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
        "--system-prompt",
        default=None,
        help="system prompt to pre-train with (default: the one generation uses; '' none, as taxqa eval)",
    )
    parser.add_argument(
        "--numbers",
        choices=NUMBER_STYLES,
        default="digits",
        help="how the tokenizer cuts numbers: digits (one by one, default), groups (every 1-3 digit group "
        "is a token: '1억 4,550만원' -> 1 억 4 , 550 만원), amounts (groups, and an amount's leading groups "
        "keep their space and comma: ' 1' 억 ' 4,' 550 만원), runs (BPE merges them)",
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
        system_prompt=args.system_prompt,
        numbers=args.numbers,
        attention=Attention(args.heads, args.kv_heads, args.rope_theta),
        log=lambda line: print(line, flush=True),
    )
    params = count_parameters(out)
    print(
        f"{args.arch} checkpoint ({params / 1e6:.2f}M parameters, {args.dtype}) written to {out} in {time.perf_counter() - start:.1f}s"
    )
    return 0
