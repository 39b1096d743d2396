"""Convert: peak memory of a fused 4-bit conversion, per merge strategy, as a multiple of the bf16 base.

One random-weight bf16 gemma3_text checkpoint (`taxqa demo-model --arch gemma3 --size LxH
--dtype bfloat16`) and a random PEFT LoRA (r=16, all seven projections) are converted to a
fused 4-bit MLX model by each strategy, each in a fresh process; the kernel's peak RSS of
that process minus its RSS after imports is the conversion's own peak:

- layerwise: mlx_lm loads the base lazily, merges are lazy fp32 ``W + s B A``, mlx_lm
  quantizes, and the model is evaluated one decoder layer at a time before saving
  (what `taxqa convert` does);
- whole: the same lazy graph, evaluated by mlx_lm's save shard by shard;
- torch-peft: transformers + peft ``merge_and_unload`` in the stored precision,
  ``save_pretrained``, then ``mlx_lm.convert -q`` (the obvious route).

The 12B projection multiplies the measured multiple by google/gemma-3-12b-it's bf16 size.

    python bench/bench_convert.py            # 24x2048 (~1.5B parameters, ~3 GB bf16)
    python bench/bench_convert.py --quick    # 4x512, < 30 s
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    GB,
    dir_bytes,
    print_table,
    rss_bytes,
    run_child,
    scratch_dir,
    tiny_checkpoint,
    write_result,
)

STRATEGIES = ("layerwise", "whole", "torch-peft")
GEMMA3_12B_BF16_BYTES = 12.19e9 * 2  # all parameters of google/gemma-3-12b-it (language model + SigLIP)
MAC_RAM = 32 * GB


def make_adapter(base: Path, out: Path, rank: int = 16) -> Path:
    if (out / "adapter_model.safetensors").exists():
        return out
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from taxqa.models import GEMMA3_TARGETS

    model = AutoModelForCausalLM.from_pretrained(str(base), dtype="auto")
    peft_model = get_peft_model(model, LoraConfig(r=rank, lora_alpha=2 * rank, target_modules=list(GEMMA3_TARGETS)))
    torch.manual_seed(0)
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(std=0.02)
    peft_model.save_pretrained(str(out))
    del model, peft_model
    gc.collect()
    return out


def worker(strategy: str, base: str, adapter: str, out: str) -> None:
    """Runs in a fresh process: import everything, note the RSS, convert, report the peak above it."""
    # transformers imports lazily: pull in what the conversion will use, so the baseline includes it.
    import mlx_lm.models.gemma3_text  # noqa: F401
    import mlx_lm.utils  # noqa: F401
    import transformers.models.gemma  # noqa: F401
    from transformers import AutoTokenizer, PreTrainedTokenizerFast  # noqa: F401

    from convert.run import Options, convert

    if strategy == "torch-peft":
        import peft  # noqa: F401
        import torch  # noqa: F401
        from transformers import AutoModelForCausalLM, Gemma3ForCausalLM  # noqa: F401

    gc.collect()
    baseline = rss_bytes()
    if strategy == "torch-peft":
        from mlx_lm import convert as mlx_convert
        from peft import PeftModel
        from transformers import AutoModelForCausalLM

        merged = Path(out + "-hf")
        model = AutoModelForCausalLM.from_pretrained(base, dtype="auto")
        model = PeftModel.from_pretrained(model, adapter).merge_and_unload()
        model.save_pretrained(str(merged))
        del model
        gc.collect()
        for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja"):
            if (Path(base) / name).exists():
                shutil.copy(Path(base) / name, merged / name)
        mlx_convert(str(merged), out, quantize=True, q_bits=4, q_group_size=64)
        shutil.rmtree(merged)
    else:
        convert(Options(base, adapter, out, verify=False, strategy=strategy), log=lambda *_: None)
    print(json.dumps({"baseline_rss_bytes": baseline}))  # the peak is the kernel's, read by run_child


def measure(strategy: str, base: Path, adapter: Path, root: Path) -> dict:
    out = root / f"out-{strategy}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, __file__, "--worker", strategy, str(base), str(adapter), str(out)]
    run = run_child(cmd, env=os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    if run.returncode:
        raise RuntimeError(f"{strategy} exited {run.returncode}:\n{run.stderr[-3000:]}")
    result = run.json_lines()[-1]
    out_bytes = dir_bytes(out)
    shutil.rmtree(out, ignore_errors=True)
    return {
        "strategy": strategy,
        "seconds": round(run.seconds, 1),
        "baseline_rss_bytes": result["baseline_rss_bytes"],
        "peak_rss_bytes": run.peak_rss,
        "peak_above_baseline_bytes": run.peak_rss - result["baseline_rss_bytes"],
        "output_bytes": out_bytes,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker":
        worker(*argv[1:5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 4x512 model (< 30 s)")
    parser.add_argument("--size", help="LAYERSxHIDDEN of the random gemma3 checkpoint (default 24x2048)")
    parser.add_argument("--strategies", default=",".join(STRATEGIES), help="comma-separated subset")
    parser.add_argument("--json", help="where to write the result (default bench/results/convert.json)")
    args = parser.parse_args(argv)
    size = args.size or ("4x512" if args.quick else "24x2048")
    with scratch_dir("convert") as root:
        base = tiny_checkpoint(root, "gemma3", size, dtype="bfloat16")
        adapter = make_adapter(base, root / f"adapter-{size}")
        base_bytes = dir_bytes(base)
        rows = [measure(s, base, adapter, root) for s in args.strategies.split(",")]
    for row in rows:
        row["multiple_of_bf16"] = round(row["peak_above_baseline_bytes"] / base_bytes, 3)
        row["projected_12b_peak_gb"] = round(
            (row["multiple_of_bf16"] * GEMMA3_12B_BF16_BYTES + row["baseline_rss_bytes"]) / GB, 1
        )
        row["fits_32gb_mac"] = row["projected_12b_peak_gb"] * GB < MAC_RAM * 0.85  # leave room for macOS
    best = min(rows, key=lambda r: r["peak_above_baseline_bytes"])
    print_table(
        f"fused 4-bit conversion, random gemma3 {size} bf16 ({base_bytes / GB:.2f} GB), peak RSS above baseline",
        ["strategy", "seconds", "peak above baseline", "x bf16 size", "output / bf16", "12B projection", "fits 32 GB"],
        [
            [
                r["strategy"],
                r["seconds"],
                f"{r['peak_above_baseline_bytes'] / GB:.2f} GB",
                f"{r['multiple_of_bf16']:.2f}x",
                f"{r['output_bytes'] / base_bytes:.2f}x",
                f"{r['projected_12b_peak_gb']:.1f} GB",
                "yes" if r["fits_32gb_mac"] else "no",
            ]
            for r in rows
        ],
        caption="12B projection = multiple x 24.4 GB (gemma-3-12b-it bf16) + the process baseline"
        + ("; --quick: a fixed ~0.1-0.2 GB overhead dominates, the multiple means little" if args.quick else ""),
    )
    headline = (
        f"{best['strategy']}: peak {best['multiple_of_bf16']:.2f}x the bf16 model "
        f"(12B projection {best['projected_12b_peak_gb']:.1f} GB)"
    )
    write_result(
        "convert",
        {
            "quick": args.quick,
            "headline": headline,
            "size": size,
            "base_bf16_bytes": base_bytes,
            "rows": rows,
            "best": best["strategy"],
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
