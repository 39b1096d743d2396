"""train_cuda without training: config validation, the original configs, presets, data checks,
label masking, packing, QLoRA config, launch commands, run.json arithmetic, the RunPod script."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import write_tiny_dataset

from taxqa.cli import run_command
from taxqa.models import GEMMA3_MM_TARGET_REGEX, REGISTRY
from train_cuda.config import ConfigError, apply_preset, load_config

REPO = Path(__file__).resolve().parents[1]


def train(argv: list[str], capsys) -> tuple[int, str, str]:
    code = run_command("train_cuda.cli", argv, prog="taxqa train")
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def original(shared_data) -> Path:
    return shared_data / "original"


def test_shipped_config_loads_clean():
    config, notes, fp16 = load_config(REPO / "train_cuda" / "train_config.yaml")
    assert notes == [] and fp16 == []
    assert config.precision == "auto" and config.model.name in REGISTRY


def test_phi2_original_config_loads_with_notes(original):
    config, notes, fp16 = load_config(original / "phi2_train_config.yaml")
    text = "\n".join(notes)
    assert "training_args.evaluation_strategy -> training_args.eval_strategy" in text
    assert "padding ignored" in text and "dynamically" in text
    assert "prompt_template ignored" in text and "generation_config ignored" in text
    assert config.training_args.eval_strategy == "steps"
    assert (config.lora_config.r, config.lora_config.lora_alpha, config.training_args.learning_rate) == (16, 32, 2e-5)
    assert config.precision == "fp16" and fp16 == ["training_args.fp16: true"]


def test_phi2_original_out_proj_warned_by_name(original, tiny_model, tiny_dataset, capsys):
    argv = ["--config", str(original / "phi2_train_config.yaml"), "--model", str(tiny_model("phi2"))]
    code, out, _ = train([*argv, "--data", str(tiny_dataset), "--device", "cpu", "--check"], capsys)
    assert code == 0, out
    warning = next(line for line in out.splitlines() if "out_proj" in line)
    assert warning.startswith("warning:") and "matches nothing" in warning and "dense" in warning
    assert "fp16 needs a CUDA GPU: training in fp32" in out  # never silent


def test_gemma3_original_fp16_refused_before_anything(original, capsys):
    code, out, err = train(["--config", str(original / "gemma3_12b_train_config.yaml")], capsys)
    assert code == 2
    assert "training_args.fp16" in err and "bf16" in err and "Gemma3 overflows in fp16" in err
    assert "dataset not found" not in err  # refused before the (missing) data is even looked at
    assert "group_by_length -> training_args.train_sampling_strategy" in out


def test_gemma3_original_vision_tower_narrowed(original, tiny_model, tiny_dataset, capsys):
    argv = ["--config", str(original / "gemma3_12b_train_config.yaml"), "--model", str(tiny_model("gemma3-mm"))]
    argv += ["--data", str(tiny_dataset), "--device", "cpu", "--check"]
    code, _, err = train(argv, capsys)
    assert code == 2 and "fp16" in err  # a local Gemma3 checkpoint is refused just the same
    argv += ["--set", "precision=bf16", "--set", "quantization.load_in_4bit=false"]
    code, out, err = train(argv, capsys)
    assert code == 0, err
    note = next(line for line in out.splitlines() if "vision tower" in line)
    assert "q_proj, k_proj, v_proj" in note and GEMMA3_MM_TARGET_REGEX in note


def test_unknown_key_and_wrong_type_named(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("training_args:\n  learnin_rate: 1e-4\nlora_config:\n  r: big\n")
    with pytest.raises(ConfigError) as info:
        load_config(bad)
    message = str(info.value)
    assert "unknown key 'training_args.learnin_rate'" in message and "training_args.learning_rate?" in message
    assert "lora_config.r" in message and "'big'" in message
    code, _, err = train(["--config", str(bad)], capsys)
    assert code == 2 and "learnin_rate" in err
    code, _, err = train(["--set", "lora_config.rank=8"], capsys)
    assert code == 2 and "unknown key 'lora_config.rank'" in err


def test_missing_dataset_and_empty_split_before_model_load(tmp_path, capsys):
    no_model = str(tmp_path / "no-such-model")  # loading it would fail: the data error must come first
    code, _, err = train(["--model", no_model, "--data", str(tmp_path / "nowhere"), "--device", "cpu"], capsys)
    assert code == 2 and "dataset not found" in err and "nowhere" in err
    data = write_tiny_dataset(tmp_path / "ds")
    (data / "valid.jsonl").write_text("")
    code, _, err = train(["--model", no_model, "--data", str(data), "--device", "cpu"], capsys)
    assert code == 2 and "valid.jsonl" in err and "empty" in err
    (data / "train.jsonl").write_text('{"question": "q"}\n')
    code, _, err = train(["--model", no_model, "--data", str(data), "--device", "cpu"], capsys)
    assert code == 2 and "train.jsonl:1" in err and "answer" in err


def test_original_seed_json_split_for_validation(tmp_path):
    from train_cuda.data import dataset_hash, load_splits

    seed = tmp_path / "distillation_legal_qa_dataset.json"
    items = [{"question": f"질문 {i}", "answer": f"답변 {i}", "type": "teacher", "source": "x"} for i in range(20)]
    seed.write_text(json.dumps(items, ensure_ascii=False))
    splits = load_splits(seed, validation_split=0.1)
    assert (len(splits.train), len(splits.valid)) == (18, 2) and "held out 2 of 20" in splits.note
    assert {r.question for r in splits.train}.isdisjoint(r.question for r in splits.valid)
    assert load_splits(seed, validation_split=0.1).valid == splits.valid  # the same split every run
    assert (
        dataset_hash([seed])
        == dataset_hash([seed])
        != dataset_hash([write_tiny_dataset(tmp_path / "d") / "train.jsonl"])
    )


def test_presets_fill_only_unset_fields():
    config, _, _ = load_config(None, {"model.name": "gemma3-12b", "lora_config.r": 64})
    apply_preset(config, REGISTRY["gemma3-12b"])
    ta = config.training_args
    assert (ta.per_device_train_batch_size, ta.gradient_accumulation_steps) == (1, 16)
    assert config.lora_config.r == 64 and config.lora_config.lora_alpha == REGISTRY["gemma3-12b"].lora_alpha
    assert config.model.gradient_checkpointing is True and ta.learning_rate == REGISTRY["gemma3-12b"].learning_rate


def test_label_masking_both_prompt_styles(tiny_model):
    from transformers import AutoTokenizer

    from taxqa.records import QARecord
    from train_cuda.data import IGNORE_INDEX, encode_records

    record = QARecord(question="부모에게서 20억원을 증여받으면?", answer="과세표준은 15억원입니다.")
    for arch, terminator in (("gemma3", "<end_of_turn>"), ("phi2", "<|endoftext|>")):
        tokenizer = AutoTokenizer.from_pretrained(tiny_model(arch))
        [example], dropped = encode_records(tokenizer, [record], max_length=512)
        ids, labels = example["input_ids"], example["labels"]
        start = next(i for i, label in enumerate(labels) if label != IGNORE_INDEX)
        assert dropped == 0 and all(label == IGNORE_INDEX for label in labels[:start]) and labels[start:] == ids[start:]
        completion = tokenizer.decode(ids[start:])
        assert completion.startswith("과세표준은") and completion.rstrip().endswith(terminator), (arch, completion)
        prompt = tokenizer.decode(ids[:start])
        assert record.question in prompt and "과세표준" not in prompt
        assert ("### 답변:" in prompt) == (arch == "phi2")


@pytest.mark.parametrize("arch", ["gemma3", "gemma3-mm"])
def test_packing_keeps_examples_apart(tiny_model, arch):
    import torch
    from transformers import AutoModelForCausalLM

    from train_cuda.data import Collator, pack_examples
    from train_cuda.modeling import disable_kv_cache

    model = AutoModelForCausalLM.from_pretrained(tiny_model(arch), attn_implementation="sdpa").eval()
    disable_kv_cache(model)  # as for training: with a cache, transformers cannot see packed sequences
    a = {"input_ids": [2, 10, 11, 12, 13, 14], "labels": [-100, -100, 11, 12, 13, 14]}
    b = {"input_ids": [2, 20, 21, 22], "labels": [-100, 20, 21, 22]}
    [row] = pack_examples([a, b], max_length=16)
    batch = Collator(pad_id=0, pad_to_multiple_of=8)([row])
    assert "attention_mask" not in batch and batch["input_ids"].shape == (1, 16)
    assert batch["position_ids"][0].tolist()[:10] == [0, 1, 2, 3, 4, 5, 0, 1, 2, 3]
    with torch.no_grad():
        packed = model(input_ids=batch["input_ids"], position_ids=batch["position_ids"]).logits[0]
        alone = model(input_ids=torch.tensor([b["input_ids"]])).logits[0]
    torch.testing.assert_close(packed[6:10], alone, atol=1e-5, rtol=1e-4)
    assert batch["real_tokens"].item() == 10 and (batch["labels"][0, 10:] == -100).all()


def test_early_stopping_patience_3_by_default():
    from transformers import EarlyStoppingCallback

    from train_cuda.train import _callbacks

    config, _, _ = load_config(REPO / "train_cuda" / "train_config.yaml")
    assert config.training_args.load_best_model_at_end
    _, callbacks = _callbacks(config, "cpu", [])
    [early] = [c for c in callbacks if isinstance(c, EarlyStoppingCallback)]
    assert early.early_stopping_patience == 3
    config, _, _ = load_config(None, {"training_args.early_stopping_patience": 0})
    assert not any(isinstance(c, EarlyStoppingCallback) for c in _callbacks(config, "cpu", [])[1])
    with pytest.raises(ConfigError, match="save_steps"):
        load_config(None, {"training_args.save_steps": 30, "training_args.eval_steps": 20})


def test_qlora_bitsandbytes_config():
    import torch

    from train_cuda.modeling import bnb_config

    config, _, _ = load_config(None, {"quantization.load_in_4bit": True})
    bnb = bnb_config(config, "bf16")
    assert bnb.load_in_4bit and bnb.bnb_4bit_quant_type == "nf4" and bnb.bnb_4bit_use_double_quant
    assert bnb.bnb_4bit_compute_dtype == torch.bfloat16 and bnb.bnb_4bit_quant_storage == torch.bfloat16


def test_qlora_refused_without_cuda(tiny_model, tiny_dataset, capsys):
    argv = ["--model", str(tiny_model("gemma3")), "--data", str(tiny_dataset), "--device", "cpu", "--check"]
    code, _, err = train([*argv, "--set", "quantization.load_in_4bit=true"], capsys)
    assert code == 2 and "load_in_4bit" in err and "CUDA" in err


def test_launch_commands(capsys):
    from train_cuda import launch

    command = launch.launch_command(4, ["--model", "gemma3-12b"], python="python")
    assert command[:6] == ["python", "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "4"]
    assert command[-4:] == ["-m", "train_cuda", "--model", "gemma3-12b"]
    accel = launch.launch_command(2, [], launcher="accelerate", python="python")
    assert accel[:5] == ["python", "-m", "accelerate.commands.launch", "--num_processes", "2"]
    assert launch.choose_strategy("auto", 12_000_000_000, 4) == "fsdp"
    assert launch.choose_strategy("auto", 1_000_000_000, 4) == "ddp"
    assert launch.choose_strategy("auto", 12_000_000_000, 1) == "none"
    fsdp = launch.trainer_distributed_args("fsdp", ["Gemma3DecoderLayer"], True, "nccl")
    assert fsdp["fsdp"] == "full_shard auto_wrap" and fsdp["fsdp_config"]["transformer_layer_cls_to_wrap"] == [
        "Gemma3DecoderLayer"
    ]
    code, out, _ = train(["--nproc", "2", "--model", "phi2", "--max-steps", "5", "--print-launch"], capsys)
    assert code == 0 and "--nproc_per_node 2 -m train_cuda --model phi2 --max-steps 5" in out
    assert "--nproc 2" not in out


def test_run_numbers():
    from train_cuda import runinfo

    assert runinfo.peak_tflops("NVIDIA A100-SXM4-80GB") == 312.0
    assert runinfo.peak_tflops("NVIDIA H100 PCIe") == 756.0 and runinfo.peak_tflops("NVIDIA H100 80GB HBM3") == 989.0
    # Gemma3-12B at 2,000 tokens/s on one A100: 6 * 12.2e9 * 2000 / 312e12
    assert runinfo.mfu(12_200_000_000, 2000.0, 1, 312.0) == pytest.approx(0.4692, abs=1e-4)
    assert runinfo.cost_usd(7200, 1.89, 1)["cost_usd"] == pytest.approx(3.78)
    assert runinfo.cost_usd(3600, None, 1)["cost_usd"] is None


def test_push_to_hub_against_loopback_hub(tmp_path, hub_server, monkeypatch):
    from taxqa.errors import UserError
    from train_cuda.hub import push_adapter

    for name, content in (("adapter_config.json", "{}"), ("adapter_model.safetensors", "x"), ("run.json", "{}")):
        (tmp_path / name).write_text(content)
    (tmp_path / "checkpoints" / "checkpoint-4").mkdir(parents=True)
    (tmp_path / "checkpoints" / "checkpoint-4" / "optimizer.pt").write_text("big")
    with pytest.raises(UserError, match="OWNER/NAME"):
        push_adapter(tmp_path, "me/taxqa/lora")
    monkeypatch.delenv("HF_TOKEN")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))  # no stored login either
    with pytest.raises(UserError, match="HF_TOKEN"):
        push_adapter(tmp_path, "me/taxqa-lora")
    monkeypatch.setenv("HF_TOKEN", "hf_loopback_secret")
    url = push_adapter(tmp_path, "me/taxqa-lora")
    assert url.endswith("/me/taxqa-lora/commit/" + "a" * 40)
    paths = [p for p, _, _ in hub_server.requests]
    assert paths[0] == "/api/repos/create" and paths[-1] == "/api/models/me/taxqa-lora/commit/main"
    assert all(auth == "Bearer hf_loopback_secret" for _, auth, _ in hub_server.requests)
    assert json.loads(hub_server.requests[0][2])["visibility"] == "private"
    assert sorted(hub_server.committed_files()) == ["adapter_config.json", "adapter_model.safetensors", "run.json"]


def test_runpod_script_dry_run(tmp_path):
    script = REPO / "train_cuda" / "runpod_train.sh"
    env = {**os.environ, "GPU_COUNT": "4", "MIN_FREE_GB": "0"}
    env.pop("HF_TOKEN", None)
    argv = ["bash", str(script), "--dry-run", "--model", "gemma3-12b", "--data", "/d", "--output", str(tmp_path / "o")]
    result = subprocess.run([*argv, "--gpu-price", "1.89"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "strategy: fsdp" in out and "--nproc 4 --set distributed.strategy=fsdp" in out and "nohup" in out
    assert "HF_TOKEN is not set" in out and "taxqa convert --base gemma3-12b --adapter" in out
    assert not (tmp_path / "o").exists()  # a dry run does nothing
    env["GPU_COUNT"] = "2"
    result = subprocess.run(
        ["bash", str(script), "--dry-run", "--model", "phi2"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0 and "strategy: ddp" in result.stdout and "distributed.strategy=ddp" in result.stdout
