"""taxqa convert on tiny real checkpoints: fused and adapter outputs, parity with peft, refusals, atomicity."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("mlx_lm")
pytest.importorskip("peft")

from convert.run import Options, VerificationFailed, convert  # noqa: E402
from taxqa.errors import UserError  # noqa: E402

ARCHS = ("gemma3", "gemma3-mm", "phi2")


def make_peft_adapter(base: Path, out: Path, seed: int = 1, **lora) -> Path:
    """A PEFT LoRA adapter on ``base`` with random non-zero B (a trained adapter's shape, not its values)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    from taxqa.models import GEMMA3_MM_TARGET_REGEX, GEMMA3_TARGETS, PHI2_TARGETS

    model = AutoModelForCausalLM.from_pretrained(str(base))
    config = json.loads((base / "config.json").read_text())
    if "vision_config" in config:
        targets = GEMMA3_MM_TARGET_REGEX
    else:
        targets = list(PHI2_TARGETS if config["model_type"] == "phi" else GEMMA3_TARGETS)
    lora = {"r": 4, "lora_alpha": 8, "target_modules": targets} | lora
    peft_model = get_peft_model(model, LoraConfig(**lora))
    torch.manual_seed(seed)
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(std=0.5)
            elif "lora_magnitude_vector" in name:
                param.mul_(1.0 + 0.1 * torch.rand_like(param))
    peft_model.save_pretrained(str(out))
    return out


@pytest.fixture(scope="module")
def adapters(tiny_model, tmp_path_factory):
    root = tmp_path_factory.mktemp("peft-adapters")
    cache: dict[str, Path] = {}

    def get(arch: str) -> Path:
        if arch not in cache:
            cache[arch] = make_peft_adapter(tiny_model(arch), root / arch)
        return cache[arch]

    return get


@pytest.fixture(scope="module")
def quantized_base(tiny_model, tmp_path_factory):
    """The tiny base converted to 4-bit by mlx_lm itself (what mlx-community publishes)."""
    from mlx_lm import convert as mlx_convert

    root = tmp_path_factory.mktemp("mlx-4bit")
    cache: dict[str, Path] = {}

    def get(arch: str) -> Path:
        if arch not in cache:
            out = root / arch
            mlx_convert(str(tiny_model(arch)), str(out), quantize=True, q_bits=4, q_group_size=64)
            cache[arch] = out
        return cache[arch]

    return get


def generate_text(model_dir: Path, adapter_path: Path | None = None) -> str:
    from mlx_lm import generate, load

    model, tokenizer = load(str(model_dir), adapter_path=str(adapter_path) if adapter_path else None)
    return generate(model, tokenizer, prompt="증여세는", max_tokens=4)


def read_report(out: Path) -> dict:
    report = json.loads((out / "conversion_report.json").read_text())
    assert (out / "conversion_report.md").read_text().count("pass") == len(report["checks"])
    return report


@pytest.mark.parametrize("arch", ARCHS)
def test_fused_unquantized_matches_peft(arch, tiny_model, adapters, tmp_path):
    prov = convert(Options(str(tiny_model(arch)), str(adapters(arch)), str(tmp_path / "out"), quantize=False))
    report = read_report(tmp_path / "out")
    assert report["passed"] and report["reference"].startswith("torch peft")
    assert report["max_abs_diff"] < 1e-4  # fp32 merge vs peft's unmerged forward
    assert report["top1_agreement"] == 1.0
    assert report["max_abs_diff_vs_base"] > 0.1  # the adapter did change the model
    assert prov["quantization"] is None
    provenance = json.loads((tmp_path / "out" / "taxqa_conversion.json").read_text())
    assert provenance["adapter"]["sha256"] == prov["adapter"]["sha256"]
    assert provenance["base"]["folder"] == str(tiny_model(arch))
    if arch == "gemma3-mm":
        config = json.loads((tmp_path / "out" / "config.json").read_text())
        assert config["vocab_size"] == config["text_config"]["vocab_size"]


@pytest.mark.parametrize("arch", ARCHS)
def test_fused_4bit_via_cli_loads_generates_and_keeps_the_update(arch, tiny_model, adapters, tmp_path):
    from taxqa.cli import main

    out = tmp_path / "fused"
    assert main(["convert", "--base", str(tiny_model(arch)), "--adapter", str(adapters(arch)), "-o", str(out)]) == 0
    report = read_report(out)
    assert report["quantized"] and report["passed"]
    assert 0.0 <= report["top1_agreement"] <= 1.0 and report["kl_mean"] < 0.05
    assert report["max_abs_diff_vs_base"] > 0.1 and report["update_correlation"] > 0.8
    assert 0.7 < report["update_slope"] < 1.3
    config = json.loads((out / "config.json").read_text())
    assert config["quantization"]["bits"] == 4 and config["quantization"]["group_size"] == 64
    assert isinstance(generate_text(out), str)


@pytest.mark.parametrize("arch", ARCHS)
def test_mlx_adapter_on_4bit_base(arch, quantized_base, adapters, tmp_path):
    out = tmp_path / "adapter"
    convert(Options(str(quantized_base(arch)), str(adapters(arch)), str(out), format="adapter"))
    report = read_report(out)
    # The reference is the unquantized base the adapter names (peft wrote base_model_name_or_path).
    assert report["quantized"] and report["reference"].startswith("torch peft")
    assert report["update_correlation"] > 0.8
    config = json.loads((out / "adapter_config.json").read_text())
    assert config["fine_tune_type"] == "lora" and config["lora_parameters"]["rank"] == 4
    assert config["lora_parameters"]["scale"] == 2.0 and config["num_layers"] == 2
    assert isinstance(generate_text(quantized_base(arch), out), str)


def test_dora_rslora_and_patterns_convert_exactly(tiny_model, tmp_path):
    """DoRA, rsLoRA and per-module ranks/alphas: both outputs match peft unquantized."""
    base = tiny_model("gemma3")
    dora = make_peft_adapter(base, tmp_path / "dora", use_dora=True, use_rslora=True)
    patterns = make_peft_adapter(
        base, tmp_path / "patterns", rank_pattern={"q_proj": 8}, alpha_pattern={"down_proj": 32}
    )
    # The fused merge takes each module's own rank and alpha; the adapter format must pad and fold them.
    for name, adapter, fmt in (("dora", dora, "fused"), ("dora", dora, "adapter"), ("patterns", patterns, "adapter")):
        if True:
            out = tmp_path / f"{name}-{fmt}"
            convert(Options(str(base), str(adapter), str(out), format=fmt, quantize=False))
            report = read_report(out)
            assert report["max_abs_diff"] < 1e-4, (name, fmt, report)
    config = json.loads((tmp_path / "dora-adapter" / "adapter_config.json").read_text())
    assert config["fine_tune_type"] == "dora"
    assert config["lora_parameters"]["scale"] == pytest.approx(8 / 2)  # alpha / sqrt(r)
    config = json.loads((tmp_path / "patterns-adapter" / "adapter_config.json").read_text())
    assert config["lora_parameters"]["rank"] == 8  # padded to the largest rank


def test_mismatched_base_is_refused(tiny_model, adapters, tmp_path):
    other = tiny_model("gemma3", size="2x128")
    with pytest.raises(UserError, match="does not fit the base"):
        convert(Options(str(other), str(adapters("gemma3")), str(tmp_path / "a"), verify=False))
    with pytest.raises(UserError, match="no layer"):
        convert(Options(str(tiny_model("phi2")), str(adapters("gemma3")), str(tmp_path / "b"), verify=False))
    # run.json of a training run names the architecture it trained.
    run_adapter = tmp_path / "with-run"
    make_peft_adapter(tiny_model("gemma3"), run_adapter)
    (run_adapter / "run.json").write_text(json.dumps({"architecture": "PhiForCausalLM", "base_model": "phi2"}))
    with pytest.raises(UserError, match="trained on a PhiForCausalLM"):
        convert(Options(str(tiny_model("gemma3")), str(run_adapter), str(tmp_path / "c"), verify=False))
    assert not any(p.name.startswith(("a", "b", "c", ".")) for p in tmp_path.iterdir() if p.name != "with-run")


def test_refusals_by_name(tiny_model, adapters, quantized_base, tmp_path):
    base = tiny_model("phi2")
    with pytest.raises(UserError, match="mixed recipes do not apply to Phi-2"):
        convert(Options(str(base), str(adapters("phi2")), str(tmp_path / "m"), quant_recipe="mixed_4_6", verify=False))
    saved = make_peft_adapter(base, tmp_path / "mts", modules_to_save=["lm_head"])
    with pytest.raises(UserError, match="modules_to_save"):
        convert(Options(str(base), str(saved), str(tmp_path / "o"), verify=False))
    with pytest.raises(UserError, match="already quantized"):
        convert(Options(str(quantized_base("phi2")), str(adapters("phi2")), str(tmp_path / "q"), verify=False))
    with pytest.raises(UserError, match="Gemma3 overflows in float16"):
        convert(Options(str(tiny_model("gemma3")), str(adapters("gemma3")), str(tmp_path / "f"), dtype="float16"))
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("x")
    with pytest.raises(UserError, match="already exists"):
        convert(Options(str(base), str(adapters("phi2")), str(tmp_path / "taken"), verify=False))


def test_gemma3_embed_bits_keeps_tied_head_at_8_bits(tiny_model, adapters, tmp_path):
    out = tmp_path / "e8"
    convert(Options(str(tiny_model("gemma3")), str(adapters("gemma3")), str(out), embed_bits=8, verify=False))
    quant = json.loads((out / "config.json").read_text())["quantization"]
    assert quant["model.embed_tokens"]["bits"] == 8 and quant["bits"] == 4
    assert isinstance(generate_text(out), str)


def test_interrupted_conversion_leaves_nothing(tiny_model, adapters, tmp_path, monkeypatch):
    import mlx_lm.utils

    real_save_model = mlx_lm.utils.save_model

    def save_then_fail(path, model, **kwargs):
        real_save_model(path, model, **kwargs)  # the weights are on disk: the crash comes mid-output
        raise KeyboardInterrupt

    monkeypatch.setattr(mlx_lm.utils, "save_model", save_then_fail)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        convert(Options(str(tiny_model("gemma3")), str(adapters("gemma3")), str(out), verify=False))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_kill_9_mid_conversion_then_rerun(tiny_model, adapters, tmp_path):
    """kill -9 while verifying (weights already in the temp folder): no output; the rerun
    removes the dead run's temp folder and finishes."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    argv = [sys.executable, "-m", "taxqa", "convert", "--base", str(tiny_model("phi2")), "--adapter"]
    argv += [str(adapters("phi2")), "-o", str(out)]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.partial-*/model.safetensors")):
        assert proc.poll() is None and time.monotonic() < deadline, "conversion ended before it could be killed"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists() and list(tmp_path.glob(".out.partial-*"))
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "left by an interrupted conversion" in result.stdout + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert read_report(out)["passed"]


def test_failed_verification_writes_nothing(tiny_model, adapters, tmp_path, monkeypatch):
    import convert.verify as verify

    # fp32 merge vs peft differs by ~1e-6, never exactly 0: a zero tolerance must fail the check.
    monkeypatch.setitem(verify.TOLERANCE, "float32", 0.0)
    monkeypatch.setattr(verify, "NOISE_MULTIPLE", 0.0)
    with pytest.raises(VerificationFailed, match="logits match peft"):
        convert(Options(str(tiny_model("phi2")), str(adapters("phi2")), str(tmp_path / "out"), quantize=False))
    assert list(tmp_path.iterdir()) == []


def test_cli_user_errors_exit_2(tmp_path, capsys):
    from taxqa.cli import main

    assert main(["convert", "--base", str(tmp_path), "--adapter", str(tmp_path), "-o", str(tmp_path / "o")]) == 2
    assert "adapter_config.json" in capsys.readouterr().err
    # flags that would be silently ignored are refused by name
    common = ["convert", "--base", str(tmp_path), "--adapter", str(tmp_path), "-o", str(tmp_path / "o")]
    for extra, message in (
        (["--no-quantize", "--q-bits", "8"], "--q-bits: no quantization with --no-quantize"),
        (["--format", "adapter", "--q-group-size", "32"], "--q-group-size: only for --format fused"),
        (["--public"], "--public: only with --upload-repo"),
    ):
        assert main(common + extra) == 2
        assert message in capsys.readouterr().err


@pytest.mark.parametrize("arch", ARCHS)
def test_train_cuda_adapter_converts(arch, peft_adapter, tmp_path):
    """An adapter from `taxqa train` (PEFT folder + run.json; the session's run, conftest `peft_adapter`)
    converts both ways and matches peft."""
    pytest.importorskip("train_cuda.cli")

    trained = peft_adapter(arch)
    base = trained.base
    assert trained.code == 0 and (trained.path / "run.json").is_file()
    convert(Options(str(base), str(trained.path), str(tmp_path / "fused"), quantize=False))
    assert read_report(tmp_path / "fused")["max_abs_diff"] < 1e-4
    provenance = json.loads((tmp_path / "fused" / "taxqa_conversion.json").read_text())
    architecture = json.loads((base / "config.json").read_text())["architectures"][0]
    assert provenance["run"]["architecture"] == architecture
    convert(Options(str(base), str(trained.path), str(tmp_path / "adapter"), format="adapter"))
    assert read_report(tmp_path / "adapter")["passed"]
    # mlx_lm with the converted adapter on the base says what the fused model says (greedy, same tokens)
    assert generate_text(base, tmp_path / "adapter") == generate_text(tmp_path / "fused")


def test_upload_repo_sends_the_finished_output_to_the_hub(tiny_model, adapters, tmp_path, hub_server, monkeypatch):
    from taxqa.cli import main

    base, adapter = str(tiny_model("gemma3")), str(adapters("gemma3"))
    argv = ["convert", "--base", base, "--adapter", adapter, "--no-verify", "--upload-repo"]
    # Checked before the conversion starts: a bad repo id or no token writes nothing.
    assert main([*argv, "too/many/parts", "-o", str(tmp_path / "a")]) == 2
    monkeypatch.delenv("HF_TOKEN")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    assert main([*argv, "me/taxqa-mlx", "-o", str(tmp_path / "a")]) == 2
    assert not (tmp_path / "a").exists() and hub_server.requests == []

    monkeypatch.setenv("HF_TOKEN", "hf_loopback_secret")
    out = tmp_path / "out"
    prov = convert(Options(base, adapter, str(out), verify=False, upload_repo="me/taxqa-mlx"), log=lambda *_: None)
    assert prov["uploaded"].endswith("/me/taxqa-mlx/commit/" + "a" * 40)
    sent = hub_server.committed_files()
    local = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sent == local and "model.safetensors" in sent and "taxqa_conversion.json" in sent
    assert json.loads(hub_server.requests[0][2])["visibility"] == "private"

    # An unreachable Hub: the error says so, the local output stays complete, no token in the message.
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(UserError, match="upload failed") as failed:
        convert(Options(base, adapter, str(tmp_path / "out2"), verify=False, upload_repo="me/taxqa-mlx"))
    assert "is complete locally" in str(failed.value) and "hf_loopback_secret" not in str(failed.value)
    assert (tmp_path / "out2" / "model.safetensors").exists()

    # A bare NAME goes to the token's own namespace, as the Hub resolves it.
    monkeypatch.setenv("HF_ENDPOINT", hub_server.endpoint)
    prov = convert(Options(base, adapter, str(tmp_path / "out3"), verify=False, upload_repo="taxqa-mlx"))
    assert prov["uploaded"].endswith("/me/taxqa-mlx/commit/" + "a" * 40)


def test_quantized_judge_tolerates_noise_but_not_a_wrong_scale():
    """Quantization noise lowers the correlation of the adapter's effect but not its slope; a wrong
    LoRA scale (alpha/r vs alpha/sqrt(r)) keeps the correlation but moves the slope."""
    from convert.verify import Reference, judge

    rng = np.random.default_rng(0)
    before = [rng.normal(size=(40, 64)).astype(np.float32)]
    effect = rng.normal(scale=0.3, size=(40, 64)).astype(np.float32)
    reference = Reference([before[0] + effect], before, "bfloat16")

    def verdict(scale: float, noise: float) -> dict:
        after = before[0] + scale * effect + rng.normal(scale=noise, size=effect.shape).astype(np.float32)
        return judge(reference, [after], before, quantized=True, dtype="bfloat16")

    noisy = verdict(1.0, 0.45)  # like a 4-bit 0.75 B model: correlation about 0.55
    assert noisy["passed"] and 0.4 < noisy["update_correlation"] < 0.7 and 0.8 < noisy["update_slope"] < 1.2
    wrong_scale = verdict(4.0, 0.0)
    assert wrong_scale["update_correlation"] > 0.99 and not wrong_scale["passed"]
    assert [c["passed"] for c in wrong_scale["checks"]] == [True, True, False]
    lost = verdict(0.0, 0.3)  # the update did not reach the output: only noise
    assert not lost["passed"]
    # unquantized: a 1.5x scale (e.g. rsLoRA's alpha/sqrt(r) mistaken for alpha/r at r=2.25) fails the slope check
    # even where a loose bf16 tolerance would let the logits pass
    unquantized = judge(reference, [before[0] + 1.5 * effect], before, quantized=False, dtype="bfloat16")
    assert not unquantized["passed"] and unquantized["update_slope"] == pytest.approx(1.5, abs=1e-3)


@pytest.mark.parametrize("arch", ARCHS)
def test_bf16_base_converts_within_bf16_noise(arch, tiny_model, tmp_path):
    """A bf16 base (what real checkpoints are): torch and MLX differ by bf16 rounding already on the
    base alone; the merged model stays within a multiple of that, and its adapter effect is peft's."""
    base = tiny_model(arch, "4x256", "bfloat16")
    adapter = make_peft_adapter(base, tmp_path / "peft")
    for fmt in ("fused", "adapter"):
        convert(Options(str(base), str(adapter), str(tmp_path / f"out-{fmt}"), format=fmt, quantize=False))
        report = read_report(tmp_path / f"out-{fmt}")
        assert report["passed"] and report["dtype"] == "bfloat16"
        assert 0 < report["base_implementation_diff"] and report["max_abs_diff"] <= report["tolerance"]
        assert report["update_correlation"] > 0.999 and abs(report["update_slope"] - 1) < 0.01
