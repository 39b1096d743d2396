"""Mac projection: the decode upper bound (bandwidth roofline) of the registry's models on Apple chips.

Decoding one token reads every weight once, so tokens/s <= bandwidth / weight bytes per token.
No machine here has Metal; these figures are computed from first principles (parameter
counts x stored bits per weight, Apple's published bandwidths) and set beside the
published mlx_lm measurements, which show what fraction of the bound real runs reach.

    python bench/bench_roofline.py            # + this machine's copy bandwidth (256 MB, best of 5)
    python bench/bench_roofline.py --quick    # 64 MB copy, best of 3
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import bits_per_weight, print_table, write_result  # noqa: E402
from taxqa.models import REGISTRY  # noqa: E402
from taxqa.runtime.roofline import APPLE_BANDWIDTH_GBS, measure_copy_bandwidth, roofline_tps  # noqa: E402

CHIPS = ("M1", "M2", "M3", "M4", "M4 Pro", "M4 Max")
MODELS = ("gemma3-1b", "gemma3-4b", "gemma3-12b", "phi2")
PRECISIONS = {"4-bit": bits_per_weight(4, 64), "bf16": 16.0}  # 4-bit: group 64, bf16 scale + bias per group

# Published mlx_lm decode rates (model card / release notes): (registry name, precision, chip, tokens/s).
PUBLISHED = (
    ("gemma3-4b", "4-bit", "M4 Pro", 73.5, "mlx-community/gemma-3-4b-it-4bit, mlx_lm.generate"),
    ("gemma3-12b", "4-bit", "M2 Pro", 20.7, "mlx-community/gemma-3-12b-it-4bit, mlx_lm.generate"),
)


def weight_bytes_per_token(params_b: float, bits: float) -> float:
    """Bytes read per decoded token: every language-model weight once (KV cache reads left out:
    small next to the weights at chat-length contexts)."""
    return params_b * 1e9 * bits / 8


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller, faster copy-bandwidth measurement")
    parser.add_argument("--json", help="where to write JSON (default bench/results/roofline.json)")
    args = parser.parse_args(argv)

    copy_gbs = measure_copy_bandwidth(64, 3) if args.quick else measure_copy_bandwidth(256, 5)
    chips = {c: float(APPLE_BANDWIDTH_GBS[c]) for c in CHIPS}
    rows, records = [], []
    for name in MODELS:
        spec = REGISTRY[name]
        for precision, bits in PRECISIONS.items():
            nbytes = weight_bytes_per_token(spec.language_params_b, bits)
            bounds = {c: roofline_tps(nbytes, gbs) for c, gbs in chips.items()}
            here = roofline_tps(nbytes, copy_gbs)
            records.append(
                {
                    "model": name,
                    "hf_id": spec.hf_id,
                    "language_params_b": spec.language_params_b,
                    "precision": precision,
                    "bits_per_weight": bits,
                    "weight_gb": nbytes / 1e9,
                    "roofline_tps": bounds,
                    "roofline_tps_this_machine": here,
                }
            )
            rows.append([name, precision, nbytes / 1e9, *bounds.values(), here])
    print_table(
        "Decode upper bound, tokens/s = bandwidth / weight bytes per token",
        ["model", "precision", "weights GB", *(f"{c} {g:g}" for c, g in chips.items()), f"here {copy_gbs:.1f}"],
        rows,
        caption="Column heads: chip and GB/s (Apple's published unified-memory bandwidth); "
        "'here' = this machine's measured numpy copy bandwidth. 4-bit = 4.5 bits/weight (group 64).",
    )

    published, fractions = [], []
    for name, precision, chip, tps, source in PUBLISHED:
        spec = REGISTRY[name]
        gbs = float(APPLE_BANDWIDTH_GBS[chip])
        bound = roofline_tps(weight_bytes_per_token(spec.language_params_b, PRECISIONS[precision]), gbs)
        fractions.append(tps / bound)
        published.append(
            {
                "model": name,
                "precision": precision,
                "chip": chip,
                "bandwidth_gbs": gbs,
                "roofline_tps": bound,
                "published_tps": tps,
                "fraction_of_roofline": tps / bound,
                "source": source,
            }
        )
    print_table(
        "Published mlx_lm decode rates against the roofline",
        ["model", "precision", "chip", "GB/s", "roofline tok/s", "published tok/s", "fraction"],
        [
            [p["model"], p["precision"], p["chip"], p["bandwidth_gbs"], p["roofline_tps"], p["published_tps"]]
            + [f"{p['fraction_of_roofline']:.0%}"]
            for p in published
        ],
    )
    low, high = min(fractions), max(fractions)
    gemma4b_m4 = next(r for r in records if r["model"] == "gemma3-4b" and r["precision"] == "4-bit")
    headline = (
        f"published mlx_lm runs reach {low:.0%}-{high:.0%} of the roofline; gemma3-4b 4-bit bound on an M4: "
        f"{gemma4b_m4['roofline_tps']['M4']:.0f} tok/s; this machine copies at {copy_gbs:.1f} GB/s"
    )
    print(headline)
    write_result(
        "roofline",
        {
            "quick": args.quick,
            "headline": headline,
            "chips_gbs": chips,
            "copy_bandwidth_gbs": copy_gbs,
            "models": records,
            "published": published,
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
