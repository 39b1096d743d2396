"""One timed greedy generation in a fresh process, for bench_footprint and bench_inference.

    python bench/decode_worker.py mlx=MLX_DIR --prompt-tokens 64 --max-tokens 32
    python bench/decode_worker.py torch-bfloat16=HF_DIR torch-float32=HF_DIR ...

Prints one JSON line per run: load time, RSS after imports / after loading, prompt tokens/s, time to
first token and decode tokens/s. Both backends get the same token ids (the one prompt renderer,
the model's own tokenizer) and decode a fixed number of tokens: EOS does not stop a benchmark.
The parent measures this process's peak RSS (bench.common.run_child).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import rss_bytes  # noqa: E402

QUESTION = "증여세는 얼마인가요?"
# Prepended until the prompt is long enough: the same ids for every backend, any length.
FACTS = "아버지에게서 현금 3억 2천만원을 증여받았고, 10년 안에 같은 분에게서 받은 증여는 없습니다. "


def prompt_ids(model_dir: str, n_tokens: int) -> list[int]:
    """The token ids of a rendered Korean tax question of at least ``n_tokens`` tokens."""
    from transformers import AutoTokenizer

    from taxqa.prompt import encode_prompt, render_prompt

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    facts = ""
    while True:
        ids = encode_prompt(tokenizer, render_prompt(tokenizer, facts + QUESTION))
        if len(ids) >= n_tokens:
            return ids
        facts += FACTS


def timed_decode(step, ids: list[int], max_tokens: int) -> dict:
    """Time ``step(ids, max_tokens)``, an iterator of generated token ids."""
    start = time.perf_counter()
    first = last = None
    count = 0
    for _ in step(ids, max_tokens):
        last = time.perf_counter()
        first = first or last
        count += 1
    ttft = first - start
    decode_s = last - first
    return {
        "prompt_tokens": len(ids),
        "generation_tokens": count,
        "ttft_s": ttft,
        "prompt_tps": len(ids) / ttft,
        "decode_tps": (count - 1) / decode_s if count > 1 and decode_s > 0 else None,
        "total_s": last - start,
    }


def mlx_runner(model_dir: str):
    import mlx.core as mx
    from mlx_lm import load
    from mlx_lm.generate import generate_step

    from taxqa.runtime.roofline import weight_bytes

    model, _ = load(model_dir)

    def step(ids, max_tokens):
        for token, _ in generate_step(mx.array(ids), model, max_tokens=max_tokens):
            yield int(token)

    info = {"device": str(mx.default_device()), "weight_bytes": weight_bytes(model)}
    return step, info, lambda: {"mlx_peak_memory_bytes": mx.get_peak_memory()}


def torch_runner(model_dir: str, dtype: str):
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=getattr(torch, dtype)).eval()

    @torch.inference_mode()
    def step(ids, max_tokens):
        out = model(input_ids=torch.tensor([ids]), use_cache=True)
        for i in range(max_tokens):
            token = out.logits[:, -1].argmax(-1)
            yield int(token)
            if i + 1 < max_tokens:
                out = model(input_ids=token[:, None], past_key_values=out.past_key_values, use_cache=True)

    info = {
        "device": f"torch cpu ({torch.get_num_threads()} threads)",
        "weight_bytes": sum(p.numel() * p.element_size() for p in model.parameters()),
    }
    return step, info, dict


def parse_run(text: str) -> tuple[str, str, str]:
    """'mlx=DIR', 'torch-float32=DIR' or 'torch-bfloat16=DIR' -> (backend, dtype, dir)."""
    kind, sep, folder = text.partition("=")
    backend, _, dtype = kind.partition("-")
    if not sep or backend not in ("mlx", "torch") or dtype not in ("", "float32", "bfloat16"):
        raise argparse.ArgumentTypeError(f"{text!r}: expected mlx=DIR, torch-float32=DIR or torch-bfloat16=DIR")
    return backend, dtype or "float32", folder


def run_one(backend: str, dtype: str, folder: str, prompt_tokens: int, max_tokens: int, warmup: bool) -> dict:
    ids = prompt_ids(folder, prompt_tokens)
    baseline = rss_bytes()
    start = time.perf_counter()
    step, info, extra = mlx_runner(folder) if backend == "mlx" else torch_runner(folder, dtype)
    load_s = time.perf_counter() - start
    loaded = rss_bytes()
    if warmup:
        for _ in step(ids[:8], 2):
            pass
    stats = timed_decode(step, ids, max_tokens)
    return {
        "backend": backend,
        "dtype": dtype if backend == "torch" else None,
        "model": folder,
        **info,
        "load_s": load_s,
        "baseline_rss_bytes": baseline,
        "loaded_rss_bytes": loaded,
        "final_rss_bytes": rss_bytes(),
        "prompt_sha1": hashlib.sha1(json.dumps(ids).encode()).hexdigest()[:12],
        **stats,
        **extra(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=parse_run, help="mlx=DIR, torch-float32=DIR or torch-bfloat16=DIR")
    parser.add_argument("--prompt-tokens", type=int, default=64, help="at least this many prompt tokens")
    parser.add_argument("--max-tokens", type=int, default=32, help="tokens generated (EOS ignored)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the 2-token warm-up generation")
    args = parser.parse_args(argv)

    # Imports count in each run's baseline, not in its model's footprint.
    if any(b == "mlx" for b, _, _ in args.runs):
        import mlx.core  # noqa: F401
    if any(b == "torch" for b, _, _ in args.runs):
        import torch  # noqa: F401
    import transformers  # noqa: F401

    for backend, dtype, folder in args.runs:
        result = run_one(backend, dtype, folder, args.prompt_tokens, args.max_tokens, not args.no_warmup)
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
