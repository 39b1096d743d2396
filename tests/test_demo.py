"""`taxqa demo --quick`: the whole pipeline end to end, offline, on the embedded defaults."""

import json
import subprocess
import sys

import pytest

from taxqa.records import read_jsonl


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "taxqa.cli", "demo", "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, proc


def test_every_stage_left_its_output(demo_run):
    out, _ = demo_run
    for path in (
        "passages.jsonl",
        "dataset/train.jsonl",
        "dataset/test.jsonl",
        "dataset/card.md",
        "dataset/mlx/train.jsonl",
        "models/base/model.safetensors",
        "adapters/cuda/adapter_model.safetensors",
        "adapters/cuda/run.json",
        "models/fused-4bit/config.json",
        "adapters/mlx/adapters.safetensors",
        "eval/base.json",
        "eval/fused-4bit.json",
        "eval/compare.md",
        "demo_summary.json",
        "REPORT.md",
    ):
        assert (out / path).exists(), path
    assert list((out / "eval").glob("*.png")), "the comparison chart is missing"
    assert "not tax law" in (out / "REPORT.md").read_text(encoding="utf-8")


def test_quality_gate_rejected_the_original_wrong_example(demo_run):
    out, _ = demo_run
    rejects = [obj for _, obj in read_jsonl(out / "rejects.jsonl")]
    wrong = [r for r in rejects if "9,000만원" in r["answer"]]
    assert wrong, "the 9,000만원 example must be rejected"
    assert "6억 140만원" in json.dumps(wrong[0], ensure_ascii=False)


def test_quantized_model_was_verified(demo_run):
    out, _ = demo_run
    reports = list((out / "models" / "fused-4bit").glob("*report*"))
    assert reports, "the conversion report is saved beside the model"


def test_answer_printed_with_the_calculators_figure(demo_run):
    _, proc = demo_run
    text = proc.stdout + proc.stderr
    assert "6억 140만원" in text or "601,400,000" in text


def test_rerun_reuses_what_it_built(demo_run):
    out, _ = demo_run
    summary = json.loads((out / "demo_summary.json").read_text())
    assert summary["seconds"] > 0 and summary["steps"]


def test_demo_trains_on_grounded_data_and_reports_grounded_vs_ungrounded(demo_run):
    out, _ = demo_run
    train = [obj for _, obj in read_jsonl(out / "dataset" / "train.jsonl")]
    assert any(r.get("grounding") and r["grounding"]["calculation"] for r in train)  # articles + breakdown
    assert any(r["meta"].get("variant") == "missing" for r in train)  # says what is missing
    report = (out / "REPORT.md").read_text(encoding="utf-8")
    assert "## Grounded vs ungrounded (held-out calculator questions)" in report
    assert "| fused-4bit-mlx-lora |" in report and "key-figure accuracy" in report
    run = json.loads((out / "eval" / "fused-4bit-mlx-lora.json").read_text(encoding="utf-8"))
    for mode in ("on", "off"):
        g = run["ground"][mode]
        assert g["n"] > 0 and g["computable_n"] > 0 and 0 <= g["key_figure_accuracy"] <= 1
        assert f"(n={run['ground']['on']['computable_n']})" in report
