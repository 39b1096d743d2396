"""Shared pieces of the bad-input tests: a working folder of inputs and user files, running a
command in-process, and the one-line-error assertions."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from conftest import write_tiny_dataset

from taxqa.cli import main

GOOD_QA = {
    "question": "부모님께 3억원을 증여받으면 증여세 과세표준은 얼마인가요?",
    "answer": "과세표준은 2억 5,000만원입니다. (상속세 및 증여세법 제53조)",
    "type": "calc",
    "source": "calculator",
}


@pytest.fixture(scope="module")
def model_files(tiny_model):
    """config.json and tokenizer files of a real tiny checkpoint (copied into each case's folder)."""
    return tiny_model("gemma3")


def make_inputs(root: Path, model_files: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    line = json.dumps(GOOD_QA, ensure_ascii=False) + "\n"
    (root / "raw.jsonl").write_text(line, encoding="utf-8")
    (root / "checked.jsonl").write_text(line, encoding="utf-8")
    write_tiny_dataset(root / "dataset", n_train=6, n_valid=2, n_test=2)
    (root / "garbage.json").write_bytes(b"\xff\xfe\x81\x00\xfa\xfb not text")
    (root / "nested.json").write_text("[" * 200_000, encoding="utf-8")
    (root / "nested.jsonl").write_text("[" * 200_000 + "\n", encoding="utf-8")
    (root / "userdir").mkdir()
    (root / "userdir" / "notes.txt").write_text("the user's own notes\n", encoding="utf-8")
    # a model folder whose weights are corrupt, and one without tokenizer files
    bad = root / "model_bad"
    bad.mkdir()
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        if (model_files / name).exists():
            shutil.copy(model_files / name, bad / name)
    (bad / "model.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{broken")
    shutil.copytree(model_files, root / "model_good")
    notok = root / "model_notok"
    notok.mkdir()
    shutil.copy(model_files / "config.json", notok / "config.json")
    shutil.copy(model_files / "model.safetensors", notok / "model.safetensors")
    adapter = root / "adapter_bad"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text(
        json.dumps({"num_layers": 2, "lora_parameters": {"rank": 8, "scale": 20.0, "dropout": 0.0}}), encoding="utf-8"
    )
    (adapter / "adapters.safetensors").write_bytes(os.urandom(64))
    (adapter / "training_state.json").write_text('{"iters_done": 2}\n', encoding="utf-8")
    return root


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
    }


def run(argv: list[str], capsys, stdin: bytes | None = None) -> tuple[int, str]:
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    finally:
        sys.stdin = old_stdin
    return code, capsys.readouterr().err


def assert_one_line_error(code: int, err: str, fragment: str) -> None:
    assert "Traceback" not in err, err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1, err
    assert code == 2, (code, err)
    assert fragment in errors[0], errors[0]


def make_user_files(root: Path) -> None:
    """What a user keeps beside taxqa's files: none of it may be written, replaced or removed."""
    (root / "notes.txt").write_text("the user's own notes\n", encoding="utf-8")
    (root / "notes_nonl.txt").write_text("notes without a trailing newline", encoding="utf-8")
    (root / "README.md").write_text("# my project\n", encoding="utf-8")
    (root / "dataset" / "card.md").write_text("# my dataset card\n", encoding="utf-8")
    (root / "mine.rejects.jsonl").write_text("my own list, not rejects\n", encoding="utf-8")
    (root / "seed.json").write_text(json.dumps([GOOD_QA], ensure_ascii=False), encoding="utf-8")
    (root / "link_notes.txt").symlink_to(root / "notes.txt")
    (root / "dangling.jsonl").symlink_to(root / "nowhere.jsonl")
    (root / "loop.jsonl").symlink_to(root / "loop.jsonl")
    os.mkfifo(root / "pipe")
    (root / "dataset" / ".taxqa-made").write_text('{"made_by": "data split"}\n', encoding="utf-8")


def snapshot(root: Path) -> dict[str, tuple]:
    """Names, sizes, modification times and modes of everything under ``root`` (FIFOs never opened)."""
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        kind = stat.S_IFMT(st.st_mode)  # a folder's own mtime moves when a writability probe comes and goes
        out[str(p.relative_to(root))] = (kind,) if kind == stat.S_IFDIR else (kind, st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, model_files) -> Path:
    root = make_inputs(tmp_path_factory.mktemp("sweep") / "work", model_files)
    make_user_files(root)
    return root


@pytest.fixture
def shared_work(pristine, monkeypatch) -> Path:
    monkeypatch.chdir(pristine)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("LAW_OC", raising=False)
    return pristine


def run_case(argv: list[str], capsys, work: Path, fragment: str | None, *, exits=(2,)) -> None:
    before = snapshot(work)
    code, err = run(argv, capsys)
    assert "Traceback" not in err, err[-2000:]
    assert code in exits, (code, err[-2000:])
    if code == 2:
        errors = [line for line in err.splitlines() if "error:" in line]
        assert len(errors) == 1, err[-2000:]
        assert fragment is None or fragment in errors[0], errors[0]
        assert snapshot(work) == before, "a refused command changed, added or removed files"
