"""The benchmarks must not rot: run_all in quick mode runs every bench script for real.

Results go to a temp folder (run_all passes --json to every script that takes it), so the
committed bench/results/*.json stay those of the full runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import RSSSampler, bits_per_weight, peak_rss_bytes, rss_bytes, run_child  # noqa: E402
from bench.run_all import BENCHES  # noqa: E402


def test_bits_per_weight_counts_scales_and_biases():
    assert bits_per_weight(4, 64) == 4.5
    assert bits_per_weight(8, 32) == 9.0


def test_run_child_reports_exit_code_and_peak_rss():
    # A child that holds ~200 MB at its peak: the kernel's high-water mark must see it.
    code = (
        "import sys; b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]); print('{\"ok\": 1}'); sys.exit(3)"
    )
    run = run_child([sys.executable, "-c", code])
    assert run.returncode == 3
    assert run.peak_rss > 200 * 2**20
    assert run.json_lines() == [{"ok": 1}]


def test_run_child_peak_is_the_childs_own_not_the_parents():
    # Linux carries a vfork parent's high-water mark into the child's ru_maxrss; a bench holding
    # a big model must still measure a small child as small.
    held = bytearray(400 * 2**20)
    held[::4096] = b"x" * len(held[::4096])
    run = run_child([sys.executable, "-c", "print('{}')"])
    assert run.returncode == 0
    assert run.peak_rss < 150 * 2**20
    del held


def test_run_child_kills_on_timeout():
    run = run_child([sys.executable, "-c", "import time; time.sleep(30)"], timeout=1)
    assert run.returncode != 0
    assert run.seconds < 10


def test_peak_rss_bytes_is_this_process_own_high_water_mark():
    block = bytearray(120 * 2**20)
    block[::4096] = b"x" * len(block[::4096])
    assert peak_rss_bytes() >= rss_bytes() > 120 * 2**20
    del block


def test_rss_sampler_sees_a_phase_peak_of_this_process():
    before = rss_bytes()
    with RSSSampler(interval=0.005) as sampler:
        block = bytearray(100 * 2**20)
        block[::4096] = b"x" * len(block[::4096])
        time.sleep(0.05)
        del block
    assert sampler.peak - before > 90 * 2**20


def test_roofline_matches_published_mlx_figures(tmp_path):
    out = tmp_path / "roofline.json"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench_roofline.py"), "--quick", "--json", str(out)], check=True
    )
    result = json.loads(out.read_text())
    gemma4b = next(m for m in result["models"] if m["model"] == "gemma3-4b" and m["precision"] == "4-bit")
    assert 2.1 < gemma4b["weight_gb"] < 2.3  # 3.88B x 4.5 bits
    assert gemma4b["roofline_tps"]["M4 Pro"] == pytest.approx(273e9 / (gemma4b["weight_gb"] * 1e9))
    # Real runs reach a fraction of the bound, never more.
    for row in result["published"]:
        assert 0.3 < row["fraction_of_roofline"] < 1.0


def test_run_all_reports_a_missing_script_and_fails_on_a_failing_one(tmp_path, monkeypatch):
    import bench.run_all as run_all

    bench_dir = tmp_path / "bench"
    bench_dir.mkdir()
    (bench_dir / "bench_roofline.py").write_text("import sys; sys.exit(4)\n")
    monkeypatch.setattr(run_all, "REPO", tmp_path)
    monkeypatch.setattr(run_all, "RESULTS", tmp_path / "results")
    rows = [run_all.run_one(name, True, dict(os.environ), None) for name in ("roofline", "corpus")]
    assert rows[0]["status"] == "failed (exit 4)"
    assert rows[1]["status"] == "missing"


@pytest.mark.slow  # every bench script end to end (minutes): `make test` runs it, `make test-quick` does not
def test_all_quick_benches_run(tmp_path):
    summary = tmp_path / "summary.json"
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run_all.py"), "--quick", "--results", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    rows = {r["bench"]: r for r in json.loads(summary.read_text())["benches"]}
    assert set(rows) == set(BENCHES)
    mine = ("roofline", "footprint", "inference", "train_step")
    for name in mine:
        assert rows[name]["status"] == "ok", rows[name]
        assert rows[name]["headline"]
    footprint = json.loads((tmp_path / "footprint.json").read_text())
    assert footprint["goal"]["ratio_4bit_to_bf16"] <= 0.30
    inference = json.loads((tmp_path / "inference.json").read_text())
    assert {(r["backend"], r["precision"]) for r in inference["runs"]} == {
        ("mlx", "4bit"),
        ("mlx", "bf16"),
        ("mlx", "fp32"),
        ("torch", "fp32"),
        ("torch", "bf16"),
    }
    assert all(r["decode_tps"] > 0 for r in inference["runs"])
