"""Shared fixtures: tiny real checkpoints (built once per session), the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

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
