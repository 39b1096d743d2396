"""The memory-bandwidth roofline of decoding: each generated token reads every weight once.

Decode speed is bounded by ``bandwidth / bytes read per token``. On an Apple chip the
bandwidth is Apple's published figure for that chip; elsewhere it is measured here
with a large numpy copy (a lower bound of what the machine can stream). Used by
`taxqa generate --verbose` and the benchmarks.
"""

from __future__ import annotations

import platform
import subprocess
import time
from dataclasses import dataclass

# Apple's published unified-memory bandwidth, GB/s (base configurations of each chip).
APPLE_BANDWIDTH_GBS: dict[str, float] = {
    "M1": 68,
    "M1 Pro": 200,
    "M1 Max": 400,
    "M1 Ultra": 800,
    "M2": 100,
    "M2 Pro": 200,
    "M2 Max": 400,
    "M2 Ultra": 800,
    "M3": 100,
    "M3 Pro": 150,
    "M3 Max": 400,
    "M3 Ultra": 819,
    "M4": 120,
    "M4 Pro": 273,
    "M4 Max": 546,
}


@dataclass(frozen=True)
class Bandwidth:
    gbs: float  # GB/s (1e9 bytes)
    source: str  # e.g. "Apple M4 Pro (published)" or "measured numpy copy"


def apple_bandwidth(chip: str) -> float | None:
    """The published bandwidth for a chip name such as 'Apple M4 Pro' or 'M2'; None if unknown."""
    words = chip.replace("Apple", "").split()
    for n in range(min(2, len(words)), 0, -1):  # "M4 Max" before "M4"
        name = " ".join(words[:n])
        if name in APPLE_BANDWIDTH_GBS:
            return float(APPLE_BANDWIDTH_GBS[name])
    return None


def detect_chip() -> str | None:
    """'Apple M4 Pro' on an Apple-silicon Mac, else None."""
    if platform.system() != "Darwin" or platform.machine() != "arm64":
        return None
    try:
        out = subprocess.run(
            ["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True, timeout=5, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def measure_copy_bandwidth(megabytes: int = 256, repeats: int = 3) -> float:
    """GB/s of a large numpy copy (bytes read + bytes written), best of ``repeats``."""
    import numpy as np

    src = np.ones(megabytes * 2**20 // 8, dtype=np.float64)
    dst = np.empty_like(src)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.copyto(dst, src)
        best = min(best, time.perf_counter() - start)
    return 2 * src.nbytes / best / 1e9


def memory_bandwidth(chip: str | None = None) -> Bandwidth:
    """The bandwidth to judge decoding against: published for a known Apple chip, else measured."""
    chip = chip or detect_chip()
    if chip:
        gbs = apple_bandwidth(chip)
        if gbs is not None:
            return Bandwidth(gbs, f"{chip} (published)")
    return Bandwidth(measure_copy_bandwidth(), "measured numpy copy")


def weight_bytes(model) -> int:
    """Bytes of an MLX model's parameters (quantized weights count at their packed size)."""
    from mlx.utils import tree_flatten

    return sum(v.nbytes for _, v in tree_flatten(model.parameters()))


def roofline_tps(model_bytes: int, bandwidth_gbs: float) -> float:
    """Upper bound on decode tokens/s when every token reads ``model_bytes``."""
    return bandwidth_gbs * 1e9 / model_bytes if model_bytes else float("inf")


def roofline_fraction(generation_tps: float, model_bytes: int, bandwidth_gbs: float) -> float:
    """Measured decode rate as a fraction of the roofline (1.0 = bandwidth-bound ideal)."""
    return generation_tps / roofline_tps(model_bytes, bandwidth_gbs)
