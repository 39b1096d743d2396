"""Inference, for the record: prompt tokens/s, time to first token and decode tokens/s of
mlx_lm (4-bit, bf16, fp32; on whatever MLX device is present) and transformers/torch
(fp32, bf16) on the same random gemma3_text model and the same prompt ids, in one run.

On Linux MLX runs on its CPU backend, a compatibility path (its bf16 and 4-bit kernels are
slow there); the speed MLX is chosen for comes from Metal. Compare ratios within one run,
not absolute times on a shared machine. Each decode rate is also shown as a fraction of
this machine's roofline (weight bytes per token / measured copy bandwidth).

    python bench/bench_inference.py            # 16x1152 (~320M parameters), each run in its own process
    python bench/bench_inference.py --quick    # 2x128, all runs in one process
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    MB,
    MLX_VARIANTS,
    mlx_variant,
    print_table,
    run_child,
    scratch_dir,
    tiny_checkpoint,
    write_result,
)
from taxqa.runtime.roofline import measure_copy_bandwidth, roofline_tps  # noqa: E402

WORKER = Path(__file__).resolve().parent / "decode_worker.py"


def run_worker(specs: list[str], prompt_tokens: int, max_tokens: int) -> list[dict]:
    cmd = [sys.executable, str(WORKER), *specs, "--prompt-tokens", str(prompt_tokens), "--max-tokens", str(max_tokens)]
    run = run_child(cmd)
    if run.returncode:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stderr[-3000:]}")
    return run.json_lines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 2x128 model, short prompt, one process")
    parser.add_argument("--size", help="LAYERSxHIDDEN of the random model (default 16x1152, quick 2x128)")
    parser.add_argument("--prompt-tokens", type=int, help="at least this many prompt tokens (default 64, quick 32)")
    parser.add_argument("--max-tokens", type=int, help="tokens decoded, EOS ignored (default 24, quick 16)")
    parser.add_argument("--json", help="where to write JSON (default bench/results/inference.json)")
    args = parser.parse_args(argv)
    size = args.size or ("2x128" if args.quick else "16x1152")
    prompt_tokens = args.prompt_tokens or (32 if args.quick else 64)
    max_tokens = args.max_tokens or (16 if args.quick else 24)

    with scratch_dir("models") as root:
        hf = tiny_checkpoint(root, "gemma3", size)
        specs = [f"mlx={mlx_variant(hf, v)}" for v in MLX_VARIANTS]
        specs += [f"torch-float32={hf}", f"torch-bfloat16={hf}"]
        if args.quick:  # imports paid once; the runs do not overlap
            runs = run_worker(specs, prompt_tokens, max_tokens)
        else:  # a fresh process per run: no allocator or thread-pool state carried over
            runs = [run for spec in specs for run in run_worker([spec], prompt_tokens, max_tokens)]
    if len({r["prompt_sha1"] for r in runs}) != 1:
        raise RuntimeError("backends were given different prompt ids; the comparison would be meaningless")

    copy_gbs = measure_copy_bandwidth(64, 3) if args.quick else measure_copy_bandwidth(256, 5)
    labels = list(MLX_VARIANTS) + ["fp32", "bf16"]
    torch_fp32 = runs[3]
    for run, label in zip(runs, labels):
        run["precision"] = label
        run["roofline_tps_this_machine"] = roofline_tps(run["weight_bytes"], copy_gbs)
        run["roofline_fraction"] = (run["decode_tps"] or 0) / run["roofline_tps_this_machine"]
        run["decode_vs_torch_fp32"] = (run["decode_tps"] or 0) / torch_fp32["decode_tps"]
        run["prompt_vs_torch_fp32"] = run["prompt_tps"] / torch_fp32["prompt_tps"]
    params = runs[2]["weight_bytes"] // 4  # the fp32 MLX model
    print_table(
        f"Inference: random gemma3_text {size} ({params / 1e6:.0f}M parameters), "
        f"{runs[0]['prompt_tokens']} prompt tokens, {max_tokens} decoded, greedy",
        [
            "backend",
            "precision",
            "device",
            "weights MB",
            "load s",
            "prompt tok/s",
            "TTFT s",
            "decode tok/s",
            "decode vs torch fp32",
            "of roofline here",
        ],
        [
            [
                r["backend"],
                r["precision"],
                r["device"],
                r["weight_bytes"] / MB,
                r["load_s"],
                r["prompt_tps"],
                r["ttft_s"],
                r["decode_tps"],
                f"{r['decode_vs_torch_fp32']:.2f}x",
                f"{r['roofline_fraction']:.1%}",
            ]
            for r in runs
        ],
        caption=f"roofline here = {copy_gbs:.1f} GB/s (measured numpy copy) / weight bytes. "
        "MLX on Linux runs on its CPU backend: a compatibility path, not the Metal speed it is chosen for.",
    )
    device = runs[0]["device"]
    headline = "decode tok/s, " + ", ".join(f"{r['backend']} {r['precision']} {r['decode_tps']:.1f}" for r in runs)
    headline += f" (MLX device: {device})"
    print(headline)
    write_result(
        "inference",
        {
            "quick": args.quick,
            "headline": headline,
            "model": {"arch": "gemma3", "size": size, "parameters": params},
            "mlx_device": device,
            "copy_bandwidth_gbs": copy_gbs,
            "prompt_tokens": runs[0]["prompt_tokens"],
            "max_tokens": max_tokens,
            "runs": runs,
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
