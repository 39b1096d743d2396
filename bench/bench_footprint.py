"""Footprint: weights on disk and peak RSS while generating, MLX 4-bit vs bf16 vs fp32 (and torch).

One random-weight gemma3_text checkpoint (`taxqa demo-model --arch gemma3 --size LxH`) is
converted by mlx_lm.convert to each precision; each variant then generates in a fresh
process whose peak RSS the kernel reports. Beside it, the computed size of the registry's
real models (language-model parameters x stored bits per weight, 4-bit = 4 bits + a bf16
scale and bias per group of 64). Goal: 4-bit weights <= 0.30x bf16 on disk.

    python bench/bench_footprint.py            # 16x1152 (~320M parameters)
    python bench/bench_footprint.py --quick    # 2x128
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    MB,
    MLX_VARIANTS,
    bits_per_weight,
    dir_bytes,
    mlx_variant,
    print_table,
    run_child,
    scratch_dir,
    tiny_checkpoint,
    write_result,
)
from taxqa.models import REGISTRY  # noqa: E402

WORKER = Path(__file__).resolve().parent / "decode_worker.py"
GOAL_RATIO = 0.30
BITS = {"4bit": bits_per_weight(4, 64), "bf16": 16.0, "fp32": 32.0}


def generate_footprint(run_spec: str, prompt_tokens: int, max_tokens: int) -> dict:
    """Load and generate in a fresh process: one model per process, so its peak is that model's."""
    cmd = [sys.executable, str(WORKER), run_spec, "--prompt-tokens", str(prompt_tokens)]
    cmd += ["--max-tokens", str(max_tokens), "--no-warmup"]
    run = run_child(cmd)
    if run.returncode:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stderr[-3000:]}")
    [result] = run.json_lines()
    result["peak_rss_bytes"] = run.peak_rss
    result["peak_above_baseline_bytes"] = run.peak_rss - result["baseline_rss_bytes"]
    return result


def registry_sizes() -> list[dict]:
    rows = []
    for spec in REGISTRY.values():
        sizes = {k: spec.language_params_b * 1e9 * bits / 8 for k, bits in BITS.items()}
        rows.append(
            {
                "model": spec.name,
                "hf_id": spec.hf_id,
                "language_params_b": spec.language_params_b,
                "bytes": sizes,
                "ratio_4bit_to_bf16": sizes["4bit"] / sizes["bf16"],
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 2x128 model and a short generation")
    parser.add_argument("--size", help="LAYERSxHIDDEN of the random model (default 16x1152, quick 2x128)")
    parser.add_argument(
        "--torch", action=argparse.BooleanOptionalAction, help="add transformers/torch rows (default: full runs only)"
    )
    parser.add_argument("--json", help="where to write JSON (default bench/results/footprint.json)")
    args = parser.parse_args(argv)
    size = args.size or ("2x128" if args.quick else "16x1152")
    prompt_tokens, max_tokens = (16, 4) if args.quick else (32, 8)

    with scratch_dir("models") as root:
        hf = tiny_checkpoint(root, "gemma3", size)
        runs = []
        for variant in MLX_VARIANTS:
            folder = mlx_variant(hf, variant)
            run = generate_footprint(f"mlx={folder}", prompt_tokens, max_tokens)
            runs.append({"backend": "mlx", "precision": variant, "disk_bytes": dir_bytes(folder), **run})
        if args.torch if args.torch is not None else not args.quick:
            for dtype, label in (("float32", "fp32"), ("bfloat16", "bf16")):
                run = generate_footprint(f"torch-{dtype}={hf}", prompt_tokens, max_tokens)
                # torch loads the fp32 checkpoint and casts; its disk size is that file's.
                runs.append({"backend": "torch", "precision": label, "disk_bytes": dir_bytes(hf), **run})

    disk = {r["precision"]: r["disk_bytes"] for r in runs if r["backend"] == "mlx"}
    ratio = disk["4bit"] / disk["bf16"]
    fp32_mlx = next(r for r in runs if r["backend"] == "mlx" and r["precision"] == "fp32")
    params = fp32_mlx["weight_bytes"] // 4
    print_table(
        f"Footprint: random gemma3_text {size} ({params / 1e6:.0f}M parameters), "
        f"{prompt_tokens}+ prompt tokens, {max_tokens} generated",
        ["backend", "precision", "disk MB", "x bf16", "weights in memory MB", "peak RSS MB", "above baseline MB"],
        [
            [
                r["backend"],
                r["precision"],
                r["disk_bytes"] / MB,
                f"{r['disk_bytes'] / disk['bf16']:.2f}x",
                r["weight_bytes"] / MB,
                r["peak_rss_bytes"] / MB,
                r["peak_above_baseline_bytes"] / MB,
            ]
            for r in runs
        ],
        caption="peak RSS: the kernel's high-water mark of a fresh process that loads the model and generates; "
        "baseline: its RSS after importing mlx/torch and transformers. torch loads the fp32 checkpoint.",
    )
    registry = registry_sizes()
    print_table(
        "Computed weight size of the registry's real models (language model; 4-bit = 4.5 bits/weight, group 64)",
        ["model", "params B", "4-bit GB", "bf16 GB", "fp32 GB", "4-bit / bf16"],
        [
            [
                r["model"],
                r["language_params_b"],
                *(r["bytes"][k] / 1e9 for k in BITS),
                f"{r['ratio_4bit_to_bf16']:.2f}x",
            ]
            for r in registry
        ],
    )
    met = ratio <= GOAL_RATIO
    peaks = ", ".join(
        f"{r['precision']} {r['peak_above_baseline_bytes'] / MB:.0f} MB" for r in runs if r["backend"] == "mlx"
    )
    headline = (
        f"4-bit weights on disk = {ratio:.3f}x bf16 (goal <= {GOAL_RATIO:.2f}x: {'met' if met else 'NOT met'}); "
        f"MLX peak RSS above baseline while generating: {peaks}"
    )
    print(headline)
    write_result(
        "footprint",
        {
            "quick": args.quick,
            "headline": headline,
            "goal": {"ratio_4bit_to_bf16_max": GOAL_RATIO, "ratio_4bit_to_bf16": ratio, "met": met},
            "model": {"arch": "gemma3", "size": size, "parameters": params},
            "prompt_tokens": prompt_tokens,
            "max_tokens": max_tokens,
            "runs": runs,
            "registry": registry,
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
