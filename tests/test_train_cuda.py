"""train_cuda end to end on tiny real checkpoints (CPU): training, adapters, resume, OOM, two processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import train_argv  # noqa: E402  (the quick CPU settings the session's adapters use)

from taxqa.cli import run_command

REPO = Path(__file__).resolve().parents[1]


def subprocess_env() -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    env.update(OMP_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false")
    return env


@pytest.mark.parametrize("arch", ["gemma3", "gemma3-mm", "phi2"])
def test_train_saves_a_peft_adapter_that_changes_logits(arch, peft_adapter):
    """The session's `taxqa train` run of 24 steps for this architecture (conftest `peft_adapter`)."""
    import torch
    from peft import PeftModel
    from safetensors import safe_open
    from transformers import AutoModelForCausalLM, AutoTokenizer

    trained = peft_adapter(arch)
    base_dir, out, printed = trained.base, trained.path, trained.printed
    assert trained.code == 0, printed
    for name in (
        "adapter_model.safetensors",
        "adapter_config.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "run.json",
    ):
        assert (out / name).is_file(), name
    run = json.loads((out / "run.json").read_text())
    history = json.loads((out / "checkpoints" / "checkpoint-24" / "trainer_state.json").read_text())["log_history"]
    losses = [h["loss"] for h in history if "loss" in h]
    evals = [h["eval_loss"] for h in history if "eval_loss" in h]
    assert losses[-1] < losses[0] - 0.3 and evals[-1] < evals[0], (losses, evals)
    assert run["best_eval_loss"] == pytest.approx(min(evals)) and run["final_eval_loss"] == pytest.approx(evals[-1])
    assert run["train_tokens"]["loss_tokens"] < run["train_tokens"]["non_pad_tokens"]
    assert run["train_tokens_per_s"]["loss_tokens"] > 0 and run["peak_memory_bytes"] > 0
    assert run["dataset"]["hash"].startswith("sha256:") and run["global_step"] == 24
    assert "adapter written to" in printed and "taxqa convert --base" in printed
    assert list((out / "tensorboard").iterdir()), "TensorBoard events"

    with safe_open(out / "adapter_model.safetensors", "pt") as f:
        keys = list(f.keys())
    assert keys and all(".lora_A." in k or ".lora_B." in k for k in keys)
    assert not any("vision" in k for k in keys)  # text-only: never the SigLIP tower
    tokenizer = AutoTokenizer.from_pretrained(out)
    ids = torch.tensor([tokenizer.encode("증여세 과세표준은")])
    base = AutoModelForCausalLM.from_pretrained(base_dir).eval()
    with torch.no_grad():
        before = base(input_ids=ids).logits
        tuned = PeftModel.from_pretrained(base, out).eval()
        after = tuned(input_ids=ids).logits
    assert (after - before).abs().max() > 1e-3


@pytest.mark.slow
def test_kill_mid_run_then_resume(tiny_model, tiny_dataset, tmp_path, capsys):
    out = tmp_path / "run"
    argv = [sys.executable, "-m", "train_cuda", *train_argv(tiny_model("gemma3"), tiny_dataset, out, 40)]
    argv += ["--set", "training_args.early_stopping_patience=0"]  # the run must reach step 40
    proc = subprocess.Popen(argv, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first = out / "checkpoints" / "checkpoint-4" / "trainer_state.json"
    deadline = time.time() + 120
    while not first.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert first.exists(), "no checkpoint before the kill"
    assert not (out / "run.json").exists(), "the run finished before it was killed"

    rerun = subprocess.run(argv, env=subprocess_env(), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    run = json.loads((out / "run.json").read_text())
    resumed = run["resumed_from_step"]
    assert resumed >= 4 and f"(step {resumed})" in rerun.stdout and "resuming from" in rerun.stdout
    assert run["global_step"] == 40 and run["steps_this_session"] == 40 - resumed  # nothing redone

    # the same command with more steps and a changed learning rate: resumes, and says what changed
    more = [*argv[3:], "--max-steps", "44", "--set", "training_args.learning_rate=1e-3"]
    assert run_command("train_cuda.cli", more, prog="taxqa train") == 0
    printed = capsys.readouterr().out
    assert "resuming from" in printed and "(step 40)" in printed
    assert "training_args.learning_rate: 0.003 -> 0.001" in printed
    assert json.loads((out / "run.json").read_text())["steps_this_session"] == 4
    assert run_command("train_cuda.cli", more, prog="taxqa train") == 0  # once more: nothing left to do
    assert "already holds the finished run (step 44): nothing to train" in capsys.readouterr().out


def test_oom_advice_and_auto_batch(tiny_model, tiny_dataset, tmp_path, capsys):
    import argparse

    import torch
    from transformers import TrainerCallback

    from train_cuda.cli import build_parser, prepare
    from train_cuda.train import TrainingOOM, run_training

    class OOMWhileBatchAbove2(TrainerCallback):
        """Stands in for a GPU that fits 2 examples: CUDA OOM is raised from inside the training step."""

        def on_step_begin(self, args, state, control, **kwargs):
            if args.per_device_train_batch_size > 2:
                raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    argv = train_argv(tiny_model("phi2"), tiny_dataset, tmp_path / "oom", 4)
    args: argparse.Namespace = build_parser("taxqa train").parse_args(argv)
    with pytest.raises(TrainingOOM) as info:
        run_training(prepare(args), output=tmp_path / "oom", extra_callbacks=[OOMWhileBatchAbove2()])
    advice = str(info.value)
    assert "per_device_train_batch_size=2" in advice and "gradient_accumulation_steps=2" in advice
    assert "data.max_length" in advice and "load_in_4bit" in advice and "--auto-batch" in advice

    prepared = prepare(args)
    record = run_training(prepared, output=tmp_path / "auto", auto_batch=True, extra_callbacks=[OOMWhileBatchAbove2()])
    printed = capsys.readouterr().out
    assert "--auto-batch retries with batch 2 x accumulation 2" in printed
    assert record["global_step"] == 4 and record["config"]["training_args"]["per_device_train_batch_size"] == 2


def test_two_processes_gloo_save_one_adapter(tiny_model, tiny_dataset, tmp_path):
    out = tmp_path / "ddp"
    argv = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2"]
    argv += ["-m", "train_cuda", *train_argv(tiny_model("gemma3"), tiny_dataset, out, 4)]
    result = subprocess.run(argv, env=subprocess_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    run = json.loads((out / "run.json").read_text())
    assert run["processes"] == 2 and run["global_step"] == 4
    assert result.stdout.count("adapter written to") == 1  # rank 0 alone writes and reports
    assert len(list(out.glob("adapter_model*.safetensors"))) == 1 and (out / "adapter_config.json").is_file()
    # each step saw 2 processes x 4 examples: twice the tokens of one process
    assert run["train_tokens"]["non_pad_tokens"] > 0 and run["train_tokens"]["loss_tokens"] > 0
