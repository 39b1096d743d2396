"""Every writer killed (SIGKILL) at a random point and run again: the output is always the old version
or the new one, never a mix, and the next run finishes cleanly.

A child process writes two versions (A, B) of an output in turn, printing a line after each; the
test kills it right after a random number of lines, so the kill lands wherever the next write is.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
QA = {
    "question": "부모님께 {n}억원을 증여받으면 증여세 과세표준은 얼마인가요? ({tag})",
    "answer": "상속세 및 증여세법 제53조에 따라 계산합니다. (상속세 및 증여세법 제53조)",
    "type": "teacher",
    "source": "statute",
}


def qa_rows(n: int, tag: str) -> list[dict]:
    return [{k: v.format(n=i + 1, tag=tag) for k, v in QA.items()} for i in range(n)]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def kill_during(code: str, cwd: Path, rounds: int = 3, seed: int = 0) -> None:
    """Run ``code`` (a loop printing a line per completed write) and SIGKILL it after a random number of
    lines, ``rounds`` times."""
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    for _ in range(rounds):
        proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        want = rng.randint(1, 4)
        for _ in range(want):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_write_file_is_old_or_new(tmp_path):
    target = tmp_path / "out.json"
    versions = [("A" * 200_000).encode(), ("B" * 300_000).encode()]
    code = f"""
        from taxqa.outputs import write_file
        versions = ["A" * 200_000, "B" * 300_000]
        i = 0
        while True:
            write_file({str(target)!r}, versions[i % 2]); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path)
    assert target.read_bytes() in versions


def test_atomic_folder_is_old_or_new_and_the_next_run_cleans_up(tmp_path):
    target = tmp_path / "model"
    code = f"""
        from pathlib import Path
        from taxqa.outputs import atomic_folder
        i = 0
        while True:
            with atomic_folder({str(target)!r}, "test") as tmp:
                for k in range(40):
                    (tmp / f"part{{k}}.bin").write_bytes(bytes([i % 2]) * 20_000)
            print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path)
    files = tree(target)
    assert len([n for n in files if n.startswith("part")]) == 40
    assert len({v for n, v in files.items() if n.startswith("part")}) == 1  # all from one version
    from taxqa.outputs import atomic_folder

    with atomic_folder(target, "test") as tmp:
        (tmp / "part0.bin").write_bytes(b"new")
    assert tree(target)["part0.bin"] == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["model"]  # no partial or moved-aside folder left


def test_append_writer_keeps_whole_records_and_resumes(tmp_path):
    target = tmp_path / "raw.jsonl"
    code = f"""
        from taxqa.records import AppendWriter
        with AppendWriter({str(target)!r}) as w:
            i = 0
            while True:
                w.write({{"i": i, "pad": "가" * 3000}}); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path, rounds=2)
    from taxqa.records import AppendWriter, read_jsonl

    rows = [obj for _, obj in read_jsonl(target, skip_torn_tail=True)]
    with AppendWriter(target) as w:
        w.write({"i": "last"})
    after = [obj for _, obj in read_jsonl(target)]
    assert after == rows + [{"i": "last"}]


@pytest.mark.slow
def test_data_split_is_the_old_dataset_or_the_new_one(tmp_path):
    from taxqa.datagen.cli import main as data_main

    a = write_jsonl(tmp_path / "a.jsonl", qa_rows(30, "a"))
    b = write_jsonl(tmp_path / "b.jsonl", qa_rows(40, "b"))
    refs = []
    for src in (a, b):
        data_main(["split", str(src), "-o", str(tmp_path / f"ref-{src.stem}")])
        refs.append(tree(tmp_path / f"ref-{src.stem}"))
    out = tmp_path / "dataset"
    code = f"""
        from taxqa.datagen.cli import main
        i = 0
        while True:
            src = {[str(a), str(b)]!r}[i % 2]
            main(["split", src, "-o", {str(out)!r}, "--force"]); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path, rounds=2)
    assert tree(out) in refs  # never train.jsonl of one split beside test.jsonl of the other
    assert data_main(["split", str(a), "-o", str(out), "--force"]) == 0
    assert tree(out) == refs[0]


@pytest.mark.slow
def test_data_check_and_import_outputs_are_old_or_new(tmp_path):
    from taxqa.datagen.cli import main as data_main

    a = write_jsonl(tmp_path / "a.jsonl", qa_rows(5, "a") + [{"question": "x", "answer": "y"}])
    b = write_jsonl(tmp_path / "b.jsonl", qa_rows(8, "b") + [{"question": "z", "answer": "w"}] * 2)
    refs = {"checked.jsonl": [], "checked.rejects.jsonl": []}
    for src in (a, b):
        data_main(["check", str(src), "-o", str(tmp_path / "ref.jsonl")])
        refs["checked.jsonl"].append((tmp_path / "ref.jsonl").read_bytes())
        refs["checked.rejects.jsonl"].append((tmp_path / "ref.rejects.jsonl").read_bytes())
    out = tmp_path / "checked.jsonl"
    code = f"""
        from taxqa.datagen.cli import main
        i = 0
        while True:
            main(["check", {[str(a), str(b)]!r}[i % 2], "-o", {str(out)!r}]); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path, rounds=1)
    for name, versions in refs.items():
        assert (tmp_path / name).read_bytes() in versions, name


def test_settings_save_is_old_or_new(tmp_path):
    pytest.importorskip("textual")
    target = tmp_path / "tui-settings.json"
    code = f"""
        from tui.settings import Settings
        s = Settings.load({str(target)!r})
        i = 0
        while True:
            s.system_prompt = ("가" if i % 2 else "나") * 100_000
            s.save(); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path, rounds=2)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["system_prompt"] in ("가" * 100_000, "나" * 100_000)


@pytest.mark.slow
def test_corpus_build_output_is_old_or_new(tmp_path):
    from taxqa.corpus.cli import main as corpus_main

    rows = [
        {"id": f"p{i}", "citation": f"소득세법 제{i}조", "law": "소득세법", "article": f"제{i}조", "title": "t",
         "text": "소득세는 " * 50, "kind": "statute"}
        for i in range(1, 200)
    ]  # fmt: skip
    a = write_jsonl(tmp_path / "a.jsonl", rows[:100])
    b = write_jsonl(tmp_path / "b.jsonl", rows)
    refs = []
    for src in (a, b):
        corpus_main(["build", str(src), "-o", str(tmp_path / "ref.jsonl.gz")])
        refs.append((tmp_path / "ref.jsonl.gz").read_bytes())
    out = tmp_path / "passages.jsonl.gz"
    code = f"""
        from taxqa.corpus.cli import main
        i = 0
        while True:
            main(["build", {[str(a), str(b)]!r}[i % 2], "-o", {str(out)!r}]); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path, rounds=1)
    assert out.read_bytes() in refs


@pytest.mark.slow
def test_demo_model_folder_is_old_or_new(tmp_path):
    out = tmp_path / "tiny"
    code = f"""
        from taxqa.tiny import build_checkpoint
        i = 0
        while True:
            build_checkpoint("gemma3", {str(out)!r}, seed=i % 2); print(i, flush=True); i += 1
    """
    kill_during(code, tmp_path, rounds=1)
    from taxqa.outputs import made_by

    config = json.loads((out / "taxqa_tiny.json").read_text())
    assert made_by(out) == "demo-model" and config["seed"] in (0, 1) and (out / "model.safetensors").is_file()


def test_the_writer_never_replaces_a_device_pipe_or_folder(tmp_path):
    from taxqa.atomic import write_file
    from taxqa.errors import UserError

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (Path(os.devnull), pipe, folder):
        with pytest.raises(UserError, match="not a regular file"):
            write_file(target, "x")
    assert Path(os.devnull).is_char_device() and pipe.is_fifo() and folder.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe"]  # no temp file left behind
