"""What a run reports: throughput, peak memory, MFU, cost, provenance -> run.json."""

from __future__ import annotations

import subprocess
from pathlib import Path

# Dense bf16/fp16 tensor-core peak (TFLOP/s, no sparsity) of GPUs people rent; the longest
# matching name wins ("H100 PCIe" before "H100").
PEAK_TFLOPS = {
    "H200": 989.0,
    "H100 PCIe": 756.0,
    "H100": 989.0,
    "A100": 312.0,
    "L40S": 362.0,
    "L40": 181.0,
    "RTX 6000 Ada": 364.0,
    "RTX A6000": 154.8,
    "A6000": 154.8,
    "RTX 4090": 165.2,
    "RTX 3090": 71.0,
    "A40": 149.7,
    "A10G": 70.0,
    "A10": 125.0,
    "L4": 121.0,
    "V100": 125.0,
    "T4": 65.0,
}


def peak_tflops(device_name: str) -> float | None:
    for name in sorted(PEAK_TFLOPS, key=len, reverse=True):
        if name.lower() in device_name.lower():
            return PEAK_TFLOPS[name]
    return None


def mfu(params: int, tokens_per_s: float, n_devices: int, peak: float | None) -> float | None:
    """Model FLOPs utilisation: 6 * N * tokens/s over the devices' peak FLOP/s."""
    if not peak or not tokens_per_s:
        return None
    return 6.0 * params * tokens_per_s / (peak * 1e12 * n_devices)


def peak_memory(device: str) -> dict:
    if device == "cuda":
        import torch

        return {"peak_memory_bytes": int(torch.cuda.max_memory_allocated()), "peak_memory_kind": "cuda_max_allocated"}
    from taxqa.procmem import peak_rss_bytes

    return {
        "peak_memory_bytes": peak_rss_bytes(),
        "peak_memory_kind": "process_max_rss",
    }


def git_commit(path: Path | None = None) -> str | None:
    """The commit of the code that trained (with '-dirty' when it has local changes)."""
    where = path or Path(__file__).resolve().parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=where, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("-dirty" if dirty else "")


def model_revision(hf_config, source: str) -> str | None:
    """The hub commit the weights came from, when known (local folders have none)."""
    commit = getattr(hf_config, "_commit_hash", None)
    if commit:
        return commit
    if Path(source).is_dir():
        return None
    try:
        from huggingface_hub import model_info

        return model_info(source).sha
    except Exception:  # offline or gated: the revision is then unknown, which run.json says with null
        return None


def cost_usd(wall_seconds: float, gpu_price: float | None, n_gpus: int) -> dict:
    if gpu_price is None:
        return {"gpu_hours": round(wall_seconds / 3600 * n_gpus, 4), "cost_usd": None}
    gpu_hours = wall_seconds / 3600 * max(1, n_gpus)
    return {
        "gpu_hours": round(gpu_hours, 4),
        "gpu_price_usd_per_hour": gpu_price,
        "cost_usd": round(gpu_hours * gpu_price, 4),
    }


def device_summary(device: str) -> dict:
    import torch

    if device == "cuda":
        return {"device": "cuda", "device_name": torch.cuda.get_device_name(0), "devices": torch.cuda.device_count()}
    return {"device": device, "device_name": device, "devices": 1}
