"""Shared fixtures: tiny real checkpoints and the adapters trained on them (each built once per
session), the shared data folder."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("TAXQA_SHARED_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """tiny_model(arch, size="2x64", dtype="float32") -> Path of a cached tiny HF checkpoint."""
    from taxqa.tiny import build_checkpoint

    root = tmp_path_factory.mktemp("tiny-models")
    cache: dict[tuple[str, str, str], Path] = {}

    def get(arch: str = "gemma3", size: str = "2x64", dtype: str = "float32") -> Path:
        key = (arch, size, dtype)
        if key not in cache:
            cache[key] = build_checkpoint(arch, root / f"{arch}-{size}-{dtype}", size=size, dtype=dtype)
        return cache[key]

    return get


@pytest.fixture
def hub_server(monkeypatch):
    """A loopback Hub (tests/hub_server.py) that HF_ENDPOINT points at, with a token in HF_TOKEN."""
    from hub_server import HubServer

    server = HubServer()
    monkeypatch.setenv("HF_ENDPOINT", server.endpoint)
    monkeypatch.setenv("HF_TOKEN", "hf_loopback_secret")
    yield server
    server.close()


def write_tiny_dataset(folder: Path, n_train: int = 24, n_valid: int = 6, n_test: int = 6) -> Path:
    """A small dataset folder of QA records (train/valid/test.jsonl) with short Korean answers."""
    from taxqa.amounts import format_won
    from taxqa.records import QARecord, write_jsonl_atomic

    relations = ["부모", "배우자", "자녀", "형제"]
    records = []
    for i in range(n_train + n_valid + n_test):
        amount = (i % 9 + 1) * 100_000_000
        relation = relations[i % len(relations)]
        records.append(
            QARecord(
                question=f"{relation}에게서 {format_won(amount)}을 증여받으면 과세표준은 얼마인가요? ({i})",
                answer=f"과세표준은 {format_won(amount // 2)}입니다. (상속세 및 증여세법 제53조)",
                type="calc",
                source="calculator",
                citations=["상속세 및 증여세법 제53조"],
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    write_jsonl_atomic(folder / "train.jsonl", records[:n_train])
    write_jsonl_atomic(folder / "valid.jsonl", records[n_train : n_train + n_valid])
    write_jsonl_atomic(folder / "test.jsonl", records[n_train + n_valid :])
    return folder


@pytest.fixture
def tiny_dataset(tmp_path) -> Path:
    """A dataset folder in the shape `taxqa data split` writes (QA-record splits only)."""
    return write_tiny_dataset(tmp_path / "dataset")


@contextlib.contextmanager
def compile_disabled():
    """mx.compile on the CPU backend builds each fused kernel with the C++ compiler (~45 s cold for a
    tiny LoRA step); the uncompiled step computes the same thing, so tests train uncompiled."""
    import mlx.core as mx

    mx.disable_compile()
    try:
        yield
    finally:
        mx.enable_compile()


def lora_args(model, data, out, *extra) -> list[str]:
    """`taxqa lora` on a tiny dataset: batch 2, a report every step, an evaluation and a checkpoint every 2."""
    return ["lora", "--model", str(model), "--data", str(data), "--adapter-path", str(out), "--batch-size", "2",
            "--learning-rate", "5e-3", "--steps-per-report", "1", "--steps-per-eval", "2", "--save-every", "2",
            "--val-batches", "1", *extra]  # fmt: skip


# `taxqa train` (train_cuda) on the CPU, small and quick: 128-token examples, batch 4, no accumulation, an
# evaluation and a checkpoint every 4 steps.
TRAIN_FAST = [
    "--device", "cpu",
    "--set", "data.max_length=128",
    "--set", "training_args.per_device_train_batch_size=4",
    "--set", "training_args.gradient_accumulation_steps=1",
    "--set", "training_args.learning_rate=3e-3",
    "--set", "training_args.warmup_steps=0",
    "--set", "training_args.logging_steps=4",
    "--set", "training_args.eval_steps=4",
    "--set", "training_args.save_steps=4",
    "--set", "lora_config.r=8",
    "--set", "lora_config.lora_alpha=16",
    "--set", "lora_config.lora_dropout=0.0",
]  # fmt: skip
TRAIN_STEPS = 24


def train_argv(model: Path, data: Path, out: Path, steps: int) -> list[str]:
    return ["--model", str(model), "--data", str(data), "--output", str(out), "--max-steps", str(steps), *TRAIN_FAST]


@pytest.fixture(scope="session")
def peft_adapter(tiny_model, tmp_path_factory):
    """peft_adapter(arch) -> SimpleNamespace(base, path, data, code, printed): one `taxqa train` run of
    TRAIN_STEPS steps per architecture per session. Read it, never write into it: copy it first."""
    from taxqa.cli import run_command

    root = tmp_path_factory.mktemp("peft-trained")
    data = write_tiny_dataset(root / "dataset")
    cache: dict[str, SimpleNamespace] = {}

    def get(arch: str) -> SimpleNamespace:
        if arch not in cache:
            base, out, printed = tiny_model(arch), root / arch, io.StringIO()
            with contextlib.redirect_stdout(printed):
                code = run_command("train_cuda.cli", train_argv(base, data, out, TRAIN_STEPS), prog="taxqa train")
            cache[arch] = SimpleNamespace(base=base, path=out, data=data, code=code, printed=printed.getvalue())
        return cache[arch]

    return get


@pytest.fixture(scope="session")
def mlx_adapter(tiny_model, tmp_path_factory):
    """mlx_adapter(arch) -> SimpleNamespace(base, path, data, code): one `taxqa lora` run of 4 iterations per
    architecture per session. Read it, never write into it: copy it first (e.g. to test --resume)."""
    from taxqa.cli import main as taxqa_main

    root = tmp_path_factory.mktemp("mlx-trained")
    data = write_tiny_dataset(root / "dataset", n_train=8, n_valid=2, n_test=2)
    cache: dict[str, SimpleNamespace] = {}

    def get(arch: str) -> SimpleNamespace:
        if arch not in cache:
            base, out = tiny_model(arch), root / arch
            with compile_disabled():
                code = taxqa_main(lora_args(base, data, out, "--iters", "4"))
            cache[arch] = SimpleNamespace(base=base, path=out, data=data, code=code)
        return cache[arch]

    return get
