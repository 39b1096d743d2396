"""`taxqa serve --vllm-command`: the vLLM command that serves a base model with the LoRA
adapter a training run wrote (unmerged, `--enable-lora`), for a RunPod GPU pod.

The numbers come from the files: the adapter's rank (-> `--max-lora-rank`, rounded up to a
value vLLM accepts), the base's dtype (bf16; Gemma3 never fp16), and the GPUs present
(-> `--tensor-parallel-size`, a power of two that divides the attention heads).
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

from taxqa.errors import UserError

LORA_RANKS = (8, 16, 32, 64, 128, 256, 320, 512)  # what vLLM's --max-lora-rank accepts
LORA_NAME = "taxqa"  # the model name clients (and `taxqa serve --upstream`) ask vLLM for


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"{path}: cannot read it as JSON ({exc})") from exc


def gpu_count() -> int:
    try:
        import torch

        if torch.cuda.is_available():
            return torch.cuda.device_count()
    except ImportError:
        pass
    if shutil.which("nvidia-smi"):
        out = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, check=False).stdout
        return max(1, sum(1 for line in out.splitlines() if line.startswith("GPU ")))
    return 1


def max_lora_rank(rank: int) -> int:
    for allowed in LORA_RANKS:
        if rank <= allowed:
            return allowed
    raise UserError(f"adapter rank r={rank}: vLLM serves LoRA ranks up to {LORA_RANKS[-1]}")


def tensor_parallel(gpus: int, heads: int | None) -> int:
    size = 1
    while size * 2 <= gpus and (heads is None or heads % (size * 2) == 0):
        size *= 2
    return size


def base_config(base: str) -> dict:
    """config.json of a local base (text part of a multimodal one), else {} (a hub id on the pod)."""
    path = Path(base).expanduser() / "config.json"
    if not path.is_file():
        return {}
    config = read_json(path)
    return {**config, **config.get("text_config", {})}


def dtype_for(config: dict, base: str) -> str:
    dtype = str(config.get("dtype") or config.get("torch_dtype") or "bfloat16")
    if dtype in ("float16", "half") and ("gemma" in base.lower() or config.get("model_type", "").startswith("gemma")):
        return "bfloat16"  # Gemma3 overflows in fp16
    return dtype if dtype in ("bfloat16", "float16", "float32") else "bfloat16"


def vllm_command(
    model: str, adapter_path: str, *, gpus: int | None = None, port: int = 8001, max_model_len: int = 8192
) -> list[str]:
    from taxqa.models import resolve_model

    adapter = Path(adapter_path).expanduser()
    config_path = adapter / "adapter_config.json"
    if not config_path.is_file():
        raise UserError(
            f"--adapter-path {adapter_path}: no adapter_config.json (expected a `taxqa train` output folder)"
        )
    adapter_config = read_json(config_path)
    if "peft_type" not in adapter_config:
        raise UserError(f"{config_path}: not a PEFT adapter (no peft_type); vLLM serves PEFT LoRA adapters")
    rank = adapter_config.get("r")
    if not isinstance(rank, int) or rank < 1:
        raise UserError(f"{config_path}: field r: expected the LoRA rank (a positive integer), got {rank!r}")
    base = resolve_model(model, mlx=False)
    config = base_config(base)
    gpus = gpu_count() if gpus is None else gpus
    if gpus < 1:
        raise UserError(f"--gpus {gpus}: expected at least 1")
    return [
        "vllm",
        "serve",
        base,
        "--dtype",
        dtype_for(config, base),
        "--enable-lora",
        "--lora-modules",
        f"{LORA_NAME}={adapter.resolve()}",
        "--max-lora-rank",
        str(max_lora_rank(rank)),
        "--max-loras",
        "1",
        "--tensor-parallel-size",
        str(tensor_parallel(gpus, config.get("num_attention_heads"))),
        "--max-model-len",
        str(max_model_len),
        "--host",
        "127.0.0.1",  # taxqa serve is the public front (key, grounding, checks); vLLM stays on the pod
        "--port",
        str(port),
    ]


def format_command(argv: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in argv)
