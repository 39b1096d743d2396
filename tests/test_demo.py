"""`taxqa demo --quick`: the whole pipeline end to end, offline, on the embedded defaults."""

import json
import subprocess
import sys

import pytest

from taxqa.records import read_jsonl
from taxqa.runtime.compare import run_label

# The whole pipeline: in `make test`, not in `make test-quick`; the first test waits for the whole demo.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]

EVAL_RUNS = ("base", "trained-peft", "fused-4bit", "fused-4bit-mlx-lora")


def _demo(out):
    return subprocess.run(
        [sys.executable, "-m", "taxqa.cli", "demo", "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=2400,  # minutes on an idle machine; much longer on a loaded shared one
    )


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "out"
    proc = _demo(out)
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


def test_report_holds_the_evaluation_the_proof_and_the_timings(demo_run):
    out, _ = demo_run
    report = (out / "REPORT.md").read_text(encoding="utf-8")
    summary = json.loads((out / "demo_summary.json").read_text(encoding="utf-8"))
    assert "not tax law" in report  # the framing comes first
    assert report.index("Read this first") < report.index("## Evaluation: base vs trained vs 4-bit")
    table = report.split("## Evaluation: base vs trained vs 4-bit", 1)[1].split("\n## ", 1)[0]
    rows = [
        [c.strip() for c in line.strip().strip("|").split("|")] for line in table.splitlines() if line.startswith("|")
    ]
    header, body = rows[0], {row[0]: row[1:] for row in rows[2:]}
    runs = [json.loads((out / "eval" / f"{name}.json").read_text(encoding="utf-8")) for name in EVAL_RUNS]
    # one column per evaluated model, in order, labelled as `taxqa eval --compare` labels it
    assert header[1:] == [run_label(run, name) for run, name in zip(runs, EVAL_RUNS)], header
    assert len(set(header[1:])) == len(EVAL_RUNS)
    chrf = [f"{run['dataset']['chrf'] / 100:.3f}" for run in runs]
    assert body["chrF / 100"] == chrf  # the report's numbers are the evaluations' numbers
    assert body["loss"] == [f"{run['dataset']['loss']:.3f}" for run in runs]
    assert "](eval/compare.png)" in report  # the chart link resolves from the report's folder
    assert (out / "eval" / "compare.png").exists()
    proof = report.split("## Conversion proof", 1)[1]
    assert "models/fused-4bit/conversion_report.md" in proof
    assert (out / "models" / "fused-4bit" / "conversion_report.md").exists()
    steps = report.split("## Steps run this time", 1)[1]
    for step in summary["steps"]:
        assert f"| {step['step']} |" in steps


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
    """A second `taxqa demo` on the same folder rebuilds nothing: every step with an output is reused."""
    out, first = demo_run
    first_summary = json.loads((out / "demo_summary.json").read_text(encoding="utf-8"))
    assert first_summary["seconds"] > 0 and len(first_summary["steps"]) >= 15
    built = [
        "passages.jsonl",
        "raw.jsonl",
        "checked.jsonl",
        "dataset/train.jsonl",
        "models/base/model.safetensors",
        "adapters/cuda/adapter_model.safetensors",
        "models/fused-4bit/config.json",
        "adapters/mlx/adapters.safetensors",
        *(f"eval/{name}.json" for name in EVAL_RUNS),
    ]
    stamps = {path: (out / path).stat().st_mtime_ns for path in built}
    proc = _demo(out)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert {path: (out / path).stat().st_mtime_ns for path in built} == stamps, "a reused output was rewritten"
    assert proc.stderr.count("reusing") >= 13
    second = json.loads((out / "demo_summary.json").read_text(encoding="utf-8"))
    ran = [step["step"] for step in second["steps"]]  # only steps without an output run again
    assert not any("training" in s or "Convert" in s or "Evaluate" in s for s in ran), ran
    assert len(ran) < len(first_summary["steps"]) and second["seconds"] < first_summary["seconds"]


def test_demo_trains_on_grounded_data_and_reports_grounded_vs_ungrounded(demo_run):
    out, _ = demo_run
    train = [obj for _, obj in read_jsonl(out / "dataset" / "train.jsonl")]
    assert any(r.get("grounding") and r["grounding"]["calculation"] for r in train)  # articles + breakdown
    assert any(r["meta"].get("variant") == "missing" for r in train)  # says what is missing
    report = (out / "REPORT.md").read_text(encoding="utf-8")
    assert "## Grounded vs ungrounded (held-out calculator questions)" in report
    assert "| fused-4bit-mlx-lora |" in report and "key-figure accuracy" in report
    run = json.loads((out / "eval" / "trained-peft.json").read_text(encoding="utf-8"))
    for mode in ("on", "off"):  # the trained model: grounded and ungrounded, the figures summary.json promises
        g = run["ground"][mode]
        assert g["n"] > 0 and g["computable_n"] > 0 and 0 <= g["key_figure_accuracy"] <= 1
        assert f"(n={run['ground']['on']['computable_n']})" in report
    for name in ("base", "fused-4bit", "fused-4bit-mlx-lora"):  # grounded only: their ungrounded pass is skipped
        other = json.loads((out / "eval" / f"{name}.json").read_text(encoding="utf-8"))
        assert set(other["ground"]) == {"on"}, name
        assert f"| {name} | " in report


def test_summary_holds_the_promised_figures(demo_run):
    out, proc = demo_run
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    for key in ("grounded_key_figure", "ungrounded_key_figure", "quantized_grounded_key_figure"):
        assert summary[key] is None or 0 <= summary[key] <= 1, key
    assert summary["items"] > 0
    assert summary["seconds"] and all(v >= 0 for v in summary["seconds"].values())
    run = json.loads((out / "eval" / "trained-peft.json").read_text(encoding="utf-8"))
    assert summary["grounded_key_figure"] == run["ground"]["on"]["key_figure_accuracy"]
    assert summary["ungrounded_key_figure"] == run["ground"]["off"]["key_figure_accuracy"]


def test_a_clean_run_one_line_per_step_and_an_end_box(demo_run):
    out, proc = demo_run
    text = proc.stdout + proc.stderr
    steps = [line for line in text.splitlines() if line.startswith("[") and "/" in line[:8]]
    assert len(steps) >= 15, text[-3000:]
    assert all(line.rstrip().endswith("s") or "reusing" in line for line in steps), steps
    assert "\n\n\n\n" not in text  # no screen of blank lines from a model's answer
    for noise in ("Warning", "warn(", "kernels-community", "Traceback"):
        assert noise not in text, noise
    box = text[text.index("taxqa demo finished") :]
    assert (
        "taxqa-tui --model" in box
        and '--system-prompt ""' in box
        and "taxqa generate --model" in box
        and "REPORT.md" in box
    )
    assert (out / "logs").is_dir()  # each step's own output
